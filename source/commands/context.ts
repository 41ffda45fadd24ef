// What every command receives once the flags are parsed.
import {type Day, frenchDate, localToday} from '../domain/calendar.js';
import {parseTypedDate, type YearlessContext} from '../domain/edits/dates.js';
import {UsageError} from '../domain/errors.js';

export interface CommandContext {
	readonly storePath: string;
	readonly today: Day;
	readonly referent?: string;
	/** positional arguments after the command name */
	readonly args: readonly string[];
	readonly flags: Readonly<Record<string, unknown>>;
}

/**
 * A date flag: YYYY-MM-DD, dd/mm/yyyy as in the forms, or dd/mm without the year
 * read against `yearless.today` (domain/edits/dates.ts YearlessContext: this year's
 * day, or for a flag that looks ahead the first one on or after today).
 */
export function requireCliDate(flag: string, text: string | undefined, yearless?: YearlessContext): Day | undefined {
	if (text === undefined) return undefined;
	const day = parseTypedDate(text, yearless);
	if (day === undefined) {
		throw new UsageError(`--${flag} : date impossible « ${text} » (attendu jj/mm/aaaa, jj/mm ou AAAA-MM-JJ, par exemple 22/11/2026, 22/11 ou 2026-11-22).`);
	}
	return day;
}

export function todayFrom(flag: string | undefined): Day {
	const clock = localToday();
	return requireCliDate('today', flag, {today: clock}) ?? clock;
}

export function describeToday(today: Day): string {
	return frenchDate(today);
}

/**
 * A text option's value as given, undefined when absent; present but empty (or
 * not text) is a usage error naming it as typed (`shown`), with `hint` when given.
 */
export function textFlag(flags: Readonly<Record<string, unknown>>, name: string, shown = name, hint?: string): string | undefined {
	const value = flags[name];
	if (value === undefined) return undefined;
	if (typeof value !== 'string' || value.trim() === '') throw new UsageError(`--${shown} : valeur manquante${hint === undefined ? '' : ` (${hint})`}.`);
	return value;
}
