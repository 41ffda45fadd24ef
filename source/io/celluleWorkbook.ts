// Writes the cellule de suivi preparation workbook (issue 6): exceljs's streaming
// writer (fast enough for 10,000 people), into a private temp file renamed over
// the target, so the file is 0600 from its first byte and never half-written.
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {InputError} from '../domain/errors.js';
import {type Day, frenchDate, isoFromDay} from '../domain/calendar.js';
import {selectCellule} from '../domain/cellule.js';
import type {Participant} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {foldText} from '../domain/text.js';
import {PRIVATE_MODE, renameWithRetry} from '../store/secureJsonFile.js';
import {resolveWriteTarget, syncDirectory} from '../store/writeTarget.js';
import {celluleSheets, NO_REFERENT} from './celluleSheets.js';
import {writePrintedSheet} from './printedSheet.js';

export interface CelluleWorkbookOptions {
	readonly participants: readonly Participant[];
	readonly settings: Settings;
	/** the day the workbook is written (shown in Synthèse) */
	readonly today: Day;
	/** the day of the cellule de suivi; every status is computed on that day */
	readonly meeting: Day;
	/** entries and exits from this day on; default one month before the meeting */
	readonly since?: Day;
	/** one referent, or undefined for all */
	readonly referent?: string;
	/** discrétion: initials and ids, no birth date, commune, gender, CAF / France Travail numbers, no typed reasons */
	readonly discret?: boolean;
	/** target file; default `cellule-YYYY-MM-DD[-referent][-discret].xlsx` in the current folder */
	readonly out?: string;
	/** replace an existing file (otherwise refused: it may be open in Excel) */
	readonly force?: boolean;
}

/** `MARTEL Inès` → `martel-ines`. */
export function referentSlug(referent: string): string {
	return foldText(referent)
		.replace(/[^a-z0-9]+/g, '-')
		.replace(/^-+|-+$/g, '');
}

/** What the user reads once the workbook is written (CLI, and the dashboard's `E`). */
export function celluleWrittenMessage(file: string, meeting: Day, due: Day, today: Day): string {
	const late = today > due ? ' (date dépassée)' : '';
	return `Préparation de la cellule du ${frenchDate(meeting)} écrite : ${file}\nÀ remettre au PLIE au plus tard le ${frenchDate(due)}${late}.`;
}

/** `cellule-2026-12-08[-martel-ines][-discret].xlsx`: the discreet export never takes the named one's place. */
export function defaultCelluleFileName(meeting: Day, referent?: string, discret = false): string {
	const slug = referent === undefined ? '' : referentSlug(referent);
	return `cellule-${isoFromDay(meeting)}${slug === '' ? '' : `-${slug}`}${discret ? '-discret' : ''}.xlsx`;
}

const personCount = (count: number) => `${count} personne${count > 1 ? 's' : ''}`;

/** The heading above a référent·e's rows, repeated at the top of each of their pages. */
export function referentHeading(referent: string, continued: boolean, count: number): string {
	return `Référent·e : ${referent}${continued ? ' (suite)' : ` — ${personCount(count)}`}`;
}

/** The target exists and `force` was not given: the dashboard can ask before replacing it. */
export class CelluleFileExistsError extends InputError {
	constructor(readonly file: string) {
		super(
			`${file} : le fichier existe déjà (il est peut-être ouvert dans Excel). Ajoutez --force pour le remplacer, ou choisissez un autre nom avec --out.`,
		);
	}
}

async function exists(file: string): Promise<boolean> {
	try {
		await fs.lstat(file);
		return true;
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT' || code === 'ENOTDIR') return false; // the folder check comes when writing
		throw describeFsError(file, error);
	}
}

function describeFsError(file: string, error: unknown): InputError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT' || code === 'ENOTDIR') return new InputError(`${file} : le dossier n’existe pas.`);
	if (code === 'EACCES' || code === 'EPERM' || code === 'EBUSY') {
		return new InputError(`${file} : écriture impossible (fichier ouvert dans Excel ou droits d’accès insuffisants).`);
	}
	if (code === 'EISDIR') return new InputError(`${file} : c’est un dossier, pas un fichier.`);
	return new InputError(`${file} : écriture impossible (${(error as Error).message}).`);
}

/** Writes the workbook and returns its path. Refuses to replace a file unless `force`. */
export async function writeCelluleWorkbook(options: CelluleWorkbookOptions): Promise<string> {
	const out = options.out ?? defaultCelluleFileName(options.meeting, options.referent, options.discret === true);
	// through a symbolic link, the link's target is replaced (the link stays); a link pointing nowhere yet creates it
	const target = await resolveWriteTarget(out);
	if (await exists(target)) {
		const stat = await fs.stat(out).catch(() => undefined);
		if (stat?.isDirectory()) throw new InputError(`${out} : c’est un dossier ; donnez un nom de fichier avec --out.`);
		if (!options.force) throw new CelluleFileExistsError(out);
	}

	const selection = selectCellule({
		participants: options.participants,
		settings: options.settings,
		meeting: options.meeting,
		since: options.since,
		referent: options.referent,
	});
	if (options.referent !== undefined && selection.triage.facts.size === 0) {
		// a misspelt name would otherwise give an empty workbook, handed in as is
		const known = [...new Set(options.participants.map(p => p.referent).filter(Boolean))].sort().join(', ');
		throw new InputError(
			`aucun·e bénéficiaire suivi·e par « ${options.referent} » : classeur non écrit.${known ? ` Référent·es connu·es : ${known}.` : ''}`,
		);
	}
	const sheets = celluleSheets(selection, {discret: options.discret === true, today: options.today});

	const temp = path.join(path.dirname(target), `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	let handle: fs.FileHandle;
	try {
		handle = await fs.open(temp, 'wx', PRIVATE_MODE);
	} catch (error) {
		throw describeFsError(out, error);
	}
	try {
		const stream = handle.createWriteStream();
		// Windows refuses to rename a file still open: wait for the handle to close, not just 'finish'.
		const closed = new Promise<void>((resolve, reject) => {
			stream.once('close', resolve);
			stream.once('error', reject);
		});
		closed.catch(() => undefined); // awaited below; a write error must not go unhandled meanwhile
		// shared strings (t="s"): the form Excel itself writes, and a smaller file
		const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({stream, useStyles: true, useSharedStrings: true});
		workbook.creator = 'plie-triage';
		const title = `Cellule de suivi du ${frenchDate(options.meeting)} — ${selection.referent ?? 'tous les référent·es'}${options.discret ? ' (discrétion)' : ''}`;
		// with several référent·es, each one's rows on their own pages, under their name
		const referents = new Set([...selection.triage.facts.values()].map(f => f.participant.referent?.trim() || NO_REFERENT));
		const groups = selection.referent === undefined && referents.size > 1 ? {heading: referentHeading} : undefined;
		for (const sheet of sheets) writePrintedSheet(workbook, sheet, {title, emptyText: 'Aucune personne concernée pour cette cellule.', groups});
		await workbook.commit();
		await closed;
		await fs.chmod(temp, PRIVATE_MODE); // a restrictive file system may ignore open's mode
		await renameWithRetry(temp, target);
		await syncDirectory(path.dirname(target));
	} catch (error) {
		await handle.close().catch(() => undefined);
		await fs.rm(temp, {force: true});
		if ((error as NodeJS.ErrnoException).code !== undefined) throw describeFsError(out, error);
		throw error;
	}
	return out;
}
