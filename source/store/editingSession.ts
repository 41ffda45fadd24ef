// What the dashboard's edit handler needs of a session, whatever the store: the
// file's EditSession (editSession.ts) and the base's PostgresEditSession both fit.
import type {Edit} from '../domain/edits/result.js';
import type {UndoStack} from '../domain/edits/undo.js';
import type {Participant} from '../domain/model.js';
import type {ChangeOutcome} from './applyChange.js';
import type {StoreData} from './schema.js';

export interface EditingSession {
	/** the caseload as the screens should show it (colleagues' saved changes included after each call) */
	readonly data: StoreData;
	readonly undoStack: UndoStack;
	readonly canUndo: boolean;
	participant(id: string): Participant | undefined;
	/** saves `edit` on the participant as the session shows it (see ChangeOutcome); calls are queued */
	apply(participantId: string, edit: Edit): Promise<ChangeOutcome>;
	/** undoes the session's last saved change */
	undo(): Promise<ChangeOutcome>;
	/** re-reads what colleagues saved since; true when `data` changed */
	reloadIfChanged(): Promise<boolean>;
}
