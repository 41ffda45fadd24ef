// Saving one edit from the dashboard, safely. The screen shows a participant as it
// was read (`base`); the user's edit is computed on that version, then, under the
// lock, compared with the participant as it is on disk now:
//   - nobody else changed it: the edit is written;
//   - a colleague changed other fields (or other participants): both are kept —
//     the edit's field changes are re-applied over the fresh version;
//   - a colleague changed the same field (same step, same event…) to something
//     else: nothing is written and the conflict is returned with both values.
// Every write keeps a backup, is atomic, and is journaled. Undo goes the same way.
import {applyChanges, diffParticipants, type FieldChange, type FieldConflict, journalValues, mergeChanges, sameValue} from '../domain/edits/diff.js';
import {formatValue} from '../domain/edits/format.js';
import type {Edit} from '../domain/edits/result.js';
import type {UndoRecord} from '../domain/edits/undo.js';
import {type Participant, participantSchema} from '../domain/model.js';
import {visibleText} from '../domain/text.js';
import type {IsoDate} from '../domain/calendar.js';
import {nextCelluleDescription, planNextCellule, type SettingsOutcome} from './nextCellule.js';
import type {JournalContext, JournalKind} from './journal.js';
import {type LockOptions, withStoreLock} from './lock.js';
import {StoreError} from './openStore.js';
import type {StoreData} from './schema.js';
import {type CommitOptions, commitStore, readStoreFile, storeRevision} from './storeFile.js';

export type ChangeOutcome =
	/** written; `data` is the whole store as now on disk (colleagues' changes included): show it */
	| {
			readonly status: 'saved';
			readonly data: StoreData;
			readonly participant: Participant;
			readonly description: string;
			/** push it on the session's undo stack (domain/edits/undo.ts) */
			readonly undo: UndoRecord;
			/** true when the file had changed on disk and the edit was merged over it */
			readonly merged: boolean;
			/** the version of the file written (see storeRevision) */
			readonly revision?: string;
	  }
	/**
	 * the edit changes nothing (step already "En cours"…): nothing written.
	 * byColleague: what was asked is already in the file, saved meanwhile on another computer
	 */
	| {readonly status: 'unchanged'; readonly description: string; readonly byColleague?: boolean}
	/** the edit was refused (impossible date, end before start…): show `message` in the form */
	| {readonly status: 'invalid'; readonly message: string}
	/** a colleague changed the same field: nothing written; show `message` and `conflicts`, then refresh with `data` */
	| {
			readonly status: 'conflict';
			readonly data: StoreData;
			readonly participant: Participant;
			readonly conflicts: readonly FieldConflict[];
			readonly message: string;
			/** the version of the file `data` was read from */
			readonly revision?: string;
	  }
	/** the store could not be read, locked or written: nothing written; show `message` */
	| {readonly status: 'failed'; readonly message: string};

export interface ChangeOptions extends JournalContext, CommitOptions {
	readonly lock?: LockOptions;
}

/** The French message for a conflict, listing each field with both values. */
export function conflictMessage(participant: Participant, conflicts: readonly FieldConflict[]): string {
	const fields = conflicts
		.map(c => `${c.label} — enregistré entre-temps : ${formatValue(c.theirs)} ; votre saisie : ${formatValue(c.mine)}`)
		.join(' ; ');
	// names, labels and notes quoted: shown inert (domain/text.ts)
	return visibleText(
		`Conflit : ${participant.name || participant.id} a été modifié·e entre-temps sur un autre poste. ` +
			`${fields}. Votre modification n’a pas été enregistrée : vérifiez et refaites-la si elle est toujours voulue.`,
	);
}

/**
 * `intent`: the edit itself, re-run on the colleague's version when their change
 * clashes with ours: if it asks for nothing more there (they asked the same —
 * standby started, step finished), the two agree and nothing is written.
 */
