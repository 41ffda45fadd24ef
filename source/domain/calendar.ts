// Calendar dates without time or zone. A date is stored as ISO text `YYYY-MM-DD`
// and handled in the engine as a day number (days since 1970-01-01), so that
// comparisons and day differences never depend on the machine's time zone.

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

// Every month of 1900–2199: its first day number and its length. A triage reads
// 300,000 dates at 10,000 participants; two lookups each instead of divisions
// take a third off their reading. Other years are computed.
const TABLE_FIRST_YEAR = 1900;
const TABLE_YEARS = 300;
const MONTH_STARTS = new Int32Array(TABLE_YEARS * 12);
const MONTH_LENGTHS_BY_INDEX = new Uint8Array(TABLE_YEARS * 12);
for (let index = 0; index < MONTH_STARTS.length; index++) {
	const year = TABLE_FIRST_YEAR + Math.floor(index / 12);
	const month = (index % 12) + 1;
	MONTH_STARTS[index] = daysFromCivil(year, month, 1);
	MONTH_LENGTHS_BY_INDEX[index] = month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1]!;
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
	return dayOfIsoFields(year, month, day);
}

/**
 * Day number of the YYYY, MM and DD fields of an ISO date, each read from its
 * digits (NaN when one is not a digit), or undefined when the date does not exist.
 * parseIsoDate reads text; the store scanner (store/storeScan.ts) reads bytes.
 */
export function dayOfIsoFields(year: number, month: number, day: number): Day | undefined {
	// NaN (a non-digit) fails every comparison below
	if (!(year >= 100 && month >= 1 && month <= 12 && day >= 1)) return undefined;
	const index = (year - TABLE_FIRST_YEAR) * 12 + month - 1;
	if (index >= 0 && index < MONTH_STARTS.length) return day <= MONTH_LENGTHS_BY_INDEX[index]! ? MONTH_STARTS[index]! + day - 1 : undefined;
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

/** Year, month (1–12) and day of a day number (H. Hinnant's civil_from_days: no Date object). */
export function partsOfDay(day: Day): {year: number; month: number; day: number} {
	const z = day + 719_468;
	const era = Math.floor(z / 146_097);
	const dayOfEra = z - era * 146_097;
	const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36_524) - Math.floor(dayOfEra / 146_096)) / 365);
	const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const shifted = Math.floor((5 * dayOfYear + 2) / 153); // 0 = March
	const month = shifted < 10 ? shifted + 3 : shifted - 9;
	return {
		year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0),
		month,
		day: dayOfYear - Math.floor((153 * shifted + 2) / 5) + 1,
	};
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

/** Days in `month` (1–12) of `year`. */
const TABLE_FIRST_INDEX = TABLE_FIRST_YEAR * 12;
const TABLE_FIRST_DAY = MONTH_STARTS[0]!;
const TABLE_END_DAY = daysFromCivil(TABLE_FIRST_YEAR + TABLE_YEARS, 1, 1);

/** year × 12 + month − 1 of a day number (the month table, else civil_from_days). */
function monthIndexOf(day: Day): number {
	if (day >= TABLE_FIRST_DAY && day < TABLE_END_DAY) {
		// an estimate from the mean month length, then at most a step either way
		let k = Math.floor((day - TABLE_FIRST_DAY) / 30.436875);
		if (k >= MONTH_STARTS.length) k = MONTH_STARTS.length - 1;
		while (MONTH_STARTS[k]! > day) k--;
		while (k + 1 < MONTH_STARTS.length && MONTH_STARTS[k + 1]! <= day) k++;
		return TABLE_FIRST_INDEX + k;
	}
	const p = partsOfDay(day);
	return p.year * 12 + p.month - 1;
}

/** Day number of the first day of month index `index` (year × 12 + month − 1). */
function firstDayOfMonthIndex(index: number): Day {
	const k = index - TABLE_FIRST_INDEX;
	return k >= 0 && k < MONTH_STARTS.length ? MONTH_STARTS[k]! : dayOfMonthIndex(index, 1);
}

function monthLength(year: number, month: number): number {
	return month === 2 && isLeapYear(year) ? 29 : MONTH_LENGTHS[month - 1]!;
}

/** Day number of day `day` (may run past the month's end, as Date does) of month index `index` = year × 12 + month − 1. */
function dayOfMonthIndex(index: number, day: number): Day {
	const year = Math.floor(index / 12);
	return daysFromCivil(year, index - year * 12 + 1, 1) + day - 1;
}

// Month arithmetic used to go through date-fns on local Date objects: loading it
// cost ~20 ms per process and its calls showed in the triage profile. addMonths
// follows date-fns 4 step by step on calendar numbers (checked against it over
// decades), and monthsBetween is its inverse, so no time zone is involved.

/** date-fns addMonths: 31 August + 6 months = last day of February. */
export function addMonths(day: Day, months: number): Day {
	if (months === 0) return day;
	if (!Number.isFinite(months)) return undefined as unknown as Day; // date-fns: Invalid Date
	const current = monthIndexOf(day);
	const dayOfMonth = day - firstDayOfMonthIndex(current) + 1;
	// Date#setMonth truncates a fractional month, after adding it to the current one
	const currentYear = Math.floor(current / 12);
	const index = currentYear * 12 + Math.trunc(current - currentYear * 12 + months + 1) - 1;
	const year = Math.floor(index / 12);
	const month = index - year * 12 + 1;
	return daysFromCivil(year, month, Math.min(dayOfMonth, monthLength(year, month)));
}

/**
 * REFERENTIEL §3 `months(a, b)`: the largest m ≥ 0 with addMonths(a, m) ≤ b (0 when
 * b < a). The inverse of addMonths, so that a renewal due on a day and the months
 * shown that day agree: integrated 31/05, on 30/11 that is 6 months (date-fns's
 * differenceInMonths says 5 there, and is not used).
 */
export function monthsBetween(from: Day, to: Day): number {
	if (to <= from) return 0;
	// addMonths(from, m) falls in the month m months after from's: at most b's month
	const months = monthIndexOf(to) - monthIndexOf(from);
	return addMonths(from, months) <= to ? months : months - 1;
}

/** REFERENTIEL §3 `days(a, b)` = differenceInCalendarDays(b, a). */
export function daysBetween(from: Day, to: Day): number {
	return to - from;
}
