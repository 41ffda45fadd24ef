// The one way to change the store from a command: read, change, write once.
// (Issue 5 adds the cross-process lock, conflict re-read, backups and journal here.)
import {openStore, saveStore} from './openStore.js';
import type {StoreData} from './schema.js';

/** One line of the journal: what changed, for whom, before and after. */
export interface JournalEntry {
	readonly participantId?: string;
	/** what was done, in French words (e.g. "import", "étape : En cours") */
	readonly action: string;
	readonly before?: unknown;
	readonly after?: unknown;
}

export interface UpdateOptions {
	/** start an empty store when the file does not exist */
	readonly create?: boolean;
}

/**
 * Applies `change` to the store at `file` and writes it once. `change` mutates
 * the data it is given and returns what to journal; returning no entry skips the write.
 */
export async function updateStore(
	file: string,
	change: (data: StoreData) => JournalEntry[] | Promise<JournalEntry[]>,
	options: UpdateOptions = {},
): Promise<{data: StoreData; entries: JournalEntry[]}> {
	const store = await openStore(file, {create: options.create});
	const entries = await change(store.data);
	if (entries.length > 0) await saveStore(store);
	return {data: store.data, entries};
}
