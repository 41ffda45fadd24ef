// Writes the bilan workbook (REFERENTIEL §8, issue 17): the sheets of bilanSheets.ts
// with exceljs's streaming writer, print-ready (A4 landscape, fit to the page
// width, title and headings repeated on every page, « Page n / N »), into a
// private temp file renamed over the target, so the file is 0600 from its first
// byte and never half-written. Data text is always written as text, never as a
// formula (a name starting with = + - @ stays what it is).
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {frenchDate, isoFromDay} from '../domain/calendar.js';
import type {Bilan} from '../domain/bilan/index.js';
import {InputError} from '../domain/errors.js';
import {PRIVATE_MODE, renameWithRetry} from '../store/secureJsonFile.js';
import {type BilanSheet, bilanSheets, type SheetCell, type SheetLine, type SheetOptions} from './bilanSheets.js';
import {referentSlug} from './celluleWorkbook.js';

export interface BilanWorkbookOptions extends SheetOptions {
	/** target file; default `bilan-D1-D2[-referent].xlsx` in the current folder */
	readonly out?: string;
	/** replace an existing file (otherwise refused: it may be open in Excel) */
	readonly force?: boolean;
}

export function defaultBilanFileName(bilan: Pick<Bilan, 'from' | 'to' | 'referent'>): string {
	const slug = bilan.referent === undefined ? '' : referentSlug(bilan.referent);
	return `bilan-${isoFromDay(bilan.from)}-${isoFromDay(bilan.to)}${slug === '' ? '' : `-${slug}`}.xlsx`;
}

const MS_PER_DAY = 86_400_000;
const LINE_HEIGHT = 15;
const HEADING_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFDDE5F0'}};
const LETTERS_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFF2F2F2'}};
// Annex 5 marks in yellow the columns the accompagnateur·rice fills in
const YELLOW_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFFFF2A8'}};
const THIN: Partial<ExcelJS.Borders> = {top: {style: 'thin'}, left: {style: 'thin'}, bottom: {style: 'thin'}, right: {style: 'thin'}};
const TOTAL_BORDER: Partial<ExcelJS.Borders> = {...THIN, top: {style: 'medium'}};

// XML 1.0 refuses these characters: a name holding one would make the file need repair
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\ufffe\uffff]/g;

/** Text as a cell holds it: control characters removed (tabs and line breaks kept). */
function cellText(text: string): string {
	return text.replace(CONTROL, '');
}

/** What exceljs receives for a cell: a string is always a text cell (t="s"), never a formula. */
function cellValue(cell: SheetCell): string | number | Date | null {
	if (cell === undefined) return null;
	switch (cell.kind) {
		case 'text':
			return cellText(cell.text);
		case 'count':
			return cell.value;
		case 'percent':
			// a real percentage cell: 66.7 % is 0.667 shown with the format 0.0%
			return cell.value === null ? '—' : cell.value / 100;
		case 'days':
			return cell.value === null ? '—' : cell.value;
		case 'date':
			// Excel date cells hold UTC midnight of the calendar date: the same day in every time zone
			return new Date(cell.day * MS_PER_DAY);
	}
}

function numberFormat(cell: SheetCell): string | undefined {
	if (cell === undefined) return undefined;
	if (cell.kind === 'percent' && cell.value !== null) return '0.0%';
	if (cell.kind === 'days' && cell.value !== null) return '0.0';
	if (cell.kind === 'count') return '0';
	if (cell.kind === 'date') return 'dd/mm/yyyy';
	return undefined;
}

function columnLetter(index: number): string {
	let letters = '';
	for (let n = index; n > 0; n = Math.floor((n - 1) / 26)) letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
	return letters;
}

/** `&` starts a code in Excel page headers. */
function escapeHeader(text: string): string {
	return cellText(text).replace(/&/g, '&&');
}

/**
 * Where each cell of a line ends: a text followed by empty cells spreads over them
 * (merged), as the templates' long labels do; a note spans the whole width.
 */
