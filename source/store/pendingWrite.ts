// Write-ahead for the store and its journal, so that they always agree after a
// crash. A write goes:
//   1. the previous version kept as bak1; the new store written to a temp file
//      beside it (synced): its identity (device, inode, size) is known now, and
//      the rename keeps it;
//   2. the intent — the journal lines of the change and that identity —
//      written to caseload.json.pending (0600, synced);
//   3. the temp file renamed over the store (folder synced);
//   4. the journal lines appended (synced);
//   5. the intent removed (folder synced).
// The next write (or the opening of the dashboard or of `journal`), under the
// lock, settles an intent left behind by a crash: when the store on disk is the
// file the intent announced, the change landed and its journal lines are written
// if they are not yet (committed); otherwise the change never reached the store
// and its lines are written as kind « abandon » (what was attempted, not done).
// So every change in the store is in the journal, and the journal never tells a
// change the store does not hold as done. (The identity costs nothing; a hash of
// a 30 MB store cost up to a second per save on a loaded machine.)
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {appendJournalLines, journalTail, type JournalLine} from './journal.js';
import {fileIdentity, writeFileAtomic} from './secureJsonFile.js';
import {storeNotice} from './storeNotices.js';
import {journalPath, pendingPath} from './storePaths.js';
import {syncDirectory} from './writeTarget.js';

export interface PendingWrite {
	readonly tx: string;
	/** identity (device:inode:size) of the store file this write puts in place (fileIdentity) */
	readonly store: string;
	readonly lines: readonly JournalLine[];
}

export function newTx(): string {
	return `${Date.now().toString(36)}-${process.pid.toString(36)}-${randomBytes(4).toString('hex')}`;
}

/** Step 1: the intent, durable before the store is touched. `target`: the store's real path. */
export async function writePending(target: string, pending: PendingWrite): Promise<void> {
	await writeFileAtomic(pendingPath(target), JSON.stringify(pending));
}

/** Step 4: the write is complete. */
export async function clearPending(target: string): Promise<void> {
	await fs.rm(pendingPath(target), {force: true});
	await syncDirectory(path.dirname(target));
}

async function readPending(target: string): Promise<PendingWrite | 'unreadable' | undefined> {
	let text: string;
	try {
		text = await fs.readFile(pendingPath(target), 'utf8');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	try {
		const pending = JSON.parse(text) as PendingWrite;
		if (typeof pending.tx === 'string' && typeof pending.store === 'string' && Array.isArray(pending.lines)) return pending;
	} catch {
		// written atomically, so never cut; a file edited by hand
	}
	return 'unreadable';
}

export type Settled = 'committed' | 'abandoned';

/**
 * Settles a write a crash interrupted (call under the store's lock, `target` the
 * store's real path, `shownFile` the path to name in messages). Returns what it
 * found, or undefined when no write was pending.
 */
export async function settlePendingWrite(target: string, shownFile: string = target): Promise<Settled | undefined> {
	const pending = await readPending(target);
	if (pending === undefined) return undefined;
	if (pending === 'unreadable') {
		storeNotice({kind: 'notice', text: `${pendingPath(shownFile)} illisible : écriture interrompue ignorée (le fichier de suivi n’a pas été touché).`});
		await clearPending(target);
		return 'abandoned';
	}
	const landed = (await fileIdentity(target)) === pending.store;
	const tail = await journalTail(target, pending.tx);
	if (!tail.endsWithLineBreak) await fs.appendFile(journalPath(target), '\n'); // close the line the crash cut
	const what = pending.lines.map(line => line.action).slice(0, 3).join(' ; ') + (pending.lines.length > 3 ? ' ; …' : '');
	if (landed) {
		await appendJournalLines(target, pending.lines.slice(tail.written));
		storeNotice({kind: 'notice', text: `écriture interrompue retrouvée dans ${shownFile} (enregistrée) : journal complété — ${what}`});
	} else {
		// lines of an abandoned write are never in the journal as done: written only as « abandon »
		const abandoned = pending.lines.map(line => ({...line, kind: 'abandon' as const}));
		await appendJournalLines(target, abandoned);
		storeNotice({kind: 'notice', text: `écriture interrompue avant d’atteindre ${shownFile} : modification non enregistrée (notée « abandonnée » au journal) — ${what}`});
	}
	await clearPending(target);
	return landed ? 'committed' : 'abandoned';
}
