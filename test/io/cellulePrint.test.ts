// The cellule workbook as it will print (issue 15), read in the file's XML: the
// header row repeated on every page, A4 landscape fitted to the width, widths
// that keep the text ≥ 8 pt, rows sized, borders and banding, one référent·e's
// rows per page under their name. celluleLibreOffice.test.ts prints it for real.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {CELLULE_SHEET_NAMES} from '../../source/io/celluleSheets.js';
import {writeCelluleWorkbook} from '../../source/io/celluleWorkbook.js';
import {BODY_FONT, largestScale, MIN_PRINTED_FONT_SIZE, widthBudget} from '../../source/io/workbookPrint.js';
import {decodeXml, sheetParts, xlsxParts} from '../helpers/xlsxParts.js';

const TODAY = toDay('2026-11-22');
const MEETING = toDay('2026-12-08');

let dir: string;
let file: string;
let single: string;
let parts: Map<string, string>;
let sheets: Map<string, string>;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-print-'));
	const store = generateCaseload(1500, TODAY);
	const common = {participants: store.participants, settings: store.settings, today: TODAY, meeting: MEETING};
	file = await writeCelluleWorkbook({...common, out: path.join(dir, 'cellule.xlsx')});
	single = await writeCelluleWorkbook({...common, referent: store.participants[0]!.referent, out: path.join(dir, 'one.xlsx')});
	parts = await xlsxParts(file);
	sheets = sheetParts(parts);
	workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(file);
}, 120_000);
afterAll(async () => {
	await fs.rm(dir, {recursive: true, force: true});
});

const widthsOf = (xml: string) => [...xml.matchAll(/<col [^>]*width="([\d.]+)"/g)].map(m => Number(m[1]));
const breaksOf = (xml: string) => [...xml.matchAll(/<brk id="(\d+)" max="(\d+)" man="1"\/>/g)].map(m => ({id: Number(m[1]), max: Number(m[2])}));

