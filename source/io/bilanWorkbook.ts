// Writes the bilan workbook (REFERENTIEL §8, issue 17): the sheets of bilanSheets.ts,
// print-ready as the cellule workbook (A4 landscape, fit to the page width, title
// lines repeated on every page, « Page n / N »). The tables are laid out here line
// by line, as their templates; the lists of people by printedSheet.ts; the file is
// written by workbookFile.ts (private temp file renamed over the target, never over
// a file unless asked). Every cell from data goes through literalCell: text stays
// text, never a formula (a name starting with = + - @ stays what it is).
import {referentsShown} from '../domain/visibility.js';
import type ExcelJS from 'exceljs';
import {frenchDate, isoFromDay} from '../domain/calendar.js';
import type {Bilan} from '../domain/bilan/index.js';
import {type BilanSheet, bilanSheets, type FormSheet, type SheetCell, type SheetLine, type SheetOptions} from './bilanSheets.js';
import {referentSlug} from './celluleWorkbook.js';
import {writePrintedSheet} from './printedSheet.js';
import {headerFooterText, literalCell} from './safeCell.js';
import {WorkbookFileExistsError, writeWorkbookFile} from './workbookFile.js';
import {BODY_FONT, LINE_HEIGHT, lineCount, PAGE_MARGINS} from './workbookPrint.js';

export interface BilanWorkbookOptions extends SheetOptions {
	/** target file; default `bilan-D1-D2[-referent].xlsx` in the current folder */
	readonly out?: string;
	/** replace an existing file (otherwise refused: it may be open in Excel) */
	readonly force?: boolean;
}

/** `bilan-D1-D2[-referent].xlsx`; a login that sees only its référent·es' people (a base) has them in the name. */
export function defaultBilanFileName(bilan: Pick<Bilan, 'from' | 'to' | 'referent' | 'visible'>): string {
	const who = referentsShown(bilan.referent, bilan.visible);
	const slug = who === undefined ? '' : referentSlug(who);
	return `bilan-${isoFromDay(bilan.from)}-${isoFromDay(bilan.to)}${slug === '' ? '' : `-${slug}`}.xlsx`;
}

const MS_PER_DAY = 86_400_000;
const TITLE_SIZE = 14;
const SMALL_SIZE = 10;
const HEADING_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFDDE5F0'}};
const LETTERS_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFF2F2F2'}};
const THIN: Partial<ExcelJS.Borders> = {top: {style: 'thin'}, left: {style: 'thin'}, bottom: {style: 'thin'}, right: {style: 'thin'}};
const TOTAL_BORDER: Partial<ExcelJS.Borders> = {...THIN, top: {style: 'medium'}};

