// `report`'s reading of the store: the file parsed, checked for the triage
// (triageCheck.ts) and triaged in one go, each date read once. Whatever this is
// not sure about — not a current store, a value zod would refuse, a date that
// does not exist — takes the usual path (readStore.ts), so the counts and every
// French message are the same as openStore's followed by the triage.
import {inScope, keepOnly, type TriageOptions, type TriageQueues, triageQueues} from '../domain/triage.js';
import type {Settings} from '../domain/settings.js';
import {parseStoreJson, type ReadOptions, readStoreBytes, storeFromBytes, WHOLE_TEXT_LIMIT} from './readStore.js';
import {STORE_VERSION} from './storeBasics.js';
import {checkSettings, isPlainObject} from './storeCheck.js';
import {isTriageReady} from './triageCheck.js';

export type ReportOptions = Omit<TriageOptions, 'settings'>;

function scoped(participants: Parameters<typeof triageQueues>[0], settings: Settings, options: ReportOptions): TriageQueues {
	// everyone's facts are computed, in scope or not: that is what checks their dates
	const all = triageQueues(participants, {today: options.today, settings, hideSnoozed: options.hideSnoozed});
	if (options.referent === undefined) return all;
	const ids = new Set(inScope(participants, options.referent).map(participant => participant.id));
	return keepOnly(all, ids, options.referent);
}

/** The queues of the store in `bytes` when the quick check and the triage accept it, else undefined. */
function quickQueues(bytes: Buffer, options: ReportOptions, limit: number): TriageQueues | undefined {
	const parsed = parseStoreJson(bytes, limit);
	if (parsed === undefined) return undefined;
	const store = parsed.value;
	if (!isPlainObject(store) || store.version !== STORE_VERSION || !checkSettings(store.settings)) return undefined;
	const participants = store.participants;
	if (!Array.isArray(participants) || !isTriageReady(participants, parsed.latin1)) return undefined;
	try {
		return scoped(participants, store.settings as Settings, options);
	} catch {
		// computeFacts met an impossible date (or worse): the usual path says which
		return undefined;
	}
}

/** The triage `report` prints for the store in `file`; throws StoreError like openStore. */
export async function triageStoreFile(file: string, options: ReportOptions, readOptions: ReadOptions = {}): Promise<TriageQueues> {
	const bytes = await readStoreBytes(file);
	const queues = quickQueues(bytes, options, readOptions.wholeTextLimit ?? WHOLE_TEXT_LIMIT);
	if (queues !== undefined) return queues;
	const data = await storeFromBytes(file, bytes, readOptions);
	return scoped(data.participants, data.settings, options);
}
