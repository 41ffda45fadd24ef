// The session's undo stack (key u), as plain data: each saved change pushes what
// the participant was before and after it; undoing the top record writes `before`
// back through the same safe path (store/applyChange.ts `undoChange`).
import type {Participant} from '../model.js';

export interface UndoRecord {
	readonly participantId: string;
	/** the edit's French description, for "Annulé : …" */
	readonly description: string;
	/** the participant on disk just before the change was written */
	readonly before: Participant;
	/** the participant as the change wrote it */
	readonly after: Participant;
}

/** Most recent last. */
export type UndoStack = readonly UndoRecord[];

export const EMPTY_UNDO: UndoStack = [];

/** A session keeps at most this many changes to undo (oldest dropped). */
export const UNDO_LIMIT = 200;

export function pushUndo(stack: UndoStack, record: UndoRecord, limit = UNDO_LIMIT): UndoStack {
	const next = [...stack, record];
	return next.length > limit ? next.slice(next.length - limit) : next;
}

/** The change `u` would undo, if any. */
export function peekUndo(stack: UndoStack): UndoRecord | undefined {
	return stack.at(-1);
}

/** The stack without its top record (call once the undo is saved). */
export function popUndo(stack: UndoStack): UndoStack {
	return stack.slice(0, -1);
}
