// The dashboard's editing session on the store file: each save under the lock,
// merged with a colleague's change (applyChange.ts), and the file followed by its
// revision. The caseload shown, the undo stack and the queue of saves (keys in a
// burst saved one after the other; `saving` and `drain()` so the screen and the
// command wait for them) are QueuedSession's, shared with the base's session.
import type {Edit} from '../domain/edits/result.js';
import type {Participant} from '../domain/model.js';
import {applyChange, type ChangeOptions, type ChangeOutcome, saveNextCellule, undoChange} from './applyChange.js';
import type {IsoDate} from '../domain/calendar.js';
import type {SettingsOutcome} from './nextCellule.js';
import type {StoreData} from './schema.js';
import {readStoreFile, storeRevision} from './storeFile.js';
import {QueuedSession} from './queuedSession.js';

export {NOTHING_TO_UNDO} from './queuedSession.js';

export class EditSession extends QueuedSession {
	/** a file holds everyone's participants */
	readonly visible = undefined;
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
		super(data);
		this.revision = revision;
	}

	/**
	 * Saves `edit` on participant `participantId`. `seen`: the participant as the
	 * screen showed it when the user asked (the edit is an intention on that
	 * version; default: the session's own). saved: data refreshed, change pushed
	 * for undo. conflict: data refreshed to what is on disk (show the message).
	 * invalid / unchanged / failed: nothing changes.
	 */
	apply(participantId: string, edit: Edit, seen?: Participant): Promise<ChangeOutcome> {
		return this.queueEdit(participantId, seen, async base => {
			const outcome = await applyChange(this.file, base, edit, this.options);
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
		return this.queueUndo(async record => {
			const outcome = await undoChange(this.file, record, this.options);
			if (outcome.status === 'saved' || outcome.status === 'conflict') this.adopt(outcome);
			return outcome;
		});
	}
}
