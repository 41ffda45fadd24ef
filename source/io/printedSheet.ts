// One list sheet written for paper and for the meeting's projector: a bold header
// row repeated on every printed page, thin borders and light banding, A4
// landscape fitted to the page width with body text ≥ 8 pt, "Page n / N" in the
// footer; optionally rows grouped (by référent·e), each group on its own pages
// under a heading repeated at the top of every page. Every value goes through
// literalCell: nothing from the data becomes a formula or a link.
// Shared by the workbooks made to be printed (cellule de suivi, bilans…).
import type ExcelJS from 'exceljs';
import {
	BODY_FONT,
	WIDEST_CHAR_UNITS,
	type ColumnNeed,
	fitWidths,
	headerMinimum,
	LINE_HEIGHT,
	lineCount,
	naturalWidth,
	PAGE_MARGINS,
	PAPER_CODES,
	type PaperSize,
	pageCapacity,
	type PageItem,
	paginate,
	widthBudget,
} from './workbookPrint.js';
import {headerFooterText, literalCell} from './safeCell.js';
import {columnLetters} from './xlsx/refusal.js';

export type ColumnKind = 'text' | 'date' | 'number';
/** a date column's value is a Day number (days since 1970-01-01); the writer makes it a real date cell */
export type CellValue = string | number | undefined;

export interface Column<R> {
	readonly header: string;
	readonly kind: ColumnKind;
	readonly value: (row: R) => CellValue;
	/**
	 * The widest this column gets, in characters (otherwise 50). Text wraps beyond,
	 * on as many lines as it needs (the row grows), and at '\n'; a text column is
	 * also narrowed (never below its header's longest word) when the page is short of width.
	 */
	readonly width?: number;
	/** when cells of one column differ in kind (Synthèse's Valeur) */
	readonly kindOf?: (row: R) => ColumnKind;
	/** a column the reader completes by hand: its header in yellow, as the templates mark them */
	readonly highlight?: boolean;
}

export interface SheetTable<R = unknown> {
	readonly name: string;
	readonly columns: readonly Column<R>[];
	readonly rows: readonly R[];
	/** columns kept in view when scrolling right (after the frozen header row) */
	readonly frozenColumns?: number;
	/** the group a row is printed in (the référent·e): used when the export covers several */
	readonly groupOf?: (row: R) => string;
}

export interface PrintOptions {
	/** the page header's left part (the document), the sheet's name being on the right */
	readonly title: string;
	/** the single row of a sheet without rows, so that nobody wonders whether the export failed */
	readonly emptyText: string;
	/**
	 * Group the rows by `groupOf` (stable: rows keep their order within a group),
	 * groups in French alphabetical order, each under `heading(group, continued, count)`.
	 */
	readonly groups?: {readonly heading: (group: string, continued: boolean, count: number) => string};
	/**
	 * Lines above the header row, across the sheet's width and repeated with it on
	 * every page: a list's title and what it covers, as a template heads it.
	 */
	readonly preamble?: readonly PreambleLine[];
	/** A4 (default) or A3, landscape: the widths are fitted to it for text ≥ 8 pt */
	readonly paper?: PaperSize;
}

export interface PreambleLine {
	readonly text: string;
	/** title: large and bold; subtitle: italic */
	readonly style: 'title' | 'subtitle';
}

export const DATE_FORMAT = 'dd/mm/yyyy';
const MS_PER_DAY = 86_400_000;
const DATE_WIDTH = 11.5; // dd/mm/yyyy in Calibri 11 (10.1 units), its padding, and room: Excel shows ##### when a date does not fit
const DEFAULT_MAX_WIDTH = 50;
const MIN_TEXT_WIDTH = 8;
/** rows read to size the columns (a sheet is streamed: widths come first) */
const WIDTH_SAMPLE = 2000;

