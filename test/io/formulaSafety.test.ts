// Text typed by users (names, labels, notes, motives, référents) that a
// spreadsheet would take for a formula or a link stays text in every workbook
// the tool writes: no <f> element and no hyperlink in any sheet, the exact text in
// the cells, and the exchange workbook gives it back unchanged on import.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {writeCelluleWorkbook} from '../../source/io/celluleWorkbook.js';
import {writeExchangeWorkbook} from '../../source/io/exchangeWorkbook.js';
import {importFile} from '../../source/io/importFile.js';
import {hostileCaseload} from '../helpers/hostileCaseload.js';
import {sheetParts, storedTexts, xlsxParts} from '../helpers/xlsxParts.js';
import {readStore} from './importHelpers.js';

const MEETING = '2026-12-08';
const TODAY = '2026-11-22';

/** Texts the user typed, as they must read in the workbook. */
const TYPED = ['=SOMME(A1)', '=1+1', '+33 6 12 34 56 78', '@MARTEL Inès', '-LEROUX Ana', '=cmd|" /C calc"!A0', 'https://exemple.invalid/fiche'];

let dir: string;
beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-formula-'));
});
afterAll(async () => {
	await fs.rm(dir, {recursive: true, force: true});
});

/** No formula, no link: checked in the XML Excel reads. */
async function expectLiteralOnly(file: string): Promise<string[]> {
	const parts = await xlsxParts(file);
	const sheets = sheetParts(parts);
	expect(sheets.size).toBeGreaterThan(0);
	for (const [name, xml] of sheets) {
		expect(xml, name).not.toMatch(/<f[\s>]/);
		expect(xml, name).not.toMatch(/<hyperlinks?[\s>]/);
		expect(xml, name).not.toMatch(/t="str"/); // a formula's cached text
	}
	// no relationship of a sheet points anywhere (a link would be one)
	for (const [name, xml] of parts) {
		if (name.startsWith('xl/worksheets/_rels/')) expect(xml, name).not.toMatch(/hyperlink/i);
	}
	expect(parts.get('xl/workbook.xml')).not.toMatch(/<definedName[^>]*>[^<]*(SOMME|cmd|1\+1)/);
	return storedTexts(parts);
}

describe('formula safety', () => {
	const people = hostileCaseload();

	it('the cellule workbook keeps every typed text as text', async () => {
		const file = await writeCelluleWorkbook({
			participants: people,
			settings: DEFAULT_SETTINGS,
			today: toDay(TODAY),
			meeting: toDay(MEETING),
			out: path.join(dir, 'cellule.xlsx'),
		});
		const texts = await expectLiteralOnly(file);
		for (const typed of TYPED) expect(texts, typed).toContain(typed);
		expect(texts).toContain('+Emploi — =HYPERLINK("http://exemple.invalid";"clic")');
	});

	it('the discreet cellule workbook too', async () => {
		const file = await writeCelluleWorkbook({
			participants: people,
			settings: DEFAULT_SETTINGS,
			today: toDay(TODAY),
			meeting: toDay(MEETING),
			discret: true,
			out: path.join(dir, 'cellule-discret.xlsx'),
		});
		const texts = await expectLiteralOnly(file);
		expect(texts).toContain('=1+1'); // the référent·e, named
	});

	it('the exchange workbook keeps them as text, and importing it gives them back exactly', async () => {
		const file = path.join(dir, 'echange.xlsx');
		await writeExchangeWorkbook(people, file);
		const texts = await expectLiteralOnly(file);
		for (const typed of [...TYPED, '=IMPORTXML("http://exemple.invalid")', '=HYPERLINK("http://exemple.invalid";"clic")']) {
			expect(texts, typed).toContain(typed);
		}
		const store = path.join(dir, 'caseload.json');
		await importFile(file, {storePath: store, today: toDay(TODAY)});
		const back = readStore(store).participants;
		const strip = (list: Participant[]) => JSON.parse(JSON.stringify(list.map(({snoozes: _snoozes, ...p}) => p)));
		expect(strip(back)).toEqual(strip(people)); // snoozes stay in the store (not in the exchange workbook)
		expect(back.find(p => p.id === 'h1')!.name).toBe('=SOMME(A1)');
	});
});