async function commitParticipant(
	file: string,
	base: Participant,
	target: Participant,
	description: string,
	kind: JournalKind,
	options: ChangeOptions,
	intent?: Edit,
): Promise<ChangeOutcome> {
	const mine = diffParticipants(base, target);
	if (mine.length === 0) return {status: 'unchanged', description};
	try {
		return await withStoreLock(
			file,
			async lock => {
				const snapshot = await readStoreFile(file);
				const index = snapshot.data.participants.findIndex(p => p.id === base.id);
				if (index < 0) {
					return {status: 'failed', message: `${file} : bénéficiaire ${base.id} introuvable (fichier remplacé entre-temps ?). Rien n’a été écrit.`};
				}
				const theirs = snapshot.data.participants[index]!;
				const {apply, conflicts} = mergeChanges(mine, diffParticipants(base, theirs));
				if (conflicts.length > 0 && intent !== undefined && asksNothingMore(intent, theirs)) {
					return {status: 'unchanged', description, byColleague: true};
				}
				if (conflicts.length > 0) {
					return {
						status: 'conflict',
						data: snapshot.data,
						participant: theirs,
						conflicts,
						message: conflictMessage(theirs, conflicts),
						revision: await storeRevision(file), // nobody writes while we hold the lock
					};
				}
				const checked = participantSchema.safeParse(applyChanges(theirs, apply));
				if (!checked.success) {
					return {status: 'failed', message: `Modification refusée : données invalides (${checked.error.issues[0]?.message ?? ''}).`};
				}
				const result = checked.data;
				if (sameValue(result, theirs)) return {status: 'unchanged', description, byColleague: !sameValue(base, theirs)};
				const written = diffParticipants(theirs, result);
				const participants = snapshot.data.participants.slice();
				participants[index] = result;
				const data: StoreData = {...snapshot.data, participants};
				const entry = {participantId: base.id, action: description, before: journalValues(written, 'before'), after: journalValues(written, 'after'), kind};
				await commitStore(file, snapshot, data, [entry], lock, options);
				return {
					status: 'saved',
					data,
					participant: result,
					description,
					undo: {participantId: base.id, description, before: theirs, after: result},
					merged: !sameValue(theirs, base),
					revision: await storeRevision(file),
				};
			},
			options.lock,
		);
	} catch (error) {
		if (error instanceof StoreError) return {status: 'failed', message: error.message};
		return {status: 'failed', message: `${file} : enregistrement impossible (${(error as Error).message}).`};
	}
}

/** True when `intent` run on `theirs` changes nothing: what it asks for is already there. */
export function asksNothingMore(intent: Edit, theirs: Participant): boolean {
	const again = intent(theirs);
	return again.ok && diffParticipants(theirs, again.participant).length === 0;
}

/**
 * Saves `edit` applied to `base` (the participant as the screen showed it when
 * the user asked: an edit is an intention on that version, e.g. « start the
 * standby », not a toggle of whatever the file holds now). Never throws: the
 * outcome says what happened (see ChangeOutcome).
 */
export async function applyChange(file: string, base: Participant, edit: Edit, options: ChangeOptions = {}): Promise<ChangeOutcome> {
	const result = edit(base);
	if (!result.ok) return {status: 'invalid', message: result.error};
	return commitParticipant(file, base, result.participant, result.description, 'modification', options, edit);
}

/**
 * Undoes a saved change: the fields it changed go back to their `before` values
 * (a colleague's later change to other fields is kept; to the same fields, it is a
 * conflict). Journaled as "Annulation : …". On 'saved', pop the record.
 */
export async function undoChange(file: string, record: UndoRecord, options: ChangeOptions = {}): Promise<ChangeOutcome> {
	return commitParticipant(file, record.after, record.before, `Annulation : ${record.description}`, 'annulation', options);
}

/**
 * Sets the next cellule date (settings.nextCellule) from `seen` (the date the
 * screen showed) to `next`, under the lock, journaled; see nextCellule.ts.
 * Never throws.
 */
export async function saveNextCellule(file: string, seen: IsoDate | undefined, next: IsoDate, options: ChangeOptions = {}): Promise<SettingsOutcome> {
	const description = nextCelluleDescription(next);
	try {
		return await withStoreLock(
			file,
			async lock => {
				const snapshot = await readStoreFile(file);
				const plan = planNextCellule(snapshot.data.settings, seen, next);
				if (plan.kind === 'unchanged') return {status: 'unchanged', description, byColleague: plan.byColleague, data: snapshot.data, revision: await storeRevision(file)};
				if (plan.kind === 'conflict') return {status: 'conflict', data: snapshot.data, message: plan.message, revision: await storeRevision(file)};
				const data: StoreData = {...snapshot.data, settings: plan.settings};
				await commitStore(file, snapshot, data, [plan.entry], lock, options);
				return {status: 'saved', data, description, revision: await storeRevision(file)};
			},
			options.lock,
		);
	} catch (error) {
		if (error instanceof StoreError) return {status: 'failed', message: error.message};
		return {status: 'failed', message: `${file} : enregistrement impossible (${(error as Error).message}).`};
	}
}