function spans(line: SheetLine, columns: number): number[] {
	const ends: number[] = [];
	if (line.style === 'note' || line.style === 'title' || line.style === 'subtitle') return [columns - 1];
	if (line.style === 'section') return [Math.max(0, columns - 1)];
	for (let i = 0; i < line.cells.length; i++) {
		let end = i;
		if (line.cells[i]?.kind === 'text' && line.style !== 'letters') {
			while (end + 1 < line.cells.length && line.cells[end + 1] === undefined) end++;
		}
		ends.push(end);
	}
	return ends;
}

/**
 * Lines a row needs for its wrapped texts. Neither LibreOffice nor every Excel
 * recomputes row heights when opening a generated file, so they are set here:
 * each paragraph takes ceil(length / width) lines (a character is about a width unit).
 */
function linesNeeded(line: SheetLine, ends: readonly number[], widths: readonly number[]): number {
	let lines = 1;
	line.cells.forEach((cell, i) => {
		if (cell?.kind !== 'text') return;
		let width = 0;
		for (let c = i; c <= (ends[i] ?? i); c++) width += widths[c] ?? 10;
		// characters per width unit: a title's are larger, a heading's bold, a note's smaller
		const perUnit = line.style === 'title' ? 0.75 : line.style === 'heading' ? 1.15 : line.style === 'note' || line.style === 'subtitle' ? 1.3 : 1.15;
		const usable = Math.max(1, width * perUnit - 2);
		const count = cell.text.split('\n').reduce((sum, part) => sum + Math.max(1, Math.ceil(part.length / usable)), 0);
		lines = Math.max(lines, count);
	});
	return lines;
}

/** Short texts in a figure's place (Oui, Non, —) are centred as the figures are. */
function centredText(cell: SheetCell): boolean {
	return cell?.kind === 'text' && cell.text.length <= 3;
}

function styleOf(line: SheetLine, cell: SheetCell, index: number, list: boolean): Partial<ExcelJS.Style> {
	const numFmt = numberFormat(cell);
	const number = cell !== undefined && cell.kind !== 'text' && cell.kind !== 'date';
	const absent = cell !== undefined && (cell.kind === 'percent' || cell.kind === 'days') && cell.value === null;
	const centred: Partial<ExcelJS.Alignment> = {horizontal: 'center', vertical: 'middle', wrapText: true};
	switch (line.style) {
		case 'title':
			return {font: {name: 'Calibri', size: 14, bold: true}, alignment: {vertical: 'middle'}};
		case 'subtitle':
			return {font: {name: 'Calibri', size: 10, italic: true, color: {argb: 'FF555555'}}, alignment: {vertical: 'top', wrapText: true}};
		case 'heading':
			return {
				font: {name: 'Calibri', size: 11, bold: true},
				fill: line.highlight?.includes(index) ? YELLOW_FILL : HEADING_FILL,
				alignment: list ? {vertical: 'middle', wrapText: true} : centred,
				border: THIN,
			};
		case 'letters':
			return {font: {name: 'Calibri', size: 11, bold: true}, fill: LETTERS_FILL, alignment: centred, border: THIN};
		case 'section':
			return {font: {name: 'Calibri', size: 11, bold: true, italic: true}, fill: LETTERS_FILL, border: THIN, alignment: {horizontal: 'left', indent: 1}};
		case 'note':
			return {font: {name: 'Calibri', size: 10, italic: true, color: {argb: 'FF555555'}}, alignment: {vertical: 'top', wrapText: true}};
		case 'total':
		case 'row': {
			const border = line.style === 'total' ? TOTAL_BORDER : THIN;
			const font: Partial<ExcelJS.Font> = {name: 'Calibri', size: 11, bold: line.style === 'total'};
			if (list) return {font, ...(numFmt ? {numFmt, alignment: {horizontal: 'left'}} : {})};
			const alignment: Partial<ExcelJS.Alignment> =
				number || absent || centredText(cell) ? {horizontal: 'center', vertical: 'middle'} : {horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1};
			return {font, border, alignment, ...(numFmt ? {numFmt} : {})};
		}
		default:
			return {};
	}
}

