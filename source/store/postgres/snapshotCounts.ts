// The dashboard's first counts from a snapshot of the base (snapshot.ts): its rows
// are a store file's bytes, read by the file's byte scanner (store/storeScan.ts),
// so the base's preview counts exactly as the file's does, before any row is parsed.
import type {Day} from '../../domain/calendar.js';
import type {Settings} from '../../domain/settings.js';
import type {TriageQueues} from '../../domain/triage.js';
import {scanStore} from '../storeScan.js';
import type {RowsSnapshot} from './snapshot.js';

/**
 * The dashboard preview's queues and settings (ui/DashboardPreview.tsx); undefined
 * when the scanner leaves the rows to the usual reader (an older model, an unusual
 * document…), which then says what is wrong.
 */
export function previewQueues(snapshot: RowsSnapshot, today: Day): {queues: TriageQueues; settings: Settings} | undefined {
	const scanned = scanStore(snapshot.bytes, {today, hideSnoozed: true});
	return scanned === undefined ? undefined : {queues: scanned.queues, settings: scanned.settings};
}
