// The one way commands change the store: under the cross-process lock, read the
// file as it is now, change it, keep a backup of the previous version, write it
// atomically, append the journal. Nothing between the read and the write can be
// lost to another plie-triage process: they wait for the lock.
import {type JournalContext, type JournalEntry} from './journal.js';
import {type LockOptions, withStoreLock} from './lock.js';
import {ensureStoreFolder} from './storeFolder.js';
import type {StoreData} from './schema.js';
import {type CommitOptions, commitStore, readStoreFile} from './storeFile.js';

export type {JournalEntry, JournalKind} from './journal.js';

export interface UpdateOptions extends JournalContext, CommitOptions {
	/** start an empty store when the file does not exist */
	readonly create?: boolean;
	readonly lock?: LockOptions;
}

/**
 * Applies `change` to the store at `file` and writes it once. `change` mutates
 * the data it is given and returns what to journal; returning no entry skips the
 * write. Throws StoreError (French, exit 1) when the store cannot be read, locked
 * or written; the file is then unchanged.
 */
export async function updateStore(
	file: string,
	change: (data: StoreData) => JournalEntry[] | Promise<JournalEntry[]>,
	options: UpdateOptions = {},
): Promise<{data: StoreData; entries: JournalEntry[]}> {
	if (options.create) await ensureStoreFolder(file);
	return withStoreLock(
		file,
		async lock => {
			const snapshot = await readStoreFile(file, {create: options.create});
			const data = snapshot.data;
			const entries = await change(data);
			if (entries.length > 0) await commitStore(file, snapshot, data, entries, lock, options);
			return {data, entries};
		},
		options.lock,
	);
}
