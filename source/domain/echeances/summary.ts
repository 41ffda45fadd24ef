// The dashboard's line about échéances: how many are late, due this week, and due
// by the next cellule (settings.nextCellule) — late ones included there, since
// they too must be dealt with before it. Counts the items a snooze does not hide.
import type {Day} from '../calendar.js';
import {endOfWeek} from './groups.js';
import type {ListedEcheance} from './list.js';

export interface EcheanceSummary {
	readonly late: number;
	/** due from T to the Sunday of this week */
	readonly thisWeek: number;
	/** the next cellule, when the store has one */
	readonly cellule?: Day;
	/** due on or before the cellule day, late ones included; undefined when there is no cellule or it is past */
	readonly beforeCellule?: number;
}

/** `items`: a list's items up to at least the cellule day (snoozed ones are not counted). */
export function echeanceSummary(items: readonly ListedEcheance[], today: Day, cellule: Day | undefined): EcheanceSummary {
	const sunday = endOfWeek(today);
	const upcoming = cellule !== undefined && cellule >= today;
	let late = 0;
	let thisWeek = 0;
	let beforeCellule = 0;
	for (const item of items) {
		if (item.snooze !== undefined) continue;
		if (item.due < today) late++;
		else if (item.due <= sunday) thisWeek++;
		if (upcoming && item.due <= cellule) beforeCellule++;
	}
	return {late, thisWeek, cellule, beforeCellule: upcoming ? beforeCellule : undefined};
}
