// What the dashboard's edit handler needs of a session, whatever the store: the
// file's EditSession (editSession.ts) and the base's PostgresEditSession both fit.
import type {Visibility} from '../domain/visibility.js';
import type {Edit} from '../domain/edits/result.js';
import type {UndoStack} from '../domain/edits/undo.js';
import type {Participant} from '../domain/model.js';
import type {ChangeOutcome} from './applyChange.js';
import type {IsoDate} from '../domain/calendar.js';
import type {SettingsOutcome} from './nextCellule.js';
import type {StoreData} from './schema.js';

export interface EditingSession {
	/** the caseload as the screens should show it (colleagues' saved changes included after each call) */
	readonly data: StoreData;
	readonly undoStack: UndoStack;
	readonly canUndo: boolean;
	participant(id: string): Participant | undefined;
	/** the store file (its family is protected from exports); undefined for a base */
	readonly file?: string;
	/** whose participants it shows: everyone's (a file, coordination), or the login's référent·es' */
	readonly visible: Visibility;
	/**
	 * Saves `edit` (see ChangeOutcome); calls are queued. `seen`: the participant as
	 * the screen showed it when the user asked — the edit is an intention on that
	 * version; default the session's own.
	 */
	apply(participantId: string, edit: Edit, seen?: Participant): Promise<ChangeOutcome>;
	/**
	 * Sets the next cellule date (settings.nextCellule), journaled; queued with the
	 * edits. `seen`: the date the screen showed (a colleague's other date meanwhile
	 * is a conflict). Not undone by `undo` (set it again instead).
	 */
	setNextCellule(next: IsoDate, seen: IsoDate | undefined): Promise<SettingsOutcome>;
	/** how many saves asked for are not written yet */
	readonly saving: number;
	/** called with the new count whenever it changes; returns the unsubscribe */
	onSaving(listener: (saving: number) => void): () => void;
	/** resolves once every save asked for so far is written or refused */
	drain(): Promise<void>;
	/** undoes the session's last saved change */
	undo(): Promise<ChangeOutcome>;
	/** re-reads what colleagues saved since; true when `data` changed */
	reloadIfChanged(): Promise<boolean>;
}
