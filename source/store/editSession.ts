// One dashboard session's editing state, for the screens to call: the store data
// as last read or written, and the undo stack. Calls are queued, so keys pressed
// in a burst are saved one after the other, each on the result of the previous.
// The session counts the saves not yet on disk (`saving`, with listeners) so the
// screen can say « en cours d'enregistrement » until they are, and `drain()` lets
// the command wait for them before the process ends (q, Ctrl-C, a closed
// terminal, SIGHUP, SIGTERM).
import type {Edit} from '../domain/edits/result.js';
import {EMPTY_UNDO, peekUndo, popUndo, pushUndo, type UndoStack} from '../domain/edits/undo.js';
import type {Participant} from '../domain/model.js';
import {applyChange, type ChangeOptions, type ChangeOutcome, saveNextCellule, undoChange} from './applyChange.js';
import type {IsoDate} from '../domain/calendar.js';
import type {SettingsOutcome} from './nextCellule.js';
import type {StoreData} from './schema.js';
import {readStoreFile, storeRevision} from './storeFile.js';
import {SaveQueue} from './saveQueue.js';

export const NOTHING_TO_UNDO = 'Rien à annuler dans cette session.';

export class EditSession {
	/** a file holds everyone's participants */
	readonly visible = undefined;
	private current: StoreData;
	private stack: UndoStack = EMPTY_UNDO;
	private readonly queue = new SaveQueue();
	/** the version of the file `current` was read from or written as */
	private revision: string | undefined;

	/**
	 * `revision`: the file's `storeRevision` taken before `data` was read, so that the
	 * first check for a colleague's changes does not read the whole store again.
	 */
	constructor(
		readonly file: string,
		data: StoreData,
		private readonly options: ChangeOptions = {},
		revision?: string,
	) {
		this.current = data;
		this.revision = revision;
	}

	/** The store as the screens should show it now (colleagues' saved changes included after each call). */
	get data(): StoreData {
		return this.current;
	}

	get undoStack(): UndoStack {
		return this.stack;
	}

	get canUndo(): boolean {
		return this.stack.length > 0;
	}

	participant(id: string): Participant | undefined {
		return this.current.participants.find(p => p.id === id);
	}

	/** How many saves asked for are not written yet. */
	get saving(): number {
		return this.queue.saving;
	}

	/** Called with the number of saves not written yet, each time it changes; returns the unsubscribe. */
	onSaving(listener: (saving: number) => void): () => void {
		return this.queue.onSaving(listener);
	}

	/** Resolves once every save asked for so far (and any asked meanwhile) is written or refused. */
	drain(): Promise<void> {
		return this.queue.drain();
	}

	/**
	 * Saves `edit` on participant `participantId`. `seen`: the participant as the
	 * screen showed it when the user asked (the edit is an intention on that
	 * version; default: the session's own). saved: data refreshed, change pushed
	 * for undo. conflict: data refreshed to what is on disk (show the message).
	 * invalid / unchanged / failed: nothing changes.
	 */
	apply(participantId: string, edit: Edit, seen?: Participant): Promise<ChangeOutcome> {
		return this.queue.save(async () => {
			const base = seen ?? this.participant(participantId);
			if (!base) return {status: 'failed', message: `Bénéficiaire ${participantId} introuvable.`};
			const outcome = await applyChange(this.file, base, edit, this.options);
			if (outcome.status === 'saved') this.stack = pushUndo(this.stack, outcome.undo);
			if (outcome.status === 'saved' || outcome.status === 'conflict') this.adopt(outcome);
			return outcome;
		});
	}

	/** Sets settings.nextCellule (see EditingSession.setNextCellule). */
	setNextCellule(next: IsoDate, seen: IsoDate | undefined): Promise<SettingsOutcome> {
		return this.queue.save(async () => {
			const outcome = await saveNextCellule(this.file, seen, next, this.options);
			// the store as now: a colleague's changes (other people, other settings) come with it
			if (outcome.status !== 'failed' && outcome.data !== undefined) this.adopt({data: outcome.data, revision: outcome.revision});
			return outcome;
		});
	}

	private adopt(outcome: {data: StoreData; revision?: string}): void {
		this.current = outcome.data;
		this.revision = outcome.revision;
	}

	/**
	 * Re-reads the store when it changed on disk since this session last read or
	 * wrote it (a colleague saved): call it now and then to keep the screens fresh.
	 * Resolves true when `data` was replaced. Read errors are thrown (StoreError).
	 */
	reloadIfChanged(): Promise<boolean> {
		let changed = false;
		const work = async (): Promise<ChangeOutcome> => {
			const revision = await storeRevision(this.file);
			if (revision !== undefined && revision !== this.revision) {
				this.current = (await readStoreFile(this.file)).data;
				this.revision = revision;
				changed = true;
			}
			return {status: 'unchanged', description: ''};
		};
		return this.queue.run(work).then(() => changed);
	}

	/**
	 * `u`: undoes the session's last saved change (repeatedly, back to the first).
	 * saved or unchanged: the change leaves the stack. conflict (a colleague changed
	 * the same field since): it leaves the stack too, data shows what is on disk.
	 * failed (lock busy…): it stays, `u` can be tried again.
	 */
	undo(): Promise<ChangeOutcome> {
		return this.queue.save(async () => {
			const record = peekUndo(this.stack);
			if (!record) return {status: 'invalid', message: NOTHING_TO_UNDO};
			const outcome = await undoChange(this.file, record, this.options);
			if (outcome.status !== 'failed') this.stack = popUndo(this.stack);
			if (outcome.status === 'saved' || outcome.status === 'conflict') this.adopt(outcome);
			return outcome;
		});
	}
}
