// The cellule workbook of 1,500 people printed as a coordinator would (issue 15):
// LibreOffice makes the PDF, and on every page of every list sheet we find the
// column titles, the référent·e whose rows they are, "Page n / N", and no text
// under 8 pt. Needs `soffice` (libreoffice-calc-nogui) and `pdftotext`
// (poppler-utils): .ci/run installs them; elsewhere the test says it is skipped.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {CELLULE_SHEET_NAMES} from '../../source/io/celluleSheets.js';
import {writeCelluleWorkbook} from '../../source/io/celluleWorkbook.js';
import {MIN_PRINTED_FONT_SIZE} from '../../source/io/workbookPrint.js';
import {hostileCaseload} from '../helpers/hostileCaseload.js';
import {convertToPdf, missingPrintTools, pdfFontSizes, pdfPages} from '../helpers/printedPdf.js';

const missing = missingPrintTools();
if (missing !== undefined) {
	console.warn(`celluleLibreOffice.test.ts ignoré : ${missing} introuvable (apt-get install libreoffice-calc-nogui poppler-utils).`);
}

const TODAY = toDay('2026-11-22');
const MEETING = toDay('2026-12-08');
// longest first: "Liste nominative (parcours)" also ends with… nothing else, but keep the rule
const SHEETS_BY_LENGTH = [...CELLULE_SHEET_NAMES].sort((a, b) => b.length - a.length);

interface Printed {
	readonly label: string;
	readonly workbook: string;
	readonly pdf: string;
	readonly pages: string[];
	readonly headers: Map<string, string[]>;
}

/** The sheet a page belongs to: the page header ends with the sheet's name. */
function sheetOf(page: string): string | undefined {
	const first = page.split('\n').find(line => line.trim() !== '')?.trim() ?? '';
	return SHEETS_BY_LENGTH.find(name => first.endsWith(name));
}

/** The words of a page's top lines (page header, column titles, first heading): where the titles must be. */
function topWords(page: string, lines = 8): Set<string> {
	const top = page
		.split('\n')
		.filter(line => line.trim() !== '')
		.slice(0, lines)
		.join(' ');
	return new Set(top.split(/\s+/).filter(Boolean));
}

let dir: string;
const printed: Printed[] = [];

describe.skipIf(missing !== undefined)('the cellule workbook printed by LibreOffice', () => {
	beforeAll(async () => {
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-pdf-'));
		const store = generateCaseload(1500, TODAY);
		const participants = [...store.participants, ...hostileCaseload()];
		const common = {participants, settings: store.settings, today: TODAY, meeting: MEETING};
		// the named export: the wider one (the discreet one drops five columns for an ID); one conversion takes a minute or more
		const named = await writeCelluleWorkbook({...common, out: path.join(dir, 'cellule.xlsx')});
		const pdfs = convertToPdf([named], dir);
		for (const [label, workbook, pdf] of [['named', named, pdfs[0]!]] as const) {
			const book = new ExcelJS.Workbook();
			await book.xlsx.readFile(workbook);
			const headers = new Map(book.worksheets.map(sheet => [sheet.name, (sheet.getRow(1).values as unknown[]).slice(1).map(String)]));
			printed.push({label, workbook, pdf, pages: pdfPages(pdf), headers});
		}
	}, 900_000);
	afterAll(async () => {
		if (dir) await fs.rm(dir, {recursive: true, force: true});
	});

	it('prints every sheet, each page under its document and sheet name, numbered "Page n / N"', () => {
		for (const {label, pages} of printed) {
			const seen = new Set<string>();
			pages.forEach((page, i) => {
				const sheet = sheetOf(page);
				expect(sheet, `${label}, page ${i + 1}: ${page.slice(0, 200)}`).toBeDefined();
				seen.add(sheet!);
				expect(page, `${label}, page ${i + 1}`).toContain(`Page ${i + 1} / ${pages.length}`);
			});
			expect([...seen].sort(), label).toEqual([...CELLULE_SHEET_NAMES].sort());
		}
	});

	it('repeats every list sheet’s column titles at the top of every one of its pages', () => {
		for (const {label, pages, headers} of printed) {
			let checked = 0;
			pages.forEach((page, i) => {
				const sheet = sheetOf(page)!;
				const words = topWords(page);
				for (const header of headers.get(sheet)!) {
					for (const word of header.split(/\s+/)) expect(words, `${label}, page ${i + 1} (${sheet}): « ${header} »`).toContain(word);
				}
				checked++;
			});
			// Situations à évoquer alone ran from page 9 to 33 before issue 15
			expect(checked, label).toBeGreaterThan(100);
		}
	});

	it('starts every page of a list sheet with the référent·e whose rows it holds', () => {
		for (const {label, pages} of printed) {
			pages.forEach((page, i) => {
				if (sheetOf(page) === 'Synthèse') return;
				expect(topWords(page, 9), `${label}, page ${i + 1}`).toContain('Référent·e');
				expect(page, `${label}, page ${i + 1}`).toMatch(/Référent·e : .+( \(suite\)| — \d+ personnes?)/);
			});
		}
	});

	it('prints no text under 8 pt', async () => {
		for (const {label, pdf} of printed) {
			const sizes = await pdfFontSizes(pdf);
			expect(sizes.length, label).toBeGreaterThan(1000);
			expect(Math.min(...sizes), label).toBeGreaterThanOrEqual(MIN_PRINTED_FONT_SIZE);
		}
	});

	it('shows typed text that looks like a formula as it was typed, not computed', () => {
		const named = printed.find(p => p.label === 'named')!.pages.join('\n');
		expect(named).toContain('=SOMME(A1)');
		expect(named).toContain('+33 6 12 34 56 78');
		expect(named).toContain('Référent·e : =1+1');
	});
});
