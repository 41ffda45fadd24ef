// How a list sheet prints (issue 15): A4 landscape fitted to the page width,
// body text never under 8 pt once scaled, column widths and row heights computed
// here because neither Excel nor LibreOffice recomputes them when opening a
// generated file. Pure arithmetic, no exceljs: printedSheet.ts applies it.
//
// Units: a column width is in "characters" as Excel stores it (one unit is the
// width of a digit of Calibri 11, 7 px at 96 dpi, 5.25 pt); heights are points.

/** The body font: Calibri 11 (Carlito, metric-compatible, where Calibri is absent). */
export const BODY_FONT = {name: 'Calibri', size: 11} as const;
/** The height of one line of Calibri 11 (Excel's default row height). */
export const LINE_HEIGHT = 15;
/** The smallest body text accepted on paper, in points. */
export const MIN_PRINTED_FONT_SIZE = 8;

/** Page margins in inches: narrow at the sides, room for the page header and footer. */
export const PAGE_MARGINS = {left: 0.4, right: 0.4, top: 0.75, bottom: 0.6, header: 0.3, footer: 0.3} as const;

const POINTS_PER_INCH = 72;

/**
 * The paper a sheet prints on, landscape. A4 by default; A3 for a list too wide
 * for A4 at 8 pt that must stay one table (Annex 5 of the bilan, a file sent on).
 */
export type PaperSize = 'A4' | 'A3';
/** Excel's paperSize codes */
export const PAPER_CODES: Readonly<Record<PaperSize, number>> = {A4: 9, A3: 8};
const LANDSCAPE: Readonly<Record<PaperSize, {width: number; height: number}>> = {
	A4: {width: 841.89, height: 595.28},
	A3: {width: 1190.55, height: 841.89},
};
const printableWidth = (paper: PaperSize) => LANDSCAPE[paper].width - POINTS_PER_INCH * (PAGE_MARGINS.left + PAGE_MARGINS.right);
const printableHeight = (paper: PaperSize) => LANDSCAPE[paper].height - POINTS_PER_INCH * (PAGE_MARGINS.top + PAGE_MARGINS.bottom);

// Printed width of one column unit: 5.25 pt in Excel (7 px); LibreOffice lays the
// same columns out about 6 % wider (measured: a 180-unit table scaled to 73.7 %
// instead of 78.4 %). The width budget takes the wider (the text must stay ≥ 8 pt
// in both), the page length the narrower (a page must never hold fewer rows than
// planned, or an automatic break would leave a page of two rows).
const POINTS_PER_UNIT_WIDE = 5.6;
const POINTS_PER_UNIT_NARROW = 5.25;
/** 8 pt out of 11, plus 4 % kept for the rounding of the scale and the fonts. */
const MIN_SCALE = (MIN_PRINTED_FONT_SIZE / BODY_FONT.size) * 1.04;

/** The total of column widths (units) that prints on one page width at ≥ 8 pt. */
export function widthBudget(paper: PaperSize = 'A4'): number {
	return printableWidth(paper) / (POINTS_PER_UNIT_WIDE * MIN_SCALE);
}

/** The scale Excel would choose to fit `widths` on the page width (at most 100 %): the largest the page may get. */
export function largestScale(widths: readonly number[], paper: PaperSize = 'A4'): number {
	const total = widths.reduce((sum, width) => sum + width, 0) * POINTS_PER_UNIT_NARROW;
	return total <= printableWidth(paper) ? 1 : printableWidth(paper) / total;
}

/**
 * Points of rows a page holds under the repeated header row, whatever the
 * application (the smallest of Excel's and LibreOffice's), less 4 % for rounding.
 */
export function pageCapacity(widths: readonly number[], headerHeight: number, paper: PaperSize = 'A4'): number {
	return (printableHeight(paper) / largestScale(widths, paper) - headerHeight) * 0.96;
}

// Calibri's advance widths, in 2048ths of an em (Carlito's are the same: checked
// against LibreOffice's PDF to a tenth of a pixel). At 11 pt a column unit (a
// digit, 7 px) is 977 of them. Accented letters measure as their base letter;
// a character not listed counts as a wide capital.
const ADVANCES: Readonly<Record<string, number>> = {
	A: 1185, B: 1114, C: 1092, D: 1260, E: 1000, F: 941, G: 1292, H: 1276, I: 516, J: 653, K: 1064, L: 861, M: 1751,
	N: 1322, O: 1356, P: 1058, Q: 1378, R: 1112, S: 941, T: 998, U: 1314, V: 1162, W: 1822, X: 1063, Y: 998, Z: 959,
	a: 981, b: 1076, c: 866, d: 1076, e: 1019, f: 625, g: 964, h: 1076, i: 470, j: 490, k: 931, l: 470, m: 1636,
	n: 1076, o: 1080, p: 1076, q: 1076, r: 714, s: 801, t: 686, u: 1076, v: 925, w: 1464, x: 887, y: 927, z: 809,
	' ': 463, '.': 517, ',': 511, ';': 548, ':': 548, "'": 452, '’': 463, '"': 821, '!': 667, '?': 951, '|': 943,
	'(': 621, ')': 621, '[': 627, ']': 627, '/': 791, '\\': 800, '-': 627, '–': 1024, '—': 2048, '·': 517, '°': 686,
	'%': 1463, '@': 1829, '&': 1403, '+': 1038, '=': 1038, '<': 1038, '>': 1038, '*': 1038, '#': 1038, '€': 1038,
	'0': 1038, '1': 1038, '2': 1038, '3': 1038, '4': 1038, '5': 1038, '6': 1038, '7': 1038, '8': 1038, '9': 1038,
};
const ADVANCE_PER_UNIT = 977;
/** 3 % more than the font says: hinting and another screen's rounding never cut a text */
const SLACK = 1.03;
const UNKNOWN_CHAR = 1.4;