const HEADER_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFDDE5F0'}};
const BAND_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFEDF1F7'}};
const HEADING_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFE9EEF5'}};
const HIGHLIGHT_FILL: ExcelJS.Fill = {type: 'pattern', pattern: 'solid', fgColor: {argb: 'FFFFF2A8'}};
const TITLE_SIZE = 14;
const THIN = (argb: string): Partial<ExcelJS.Border> => ({style: 'thin', color: {argb}});
const BODY_BORDER: Partial<ExcelJS.Borders> = {top: THIN('FFBFBFBF'), bottom: THIN('FFBFBFBF'), left: THIN('FFBFBFBF'), right: THIN('FFBFBFBF')};
const HEADER_BORDER: Partial<ExcelJS.Borders> = {top: THIN('FF8EA2BF'), bottom: THIN('FF8EA2BF'), left: THIN('FF8EA2BF'), right: THIN('FF8EA2BF')};

/** Excel date cells hold UTC midnight of the calendar date: the same day in every time zone. */
function cellValue(value: CellValue, kind: ColumnKind): ReturnType<typeof literalCell> {
	if (value === undefined || value === '') return null;
	if (kind === 'date' && typeof value === 'number') return new Date(value * MS_PER_DAY);
	return literalCell(value);
}

function shownText(value: CellValue, kind: ColumnKind): string {
	if (value === undefined) return '';
	if (kind === 'date') return '00/00/0000';
	return String(value);
}

/** What each column needs, from its header and the sampled values. */
function columnNeeds(sheet: SheetTable): ColumnNeed[] {
	const sample = sheet.rows.length > WIDTH_SAMPLE ? sheet.rows.slice(0, WIDTH_SAMPLE) : sheet.rows;
	return sheet.columns.map((column: Column<unknown>) => {
		const minimum = headerMinimum(column.header);
		if (column.kind === 'date' && column.kindOf === undefined) return {natural: Math.max(DATE_WIDTH, minimum), minimum, shrinkable: false};
		const cap = column.width ?? DEFAULT_MAX_WIDTH;
		let widest = Math.min(naturalWidth(column.header, true), Math.max(minimum, 16));
		for (const row of sample) {
			const kind = column.kindOf?.(row) ?? column.kind;
			if (kind === 'date') {
				widest = Math.max(widest, DATE_WIDTH);
				continue;
			}
			const text = shownText(column.value(row), kind);
			// a text too short to be the widest even in capitals need not be measured
			if (text.length * WIDEST_CHAR_UNITS + 1 > widest) widest = Math.max(widest, naturalWidth(text));
		}
		const natural = Math.min(cap, Math.max(MIN_TEXT_WIDTH, widest));
		return {natural, minimum: Math.max(minimum, column.kind === 'text' ? MIN_TEXT_WIDTH : 0), shrinkable: column.kind === 'text'};
	});
}

/** A row's height: one line, or as many as its longest wrapped text needs. */
function rowHeight(texts: readonly string[], widths: readonly number[], bold = false): number {
	let lines = 1;
	for (let i = 0; i < texts.length; i++) {
		if (texts[i] !== '') lines = Math.max(lines, lineCount(texts[i]!, widths[i]!, bold));
	}
	return lines * LINE_HEIGHT;
}

type Styles = Map<string, Partial<ExcelJS.Style>>;

/** One style object per (kind, band): exceljs registers a style once per object, not once per cell. */
function bodyStyle(styles: Styles, kind: ColumnKind, banded: boolean): Partial<ExcelJS.Style> {
	const key = `${kind}:${banded}`;
	let style = styles.get(key);
	if (style === undefined) {
		const alignment: Partial<ExcelJS.Alignment> = {vertical: 'top', wrapText: kind === 'text'};
		if (kind === 'date') alignment.horizontal = 'left';
		if (kind === 'number') alignment.horizontal = 'center'; // a right-aligned count would touch the next column's text
		style = {
			font: BODY_FONT,
			border: BODY_BORDER,
			alignment,
			...(kind === 'date' ? {numFmt: DATE_FORMAT} : {}),
			...(banded ? {fill: BAND_FILL} : {}),
		};
		styles.set(key, style);
	}
	return style;
}

interface Grouped<R> {
	readonly rows: readonly R[];
	readonly groups: readonly string[];
}

const collator = new Intl.Collator('fr', {sensitivity: 'base', numeric: true});

