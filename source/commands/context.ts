// What every command receives once the flags are parsed.
import {type Day, frenchDate, localToday} from '../domain/calendar.js';
import {parseTypedDate} from '../domain/edits/dates.js';
import {UsageError} from '../domain/errors.js';

export interface CommandContext {
	readonly storePath: string;
	readonly today: Day;
	readonly referent?: string;
	/** positional arguments after the command name */
	readonly args: readonly string[];
	readonly flags: Readonly<Record<string, unknown>>;
}

export function requireCliDate(flag: string, text: string | undefined): Day | undefined {
	if (text === undefined) return undefined;
	// YYYY-MM-DD, or dd/mm/yyyy as in the forms
	const day = parseTypedDate(text);
	if (day === undefined) {
		throw new UsageError(`--${flag} : date impossible « ${text} » (attendu jj/mm/aaaa ou AAAA-MM-JJ, par exemple 22/11/2026 ou 2026-11-22).`);
	}
	return day;
}

export function todayFrom(flag: string | undefined): Day {
	return requireCliDate('today', flag) ?? localToday();
}

export function describeToday(today: Day): string {
	return frenchDate(today);
}
