// `--discret` (and `*` then `E` on the dashboard): the workbook projected in the
// meeting. Read as Excel reads it, straight from the zip: no name, CAF or France
// Travail number of the store anywhere, initials that never read alike, an ID
// column, no birth date, commune, gender, nor the reasons people typed.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {type Participant, participantSchema} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {CELLULE_SHEET_NAMES} from '../../source/io/celluleSheets.js';
import {defaultCelluleFileName, writeCelluleWorkbook} from '../../source/io/celluleWorkbook.js';
import {celluleCaseload, MEETING, TODAY} from '../domain/celluleCaseload.fixture.js';
import {storedTexts, xlsxParts} from '../helpers/xlsxParts.js';

const PERSONAL_HEADERS = ['Genre', 'Date de naissance', 'Commune de résidence', 'Id. France Travail', 'N° CAF'];

let dir: string;
beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-discret-'));
});
afterAll(async () => {
	await fs.rm(dir, {recursive: true, force: true});
});

/** The fixture, plus a person whose initials are QUENTIN Rose's (Q. R.), and event notes. */
function caseload(): Participant[] {
	const people = celluleCaseload().map(p =>
		p.events.length > 0 ? {...p, events: p.events.map(e => ({...e, note: `Entretien avec ${p.name}, CAF ${p.cafNumber ?? '—'}`}))} : p,
	);
	people.push(
		participantSchema.parse({
			id: 'p30',
			name: 'QUILLET Raoul',
			referent: 'MARTEL Inès',
			integrationDate: '2026-09-01',
			events: [{date: '2026-12-01', type: 'Entretien individuel', note: 'Appel de QUILLET Raoul'}],
			cafNumber: '5556667',
			franceTravailId: '1112223Z',
		}),
	);
	return people;
}

/**
 * Every identifying string of the store a discreet export must not hold. The
 * référent·es (staff) stay named: a person who has a référent·e's name is left out.
 */
function secrets(people: readonly Participant[]): string[] {
	const staff = new Set(people.map(p => p.referent));
	const found = new Set<string>();
	for (const p of people) {
		found.add(p.name);
		if (p.cafNumber) found.add(p.cafNumber);
		if (p.franceTravailId) found.add(p.franceTravailId);
		for (const event of p.events) if (event.note) found.add(event.note);
		for (const snooze of p.snoozes ?? []) found.add(snooze.reason);
	}
	return [...found].filter(secret => !staff.has(secret));
}

const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** `secret` in `text` as a whole (BÉBÉ Ulysse is not in QUINBÉBÉ Ulysse, 1234567 not in 11234567). */
function holds(text: string, secret: string): boolean {
	for (let at = text.indexOf(secret); at >= 0; at = text.indexOf(secret, at + 1)) {
		const before = text[at - 1];
		const after = text[at + secret.length];
		if ((before === undefined || !LETTER_OR_DIGIT.test(before)) && (after === undefined || !LETTER_OR_DIGIT.test(after))) return true;
	}
	return false;
}

/** Which secrets the workbook's XML holds, raw or once its text is decoded (&amp; …). */
async function leaks(file: string, people: readonly Participant[]): Promise<string[]> {
	const parts = await xlsxParts(file);
	const raw = [...parts.values()].join('\n');
	const texts = storedTexts(parts).join('\n');
	return secrets(people).filter(secret => holds(raw, secret) || holds(texts, secret));
}

async function read(file: string): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(file);
	return workbook;
}

const headersOf = (sheet: ExcelJS.Worksheet) => (sheet.getRow(1).values as unknown[]).slice(1).map(String);

/** (ID, Bénéficiaire) of every person row of a sheet (headings and the empty-sheet note left out). */
function idNamePairs(sheet: ExcelJS.Worksheet): Array<[string, string]> {
	const headers = headersOf(sheet);
	const id = headers.indexOf('ID') + 1;
	const name = headers.indexOf('Bénéficiaire') + 1;
	const pairs: Array<[string, string]> = [];
	sheet.eachRow((row, number) => {
		if (number === 1 || String(row.getCell(1).value).startsWith('Référent·e : ') || row.getCell(name).value === null) return;
		pairs.push([String(row.getCell(id).value), String(row.getCell(name).value)]);
	});
	return pairs;
}

