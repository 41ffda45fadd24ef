// Setting the next cellule date (settings.nextCellule) from the dashboard: an
// intention on the date the screen showed. Under the lock (file) or the settings
// row's lock (base), against the date stored now:
//   - nobody changed it: the new date is written, with a journal line (before → after);
//   - a colleague set the same date meanwhile: both agree, nothing is written;
//   - a colleague set another date: nothing is written, both dates are named.
// The other settings are taken as stored now (a colleague's change to them is kept).
import {frenchDate, type IsoDate} from '../domain/calendar.js';
import type {Settings} from '../domain/settings.js';
import type {JournalEntry} from './journal.js';
import type {StoreData} from './schema.js';

export type SettingsOutcome =
	/** written; `data`: the store as now (colleagues' changes included) */
	| {readonly status: 'saved'; readonly data: StoreData; readonly description: string; readonly revision?: string}
	/** nothing to write: the date is already the one asked (byColleague: set meanwhile on another computer) */
	| {readonly status: 'unchanged'; readonly description: string; readonly byColleague?: boolean; readonly data?: StoreData; readonly revision?: string}
	/** a colleague set another date meanwhile: nothing written; `data` is the store as now */
	| {readonly status: 'conflict'; readonly data: StoreData; readonly message: string; readonly revision?: string}
	/** the store could not be read, locked or written (or this login may not change the settings): nothing written */
	| {readonly status: 'failed'; readonly message: string};

/** The journal's label for the setting. */
export const NEXT_CELLULE_LABEL = 'Prochaine cellule';

export function nextCelluleDescription(next: IsoDate): string {
	return `date de la prochaine cellule : ${frenchDate(next)}`;
}

/** What to do with the stored settings `theirs`, asked to go from `seen` (as shown) to `next`. */
export type NextCellulePlan =
	| {readonly kind: 'write'; readonly settings: Settings; readonly entry: JournalEntry}
	| {readonly kind: 'unchanged'; readonly byColleague: boolean}
	| {readonly kind: 'conflict'; readonly message: string};

export function planNextCellule(theirs: Settings, seen: IsoDate | undefined, next: IsoDate): NextCellulePlan {
	const stored = theirs.nextCellule;
	if (stored === next) return {kind: 'unchanged', byColleague: seen !== next};
	if (stored !== seen) {
		return {
			kind: 'conflict',
			message:
				`Date de la prochaine cellule non enregistrée : un autre poste l’a changée entre-temps (enregistrée : ${stored === undefined ? 'aucune' : frenchDate(stored)} ; ` +
				`votre saisie : ${frenchDate(next)}). Vérifiez, puis redonnez votre date si elle est toujours voulue.`,
		};
	}
	return {
		kind: 'write',
		settings: {...theirs, nextCellule: next},
		entry: {
			action: nextCelluleDescription(next),
			before: {[NEXT_CELLULE_LABEL]: stored ?? null},
			after: {[NEXT_CELLULE_LABEL]: next},
			kind: 'modification',
		},
	};
}
