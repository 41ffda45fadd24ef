// Reading and writing the store file inside the lock. The read always goes back
// to the disk (a colleague may have saved since we last looked); the write keeps
// the previous version as a backup, replaces the file atomically (0600), then
// appends the journal.
import {promises as fs} from 'node:fs';
import {rotateBackups} from './backups.js';
import {removeLeftoverTemps} from './leftovers.js';
import {appendJournal, type JournalContext, type JournalEntry} from './journal.js';
import type {HeldLock} from './lock.js';
import {readStoreText, StoreError} from './openStore.js';
import {storeReadError} from './storeBasics.js';
// light, for the dashboard's start (no zod, no lowdb): see storeBasics.ts
export {storeRevision} from './storeBasics.js';
import {emptyStore, type StoreData} from './schema.js';
import {writeFileAtomic} from './secureJsonFile.js';
import {BACKUP_COUNT} from './storePaths.js';
import {keepOldVersion} from './versionBackup.js';

/** The same layout as SecureJsonFile writes (lowdb adapter), so files stay diff-friendly. */
export function serializeStore(data: StoreData): string {
	return JSON.stringify(data, null, 1);
}

export interface StoreSnapshot {
	readonly data: StoreData;
	/** the file's text as read; undefined when the file did not exist yet */
	readonly text?: string;
	/** the version the file was written in; older than STORE_VERSION, it is kept aside by the next write */
	readonly version?: number;
}

/** Reads and validates the store now; a missing file is an empty store when `create`. */
export async function readStoreFile(file: string, options: {create?: boolean} = {}): Promise<StoreSnapshot> {
	let text: string;
	try {
		text = await fs.readFile(file, 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.create) return {data: emptyStore()};
		throw storeReadError(file, error);
	}
	return {...readStoreText(file, text), text};
}

export interface CommitOptions extends JournalContext {
	/** how many previous versions to keep (default 5) */
	readonly backups?: number;
}

/** Writes `data` over `snapshot` (backup, atomic replace, journal). Call inside withStoreLock. */
export async function commitStore(
	file: string,
	snapshot: StoreSnapshot,
	data: StoreData,
	entries: readonly JournalEntry[],
	lock: HeldLock,
	options: CommitOptions = {},
): Promise<void> {
	if (lock.compromised()) {
		throw new StoreError(file, 'verrou perdu pendant la modification (un autre processus l’a repris) : rien n’a été écrit, réessayez.');
	}
	await removeLeftoverTemps(file);
	try {
		if (snapshot.text !== undefined && snapshot.version !== undefined) await keepOldVersion(file, snapshot.text, snapshot.version);
		if (snapshot.text !== undefined) await rotateBackups(file, snapshot.text, options.backups ?? BACKUP_COUNT);
		await writeFileAtomic(file, serializeStore(data));
	} catch (error) {
		if (error instanceof StoreError) throw error;
		throw new StoreError(file, `écriture impossible (${(error as Error).message}). Le fichier n’a pas été modifié.`);
	}
	try {
		await appendJournal(file, entries, options);
	} catch (error) {
		throw new StoreError(file, `modification enregistrée, mais le journal n’a pas pu être écrit (${(error as Error).message}).`);
	}
}