describe('the discreet cellule workbook', () => {
	const people = caseload();
	let file: string;
	let workbook: ExcelJS.Workbook;
	beforeAll(async () => {
		file = await writeCelluleWorkbook({
			participants: people,
			settings: DEFAULT_SETTINGS,
			today: toDay(TODAY),
			meeting: toDay(MEETING),
			discret: true,
			out: path.join(dir, 'discret.xlsx'),
		});
		workbook = await read(file);
	});

	it('holds none of the store’s names, CAF or France Travail numbers, notes or typed reasons, in any part of the file', async () => {
		expect(secrets(people).length).toBeGreaterThan(40);
		expect(await leaks(file, people)).toEqual([]);
	});

	it('is named …-discret.xlsx by default, beside the named export', () => {
		expect(defaultCelluleFileName(toDay(MEETING), undefined, true)).toBe('cellule-2026-12-08-discret.xlsx');
		expect(defaultCelluleFileName(toDay(MEETING), 'MARTEL Inès', true)).toBe('cellule-2026-12-08-martel-ines-discret.xlsx');
	});

	it('gives every sheet about people an ID column, and no personal column', () => {
		for (const sheet of workbook.worksheets) {
			const headers = headersOf(sheet);
			for (const personal of PERSONAL_HEADERS) expect(headers, sheet.name).not.toContain(personal);
			if (sheet.name === 'Synthèse') continue;
			expect(headers[0], sheet.name).toBe('ID');
			expect(headers, sheet.name).toContain('Bénéficiaire');
		}
		expect(workbook.worksheets.map(sheet => sheet.name)).toEqual([...CELLULE_SHEET_NAMES]);
	});

	it('makes initials unique: two people who share them get their id too, and one name is always one person', () => {
		const pairs = workbook.worksheets.filter(sheet => sheet.name !== 'Synthèse').flatMap(idNamePairs);
		expect(pairs).toContainEqual(['p23', 'Q. R. (p23)']);
		expect(pairs).toContainEqual(['p30', 'Q. R. (p30)']);
		expect(pairs).toContainEqual(['p01', 'A. L.']);
		const idsByName = new Map<string, Set<string>>();
		for (const [id, name] of pairs) idsByName.set(name, (idsByName.get(name) ?? new Set()).add(id));
		for (const [name, ids] of idsByName) expect([...ids], name).toHaveLength(1);
	});

	it('keeps the alert put on hold, without the reason typed for it', () => {
		const situations = workbook.getWorksheet('Situations à évoquer')!;
		const pairs = idNamePairs(situations);
		const row = pairs.findIndex(([id]) => id === 'p19');
		expect(row).toBeGreaterThanOrEqual(0);
		const column = headersOf(situations).indexOf('Alertes mises en attente') + 1;
		const texts: string[] = [];
		situations.eachRow(r => texts.push(String(r.getCell(column).value)));
		expect(texts).toContain("CER échu depuis le 01/11/2026 — en attente jusqu'au 31/12/2026");
	});
});

describe('a discreet export of 1,500 people (the bench’s caseload)', () => {
	it('holds none of their names or numbers, and no birth date', async () => {
		const today = toDay('2026-11-22');
		const store = generateCaseload(1500, today);
		const file = await writeCelluleWorkbook({
			participants: store.participants,
			settings: store.settings,
			today,
			meeting: toDay('2026-12-08'),
			discret: true,
			out: path.join(dir, 'discret-1500.xlsx'),
		});
		expect(await leaks(file, store.participants)).toEqual([]);
		// the youngest person was born 18 years ago: no date that old is left
		const workbook = await read(file);
		const oldest = new Date(Date.UTC(2008, 11, 1));
		workbook.eachSheet(sheet =>
			sheet.eachRow(row =>
				row.eachCell(cell => {
					if (cell.value instanceof Date) expect(cell.value.getTime(), `${sheet.name}!${cell.address}`).toBeGreaterThan(oldest.getTime());
				}),
			),
		);
	}, 120_000);
});