/** Rows in group order (French alphabetical), keeping their order within a group. */
function groupRows<R>(rows: readonly R[], groupOf: (row: R) => string): Grouped<R> {
	const keyed = rows.map((row, index) => ({row, index, group: groupOf(row)}));
	const order = [...new Set(keyed.map(k => k.group))].sort((a, b) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0));
	const rank = new Map(order.map((group, i) => [group, i]));
	keyed.sort((a, b) => rank.get(a.group)! - rank.get(b.group)! || a.index - b.index);
	return {rows: keyed.map(k => k.row), groups: keyed.map(k => k.group)};
}

/** The preamble's rows, each across the sheet's width; returns their total height. */
function writePreamble(worksheet: ExcelJS.Worksheet, preamble: readonly PreambleLine[], widths: readonly number[]): number {
	const width = widths.reduce((sum, w) => sum + w, 0);
	let total = 0;
	for (const line of preamble) {
		const title = line.style === 'title';
		const added = worksheet.addRow([literalCell(line.text)]);
		// a title's characters are 14/11 as wide as the body's
		const lines = lineCount(line.text, title ? (width * BODY_FONT.size) / TITLE_SIZE : width, title);
		added.height = lines * (title ? Math.ceil((LINE_HEIGHT * TITLE_SIZE) / BODY_FONT.size) + 2 : LINE_HEIGHT);
		added.getCell(1).style = {
			font: title ? {...BODY_FONT, size: TITLE_SIZE, bold: true} : {...BODY_FONT, italic: true, color: {argb: 'FF555555'}},
			alignment: {vertical: 'top', wrapText: true},
		};
		if (widths.length > 1) worksheet.mergeCells(Number(added.number), 1, Number(added.number), widths.length);
		added.commit();
		total += added.height;
	}
	return total;
}

