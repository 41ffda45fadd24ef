// Cells as users have them, reduced to plain values once per row by the readers
// (xlsx/sheetRows.ts, csv.ts): text trimmed, numbers, days of date cells,
// booleans — and errors (#N/A…), which the import reports instead of reading a blank.
import {type Day, dayFromParts, frenchDate} from '../domain/calendar.js';
import {foldText} from '../domain/text.js';

/** An error cell (`#N/A`, `#DIV/0!`…) or a cell whose value the file does not give: `error` is how Excel shows it, or says why. */
export interface CellError {
	readonly error: string;
}

/** A cell once read: text (trimmed, never empty), a number, a date cell's day, a boolean, an error, or nothing. */
export type Plain = string | number | boolean | {readonly day: Day} | CellError | undefined;

/** Excel serial 25569 = 1970-01-01 (1900 date system); the 1904 system is 1462 days later. */
const EXCEL_EPOCH_OFFSET = 25_569;
const EXCEL_1904_OFFSET = 1_462;

/** Day of an Excel date serial: its integer part is the calendar date shown, whatever the time zone. */
export function dayFromSerial(serial: number, date1904 = false): Day {
	return Math.floor(serial) - EXCEL_EPOCH_OFFSET + (date1904 ? EXCEL_1904_OFFSET : 0);
}

/** Text as a cell holds it: trimmed; blank is no value. */
export function plainText(text: string): Plain {
	const trimmed = text.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** A cell Excel shows as an error, or whose value cannot be known: a fault, never a blank. */
export function isCellError(value: Plain): value is CellError {
	return typeof value === 'object' && 'error' in value;
}

/** How a cell is shown in a fault message. */
export function displayPlain(value: Plain): string {
	if (value === undefined) return '';
	if (typeof value === 'object') return 'error' in value ? value.error : frenchDate(value.day);
	if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
	return String(value);
}

export type Parsed<T> = {ok: true; value: T | undefined} | {ok: false; problem: string};

/** What an error cell is said to be wherever a value is read. */
export const ERROR_PROBLEM = 'cellule en erreur dans le classeur (corrigez la formule ou la valeur) : elle n’est pas lue comme vide';

/** A time of day after the date (`03/02/2026 00:00`, `2026-02-03T00:00:00`) is ignored: only the day counts. */
const FRENCH_DATE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)(?:[ T]+\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
/** Excel serials between 1900-01-01 and 2199-12-31: anything else in a date column is not a date. */
const MIN_DAY = -25_567;
const MAX_DAY = 84_005;

/** The day a date-formatted number shows, or undefined when it is no plausible date (it then stays a number). */
export function dayOfDateCell(serial: number, date1904 = false): Day | undefined {
	const day = dayFromSerial(serial, date1904);
	return day < MIN_DAY || day > MAX_DAY ? undefined : day;
}

/** A date column's cell: a date cell, a serial, or text dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd. */
export function parseDate(value: Plain, date1904 = false): Parsed<Day> {
	if (value === undefined) return {ok: true, value: undefined};
	if (typeof value === 'object') return 'error' in value ? {ok: false, problem: ERROR_PROBLEM} : {ok: true, value: value.day};
	if (typeof value === 'number') {
		const day = dayFromSerial(value, date1904);
		if (day < MIN_DAY || day > MAX_DAY) return {ok: false, problem: 'nombre qui n’est pas une date'};
		return {ok: true, value: day};
	}
	if (typeof value === 'boolean') return {ok: false, problem: 'date attendue (jj/mm/aaaa)'};
	const french = FRENCH_DATE_RE.exec(value);
	if (french) {
		const yearText = french[3]!;
		if (yearText.length === 2) return {ok: false, problem: 'année à deux chiffres : écrivez l’année en entier (jj/mm/aaaa)'};
		if (yearText.length !== 4) return {ok: false, problem: 'date impossible (attendu jj/mm/aaaa)'};
		const day = dayFromParts(Number(yearText), Number(french[2]), Number(french[1]));
		return day === undefined ? {ok: false, problem: 'date impossible'} : {ok: true, value: day};
	}
	const iso = ISO_DATE_RE.exec(value);
	if (iso) {
		const day = dayFromParts(Number(iso[1]), Number(iso[2]), Number(iso[3]));
		return day === undefined ? {ok: false, problem: 'date impossible'} : {ok: true, value: day};
	}
	return {ok: false, problem: 'date illisible (attendu jj/mm/aaaa)'};
}

const TRUE_WORDS = new Set(['oui', 'o', 'vrai', 'true', 'x', '1', 'yes']);
const FALSE_WORDS = new Set(['non', 'n', 'faux', 'false', '0', 'no']);

/** `Oui`/`Non` in any case (and the booleans Excel itself writes). */
export function parseBoolean(value: Plain): Parsed<boolean> {
	if (value === undefined) return {ok: true, value: undefined};
	if (isCellError(value)) return {ok: false, problem: ERROR_PROBLEM};
	if (typeof value === 'boolean') return {ok: true, value};
	if (typeof value === 'number' && (value === 0 || value === 1)) return {ok: true, value: value === 1};
	if (typeof value === 'string') {
		const folded = foldText(value);
		if (TRUE_WORDS.has(folded)) return {ok: true, value: true};
		if (FALSE_WORDS.has(folded)) return {ok: true, value: false};
	}
	return {ok: false, problem: 'attendu Oui ou Non'};
}

/**
 * A text column's cell: numbers typed in Excel (an Id, a CAF number) read as their digits.
 * An error cell is the import's fault to report (parseImport checks isCellError first);
 * here it reads as its error text rather than as a blank.
 */
export function parseText(value: Plain): string | undefined {
	if (value === undefined) return undefined;
	if (isCellError(value)) return value.error;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
	return frenchDate(value.day);
}