// exceljs registers a style per distinct object: cells sharing a look share one object
const styleCache = new Map<string, Partial<ExcelJS.Style>>();
function sharedStyle(line: SheetLine, cell: SheetCell, index: number, list: boolean): Partial<ExcelJS.Style> {
	const absent = cell !== undefined && 'value' in cell && cell.value === null;
	const key = `${line.style}|${cell?.kind ?? '-'}|${absent}|${centredText(cell)}|${line.highlight?.includes(index) ?? false}|${list}`;
	let style = styleCache.get(key);
	if (style === undefined) styleCache.set(key, (style = styleOf(line, cell, index, list)));
	return style;
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: BilanSheet, title: string): void {
	const columns = sheet.widths.length;
	const worksheet = workbook.addWorksheet(sheet.name, {
		...(sheet.list ? {views: [{state: 'frozen', xSplit: 0, ySplit: sheet.repeatedLines, activeCell: `A${sheet.repeatedLines + 1}`}]} : {}),
		pageSetup: {
			paperSize: 9, // A4
			orientation: 'landscape',
			fitToPage: true,
			fitToWidth: 1,
			// a table on one page; a list as long as it takes, its headings on every page
			fitToHeight: sheet.list ? 0 : 1,
			printTitlesRow: `1:${sheet.repeatedLines}`,
			horizontalCentered: !sheet.list,
			margins: {left: 0.5, right: 0.5, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3},
		},
		headerFooter: {oddHeader: `&L${escapeHeader(title)}&R${escapeHeader(sheet.name)}`, oddFooter: '&CPage &P / &N'},
	});
	worksheet.columns = sheet.widths.map(width => ({width}));
	if (sheet.list) {
		const heading = sheet.lines.findIndex(line => line.style === 'heading');
		if (heading >= 0 && sheet.lines.length > heading + 1) worksheet.autoFilter = `A${heading + 1}:${columnLetter(columns)}${sheet.lines.length}`;
	}
	sheet.lines.forEach((line, i) => {
		const rowNumber = i + 1;
		const row = worksheet.getRow(rowNumber);
		const ends = spans(line, columns);
		line.cells.forEach((cell, c) => {
			const value = cellValue(cell);
			// a list's empty cells stay blank; a table's keep its borders
			if (value === null && sheet.list && line.style === 'row') return;
			const target = row.getCell(c + 1);
			if (value !== null) target.value = value;
			target.style = sharedStyle(line, cell, c, sheet.list === true);
		});
		if (!sheet.list || line.style !== 'row') {
			for (let c = 0; c < ends.length; c++) {
				if (ends[c]! > c) {
					worksheet.mergeCells(rowNumber, c + 1, rowNumber, ends[c]! + 1);
					c = ends[c]!;
				}
			}
			const lines = line.style === 'blank' ? 1 : linesNeeded(line, ends, sheet.widths);
			if (line.style === 'title') row.height = 22 * lines;
			else if (lines > 1 || line.style === 'heading') row.height = LINE_HEIGHT * lines + 4;
		}
		row.commit();
	});
	worksheet.commit();
}

/** The target exists and `force` was not given: a screen can ask before replacing it. */
export class BilanFileExistsError extends InputError {
	constructor(readonly file: string) {
		super(`${file} : le fichier existe déjà (il est peut-être ouvert dans Excel). Ajoutez --force pour le remplacer, ou choisissez un autre nom avec --out.`);
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

/** Writes the bilan workbook and returns its path. Refuses to replace a file unless `force`. */
export async function writeBilanWorkbook(bilan: Bilan, options: BilanWorkbookOptions): Promise<string> {
	const out = options.out ?? defaultBilanFileName(bilan);
	if (await exists(out)) {
		const stat = await fs.stat(out).catch(() => undefined);
		if (stat?.isDirectory()) throw new InputError(`${out} : c’est un dossier ; donnez un nom de fichier avec --out.`);
		if (!options.force) throw new BilanFileExistsError(out);
	}
	const sheets = bilanSheets(bilan, options);
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
		const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({stream, useStyles: true, useSharedStrings: true});
		workbook.creator = 'plie-triage';
		const title = `Bilan du ${frenchDate(bilan.from)} au ${frenchDate(bilan.to)} — ${bilan.referent ?? 'Tous'}`;
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