/** Writes `sheet` into a streaming workbook, laid out for printing. */
export function writePrintedSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, sheet: SheetTable, options: PrintOptions): void {
	const columns = sheet.columns as readonly Column<unknown>[];
	const frozen = sheet.frozenColumns ?? 0;
	// exceljs writes the print titles' sheet name between apostrophes without doubling one inside (Excel then repairs the file)
	const name = sheet.name.replace(/'/g, '’');
	const preamble = options.preamble ?? [];
	const paper = options.paper ?? 'A4';
	const headerRow = preamble.length + 1;
	const worksheet = workbook.addWorksheet(name, {
		views: [{state: 'frozen', xSplit: frozen, ySplit: headerRow, topLeftCell: `${columnLetters(frozen + 1)}${headerRow + 1}`, activeCell: `A${headerRow + 1}`}],
		pageSetup: {
			paperSize: PAPER_CODES[paper],
			orientation: 'landscape',
			fitToPage: true,
			fitToWidth: 1,
			fitToHeight: 0, // as many pages as needed down
			margins: {...PAGE_MARGINS},
			printTitlesRow: `1:${headerRow}`, // the header row (and the preamble) on every page
		},
		headerFooter: {oddHeader: `&L${headerFooterText(options.title)}&R${headerFooterText(name)}`, oddFooter: '&CPage &P / &N'},
	});

	const grouping = options.groups !== undefined && sheet.groupOf !== undefined && sheet.rows.length > 0;
	const {rows, groups} = grouping ? groupRows(sheet.rows, sheet.groupOf!) : {rows: sheet.rows, groups: [] as string[]};
	const widths = fitWidths(columnNeeds({...sheet, rows}), widthBudget(paper));
	worksheet.columns = widths.map(width => ({width}));
	const filter = (lastRow: number) => {
		worksheet.autoFilter = `A${headerRow}:${columnLetters(columns.length)}${lastRow}`;
	};

	const preambleHeight = writePreamble(worksheet, preamble, widths);
	const headerHeight = rowHeight(
		columns.map(column => column.header),
		widths,
		true,
	);
	const header = worksheet.addRow(columns.map(column => column.header));
	header.height = headerHeight;
	const headerStyle: Partial<ExcelJS.Style> = {
		font: {...BODY_FONT, bold: true},
		numFmt: 'General',
		fill: HEADER_FILL,
		border: HEADER_BORDER,
		alignment: {vertical: 'middle', wrapText: true},
	};
	const highlighted: Partial<ExcelJS.Style> = {...headerStyle, fill: HIGHLIGHT_FILL};
	header.eachCell((cell, c) => {
		cell.style = columns[c - 1]!.highlight === true ? highlighted : headerStyle;
	});
	header.commit();

	if (rows.length === 0) {
		const note = worksheet.addRow([options.emptyText]);
		note.getCell(1).font = {...BODY_FONT, italic: true, color: {argb: 'FF666666'}};
		note.height = LINE_HEIGHT;
		note.commit();
		filter(headerRow + 1);
		worksheet.commit();
		return;
	}

	const styles: Styles = new Map();
	// the style of each column's own kind, plain and banded, looked up once
	const plain = columns.map(column => bodyStyle(styles, column.kind, false));
	const banded = columns.map(column => bodyStyle(styles, column.kind, true));
	const mixed = columns.some(column => column.kindOf !== undefined);
	// every row's values first: pages are laid out from the rows' heights
	const ownKinds = columns.map(column => column.kind);
	const values: unknown[][] = [];
	const kinds: ColumnKind[][] = [];
	const heights: number[] = [];
	const texts: string[] = new Array(columns.length);
	for (const row of rows) {
		const rowKinds = mixed ? columns.map(column => column.kindOf?.(row) ?? column.kind) : ownKinds;
		const cells = new Array(columns.length);
		for (let i = 0; i < columns.length; i++) {
			const value = columns[i]!.value(row);
			cells[i] = cellValue(value, rowKinds[i]!);
			texts[i] = rowKinds[i] === 'text' ? shownText(value, 'text') : '';
		}
		kinds.push(rowKinds);
		values.push(cells);
		heights.push(rowHeight(texts, widths));
	}

	const items: PageItem[] = grouping
		? paginate(
				heights.map((height, i) => ({height, group: groups[i]!})),
				pageCapacity(widths, preambleHeight + headerHeight, paper),
				LINE_HEIGHT,
			)
		: rows.map((_, index) => ({kind: 'row', index}));
	const counts = new Map<string, number>();
	for (const group of groups) counts.set(group, (counts.get(group) ?? 0) + 1);
	const headingStyle: Partial<ExcelJS.Style> = {
		font: {...BODY_FONT, bold: true},
		fill: HEADING_FILL,
		border: {top: THIN('FF8EA2BF'), bottom: THIN('FF8EA2BF')},
		alignment: {vertical: 'middle', wrapText: false},
	};

	let band = false;
	let rowNumber = headerRow;
	const breaks: Array<{id: number; max: number; man: number}> = [];
	for (const item of items) {
		if (item.kind === 'break') {
			// exceljs's Row.addPageBreak writes max="16838", past the last column (16383)
			breaks.push({id: rowNumber, max: 16383, man: 1});
			continue;
		}
		rowNumber++;
		if (item.kind === 'heading') {
			const text = options.groups!.heading(item.group, item.continued, counts.get(item.group) ?? 0);
			const added = worksheet.addRow([literalCell(text)]);
			added.height = LINE_HEIGHT;
			for (let c = 1; c <= columns.length; c++) added.getCell(c).style = headingStyle;
			added.commit();
			band = false;
			continue;
		}
		const added = worksheet.addRow(values[item.index]!);
		added.height = heights[item.index]!;
		const rowKinds = kinds[item.index]!;
		const own = band ? banded : plain;
		for (let c = 1; c <= columns.length; c++) {
			const kind = rowKinds[c - 1]!;
			added.getCell(c).style = mixed && kind !== columns[c - 1]!.kind ? bodyStyle(styles, kind, band) : own[c - 1]!;
		}
		added.commit();
		band = !band;
	}
	(worksheet as unknown as {rowBreaks: typeof breaks}).rowBreaks.push(...breaks);
	filter(rowNumber); // written when the sheet is committed
	worksheet.commit();
}
