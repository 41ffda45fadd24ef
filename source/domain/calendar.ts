// Calendar dates without time or zone. A date is stored as ISO text `YYYY-MM-DD`
// and handled in the engine as a day number (days since 1970-01-01), so that
// comparisons and day differences never depend on the machine's time zone.
// The per-function entry points: the package root loads all of date-fns (~100 ms per process).
import {addMonths as addMonthsFns} from 'date-fns/addMonths';
import {differenceInMonths} from 'date-fns/differenceInMonths';

export type IsoDate = string;
export type Day = number;

const MS_PER_DAY = 86_400_000;

/** Day number of a valid calendar date, or undefined when it does not exist (2026-02-30). */
export function dayFromParts(year: number, month: number, day: number): Day | undefined {
	if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return undefined;
	if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
	const ms = Date.UTC(year, month - 1, day);
	const check = new Date(ms);
	if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
	return Math.round(ms / MS_PER_DAY);
}

const ZERO = 0x30;
const DASH = 0x2d;

/** Value of the ASCII digit at `i`, or NaN when it is anything else. */
function digitAt(text: string, i: number): number {
	const value = text.charCodeAt(i) - ZERO;
	return value >= 0 && value <= 9 ? value : NaN;
}

function isLeapYear(year: number): boolean {
	return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_LENGTHS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Days since 1970-01-01 of a valid date, year ≥ 0 (H. Hinnant's days_from_civil). */
function daysFromCivil(year: number, month: number, day: number): Day {
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
	const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146_097 + dayOfEra - 719_468;
}

/**
 * Day number of `YYYY-MM-DD`, or undefined when the text is not that or the date
 * does not exist. Character codes and arithmetic, no RegExp or Date: every stored
 * date goes through here (store check, facts). Same answers as /^(\d{4})-(\d{2})-(\d{2})$/ + dayFromParts,
 * including years 0000–0099, which Date.UTC reads as 1900–1999 and dayFromParts refuses.
 */
export function parseIsoDate(text: string): Day | undefined {
	if (text.length !== 10 || text.charCodeAt(4) !== DASH || text.charCodeAt(7) !== DASH) return undefined;
	const year = digitAt(text, 0) * 1000 + digitAt(text, 1) * 100 + digitAt(text, 2) * 10 + digitAt(text, 3);
	const month = digitAt(text, 5) * 10 + digitAt(text, 6);
	const day = digitAt(text, 8) * 10 + digitAt(text, 9);
	// NaN (a non-digit) fails every comparison below
	if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1)) return undefined;
	const length = month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1]!;
	if (!(day <= length)) return undefined;
	return daysFromCivil(year, month, day);
}

/** Day number of an ISO date known to be valid (stored data); throws otherwise. */
export function toDay(iso: IsoDate): Day {
	const day = parseIsoDate(iso);
	if (day === undefined) throw new RangeError(`date invalide : ${iso}`);
	return day;
}

export function isoFromDay(day: Day): IsoDate {
	return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
}

export function partsOfDay(day: Day): {year: number; month: number; day: number} {
	const date = new Date(day * MS_PER_DAY);
	return {year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate()};
}

/** dd/mm/yyyy, how French users read dates. */
export function frenchDate(day: Day | IsoDate | undefined): string {
	if (day === undefined || day === '') return '';
	const d = typeof day === 'string' ? parseIsoDate(day) : day;
	if (d === undefined) return String(day);
	const p = partsOfDay(d);
	return `${String(p.day).padStart(2, '0')}/${String(p.month).padStart(2, '0')}/${p.year}`;
}

/** Day of week, 0 = Sunday … 6 = Saturday. */
export function weekday(day: Day): number {
	return (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
}

/** Today's local calendar date (the only place that reads the clock; callers pass it down). */
export function localToday(now: Date = new Date()): Day {
	return dayFromParts(now.getFullYear(), now.getMonth() + 1, now.getDate())!;
}

// date-fns works on local Date objects; a local midnight built from the parts
// keeps its calendar arithmetic exact in every time zone.
function localDate(day: Day): Date {
	const p = partsOfDay(day);
	return new Date(p.year, p.month - 1, p.day);
}

function dayOfLocal(date: Date): Day {
	return dayFromParts(date.getFullYear(), date.getMonth() + 1, date.getDate())!;
}

// Month arithmetic goes through Date objects (date-fns) and showed up in the triage
// profile; a caseload has a few thousand distinct dates, so each answer is kept.
const MONTH_CACHE_LIMIT = 200_000;
const addMonthsCache = new Map<number, Day>();
const monthsBetweenCache = new Map<number, number>();

// Both numbers are far below 2^25 in magnitude (day 2^25 is 91,000 years away),
// so one exact integer key holds the pair.
function pairKey(a: number, b: number): number {
	return a * 67_108_864 + b;
}

/** date-fns addMonths: 31 August + 6 months = last day of February. */
export function addMonths(day: Day, months: number): Day {
	const key = pairKey(day, months);
	let result = addMonthsCache.get(key);
	if (result === undefined) {
		result = dayOfLocal(addMonthsFns(localDate(day), months));
		if (addMonthsCache.size >= MONTH_CACHE_LIMIT) addMonthsCache.clear();
		addMonthsCache.set(key, result);
	}
	return result;
}

/** REFERENTIEL §3 `months(a, b)` = date-fns differenceInMonths(b, a): full months from a to b. */
export function monthsBetween(from: Day, to: Day): number {
	const key = pairKey(from, to);
	let result = monthsBetweenCache.get(key);
	if (result === undefined) {
		result = differenceInMonths(localDate(to), localDate(from));
		if (monthsBetweenCache.size >= MONTH_CACHE_LIMIT) monthsBetweenCache.clear();
		monthsBetweenCache.set(key, result);
	}
	return result;
}

/** REFERENTIEL §3 `days(a, b)` = differenceInCalendarDays(b, a). */
export function daysBetween(from: Day, to: Day): number {
	return to - from;
}
