// Cells as users have them, reduced to plain values once per row: rich text,
// hyperlinks and formulas become their text or cached result; text is trimmed.
import {type Day, dayFromParts, frenchDate} from '../domain/calendar.js';
import {foldText} from '../domain/text.js';

/** A cell once read: text (trimmed, never empty), a number, a date cell's day, a boolean, or nothing. */
export type Plain = string | number | boolean | {readonly day: Day} | undefined;

const MS_PER_DAY = 86_400_000;
/** Excel serial 25569 = 1970-01-01 (1900 date system); the 1904 system is 1462 days later. */
const EXCEL_EPOCH_OFFSET = 25_569;
const EXCEL_1904_OFFSET = 1_462;

/** Day of an Excel date serial: its integer part is the calendar date shown, whatever the time zone. */
export function dayFromSerial(serial: number, date1904 = false): Day {
	return Math.floor(serial) - EXCEL_EPOCH_OFFSET + (date1904 ? EXCEL_1904_OFFSET : 0);
}

/** exceljs gives date cells as JS Dates at UTC midnight of the day shown: keep that UTC day. */
function dayFromDate(date: Date): Day | undefined {
	const ms = date.getTime();
	if (Number.isNaN(ms)) return undefined;
	return Math.floor(ms / MS_PER_DAY);
}

function plainText(text: string): Plain {
	const trimmed = text.trim();
	return trimmed === '' ? undefined : trimmed;
}

/** Any exceljs cell value → a plain value. */
export function plainFromCell(value: unknown): Plain {
	if (value === null || value === undefined) return undefined;
	switch (typeof value) {
		case 'string':
			return plainText(value);
		case 'number':
			return Number.isFinite(value) ? value : undefined;
		case 'boolean':
			return value;
		case 'object':
			break;
		default:
			return plainText(String(value));
	}
	if (value instanceof Date) {
		const day = dayFromDate(value);
		return day === undefined ? undefined : {day};
	}
	const cell = value as {
		richText?: Array<{text?: string}>;
		text?: unknown;
		result?: unknown;
		formula?: unknown;
		sharedFormula?: unknown;
		error?: unknown;
	};
	if (Array.isArray(cell.richText)) return plainText(cell.richText.map(run => run.text ?? '').join(''));
	if ('formula' in cell || 'sharedFormula' in cell || 'result' in cell) return plainFromCell(cell.result);
	if ('text' in cell) return plainFromCell(cell.text); // hyperlink {text, hyperlink}
	if ('error' in cell) return undefined;
	return undefined;
}

/** How a cell is shown in a fault message. */
export function displayPlain(value: Plain): string {
	if (value === undefined) return '';
	if (typeof value === 'object') {
		return frenchDate(value.day);
	}
	if (typeof value === 'boolean') return value ? 'VRAI' : 'FAUX';
	return String(value);
}

export type Parsed<T> = {ok: true; value: T | undefined} | {ok: false; problem: string};

/** A time of day after the date (`03/02/2026 00:00`, `2026-02-03T00:00:00`) is ignored: only the day counts. */
const FRENCH_DATE_RE = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d+)(?:[ T]+\d{1,2}[:h]\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const ISO_DATE_RE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/;
/** Excel serials between 1900-01-01 and 2199-12-31: anything else in a date column is not a date. */
const MIN_DAY = -25_567;
const MAX_DAY = 84_005;

/** A date column's cell: a date cell, a serial, or text dd/mm/yyyy, d/m/yyyy, yyyy-mm-dd. */
export function parseDate(value: Plain, date1904 = false): Parsed<Day> {
	if (value === undefined) return {ok: true, value: undefined};
	if (typeof value === 'object') return {ok: true, value: value.day};
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
	if (typeof value === 'boolean') return {ok: true, value};
	if (typeof value === 'number' && (value === 0 || value === 1)) return {ok: true, value: value === 1};
	if (typeof value === 'string') {
		const folded = foldText(value);
		if (TRUE_WORDS.has(folded)) return {ok: true, value: true};
		if (FALSE_WORDS.has(folded)) return {ok: true, value: false};
	}
	return {ok: false, problem: 'attendu Oui ou Non'};
}

/** A text column's cell: numbers typed in Excel (an Id, a CAF number) read as their digits. */
export function parseText(value: Plain): string | undefined {
	if (value === undefined) return undefined;
	if (typeof value === 'string') return value;
	if (typeof value === 'number') return String(value);
	if (typeof value === 'boolean') return value ? 'Oui' : 'Non';
	return displayPlain(value);
}