describe('printing the cellule workbook of 1,500 people', () => {
	it('repeats the header row on the pages of every sheet', () => {
		const workbookXml = parts.get('xl/workbook.xml')!;
		CELLULE_SHEET_NAMES.forEach((name, index) => {
			const escaped = name.replace(/[()+]/g, '\\$&');
			expect(workbookXml, name).toMatch(new RegExp(`<definedName name="_xlnm.Print_Titles" localSheetId="${index}">&apos;${escaped}&apos;!\\$1:\\$1</definedName>`));
		});
	});

	it('prints A4 landscape, one page wide, with the document, the sheet and "Page n / N" on every page', () => {
		for (const [name, xml] of sheets) {
			expect(xml, name).toContain('<pageSetUpPr fitToPage="1"/>');
			expect(xml, name).toMatch(/<pageSetup paperSize="9" orientation="landscape"[^>]* fitToWidth="1" fitToHeight="0"\/>/);
			const header = decodeXml(xml.match(/<oddHeader>([^<]*)<\/oddHeader>/)![1]!);
			expect(header, name).toBe(`&LCellule de suivi du 08/12/2026 — tous les référent·es&R${name}`);
			expect(decodeXml(xml.match(/<oddFooter>([^<]*)<\/oddFooter>/)![1]!)).toBe('&CPage &P / &N');
		}
	});

	it('keeps every sheet narrow enough for 11 pt text to print at ≥ 8 pt, dates wide enough not to show #####', () => {
		for (const [name, xml] of sheets) {
			const widths = widthsOf(xml);
			const total = widths.reduce((sum, width) => sum + width, 0);
			expect(total, name).toBeLessThanOrEqual(widthBudget());
			expect(BODY_FONT.size * largestScale(widths), name).toBeGreaterThanOrEqual(MIN_PRINTED_FONT_SIZE);
		}
		const entries = workbook.getWorksheet('Entrées')!;
		const header = entries.getRow(1).values as unknown[];
		expect(entries.getColumn(header.indexOf("Date d'intégration")).width).toBeGreaterThanOrEqual(11);
	});

	it('sets every row’s height (wrapped text shows whole in Excel and LibreOffice alike)', () => {
		for (const [name, xml] of sheets) {
			const rows = [...xml.matchAll(/<row [^>]*>/g)].map(m => m[0]);
			expect(rows.length, name).toBeGreaterThan(1);
			for (const row of rows) expect(row, name).toMatch(/ ht="[\d.]+" customHeight="1"/);
		}
		const situations = workbook.getWorksheet('Situations à évoquer')!;
		let tall = 0;
		situations.eachRow((row, n) => {
			const reasons = String(row.getCell(4).value ?? '');
			if (n > 1 && reasons.includes('\n')) {
				expect(row.height).toBeGreaterThanOrEqual(15 * reasons.split('\n').length);
				tall++;
			}
		});
		expect(tall).toBeGreaterThan(0);
	});

	it('draws thin borders around every cell and bands every other row', () => {
		const sheet = workbook.getWorksheet('Liste nominative')!;
		const fills: string[] = [];
		for (let r = 3; r <= 8; r++) {
			const cell = sheet.getRow(r).getCell(2);
			expect(cell.border?.top?.style).toBe('thin');
			expect(cell.border?.left?.style).toBe('thin');
			expect(cell.font?.size).toBe(11);
			fills.push(cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid' ? String(cell.fill.fgColor?.argb) : 'none');
		}
		// within one référent·e's block, one row in two is shaded
		expect(fills).toEqual(['none', 'FFEDF1F7', 'none', 'FFEDF1F7', 'none', 'FFEDF1F7']);
	});

	it('puts each référent·e’s rows on their own pages, every page starting with their name', () => {
		for (const name of CELLULE_SHEET_NAMES.slice(1)) {
			const sheet = workbook.getWorksheet(name)!;
			const breaks = breaksOf(sheets.get(name)!);
			for (const brk of breaks) expect(brk.max).toBe(16383);
			const header = (sheet.getRow(1).values as unknown[]).map(String);
			const referentColumn = Math.max(header.indexOf('Référent·e'), header.indexOf('Responsable'));
			const pageStarts = [2, ...breaks.map(b => b.id + 1)];
			const referents = new Set<string>();
			pageStarts.forEach((start, page) => {
				const heading = String(sheet.getRow(start).getCell(1).value);
				expect(heading, `${name}, page ${page + 1}`).toMatch(/^Référent·e : /);
				expect(sheet.getRow(start).getCell(1).font?.bold).toBe(true);
				const referent = heading.replace(/^Référent·e : /, '').replace(/ (\(suite\)|— \d+ personnes?)$/, '');
				referents.add(referent);
				const end = page + 1 < pageStarts.length ? pageStarts[page + 1]! - 1 : sheet.rowCount;
				for (let r = start + 1; r <= end; r++) {
					expect(sheet.getRow(r).getCell(referentColumn).value, `${name} row ${r}`).toBe(referent);
				}
			});
			expect(referents.size, name).toBeGreaterThan(10);
		}
	});

	it('with one référent·e, names them in the page header and adds no heading rows', async () => {
		const one = sheetParts(await xlsxParts(single));
		const liste = one.get('Liste nominative')!;
		expect(decodeXml(liste.match(/<oddHeader>([^<]*)<\/oddHeader>/)![1]!)).toMatch(/^&LCellule de suivi du 08\/12\/2026 — \S.+&RListe nominative$/);
		expect(liste).not.toContain('<rowBreaks');
		expect(decodeXml(parts.get('xl/sharedStrings.xml')!)).toContain('Référent·e : ');
		const workbookOne = new ExcelJS.Workbook();
		await workbookOne.xlsx.readFile(single);
		workbookOne.eachSheet(sheet => expect(String(sheet.getRow(2).getCell(1).value)).not.toMatch(/^Référent·e : /));
	});
});
