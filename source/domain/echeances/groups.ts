// The text list and the screen group échéances by week: « En retard », « Cette
// semaine », « Semaine prochaine », « D'ici le JJ/MM ». Weeks run Monday to
// Sunday, as French calendars print them (README).
import {type Day, frenchDate, weekday} from '../calendar.js';
import type {Echeance} from './rules.js';

export type EcheanceGroupId = 'late' | 'this-week' | 'next-week' | 'later';

export interface EcheanceGroup<T extends Echeance = Echeance> {
	readonly id: EcheanceGroupId;
	/** French heading */
	readonly label: string;
	/** first and last day of the group (late: up to T − 1, no first day) */
	readonly from?: Day;
	readonly to: Day;
	readonly items: T[];
}

/** The Sunday ending the week (Monday–Sunday) that holds `day`. */
export function endOfWeek(day: Day): Day {
	return day + ((7 - weekday(day)) % 7);
}

/** Which group an item due on `due` falls in on day T. */
export function groupOf(due: Day, today: Day): EcheanceGroupId {
	if (due < today) return 'late';
	const sunday = endOfWeek(today);
	if (due <= sunday) return 'this-week';
	return due <= sunday + 7 ? 'next-week' : 'later';
}

/** The four groups in order, each with its items in the given order (empty groups included). */
export function groupEcheances<T extends Echeance>(items: readonly T[], today: Day, until: Day): Array<EcheanceGroup<T>> {
	const sunday = endOfWeek(today);
	const groups: Array<EcheanceGroup<T>> = [
		{id: 'late', label: 'En retard', to: today - 1, items: []},
		{id: 'this-week', label: 'Cette semaine', from: today, to: sunday, items: []},
		{id: 'next-week', label: 'Semaine prochaine', from: sunday + 1, to: sunday + 7, items: []},
		{id: 'later', label: `D'ici le ${frenchDate(until).slice(0, 5)}`, from: sunday + 8, to: until, items: []},
	];
	const position: Record<EcheanceGroupId, number> = {late: 0, 'this-week': 1, 'next-week': 2, later: 3};
	for (const item of items) groups[position[groupOf(item.due, today)]]!.items.push(item);
	return groups;
}
