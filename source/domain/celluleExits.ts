// After a cellule, the exits it was presented are validated on its date (004_…:
// « le dossier est passé en commission, la sortie est validée »). Presented = the
// « Sorties » sheet of that cellule's workbook: selectCellule at the meeting day,
// for the same référent·e (exits from one month before the meeting to the meeting
// day, as `E` and `export --cellule` without --since write it).
import type {Day} from './calendar.js';
import {type CelluleOptions, selectCellule} from './cellule.js';
import type {Participant} from './model.js';

export interface CelluleExits {
	readonly meeting: Day;
	/** the first exit day of the sheet */
	readonly since: Day;
	/** presented and not validated yet: what the action validates */
	readonly toValidate: readonly Participant[];
	/** presented but validated already (by an earlier cellule, or this one): left as they are */
	readonly alreadyValidated: readonly Participant[];
}

export function celluleExits(options: Omit<CelluleOptions, 'since'>): CelluleExits {
	const selection = selectCellule(options);
	const toValidate: Participant[] = [];
	const alreadyValidated: Participant[] = [];
	for (const f of selection.exits) (f.participant.exitValidatedOn === undefined ? toValidate : alreadyValidated).push(f.participant);
	return {meeting: selection.meeting, since: selection.since, toValidate, alreadyValidated};
}
