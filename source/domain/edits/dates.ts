// Dates typed in forms: dd/mm/yyyy (as French users write them), d/m/yyyy or
// yyyy-mm-dd, or a day number from a date picker. Impossible dates get a French message.
import {type Day, frenchDate, isoFromDay, parseIsoDate} from '../calendar.js';
import type {Checked} from './result.js';

/** Text from a form field, an ISO date, or a day number (date picker, "today"). */
export type DateInput = string | Day;

const FRENCH_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

/** Day of a typed date, or undefined when it is not a possible calendar date. */
export function parseTypedDate(text: string): Day | undefined {
	const trimmed = text.trim();
	const french = FRENCH_RE.exec(trimmed);
	if (french) return parseIsoDate(`${french[3]}-${french[2]!.padStart(2, '0')}-${french[1]!.padStart(2, '0')}`);
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
