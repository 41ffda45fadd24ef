// The bilan workbook printed as a coordinator would: LibreOffice makes the PDF of a
// year over 400 invented people (and people whose names look like formulas), and
// we read it back: each table of the report on one A4 page, Annex 5 on A3 (its 21
// columns stay one table), the lists' title lines and column titles on every one
// of their pages, "Page n / N", no text under 8 pt. Needs `soffice` and
// `pdftotext`/`pdfinfo` (poppler-utils); elsewhere the test says it is skipped.
import {spawnSync} from 'node:child_process';
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {computeBilan} from '../../source/domain/bilan/index.js';
import {PEOPLE_SHEET, SHEET_NAMES} from '../../source/io/bilanSheets.js';
import {writeBilanWorkbook} from '../../source/io/bilanWorkbook.js';
import {MIN_PRINTED_FONT_SIZE} from '../../source/io/workbookPrint.js';
import {hostileCaseload} from '../helpers/hostileCaseload.js';
import {convertToPdf, missingPrintTools, pdfFontSizes, pdfPages} from '../helpers/printedPdf.js';

const missing = missingPrintTools();
if (missing !== undefined) {
	console.warn(`bilanLibreOffice.test.ts ignoré : ${missing} introuvable (apt-get install libreoffice-calc-nogui poppler-utils).`);
}

const TODAY = toDay('2026-11-22');
const ANNEX = SHEET_NAMES['liste-nominative'];
const SHEETS = [...Object.values(SHEET_NAMES), PEOPLE_SHEET];
const SHEETS_BY_LENGTH = [...SHEETS].sort((a, b) => b.length - a.length);

/** The sheet a page belongs to: its page header ends with the sheet's name. */
function sheetOf(page: string): string | undefined {
	const first = page.split('\n').find(line => line.trim() !== '')?.trim() ?? '';
	return SHEETS_BY_LENGTH.find(name => first.endsWith(name));
}

/** Each page's size in points, from pdfinfo. */
function pageSizes(pdf: string, pages: number): string[] {
	const result = spawnSync('pdfinfo', ['-f', '1', '-l', String(pages), pdf], {encoding: 'utf8'});
	if (result.status !== 0) throw new Error(`pdfinfo a échoué : ${result.stderr}`);
	return [...result.stdout.matchAll(/^Page\s+\d+ size:\s+([\d.]+ x [\d.]+)/gm)].map(match => match[1]!);
}

let dir: string;
let pages: string[] = [];
let sizes: string[] = [];
let pdf: string;

describe.skipIf(missing !== undefined)('the bilan workbook printed by LibreOffice', () => {
	beforeAll(async () => {
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-bilan-pdf-'));
		const store = generateCaseload(400, TODAY);
		const participants = [...store.participants, ...hostileCaseload()];
		const bilan = computeBilan(participants, {from: toDay('2026-01-01'), to: toDay('2026-06-30'), settings: store.settings});
		const file = await writeBilanWorkbook(bilan, {today: TODAY, out: path.join(dir, 'bilan.xlsx')});
		pdf = convertToPdf([file], dir)[0]!;
		pages = pdfPages(pdf);
		sizes = pageSizes(pdf, pages.length);
	}, 900_000);
	afterAll(async () => {
		if (dir) await fs.rm(dir, {recursive: true, force: true});
	});

	it('prints every sheet, each page under its document and sheet name, numbered "Page n / N"', () => {
		const seen = pages.map((page, i) => {
			const sheet = sheetOf(page);
			expect(sheet, `page ${i + 1}: ${page.slice(0, 200)}`).toBeDefined();
			expect(page, `page ${i + 1}`).toContain(`Page ${i + 1} / ${pages.length}`);
			expect(page, `page ${i + 1}`).toContain('Bilan du 01/01/2026 au 30/06/2026');
			return sheet!;
		});
		expect([...new Set(seen)]).toEqual(SHEETS);
		// each table of the report on one page
		for (const name of SHEETS.filter(n => n !== ANNEX && n !== PEOPLE_SHEET)) expect(seen.filter(s => s === name), name).toHaveLength(1);
		expect(seen.filter(s => s === ANNEX).length).toBeGreaterThan(3);
	});

	it('prints Annex 5 on A3 landscape, everything else on A4 landscape', () => {
		expect(sizes).toHaveLength(pages.length);
		pages.forEach((page, i) => {
			const a3 = sheetOf(page) === ANNEX;
			expect(sizes[i], `page ${i + 1} (${sheetOf(page)})`).toMatch(a3 ? /^1190\.\d* x 841\.\d*$/ : /^841\.\d* x 595\.\d*$/);
		});
	});

	it('repeats the lists’ title line and column titles at the top of every one of their pages', () => {
		const tops: Record<string, {title: string; columns: string[]}> = {
			[ANNEX]: {title: 'Bénéficiaires accompagnés entre le 01/01/2026 et le 30/06/2026', columns: ['Responsable', 'Bénéficiaire', 'Motif', 'Prochaine', 'Échéance']},
			[PEOPLE_SHEET]: {title: 'Personnes comptées dans chaque ligne des tableaux', columns: ['Tableau', 'Ligne', 'ID', 'Bénéficiaire']},
		};
		let checked = 0;
		pages.forEach((page, i) => {
			const top = tops[sheetOf(page)!];
			if (top === undefined) return;
			const head = page.split('\n').filter(line => line.trim() !== '').slice(0, 8).join(' ');
			expect(head, `page ${i + 1}`).toContain(top.title);
			for (const word of top.columns) expect(head, `page ${i + 1}: « ${word} »`).toContain(word);
			checked++;
		});
		expect(checked).toBeGreaterThan(10);
	});

	it('prints no text under 8 pt', async () => {
		const fonts = await pdfFontSizes(pdf);
		expect(fonts.length).toBeGreaterThan(1000);
		expect(Math.min(...fonts)).toBeGreaterThanOrEqual(MIN_PRINTED_FONT_SIZE);
	});

	it('shows typed text that looks like a formula as it was typed, not computed', () => {
		const text = pages.join('\n');
		expect(text).toContain('=SOMME(A1)');
		expect(text).toContain('+33 6 12 34 56 78');
	});
});
