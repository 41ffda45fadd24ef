// What the file's and the base's editing sessions share: the caseload as last read
// or saved, the undo stack, and the queue that saves keys pressed in a burst one
// after the other (each on the result of the previous), counting the saves not
// on disk yet. Each session says only how it saves (editSession.ts, postgres/).
import type {UndoRecord, UndoStack} from '../domain/edits/undo.js';
import {EMPTY_UNDO, peekUndo, popUndo, pushUndo} from '../domain/edits/undo.js';
import type {Participant} from '../domain/model.js';
import type {ChangeOutcome} from './applyChange.js';
import type {StoreData} from './schema.js';
import {SaveQueue} from './saveQueue.js';

export const NOTHING_TO_UNDO = 'Rien à annuler dans cette session.';

export abstract class QueuedSession {
	private stack: UndoStack = EMPTY_UNDO;
	protected readonly queue = new SaveQueue();

	constructor(protected current: StoreData) {}

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

	/** Queues the save of an edit on `seen` (default: the session's version of the person); a saved one can be undone. */
	protected queueEdit(participantId: string, seen: Participant | undefined, save: (base: Participant) => Promise<ChangeOutcome>): Promise<ChangeOutcome> {
		return this.queue.save(async () => {
			const base = seen ?? this.participant(participantId);
			if (!base) return {status: 'failed', message: `Bénéficiaire ${participantId} introuvable.`};
			const outcome = await save(base);
			if (outcome.status === 'saved') this.stack = pushUndo(this.stack, outcome.undo);
			return outcome;
		});
	}

	/** Queues the undo of the last saved change; it leaves the stack unless the save failed (then `u` may be tried again). */
	protected queueUndo(save: (record: UndoRecord) => Promise<ChangeOutcome>): Promise<ChangeOutcome> {
		return this.queue.save(async () => {
			const record = peekUndo(this.stack);
			if (!record) return {status: 'invalid', message: NOTHING_TO_UNDO};
			const outcome = await save(record);
			if (outcome.status !== 'failed') this.stack = popUndo(this.stack);
			return outcome;
		});
	}
}