/** What exceljs receives for a cell: literals only (text from data stays text). */
function cellValue(cell: SheetCell): ReturnType<typeof literalCell> {
	if (cell === undefined) return null;
	switch (cell.kind) {
		case 'text':
			return literalCell(cell.text);
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

/**
 * Where each cell of a line ends: a text followed by empty cells spreads over them
 * (merged), as the templates' long labels do; a title, a note or a section spans the whole width.
 */
function spans(line: SheetLine, columns: number): number[] {
	if (line.style === 'note' || line.style === 'title' || line.style === 'subtitle' || line.style === 'section') return [Math.max(0, columns - 1)];
	const ends: number[] = [];
	for (let i = 0; i < line.cells.length; i++) {
		let end = i;
		if (line.cells[i]?.kind === 'text' && line.style !== 'letters') {
			while (end + 1 < line.cells.length && line.cells[end + 1] === undefined) end++;
		}
		ends.push(end);
	}
	return ends;
}

const BOLD_LINES: ReadonlySet<SheetLine['style']> = new Set(['title', 'heading', 'letters', 'section', 'total']);
const fontSize = (line: SheetLine) => (line.style === 'title' ? TITLE_SIZE : line.style === 'note' || line.style === 'subtitle' ? SMALL_SIZE : BODY_FONT.size);

/**
 * The height a line needs for its wrapped texts (workbookPrint's measure of
 * Calibri): neither LibreOffice nor every Excel recomputes row heights when
 * opening a generated file, so they are set here.
 */
function lineHeight(line: SheetLine, ends: readonly number[], widths: readonly number[]): number | undefined {
	const size = fontSize(line);
	let lines = 1;
	line.cells.forEach((cell, i) => {
		if (cell?.kind !== 'text') return;
		let width = 0;
		for (let c = i; c <= (ends[i] ?? i); c++) width += widths[c] ?? 10;
		// a column unit holds fewer characters of a larger font
		lines = Math.max(lines, lineCount(cell.text, (width * BODY_FONT.size) / size, BOLD_LINES.has(line.style)));
	});
	if (line.style === 'title') return Math.ceil((LINE_HEIGHT * TITLE_SIZE) / BODY_FONT.size + 2) * lines;
	if (lines > 1 || line.style === 'heading') return ((LINE_HEIGHT * size) / BODY_FONT.size) * lines + 4;
	return undefined; // the default height
}

/** Short texts in a figure's place (Oui, Non, —) are centred as the figures are. */
function centredText(cell: SheetCell): boolean {
	return cell?.kind === 'text' && cell.text.length <= 3;
}

function styleOf(line: SheetLine, cell: SheetCell): Partial<ExcelJS.Style> {
	const numFmt = numberFormat(cell);
	const number = cell !== undefined && cell.kind !== 'text' && cell.kind !== 'date';
	const absent = cell !== undefined && (cell.kind === 'percent' || cell.kind === 'days') && cell.value === null;
	const centred: Partial<ExcelJS.Alignment> = {horizontal: 'center', vertical: 'middle', wrapText: true};
	const font = (extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> => ({...BODY_FONT, ...extra});
	switch (line.style) {
		case 'title':
			return {font: font({size: TITLE_SIZE, bold: true}), alignment: {vertical: 'middle'}};
		case 'subtitle':
		case 'note':
			return {font: font({size: SMALL_SIZE, italic: true, color: {argb: 'FF555555'}}), alignment: {vertical: 'top', wrapText: true}};
		case 'heading':
			return {font: font({bold: true}), fill: HEADING_FILL, alignment: centred, border: THIN};
		case 'letters':
			return {font: font({bold: true}), fill: LETTERS_FILL, alignment: centred, border: THIN};
		case 'section':
			return {font: font({bold: true, italic: true}), fill: LETTERS_FILL, border: THIN, alignment: {horizontal: 'left', indent: 1}};
		case 'total':
		case 'row': {
			const alignment: Partial<ExcelJS.Alignment> =
				number || absent || centredText(cell) ? {horizontal: 'center', vertical: 'middle'} : {horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1};
			return {font: font({bold: line.style === 'total'}), border: line.style === 'total' ? TOTAL_BORDER : THIN, alignment, ...(numFmt ? {numFmt} : {})};
		}
		default:
			return {};
	}
}

// exceljs registers a style per distinct object: cells sharing a look share one object
const styleCache = new Map<string, Partial<ExcelJS.Style>>();
function sharedStyle(line: SheetLine, cell: SheetCell): Partial<ExcelJS.Style> {
	const absent = cell !== undefined && 'value' in cell && cell.value === null;
	const key = `${line.style}|${cell?.kind ?? '-'}|${absent}|${centredText(cell)}`;
	let style = styleCache.get(key);
	if (style === undefined) styleCache.set(key, (style = styleOf(line, cell)));
	return style;
}

/** A table of the report on one A4 landscape page, laid out as its template. */
function writeFormSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: FormSheet, title: string): void {
	const columns = sheet.widths.length;
	const worksheet = workbook.addWorksheet(sheet.name, {
		pageSetup: {
			paperSize: 9, // A4
			orientation: 'landscape',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 1,
			printTitlesRow: `1:${sheet.repeatedLines}`,
			horizontalCentered: true,
			margins: {...PAGE_MARGINS},
		},
		headerFooter: {oddHeader: `&L${headerFooterText(title)}&R${headerFooterText(sheet.name)}`, oddFooter: '&CPage &P / &N'},
	});
	worksheet.columns = sheet.widths.map(width => ({width}));
	sheet.lines.forEach((line, i) => {
		const rowNumber = i + 1;
		const row = worksheet.getRow(rowNumber);
		const ends = spans(line, columns);
		line.cells.forEach((cell, c) => {
			const value = cellValue(cell);
			const target = row.getCell(c + 1);
			if (value !== null) target.value = value;
			target.style = sharedStyle(line, cell);
		});
		for (let c = 0; c < ends.length; c++) {
			if (ends[c]! > c) {
				worksheet.mergeCells(rowNumber, c + 1, rowNumber, ends[c]! + 1);
				c = ends[c]!;
			}
		}
		const height = line.style === 'blank' ? undefined : lineHeight(line, ends, sheet.widths);
		if (height !== undefined) row.height = height;
		row.commit();
	});
	worksheet.commit();
}

function writeSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: BilanSheet, title: string): void {
	if (sheet.kind === 'form') writeFormSheet(workbook, sheet, title);
	else writePrintedSheet(workbook, sheet.table, {title, emptyText: sheet.emptyText, preamble: sheet.preamble, paper: sheet.paper});
}

/** The target exists and `force` was not given: a screen can ask before replacing it. */
export class BilanFileExistsError extends WorkbookFileExistsError {}

/** Writes the bilan workbook and returns its path. Refuses to replace a file unless `force`. */
export async function writeBilanWorkbook(bilan: Bilan, options: BilanWorkbookOptions): Promise<string> {
	const out = options.out ?? defaultBilanFileName(bilan);
	const sheets = bilanSheets(bilan, options);
	const title = `Bilan du ${frenchDate(bilan.from)} au ${frenchDate(bilan.to)} — ${referentsShown(bilan.referent, bilan.visible) ?? 'Tous'}`;
	await writeWorkbookFile(out, {force: options.force, exists: file => new BilanFileExistsError(file)}, workbook => {
		for (const sheet of sheets) writeSheet(workbook, sheet, title);
	});
	return out;
}
