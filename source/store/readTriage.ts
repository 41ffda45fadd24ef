// `report`'s reading of the store: the triage straight from the file's bytes
// (storeScan.ts) when they are laid out plainly, else the usual path — the store
// read and checked as openStore would (readStore.ts), then triaged — so that the
// counts and every French message are the same either way.
import {triageQueues, type TriageQueues} from '../domain/triage.js';
import {type ReadOptions, readStoreBytes, storeFromBytes} from './readStore.js';
import {type ReportScope, scanStore} from './storeScan.js';

export interface TriageReadOptions extends ReadOptions {
	/** skip the byte scan (tests compare both paths) */
	readonly scan?: boolean;
}

/** The triage `report` prints for the store in `file`; throws StoreError like openStore. */
export async function triageStoreFile(file: string, scope: ReportScope, options: TriageReadOptions = {}): Promise<TriageQueues> {
	const bytes = await readStoreBytes(file);
	const scanned = options.scan === false ? undefined : scanStore(bytes, scope);
	if (scanned !== undefined) return scanned.queues;
	const data = await storeFromBytes(file, bytes, options);
	return triageQueues(data.participants, {...scope, settings: data.settings});
}
