// The one door to the caseload, whatever holds it (REFERENTIEL §5.1, §9): the JSON
// file of one machine or network folder, or the team's PostgreSQL base
// (`--data postgres://…` or PLIE_TRIAGE_DATA). Every command reads and writes
// through a CaseloadStore; only this module tells the two apart, and it loads the
// PostgreSQL client only for a URL.
import type {TriageOptions, TriageQueues} from '../domain/triage.js';
import type {Visibility} from '../domain/visibility.js';
import type {EditingSession} from './editingSession.js';
import type {JournalContext, JournalEntry, JournalLine} from './journal.js';
import type {StoreData} from './schema.js';
import {isDatabaseUrl} from './postgres/url.js';

export type {EditingSession} from './editingSession.js';

/** `report`'s scope: the day, the référent·e (or all), snoozed alerts hidden or not. */
export type TriageScope = Omit<TriageOptions, 'settings'>;

export interface ReadOptions {
	/** a store that does not exist yet reads as an empty one (import, demo) instead of an error */
	readonly create?: boolean;
}

/** Changes the caseload in place and returns what to journal; no entry = nothing written. */
export type StoreChange = (data: StoreData) => JournalEntry[] | Promise<JournalEntry[]>;

export interface UpdateOptions extends JournalContext {
	/** create the store when it does not exist (file: its folder and file; a base must have had db init) */
	readonly create?: boolean;
}

export interface JournalRead {
	/** the lines this user may read, oldest first */
	readonly lines: JournalLine[];
	/** line numbers that could not be read (a file cut by a crash); none in a base */
	readonly unreadable: readonly number[];
	/** where the journal is, for messages: its file, or the base's URL */
	readonly where: string;
}

export interface CaseloadStore {
	readonly kind: 'file' | 'postgres';
	/** the file's path or the base's URL (never with a password), for messages */
	readonly location: string;
	/** whose participants it shows: everyone's (a file, coordination), or the login's référent·es' */
	readonly visible: Visibility;
	/**
	 * The caseload and its settings as of one moment (one read of the file, one
	 * transaction in the base), checked and migrated. In a base: the participants
	 * this login may see. Throws StoreError (French, exit 1).
	 */
	read(options?: ReadOptions): Promise<StoreData>;
	/** `report`'s queues (the file is scanned without building the participants when it can). */
	triage(scope: TriageScope): Promise<TriageQueues>;
	/** The names of these participants, by id (`report` lists the alerts on hold by name). */
	namesOf(ids: readonly string[]): Promise<Map<string, string>>;
	/**
	 * Import, demo, copy: `change` mutates the whole caseload, then everything it
	 * changed is written at once, with its journal entries, or nothing is (file:
	 * under the lock, with a backup; base: one transaction, rows locked).
	 * `change` must not call the store itself.
	 */
	update(change: StoreChange, options?: UpdateOptions): Promise<{data: StoreData; entries: JournalEntry[]}>;
	/**
	 * What `update` would do, refused as it would be (in a base, a référent login's
	 * scope), nothing written: `import --dry-run`.
	 */
	tryUpdate(change: StoreChange, options?: ReadOptions): Promise<{data: StoreData; entries: JournalEntry[]}>;
	/**
	 * The dashboard's editing session on the caseload read now: each edit is saved
	 * on its own (merged with a colleague's change to other fields; the same field
	 * is a conflict), undo, and `reloadIfChanged` to follow colleagues.
	 */
	openSession(options?: JournalContext): Promise<EditingSession>;
	/** The journal of changes. */
	readJournal(): Promise<JournalRead>;
	/** Releases the connection (a no-op for a file). Always call it: `withCaseloadStore` does. */
	close(): Promise<void>;
}

/** Opens the store at `location`: a libpq URL (postgres://…) or a file path. */
export async function openCaseloadStore(location: string): Promise<CaseloadStore> {
	if (isDatabaseUrl(location)) {
		const {openPostgresStore} = await import('./postgres/postgresStore.js');
		return openPostgresStore(location);
	}
	const {FileCaseloadStore} = await import('./fileCaseloadStore.js');
	return new FileCaseloadStore(location);
}

/** Opens the store, runs `work`, closes it whatever happens. */
export async function withCaseloadStore<T>(location: string, work: (store: CaseloadStore) => Promise<T>): Promise<T> {
	const store = await openCaseloadStore(location);
	try {
		return await work(store);
	} finally {
		await store.close();
	}
}

/** The caseload and settings at `location`, read at once (import, export --echange…). */
export function readCaseload(location: string, options?: ReadOptions): Promise<StoreData> {
	return withCaseloadStore(location, store => store.read(options));
}

/** The same, with whose participants they are (echeances, bilan, export --cellule: their titles say it). */
export function readVisibleCaseload(location: string): Promise<{data: StoreData; visible: Visibility}> {
	return withCaseloadStore(location, async store => ({data: await store.read(), visible: store.visible}));
}
