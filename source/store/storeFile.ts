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
import {StoreError} from './openStore.js';
import {storeAndVersionFromBytes} from './readStore.js';
import {readRegularFile} from './regularFile.js';
import {storeReadError} from './storeBasics.js';
// light, for the dashboard's start (no zod, no lowdb): see storeBasics.ts
export {storeRevision} from './storeBasics.js';
import {emptyStore, type StoreData} from './schema.js';
import {completeAtomicWrite, fileIdentity, type PreparedWrite, prepareAtomicWrite} from './secureJsonFile.js';
import {storeJsonPieces} from './storeWriter.js';
import {BACKUP_COUNT} from './storePaths.js';
import {keepOldVersion} from './versionBackup.js';

export interface StoreSnapshot {
	readonly data: StoreData;
	/**
	 * the file's bytes as read (the next backup); undefined when the file did not exist
	 * yet. Bytes, not text: a 50,000-person store is 155 MB of UTF-8, 310 MB as a string.
	 */
	readonly bytes?: Buffer;
	/** the version the file was written in; older than STORE_VERSION, it is kept aside by the next write */
	readonly version?: number;
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
	return {...(await storeAndVersionFromBytes(file, bytes)), bytes};
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
	const tx = newTx();
	const lines = journalLines(entries, options, tx);
	let prepared: PreparedWrite | undefined;
	let pending = false;
	try {
		if (snapshot.bytes !== undefined && snapshot.version !== undefined) await keepOldVersion(target, snapshot.bytes, snapshot.version);
		if (snapshot.bytes !== undefined) await rotateBackups(target, snapshot.bytes, options.backups ?? BACKUP_COUNT);
		faultPoint('after-backup');
		// participant by participant: the whole text at once took a 50,000-person import past 1 GB
		prepared = await prepareAtomicWrite(target, storeJsonPieces(data));
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
