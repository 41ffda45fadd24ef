// The journal: one JSON line per change appended next to the store (mode 0600),
// the trail an FSE control asks for — when, who (OS user), which participant,
// what, before and after. Written under the store's lock, after the store itself,
// so that it only tells changes that landed.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import {readRegularText} from './regularFile.js';
import {PRIVATE_MODE} from './secureJsonFile.js';
import {journalPath} from './storePaths.js';

export type JournalKind = 'modification' | 'annulation' | 'import';

/** One line of the journal: what changed, for whom, before and after. */
export interface JournalEntry {
	readonly participantId?: string;
	/** what was done, in French words (e.g. "import", "étape : En cours") */
	readonly action: string;
	readonly before?: unknown;
	readonly after?: unknown;
	/** default 'modification' */
	readonly kind?: JournalKind;
}

/** A journal line as stored. */
export interface JournalLine {
	/** ISO date-time (UTC) */
	readonly time: string;
	/** OS user who made the change */
	readonly user: string;
	readonly kind: JournalKind;
	readonly participantId?: string;
	readonly action: string;
	readonly before?: unknown;
	readonly after?: unknown;
}

/** The OS account name (os.userInfo may fail in some containers: then $USER, $USERNAME). */
export function currentUser(env: NodeJS.ProcessEnv = process.env): string {
	try {
		const name = os.userInfo().username;
		if (name) return name;
	} catch {
		// no passwd entry for this uid
	}
	return env.USER || env.USERNAME || 'inconnu';
}

/** Entries without a kind: an action starting with "import" is an import. */
function kindOf(action: string): JournalKind {
	return /^import\b/i.test(action) ? 'import' : 'modification';
}

export interface JournalContext {
	readonly user?: string;
	readonly now?: Date;
}

export function journalLines(entries: readonly JournalEntry[], context: JournalContext = {}): JournalLine[] {
	const time = (context.now ?? new Date()).toISOString();
	const user = context.user ?? currentUser();
	return entries.map(entry => ({
		time,
		user,
		kind: entry.kind ?? kindOf(entry.action),
		...(entry.participantId === undefined ? {} : {participantId: entry.participantId}),
		action: entry.action,
		...(entry.before === undefined ? {} : {before: entry.before}),
		...(entry.after === undefined ? {} : {after: entry.after}),
	}));
}

/** Appends the entries (one write, synced) to the journal next to `storeFile`. */
export async function appendJournal(storeFile: string, entries: readonly JournalEntry[], context: JournalContext = {}): Promise<void> {
	if (entries.length === 0) return;
	const text = journalLines(entries, context)
		.map(line => JSON.stringify(line) + '\n')
		.join('');
	const handle = await fs.open(journalPath(storeFile), 'a', PRIVATE_MODE);
	try {
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
}

export interface ReadJournal {
	readonly lines: JournalLine[];
	/** 1-based numbers of lines that are not valid JSON (a line cut by a crash) */
	readonly unreadable: number[];
}

/** Reads the journal; a missing journal is an empty one (undefined). Other errors are thrown. */
export async function readJournal(storeFile: string): Promise<ReadJournal | undefined> {
	let text: string;
	try {
		text = await readRegularText(journalPath(storeFile));
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
		throw error;
	}
	const lines: JournalLine[] = [];
	const unreadable: number[] = [];
	text.split('\n').forEach((raw, index) => {
		if (raw.trim() === '') return;
		try {
			const line = JSON.parse(raw) as JournalLine;
			if (typeof line !== 'object' || line === null || typeof line.time !== 'string' || typeof line.action !== 'string') {
				unreadable.push(index + 1);
			} else lines.push(line);
		} catch {
			unreadable.push(index + 1);
		}
	});
	return {lines, unreadable};
}
