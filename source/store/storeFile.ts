// Reading and writing the store file inside the lock. The read always goes back
// to the disk (a colleague may have saved since we last looked); the write
// announces itself (intent with its journal lines), keeps the previous version
// as a backup, replaces the file atomically (0600, through symbolic links), then
// appends the journal.
import {promises as fs} from 'node:fs';
import {rotateBackups} from './backups.js';
import {removeLeftoverTemps} from './leftovers.js';
import {faultPoint} from './faultPoints.js';
import {appendJournalLines, type JournalContext, type JournalEntry, journalLines} from './journal.js';
import {clearPending, newTx, writePending} from './pendingWrite.js';
import {systemReason} from './systemError.js';
import type {HeldLock} from './lock.js';
import {parseStoreText, StoreError} from './openStore.js';
import {storeReadError} from './storeBasics.js';
// light, for the dashboard's start (no zod, no lowdb): see storeBasics.ts
export {storeRevision} from './storeBasics.js';
import {emptyStore, type StoreData} from './schema.js';
import {completeAtomicWrite, fileIdentity, type PreparedWrite, prepareAtomicWrite} from './secureJsonFile.js';
import {BACKUP_COUNT} from './storePaths.js';

/** The same layout as SecureJsonFile writes (lowdb adapter), so files stay diff-friendly. */
export function serializeStore(data: StoreData): string {
	return JSON.stringify(data, null, 1);
}

export interface StoreSnapshot {
	readonly data: StoreData;
	/** the file's text as read; undefined when the file did not exist yet */
	readonly text?: string;
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
	return {data: parseStoreText(file, text), text};
}

export interface CommitOptions extends JournalContext {
	/** how many previous versions to keep (default 5) */
	readonly backups?: number;
}

/**
 * Writes `data` over `snapshot` (call inside withStoreLock): the backup, the new
 * store in a temp file, the intent (journal lines and the new file's identity),
 * the rename, the journal, and the intent removed (see pendingWrite.ts for why,
 * and what a crash at each step leaves).
 */
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
	const {target} = lock;
	await removeLeftoverTemps(target);
	const text = serializeStore(data);
	const tx = newTx();
	const lines = journalLines(entries, options, tx);
	let prepared: PreparedWrite | undefined;
	let pending = false;
	try {
		if (snapshot.text !== undefined) await rotateBackups(target, snapshot.text, options.backups ?? BACKUP_COUNT);
		faultPoint('after-backup');
		prepared = await prepareAtomicWrite(target, text);
		faultPoint('after-temp');
		await writePending(target, {tx, store: prepared.identity, lines});
		pending = true;
		faultPoint('after-pending');
		await completeAtomicWrite(prepared, 'after-rename');
	} catch (error) {
		// a failure after the rename (the folder's sync) still leaves the new store: go on and journal it
		const landed = prepared !== undefined && (await fileIdentity(target)) === prepared.identity;
		if (!landed) {
			if (prepared) await fs.rm(prepared.temp, {force: true});
			if (pending) await clearPending(target).catch(() => undefined); // the store is the previous one: nothing to settle
			if (error instanceof StoreError) throw error;
			throw new StoreError(file, `écriture impossible (${systemReason(error) ?? (error as Error).message}). Le fichier n’a pas été modifié.`);
		}
	}
	try {
		await appendJournalLines(target, lines);
		faultPoint('after-journal');
		await clearPending(target);
	} catch (error) {
		// the intent stays: the next write completes the journal from it
		throw new StoreError(file, `modification enregistrée, mais le journal n’a pas pu être écrit (${systemReason(error) ?? (error as Error).message}) ; il sera complété à la prochaine écriture.`);
	}
}
