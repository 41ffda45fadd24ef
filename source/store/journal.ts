// The journal: one JSON line per change appended next to the store (mode 0600,
// forced at each append whatever mode it had), the trail an FSE control asks
// for — when, who (OS user), which participant, what, before and after. Written
// under the store's lock, after the store itself, so that it only tells changes
// that landed; the lines are first kept in the write's intent (pendingWrite.ts)
// so that a crash between the two is settled at the next write.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import {readRegularText} from './regularFile.js';
import {PRIVATE_MODE} from './secureJsonFile.js';
import {journalPath} from './storePaths.js';

/**
 * 'abandon': a write interrupted (crash, power cut) before the store was
 * replaced: the change is NOT in the store; the line keeps what was attempted.
 */
export type JournalKind = 'modification' | 'annulation' | 'import' | 'abandon';

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
	/** the write this line belongs to (one per store write), to settle an interrupted write */
	readonly tx?: string;
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

export function journalLines(entries: readonly JournalEntry[], context: JournalContext = {}, tx?: string): JournalLine[] {
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
		...(tx === undefined ? {} : {tx}),
	}));
}

/** Appends the entries (one write, synced) to the journal next to `storeFile`. */
export async function appendJournal(storeFile: string, entries: readonly JournalEntry[], context: JournalContext = {}): Promise<void> {
	await appendJournalLines(storeFile, journalLines(entries, context));
}

/** Appends ready lines (one write, synced); the journal is made 0600 whatever mode it had. */
export async function appendJournalLines(storeFile: string, lines: readonly JournalLine[]): Promise<void> {
	if (lines.length === 0) return;
	const text = lines.map(line => JSON.stringify(line) + '\n').join('');
	const handle = await fs.open(journalPath(storeFile), 'a', PRIVATE_MODE);
	try {
		await handle.chmod(PRIVATE_MODE); // a journal created 0666 by hand or by another tool
		await handle.writeFile(text, 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
}

const TAIL_BYTES = 256 * 1024;

/** What the end of the journal holds of write `tx` (read from its end only). */
export interface JournalTail {
	/** how many of the last lines belong to `tx` */
	readonly written: number;
	/** false when the last line was cut by a crash (no line break after it) */
	readonly endsWithLineBreak: boolean;
}

export async function journalTail(storeFile: string, tx: string): Promise<JournalTail> {
	let handle: fs.FileHandle;
	try {
		handle = await fs.open(journalPath(storeFile), 'r');
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {written: 0, endsWithLineBreak: true};
		throw error;
	}
	try {
		const {size} = await handle.stat();
		for (let window = TAIL_BYTES; ; window *= 4) {
			const length = Math.min(size, window);
			const buffer = Buffer.alloc(length);
			await handle.read(buffer, 0, length, size - length);
			const counted = countTail(buffer.toString('utf8'), tx);
			// every line of the window belongs to tx (a large import): look further back
			if (counted.complete || length === size) {
				return {written: counted.written, endsWithLineBreak: size === 0 || buffer.at(-1) === 0x0a};
			}
		}
	} finally {
		await handle.close();
	}
}

/** Lines of `tx` at the end of `text`; complete: a line of another write (or the start) was reached. */
function countTail(text: string, tx: string): {written: number; complete: boolean} {
	const raws = text.split('\n');
	let written = 0;
	for (let i = raws.length - 1; i >= 0; i--) {
		const raw = raws[i]!;
		if (raw.trim() === '') continue;
		let line: {tx?: unknown};
		try {
			line = JSON.parse(raw) as {tx?: unknown};
		} catch {
			if (i === raws.length - 1) continue; // the last line, cut by a crash
			return {written, complete: i > 0}; // i = 0: the window cut a line in two
		}
		if (line.tx !== tx) return {written, complete: true};
		written++;
	}
	return {written, complete: false};
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
