// Reading and writing the store file inside the lock. The read always goes back
// to the disk (a colleague may have saved since we last looked); the write keeps
// the previous version as a backup, replaces the file atomically (0600), then
// appends the journal.
import {promises as fs} from 'node:fs';
import {rotateBackups} from './backups.js';
import {removeLeftoverTemps} from './leftovers.js';
import {appendJournal, type JournalContext, type JournalEntry} from './journal.js';
import type {HeldLock} from './lock.js';
import {StoreError} from './openStore.js';
import {storeFromBytes} from './readStore.js';
import {readRegularFile} from './regularFile.js';
import {storeReadError} from './storeBasics.js';
// light, for the dashboard's start (no zod, no lowdb): see storeBasics.ts
export {storeRevision} from './storeBasics.js';
import {emptyStore, type StoreData} from './schema.js';
import {writeStoreAtomic} from './storeWriter.js';
import {BACKUP_COUNT} from './storePaths.js';

/** The same layout as SecureJsonFile writes (lowdb adapter), so files stay diff-friendly. */
export function serializeStore(data: StoreData): string {
	return JSON.stringify(data, null, 1);
}

export interface StoreSnapshot {
	readonly data: StoreData;
	/**
	 * the file's bytes as read (the next backup); undefined when the file did not exist
	 * yet. Bytes, not text: a 50,000-person store is 155 MB of UTF-8, 310 MB as a string.
	 */
	readonly bytes?: Buffer;
}

/** Reads and validates the store now (the same result and messages as openStore); a missing file is an empty store when `create`. */
export async function readStoreFile(file: string, options: {create?: boolean} = {}): Promise<StoreSnapshot> {
	let bytes: Buffer;
	try {
		bytes = await readRegularFile(file);
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT' && options.create) return {data: emptyStore()};
		throw storeReadError(file, error);
	}
	return {data: await storeFromBytes(file, bytes), bytes};
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
		if (snapshot.bytes !== undefined) await rotateBackups(file, snapshot.bytes, options.backups ?? BACKUP_COUNT);
		// participant by participant: the whole text at once took a 50,000-person import past 1 GB
		await writeStoreAtomic(file, data);
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