function charUnitsOf(char: string): number {
	const base = char.normalize('NFD')[0] ?? char; // é → e, Ç → C
	const advance = ADVANCES[char] ?? ADVANCES[base];
	return advance === undefined ? UNKNOWN_CHAR : (advance / ADVANCE_PER_UNIT) * SLACK;
}

/** No character is wider than this (units): a text of n characters is at most n times as wide. */
export const WIDEST_CHAR_UNITS = (Math.max(...Object.values(ADVANCES)) / ADVANCE_PER_UNIT) * SLACK;

// every cell's text is measured: Latin characters from a table, the rest as they come
const LATIN = Float64Array.from({length: 0x250}, (_, code) => charUnitsOf(String.fromCharCode(code)));

function charUnits(code: number, char: string): number {
	return code < LATIN.length ? LATIN[code]! : charUnitsOf(char);
}

/** The width of a text in column units (bold is about 6 % wider). */
export function textUnits(text: string, bold = false): number {
	let units = 0;
	for (let i = 0; i < text.length; i++) units += charUnits(text.charCodeAt(i), text[i]!);
	return bold ? units * 1.06 : units;
}

/** A cell's inner padding (5 px) and a little slack, in units. */
const PADDING = 1;

/** The lines `text` takes in a column `width` units wide, words wrapped as a spreadsheet does (a word too long is cut). */
export function lineCount(text: string, width: number, bold = false): number {
	const usable = Math.max(1, width - PADDING);
	// most cells hold one short line: no need to measure them letter by letter
	if (text.length * WIDEST_CHAR_UNITS * (bold ? 1.06 : 1) <= usable) return 1;
	if (!text.includes('\n') && textUnits(text, bold) <= usable) return 1;
	const space = textUnits(' ', bold);
	let lines = 0;
	for (const paragraph of text.split('\n')) {
		lines++;
		let used = 0;
		for (const word of paragraph.split(' ')) {
			const units = textUnits(word, bold);
			const needed = used === 0 ? units : used + space + units;
			if (needed <= usable) {
				used = needed;
				continue;
			}
			if (used > 0) lines++;
			// a word wider than the column runs on as many lines as it needs
			const extra = Math.max(0, Math.ceil(units / usable) - 1);
			lines += extra;
			used = units - extra * usable;
		}
	}
	return lines;
}

/** The width a text needs to fit on one line (units). */
export function naturalWidth(text: string, bold = false): number {
	let widest = 0;
	for (const line of text.split('\n')) widest = Math.max(widest, textUnits(line, bold));
	return widest + PADDING;
}

/** The width under which a header would cut a word: its longest word, in bold. */
export function headerMinimum(header: string): number {
	return Math.max(...header.split(/\s+/).map(word => textUnits(word, true))) + PADDING;
}

export interface ColumnNeed {
	/** the width that shows every sampled value on one line */
	readonly natural: number;
	/** below this the column is not shrunk (its header's longest word, a date) */
	readonly minimum: number;
	/** text that may wrap on several lines when the page is short of width */
	readonly shrinkable: boolean;
}

/**
 * Widths that fit the page at ≥ 8 pt: the shrinkable columns wider than a
 * common cap are brought down to it (their text wraps), the cap chosen as high
 * as the budget allows. Rounded up to a tenth of a unit.
 */
export function fitWidths(needs: readonly ColumnNeed[], budget = widthBudget()): number[] {
	const natural = needs.map(need => Math.max(need.natural, need.minimum));
	const total = natural.reduce((sum, width) => sum + width, 0);
	if (total <= budget) return natural.map(roundUp);
	// the largest cap c with Σ min(natural, max(c, minimum)) ≤ budget, by bisection
	const widthsAt = (cap: number) => natural.map((width, i) => (needs[i]!.shrinkable ? Math.min(width, Math.max(cap, needs[i]!.minimum)) : width));
	const sum = (widths: number[]) => widths.reduce((s, w) => s + w, 0);
	let low = 0;
	let high = Math.max(...natural);
	for (let i = 0; i < 40; i++) {
		const middle = (low + high) / 2;
		if (sum(widthsAt(middle)) <= budget) low = middle;
		else high = middle;
	}
	return widthsAt(low).map(width => Math.floor(width * 10) / 10);
}

const roundUp = (width: number) => Math.ceil(width * 10) / 10;

export interface PageRow {
	/** the row's height in points */
	readonly height: number;
	/** rows of one group are printed together, under its heading */
	readonly group: string;
}

export type PageItem =
	| {readonly kind: 'heading'; readonly group: string; readonly continued: boolean}
	| {readonly kind: 'row'; readonly index: number}
	| {readonly kind: 'break'};

/**
 * Rows laid out in pages for a sheet grouped (by référent·e): each group starts
 * on a new page under its heading, and every page a group runs onto starts with
 * the heading again (`continued`). A break ends each page, so that the
 * application never has to break a page itself (capacity is an underestimate).
 */
export function paginate(rows: readonly PageRow[], capacity: number, headingHeight: number): PageItem[] {
	const items: PageItem[] = [];
	let used = 0;
	let group: string | undefined;
	rows.forEach((row, index) => {
		if (row.group !== group) {
			if (group !== undefined) items.push({kind: 'break'});
			group = row.group;
			items.push({kind: 'heading', group, continued: false});
			used = headingHeight;
		} else if (used + row.height > capacity) {
			items.push({kind: 'break'}, {kind: 'heading', group, continued: true});
			used = headingHeight;
		}
		items.push({kind: 'row', index});
		used += row.height;
	});
	return items;
}
