// `db copy --from SOURCE --to TARGET`: a whole caseload — participants, settings
// and journal — from the JSON file to a PostgreSQL base or back (REFERENTIEL §9).
// A target that already holds participants or journal lines is refused unless
// `force`; the copy is written at once (one transaction in a base, one locked
// write of the file), then the counts are read back from the target and compared
// with the source's: participants, steps, events, journal lines. The target's
// journal gets the source's lines as they were (time and author kept) and one
// line saying the copy was made.
import {promises as fs} from 'node:fs';
import {InputError} from '../domain/errors.js';
import type {CaseloadStore} from './caseloadStore.js';
import {openCaseloadStore} from './caseloadStore.js';
import {journalLines, type JournalEntry, type JournalLine} from './journal.js';
import type {StoreData} from './schema.js';
import {PRIVATE_MODE} from './secureJsonFile.js';
import {StoreError} from './storeBasics.js';
import {journalPath} from './storePaths.js';

export interface CopyCounts {
	readonly participants: number;
	readonly steps: number;
	readonly events: number;
	readonly journal: number;
}

export interface CopyResult {
	readonly source: CopyCounts;
	/** what the target holds after the copy (its journal less the lines it had, and less the copy's own line) */
	readonly target: CopyCounts;
	/** source journal lines that could not be read (a file cut by a crash): not copied */
	readonly unreadable: readonly number[];
}

export interface CopyOptions {
	/** replace a target that is not empty (its participants; its journal is kept and continued) */
	readonly force?: boolean;
	readonly user?: string;
	readonly now?: Date;
}

export function countsOf(data: StoreData, journal: number): CopyCounts {
	let steps = 0;
	let events = 0;
	for (const participant of data.participants) {
		steps += participant.steps.length;
		events += participant.events.length;
	}
	return {participants: data.participants.length, steps, events, journal};
}

/** « 0 étape », « 1 étape », « 2 étapes » */
export function countOf(count: number, word: string): string {
	return `${count} ${word}${count > 1 ? 's' : ''}`;
}

export function describeCounts(counts: CopyCounts): string {
	return `${countOf(counts.participants, 'bénéficiaire')}, ${countOf(counts.steps, 'étape')}, ${countOf(counts.events, 'événement')}, ${countOf(counts.journal, 'ligne')} de journal`;
}

/** What the target must hold, before the copy, to be written without --force. */
export function notEmptyMessage(location: string, participants: number, journal: number): string {
	return (
		`${location} n’est pas vide (${countOf(participants, 'bénéficiaire')}, ${countOf(journal, 'ligne')} de journal) : rien n’a été copié. ` +
		'Ajoutez --force pour remplacer ses bénéficiaires et ses réglages (son journal est gardé et continué).'
	);
}

/** The copy's own journal line. */
function copyEntry(from: string, counts: CopyCounts): JournalEntry {
	return {action: `copie depuis ${from} (${describeCounts(counts)})`, kind: 'import'};
}

/** Writes the whole caseload into a file store; returns how many journal lines it had before. */
async function copyIntoFile(target: CaseloadStore, data: StoreData, lines: readonly JournalLine[], entry: JournalEntry, options: CopyOptions): Promise<number> {
	const journalFile = journalPath(target.location);
	let before = 0;
	let appendedFrom: number | undefined;
	try {
		await target.update(
			async current => {
				before = (await target.readJournal()).lines.length;
				if ((current.participants.length > 0 || before > 0) && !options.force) {
					throw new InputError(notEmptyMessage(target.location, current.participants.length, before));
				}
				current.participants = data.participants;
				current.settings = data.settings;
				// the source's lines first, then the copy's own line (appended by the update)
				appendedFrom = await fs.stat(journalFile).then(
					info => info.size,
					() => 0,
				);
				await appendLines(journalFile, lines);
				return [entry];
			},
			{create: true, user: options.user, now: options.now},
		);
	} catch (error) {
		// the lines appended for a copy that did not land are taken back
		if (appendedFrom !== undefined) await fs.truncate(journalFile, appendedFrom).catch(() => undefined);
		throw error;
	}
	return before;
}

async function appendLines(file: string, lines: readonly JournalLine[]): Promise<void> {
	if (lines.length === 0) return;
	const handle = await fs.open(file, 'a', PRIVATE_MODE);
	try {
		await handle.writeFile(lines.map(line => JSON.stringify(line) + '\n').join(''), 'utf8');
		await handle.sync();
	} finally {
		await handle.close();
	}
}

/** Reads the source, whoever it is: a base must be read by a login that sees everything. */
async function readSource(source: CaseloadStore): Promise<{data: StoreData; lines: JournalLine[]; unreadable: readonly number[]}> {
	if (source.kind === 'postgres') {
		const {PostgresStore} = await import('./postgres/postgresStore.js');
		const {seesAll} = await import('./postgres/connection.js');
		if (source instanceof PostgresStore && !seesAll(source.access)) {
			throw new InputError(
				`${source.location} : votre identifiant ne voit que les bénéficiaires de ses référent·es ; une copie complète demande un identifiant de la coordination ou le propriétaire de la base.`,
			);
		}
	}
	const data = await source.read();
	const journal = await source.readJournal();
	return {data, lines: journal.lines, unreadable: journal.unreadable};
}

export async function copyCaseload(from: string, to: string, options: CopyOptions = {}): Promise<CopyResult> {
	if (from.trim() === to.trim()) throw new InputError(`la source et la cible sont le même endroit (${from}) : rien n’a été copié.`);
	const source = await openCaseloadStore(from);
	let read: Awaited<ReturnType<typeof readSource>>;
	try {
		read = await readSource(source);
	} finally {
		await source.close();
	}
	const sourceCounts = countsOf(read.data, read.lines.length);
	const entry = copyEntry(from, sourceCounts);
	const target = await openCaseloadStore(to);
	let before: number;
	try {
		if (target.kind === 'postgres') {
			const {copyIntoBase} = await import('./postgres/copyIntoBase.js');
			const {PostgresStore} = await import('./postgres/postgresStore.js');
			const line = journalLines([entry], {user: (target as InstanceType<typeof PostgresStore>).access.login, ...options})[0]!;
			before = await copyIntoBase(target as InstanceType<typeof PostgresStore>, read.data, [...read.lines, line], sourceCounts, options);
		} else {
			before = await copyIntoFile(target, read.data, read.lines, entry, options);
		}
	} finally {
		await target.close();
	}
	// read back from the target as any command would
	const check = await openCaseloadStore(to);
	let targetCounts: CopyCounts;
	try {
		const journal = await check.readJournal();
		targetCounts = countsOf(await check.read(), journal.lines.length - before - 1);
	} finally {
		await check.close();
	}
	if (JSON.stringify(targetCounts) !== JSON.stringify(sourceCounts)) {
		throw new StoreError(
			to,
			`la copie ne correspond pas à la source : source ${describeCounts(sourceCounts)} ; cible ${describeCounts(targetCounts)}. Vérifiez la cible avant de vous en servir.`,
		);
	}
	return {source: sourceCounts, target: targetCounts, unreadable: read.unreadable};
}
