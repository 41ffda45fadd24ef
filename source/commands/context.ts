// What every command receives once the flags are parsed.
import {type Day, frenchDate, localToday, parseIsoDate} from '../domain/calendar.js';
import {UsageError} from '../domain/errors.js';

export interface CommandContext {
	readonly storePath: string;
	readonly today: Day;
	readonly referent?: string;
	/** positional arguments after the command name */
	readonly args: readonly string[];
	readonly flags: Readonly<Record<string, unknown>>;
}

const FRENCH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** A date typed on the command line: YYYY-MM-DD (or dd/mm/yyyy); undefined when impossible. */
export function parseCliDate(text: string): Day | undefined {
	const french = FRENCH_RE.exec(text.trim());
	if (french) return parseIsoDate(`${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}`);
	return parseIsoDate(text.trim());
}

export function requireCliDate(flag: string, text: string | undefined): Day | undefined {
	if (text === undefined) return undefined;
	const day = parseCliDate(text);
	if (day === undefined) {
		throw new UsageError(`--${flag} : date impossible « ${text} » (attendu AAAA-MM-JJ, par exemple 2026-11-22).`);
	}
	return day;
}

export function todayFrom(flag: string | undefined): Day {
	return requireCliDate('today', flag) ?? localToday();
}

export function describeToday(today: Day): string {
	return frenchDate(today);
}
