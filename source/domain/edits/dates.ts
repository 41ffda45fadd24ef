// Dates typed in forms: dd/mm/yyyy (as French users write them), d/m/yyyy or
// yyyy-mm-dd, dd/mm without the year (read against today), or a day number from a
// date picker. Impossible dates get a French message.
import {type Day, dayFromParts, frenchDate, isoFromDay, parseIsoDate, partsOfDay} from '../calendar.js';
import type {Checked} from './result.js';

/** Text from a form field, an ISO date, or a day number (date picker, "today"). */
export type DateInput = string | Day;

const FRENCH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const DAY_MONTH_RE = /^(\d{1,2})\/(\d{1,2})$/;

/**
 * How a date typed without its year (« 27/11 ») is read: against `today`. A plain
 * field takes this year's day; a field that looks ahead (`ahead`: the end of a
 * CER, the end of a snooze, the next cellule, a horizon) takes the first such day
 * on or after today — next year's when this year's has passed.
 */
export interface YearlessContext {
	readonly today: Day;
	readonly ahead?: boolean;
}

/** The day `day/month` without a year means on `today` (see YearlessContext); undefined when it does not exist that year. */
export function yearlessDay(day: number, month: number, context: YearlessContext): Day | undefined {
	const {year} = partsOfDay(context.today);
	const thisYear = dayFromParts(year, month, day);
	if (!context.ahead) return thisYear;
	if (thisYear !== undefined && thisYear >= context.today) return thisYear;
	// 29/02 after this year's February, or a day already passed: next year's
	return dayFromParts(year + 1, month, day);
}

/** True when the text is a day and month without a year (« 27/11 »). */
export function isYearless(text: string): boolean {
	return DAY_MONTH_RE.test(text.trim());
}

/**
 * Day of a typed date, or undefined when it is not a possible calendar date.
 * Without `context`, a date must have its year; with it, « 27/11 » is read as
 * YearlessContext says.
 */
export function parseTypedDate(text: string, context?: YearlessContext): Day | undefined {
	const trimmed = text.trim();
	const french = FRENCH_RE.exec(trimmed);
	if (french) return parseIsoDate(`${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}`);
	const yearless = context === undefined ? null : DAY_MONTH_RE.exec(trimmed);
	if (yearless) return yearlessDay(Number(yearless[1]), Number(yearless[2]), context!);
	return parseIsoDate(trimmed);
}

/** Reads a required date; `field` names it in the error ("date de début"). */
export function readDate(input: DateInput, field: string): Checked<Day> {
	if (typeof input === 'number') {
		return Number.isInteger(input) ? {ok: true, value: input} : {ok: false, error: `${capitalize(field)} : date impossible.`};
	}
	if (input.trim() === '') return {ok: false, error: `${capitalize(field)} : à renseigner (jj/mm/aaaa).`};
	const day = parseTypedDate(input);
	if (day === undefined) {
		return {ok: false, error: `${capitalize(field)} : « ${input.trim()} » n’est pas une date possible (jj/mm/aaaa).`};
	}
	return {ok: true, value: day};
}

/** Reads an optional date: blank text or null means "no date". */
export function readOptionalDate(input: DateInput | null | undefined, field: string): Checked<Day | undefined> {
	if (input === undefined || input === null || (typeof input === 'string' && input.trim() === '')) {
		return {ok: true, value: undefined};
	}
	return readDate(input, field);
}

/** The French refusal when an end precedes its start, or undefined when in order. */
export function endBeforeStart(start: Day | undefined, end: Day | undefined, what: string): string | undefined {
	if (start === undefined || end === undefined || end >= start) return undefined;
	return `${capitalize(what)} : la fin (${frenchDate(end)}) précède le début (${frenchDate(start)}).`;
}

export function iso(day: Day): string {
	return isoFromDay(day);
}

export function capitalize(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}
