// The date by which the cellule de suivi preparation is due: "au plus tard cinq
// jours ouvrables avant la cellule de suivi" (003_… section V). Jours ouvrables are
// Monday to Saturday, jours ouvrés Monday to Friday; French public holidays are
// never working days; the meeting day itself is not counted.
import Holidays from 'date-holidays';
import {type Day, parseIsoDate, partsOfDay, weekday} from './calendar.js';
import type {Settings} from './settings.js';

export type WorkingDaysKind = Settings['workingDays'];

const holidaysByYear = new Map<number, ReadonlySet<Day>>();
let calendar: Holidays | undefined;

/**
 * French public holidays (type 'public' only: no observances such as Mother's Day)
 * of one year, as day numbers. date-holidays returns Date objects at the local
 * midnight of France; its `date` text ('YYYY-MM-DD hh:mm:ss') is the calendar date
 * whatever the machine's time zone, so that is what we read.
 */
export function frenchPublicHolidays(year: number): ReadonlySet<Day> {
	let days = holidaysByYear.get(year);
	if (days === undefined) {
		calendar ??= new Holidays('FR');
		const set = new Set<Day>();
		for (const holiday of calendar.getHolidays(year)) {
			if (holiday.type !== 'public') continue;
			const day = parseIsoDate(holiday.date.slice(0, 10));
			if (day !== undefined) set.add(day);
		}
		days = set;
		holidaysByYear.set(year, days);
	}
	return days;
}

export function isPublicHoliday(day: Day): boolean {
	return frenchPublicHolidays(partsOfDay(day).year).has(day);
}

export function isWorkingDay(day: Day, kind: WorkingDaysKind): boolean {
	const dow = weekday(day);
	if (dow === 0) return false; // Sunday
	if (dow === 6 && kind === 'ouvres') return false; // Saturday is ouvrable, not ouvré
	return !isPublicHoliday(day);
}

/** `day` itself when it is a working day, else the next one (a meeting is never proposed on a Sunday or a holiday). */
export function workingDayFrom(day: Day, kind: WorkingDaysKind): Day {
	let current = day;
	while (!isWorkingDay(current, kind)) current++;
	return current;
}

/** The cellule `E` and `export --cellule` propose when none is stored ahead: the first working day two weeks on. */
export function proposedCellule(today: Day, settings: Settings): Day {
	return workingDayFrom(today + 14, settings.workingDays);
}

/** The `count`-th working day before `day` (that day not counted); `day` itself when count is 0. */
export function workingDaysBefore(day: Day, count: number, kind: WorkingDaysKind): Day {
	let current = day;
	for (let found = 0; found < count; ) {
		current--;
		if (isWorkingDay(current, kind)) found++;
	}
	return current;
}

/** Meeting Tuesday 08/12/2026 → Wednesday 02/12/2026 (5 jours ouvrables, Sunday skipped). */
export function preparationDueDate(meeting: Day, settings: Settings): Day {
	return workingDaysBefore(meeting, settings.preparationWorkingDays, settings.workingDays);
}
