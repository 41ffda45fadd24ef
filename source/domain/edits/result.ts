// What an edit returns: the new participant and a French line for the journal,
// or a French message saying why the edit was refused. Edits never throw on bad input.
import type {Participant} from '../model.js';

export type EditResult =
	| {readonly ok: true; readonly participant: Participant; readonly description: string}
	| {readonly ok: false; readonly error: string};

/** An edit bound to its arguments: what `applyChange` re-runs on the participant the user saw. */
export type Edit = (participant: Participant) => EditResult;

export function edited(participant: Participant, description: string): EditResult {
	return {ok: true, participant, description};
}

export function refused(error: string): EditResult {
	return {ok: false, error};
}

/** A value or a French error, for the small checks edits are built from. */
export type Checked<T> = {readonly ok: true; readonly value: T} | {readonly ok: false; readonly error: string};
