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
import {type CellValue, celluleSheets, type Column, type ColumnKind, type SheetTable} from './celluleSheets.js';

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
	/** initials instead of names, no CAF / France Travail numbers */
	readonly discret?: boolean;
	/** target file; default `cellule-YYYY-MM-DD[-referent].xlsx` in the current folder */
	readonly out?: string;
	/** replace an existing file (otherwise refused: it may be open in Excel) */
	readonly force?: boolean;
}

const DATE_FORMAT = 'dd/mm/yyyy';
const MS_PER_DAY = 86_400_000;

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

export function defaultCelluleFileName(meeting: Day, referent?: string): string {
	const slug = referent === undefined ? '' : referentSlug(referent);
	return `cellule-${isoFromDay(meeting)}${slug === '' ? '' : `-${slug}`}.xlsx`;
}

/** Excel date cells hold UTC midnight of the calendar date: the same day in every time zone. */
function cellValue(value: CellValue, kind: ColumnKind): string | number | Date | null {
	if (value === undefined || value === '') return null;
	if (kind === 'date' && typeof value === 'number') return new Date(value * MS_PER_DAY);
	return value;
}

function displayLength(value: CellValue, kind: ColumnKind): number {
	if (value === undefined) return 0;
	if (kind === 'date') return 10;
	return String(value).length;
}

/** Widths from the header and the longest value (sampled), kept between 10 and 60 characters (exceljs drops a width of 9 as its default). */
function columnWidths(sheet: SheetTable): number[] {
	const sample = sheet.rows.length > 2000 ? sheet.rows.slice(0, 2000) : sheet.rows;
	return sheet.columns.map((column: Column<unknown>) => {
		if (column.width !== undefined) return column.width;
		let longest = Math.min(column.header.length, 28);
		for (const row of sample) longest = Math.max(longest, displayLength(column.value(row), column.kind));
		return Math.min(60, Math.max(10, longest + 2));
	});
}

const LINE_HEIGHT = 15;

/**
 * Lines a row needs for its wrapped cells. Neither LibreOffice nor every Excel
 * recomputes row heights when opening a generated file, so we set them: each
 * paragraph takes ceil(length / width) lines (a character is about a width unit).
 */
function wrappedLines(columns: readonly Column<unknown>[], widths: readonly number[], values: readonly unknown[]): number {
	let lines = 1;
	columns.forEach((column, i) => {
		if (!column.wrap || typeof values[i] !== 'string') return;
		const usable = Math.max(1, widths[i]! - 2);
		const count = (values[i] as string).split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / usable)), 0);
		lines = Math.max(lines, count);
	});
	return lines;
}

function columnLetter(index: number): string {
	let letters = '';
	for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

/** `&` starts a code in Excel page headers. */
function escapeHeader(text: string): string {
	return text.replace(/&/g, '&&');
}

function cellStyle(kind: ColumnKind, wrap: boolean, vertical: 'top' | undefined): Partial<ExcelJS.Style> {
	const alignment: Partial<ExcelJS.Alignment> = {};
	if (kind === 'date') alignment.horizontal = 'left';
	if (kind === 'number') alignment.horizontal = 'center'; // a right-aligned count would touch the next column's text
	if (wrap) alignment.wrapText = true;
	if (vertical) alignment.vertical = vertical;
	return {...(kind === 'date' ? {numFmt: DATE_FORMAT} : {}), ...(Object.keys(alignment).length > 0 ? {alignment} : {})};
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SheetTable, title: string): void {
	const frozen = sheet.frozenColumns ?? 0;
	const worksheet = workbook.addWorksheet(sheet.name, {
		views: [{state: 'frozen', xSplit: frozen, ySplit: 1, topLeftCell: `${columnLetter(frozen + 1)}2`, activeCell: 'A2'}],
		// printed for the meeting: A4 landscape, all columns on the page width
		pageSetup: {paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0},
		headerFooter: {oddHeader: `&L${escapeHeader(title)}&R${escapeHeader(sheet.name)}`, oddFooter: '&CPage &P / &N'},
	});
	const widths = columnWidths(sheet);
	// with a wrapped column, rows grow: every cell then reads from the top of its row
	const vertical = sheet.columns.some(column => column.wrap) ? 'top' : undefined;
	const styles = sheet.columns.map(column => cellStyle(column.kind, column.wrap === true, vertical));
	worksheet.columns = sheet.columns.map((column, i) => ({width: widths[i], style: styles[i]}));
	const columns = sheet.columns as readonly Column<unknown>[];
	worksheet.autoFilter = `A1:${columnLetter(columns.length)}${sheet.rows.length + 1}`;

	const header = worksheet.addRow(columns.map(column => column.header));
	header.eachCell(cell => {
		cell.font = {name: 'Calibri', size: 11, bold: true};
		cell.numFmt = 'General';
		cell.fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFDDE5F0'}};
		cell.alignment = {vertical: 'middle', wrapText: false};
		cell.border = {bottom: {style: 'thin'}};
	});
	header.commit();

	if (sheet.rows.length === 0) {
		// an empty sheet says so, so that nobody wonders whether the export failed
		const note = worksheet.addRow(['Aucune personne concernée pour cette cellule.']);
		note.getCell(1).font = {italic: true, color: {argb: 'FF666666'}};
		note.commit();
	}
	for (const row of sheet.rows) {
		const kinds = columns.map(column => column.kindOf?.(row) ?? column.kind);
		const values = columns.map((column, i) => cellValue(column.value(row), kinds[i]!));
		const added = worksheet.addRow(values);
		if (vertical) {
			const lines = wrappedLines(columns, widths, values);
			if (lines > 1) added.height = LINE_HEIGHT * lines;
		}
		// one style object per column: exceljs then registers it once, not once per cell
		added.eachCell({includeEmpty: true}, (cell, number) => {
			const i = number - 1;
			cell.style = kinds[i] === columns[i]!.kind ? styles[i]! : cellStyle(kinds[i]!, false, vertical);
		});
		added.commit();
	}
	worksheet.commit();
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
	const out = options.out ?? defaultCelluleFileName(options.meeting, options.referent);
	if (await exists(out)) {
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

	const temp = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
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
		const title = `Cellule de suivi du ${frenchDate(options.meeting)} — ${selection.referent ?? 'Tous'}`;
		for (const sheet of sheets) writeSheet(workbook, sheet, title);
		await workbook.commit();
		await closed;
		await fs.chmod(temp, PRIVATE_MODE); // a restrictive file system may ignore open's mode
		await renameWithRetry(temp, out);
	} catch (error) {
		await handle.close().catch(() => undefined);
		await fs.rm(temp, {force: true});
		if ((error as NodeJS.ErrnoException).code !== undefined) throw describeFsError(out, error);
		throw error;
	}
	return out;
}
