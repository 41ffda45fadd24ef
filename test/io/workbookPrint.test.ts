// The printing arithmetic: widths that keep text ≥ 8 pt on one page width,
// wrapped line counts, pages of grouped rows. The real rendering is checked in
// LibreOffice by celluleLibreOffice.test.ts.
import {describe, expect, it} from 'vitest';
import {
	fitWidths,
	largestScale,
	lineCount,
	MIN_PRINTED_FONT_SIZE,
	BODY_FONT,
	naturalWidth,
	pageCapacity,
	paginate,
	type PageItem,
	widthBudget,
} from '../../source/io/workbookPrint.js';

const sum = (widths: number[]) => widths.reduce((s, w) => s + w, 0);

describe('fitWidths', () => {
	it('keeps every column as wide as its text when the page allows it', () => {
		const needs = [
			{natural: 20, minimum: 8, shrinkable: true},
			{natural: 11.5, minimum: 11.5, shrinkable: false},
			{natural: 40, minimum: 10, shrinkable: true},
		];
		expect(fitWidths(needs)).toEqual([20, 11.5, 40]);
	});

	it('narrows the widest texts first, down to the budget, and never a date or a header word', () => {
		const needs = [
			{natural: 22, minimum: 12, shrinkable: true}, // a name
			{natural: 11.5, minimum: 11.5, shrinkable: false}, // a date
			{natural: 120, minimum: 10, shrinkable: true}, // long reasons
			{natural: 90, minimum: 30, shrinkable: true},
		];
		const widths = fitWidths(needs, 150);
		expect(sum(widths)).toBeLessThanOrEqual(150);
		expect(sum(widths)).toBeGreaterThan(149);
		expect(widths[0]).toBe(22); // narrower than the cap: untouched
		expect(widths[1]).toBe(11.5);
		expect(widths[2]).toBeCloseTo(widths[3]!, 0); // both capped alike
		expect(widths[3]).toBeGreaterThanOrEqual(30);
	});

	it('prints at ≥ 8 pt what it fits: the budget at Excel’s scale gives 11 pt × scale ≥ 8 pt', () => {
		const widths = fitWidths(Array.from({length: 30}, () => ({natural: 30, minimum: 5, shrinkable: true})));
		expect(sum(widths)).toBeLessThanOrEqual(widthBudget());
		expect(BODY_FONT.size * largestScale(widths)).toBeGreaterThanOrEqual(MIN_PRINTED_FONT_SIZE);
	});

	it('fits √2 times more on A3 than on A4, still at ≥ 8 pt', () => {
		expect(widthBudget('A3') / widthBudget('A4')).toBeGreaterThan(1.4);
		const needs = Array.from({length: 21}, () => ({natural: 12, minimum: 6, shrinkable: true}));
		const a3 = fitWidths(needs, widthBudget('A3'));
		expect(a3).toEqual(needs.map(() => 12)); // 252 units: whole on A3, cut down on A4
		expect(sum(fitWidths(needs, widthBudget('A4')))).toBeLessThan(sum(a3));
		expect(BODY_FONT.size * largestScale(a3, 'A3')).toBeGreaterThanOrEqual(MIN_PRINTED_FONT_SIZE);
		expect(BODY_FONT.size * largestScale(a3, 'A4')).toBeLessThan(MIN_PRINTED_FONT_SIZE);
		expect(pageCapacity(a3, 30, 'A3')).toBeGreaterThan(pageCapacity(a3, 30, 'A4'));
	});
});

describe('lineCount', () => {
	it('wraps on words as a spreadsheet does', () => {
		expect(lineCount('Atelier CV', 20)).toBe(1);
		expect(lineCount('Dernière étape terminée ou en cours', 16)).toBe(3);
		expect(lineCount('Dernière étape terminée ou en cours', 12)).toBe(4);
		expect(lineCount('CER échu depuis le 30/11/2026\nRythme non tenu', 70)).toBe(2);
		// a word longer than the column runs on several lines
		expect(lineCount('QUINBRALOVELDALMIRTUR', 8)).toBeGreaterThanOrEqual(3);
	});

	it('sizes a column so that Excel shows a name whole (7 px per unit, 5 px of padding)', () => {
		// measured in LibreOffice's PDF (Carlito 11 pt at 96 dpi): GOUNODMIR 80.8 px, space 3.3 px, Hélène 42.0 px
		const pixels = 80.8 + 3.3 + 42.0;
		expect(naturalWidth('GOUNODMIR Hélène') * 7 - 5).toBeGreaterThanOrEqual(pixels);
		expect(naturalWidth('GOUNODMIR Hélène') * 7 - 5).toBeLessThan(pixels * 1.08); // and not much wider
		expect(lineCount('GOUNODMIR Hélène', naturalWidth('GOUNODMIR Hélène'))).toBe(1);
	});

	it('counts capitals wider than lower case', () => {
		expect(lineCount('MMMMMMMMMMMMMMMM', 16)).toBeGreaterThan(lineCount('iiiiiiiiiiiiiiii', 16));
	});
});

describe('paginate', () => {
	const rows = (groups: string[], height = 15) => groups.map(group => ({height, group}));
	const pages = (items: PageItem[]) => {
		const result: PageItem[][] = [[]];
		for (const item of items) {
			if (item.kind === 'break') result.push([]);
			else result[result.length - 1]!.push(item);
		}
		return result;
	};

	it('starts each group on a new page under its heading', () => {
		const items = paginate(rows(['A', 'A', 'B']), 1000, 15);
		expect(items).toEqual([
			{kind: 'heading', group: 'A', continued: false},
			{kind: 'row', index: 0},
			{kind: 'row', index: 1},
			{kind: 'break'},
			{kind: 'heading', group: 'B', continued: false},
			{kind: 'row', index: 2},
		]);
	});

	it('repeats the heading at the top of every page a group runs onto, and never overfills a page', () => {
		const items = paginate(rows(Array.from({length: 50}, (_, i) => (i < 45 ? 'A' : 'B')), 20), 200, 15);
		for (const page of pages(items)) {
			expect(page[0]!.kind).toBe('heading');
			const used = page.reduce((total, item) => total + (item.kind === 'heading' ? 15 : 20), 0);
			expect(used).toBeLessThanOrEqual(200);
		}
		const headings = items.filter(item => item.kind === 'heading');
		expect(headings.filter(h => h.kind === 'heading' && h.group === 'A' && h.continued).length).toBeGreaterThan(0);
		expect(items.filter(item => item.kind === 'row').map(item => (item as {index: number}).index)).toEqual([...Array(50).keys()]);
	});

	it('gives a page fewer rows when the table is wider (scaled down less)', () => {
		expect(pageCapacity([100], 30)).toBeLessThan(pageCapacity([200], 30));
		expect(pageCapacity([100], 30)).toBe(pageCapacity([50], 30)); // never enlarged beyond 100 %
	});
});
