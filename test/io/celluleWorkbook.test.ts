import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {InputError} from '../../source/domain/errors.js';
import {toDay} from '../../source/domain/calendar.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {CELLULE_SHEET_NAMES} from '../../source/io/celluleSheets.js';
import {
	CelluleFileExistsError,
	type CelluleWorkbookOptions,
	defaultCelluleFileName,
	writeCelluleWorkbook,
} from '../../source/io/celluleWorkbook.js';
import {celluleCaseload, EXPECTED, MEETING, TODAY} from '../domain/celluleCaseload.fixture.js';

let dir: string;
beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-cellule-'));
});
afterAll(async () => {
	await fs.rm(dir, {recursive: true, force: true});
});

function options(file: string, extra: Partial<CelluleWorkbookOptions> = {}): CelluleWorkbookOptions {
	return {
		participants: celluleCaseload(),
		settings: DEFAULT_SETTINGS,
		today: toDay(TODAY),
		meeting: toDay(MEETING),
		out: path.join(dir, file),
		...extra,
	};
}

async function read(file: string): Promise<ExcelJS.Workbook> {
	const workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(file);
	return workbook;
}

function headers(sheet: ExcelJS.Worksheet): string[] {
	return (sheet.getRow(1).values as unknown[]).slice(1).map(String);
}

/** A référent·e's heading row (exports covering several référent·es). */
function isHeading(row: ExcelJS.Row): boolean {
	return String(row.getCell(1).value).startsWith('Référent·e : ');
}

/** The rows below the header row, headings left out. */
function bodyRows(sheet: ExcelJS.Worksheet): ExcelJS.Row[] {
	const rows: ExcelJS.Row[] = [];
	for (let r = 2; r <= sheet.rowCount; r++) if (!isHeading(sheet.getRow(r))) rows.push(sheet.getRow(r));
	return rows;
}

/** The values of one column (by header) below the header row. */
function column(sheet: ExcelJS.Worksheet, header: string): unknown[] {
	const index = headers(sheet).indexOf(header) + 1;
	expect(index, `column ${header} in ${sheet.name}`).toBeGreaterThan(0);
	return bodyRows(sheet).map(row => row.getCell(index).value);
}

function rowOf(sheet: ExcelJS.Worksheet, name: string): ExcelJS.Row {
	const names = column(sheet, 'Bénéficiaire');
	const index = names.indexOf(name);
	expect(index, `${name} in ${sheet.name}`).toBeGreaterThanOrEqual(0);
	return bodyRows(sheet)[index]!;
}

function cellOf(sheet: ExcelJS.Worksheet, name: string, header: string): ExcelJS.Cell {
	return rowOf(sheet, name).getCell(headers(sheet).indexOf(header) + 1);
}

/** The calendar date a date cell shows (Excel date cells are UTC midnight). */
function shownDate(cell: ExcelJS.Cell): string {
	expect(cell.value).toBeInstanceOf(Date);
	return (cell.value as Date).toISOString().slice(0, 10);
}

function allText(workbook: ExcelJS.Workbook): string {
	const parts: string[] = [];
	workbook.eachSheet(sheet => sheet.eachRow(row => row.eachCell(cell => parts.push(String(cell.value)))));
	return parts.join('\n');
}

describe('the cellule workbook', () => {
	let file: string;
	let workbook: ExcelJS.Workbook;
	beforeAll(async () => {
		file = await writeCelluleWorkbook(options('cellule.xlsx'));
		workbook = await read(file);
	});

	it('has the eight sheets of §5.3, in order, « Suivi des sorties » after Sorties, the Liste nominative continued on a tenth', () => {
		expect(workbook.worksheets.map(sheet => sheet.name)).toEqual([...CELLULE_SHEET_NAMES]);
		expect(CELLULE_SHEET_NAMES).toEqual([
			'Synthèse',
			'Entrées',
			'Renouvellements',
			'Sorties',
			'Suivi des sorties',
			'Situations à évoquer',
			'Parcours +18 mois',
			'Veilles',
			'Liste nominative',
			'Liste nominative (parcours)',
		]);
	});

	it('lists the right people in each sheet, sorted by name within each référent·e', () => {
		for (const [name, people] of Object.entries(EXPECTED)) {
			expect(column(workbook.getWorksheet(name)!, 'Bénéficiaire'), name).toEqual([...people]);
		}
		expect(column(workbook.getWorksheet('Liste nominative (parcours)')!, 'Bénéficiaire')).toEqual([...EXPECTED['Liste nominative']]);
	});

	it('states the referent, the meeting, the due date and the counts in Synthèse', () => {
		const sheet = workbook.getWorksheet('Synthèse')!;
		const value = (label: string) => {
			const labels = column(sheet, 'Libellé').map(String);
			const index = labels.findIndex(l => l.startsWith(label));
			expect(index, label).toBeGreaterThanOrEqual(0);
			return sheet.getRow(index + 2).getCell(3);
		};
		expect(value('Référent·e').value).toBe('Tous');
		expect(shownDate(value('Date de la cellule'))).toBe('2026-12-08');
		expect(shownDate(value('À remettre au PLIE au plus tard le'))).toBe('2026-12-02');
		expect(value('À remettre au PLIE au plus tard le').numFmt).toBe('dd/mm/yyyy');
		expect(value('File active en parcours').value).toBe(17);
		expect(value("Effectif en phase d'accueil").value).toBe(4);
		expect(value('Situations à évoquer').value).toBe(EXPECTED['Situations à évoquer'].length);
	});

	it('follows the exits in « Suivi des sorties »: the four dates and what falls due (004_…)', () => {
		const sheet = workbook.getWorksheet('Suivi des sorties')!;
		expect(headers(sheet)).toEqual([
			'Bénéficiaire',
			'Référent·e',
			'Date de sortie',
			'Type de sortie',
			'Validée en cellule le',
			'Courriers avant le',
			'Courriers envoyés le',
			'Justificatif reçu le',
			'Clôture avant le',
			'Dossier clôturé le',
		]);
		// presented at this cellule, not validated yet: its dates are to come
		expect(cellOf(sheet, 'JOLY Marc', 'Validée en cellule le').value).toBeNull();
		expect(cellOf(sheet, 'JOLY Marc', 'Justificatif reçu le').value).toBeNull();
		// validated by the previous cellule on 10/11: letters by 10/12, closure by 09/02 (three months, the last day included)
		expect(shownDate(cellOf(sheet, 'KLEIN Eva', 'Validée en cellule le'))).toBe('2026-11-10');
		expect(shownDate(cellOf(sheet, 'KLEIN Eva', 'Courriers avant le'))).toBe('2026-12-10');
		expect(shownDate(cellOf(sheet, 'KLEIN Eva', 'Courriers envoyés le'))).toBe('2026-11-15');
		expect(cellOf(sheet, 'KLEIN Eva', 'Justificatif reçu le').value).toBe('sans objet');
		expect(shownDate(cellOf(sheet, 'KLEIN Eva', 'Clôture avant le'))).toBe('2027-02-09');
		expect(cellOf(sheet, 'KLEIN Eva', 'Dossier clôturé le').value).toBeNull();
	});

	it('writes real date cells shown dd/mm/yyyy', () => {
		const entries = workbook.getWorksheet('Entrées')!;
		const integration = cellOf(entries, 'ARNAUD Léa', "Date d'intégration");
		expect(shownDate(integration)).toBe('2026-11-20');
		expect(integration.numFmt).toBe('dd/mm/yyyy');
		expect(cellOf(entries, 'BERNARD Hugo', "Date d'intégration").value).toBeNull();
		const exit = cellOf(workbook.getWorksheet('Sorties')!, 'JOLY Marc', 'Date de sortie');
		expect(shownDate(exit)).toBe('2026-11-20');
		expect(exit.numFmt).toBe('dd/mm/yyyy');
	});

	it('gives each sheet a bold frozen header row and a filter', () => {
		for (const sheet of workbook.worksheets) {
			expect(sheet.getRow(1).getCell(1).font?.bold, sheet.name).toBe(true);
			expect(sheet.views[0]).toMatchObject({state: 'frozen', ySplit: 1});
			expect(sheet.autoFilter, sheet.name).toBeTruthy();
			for (let c = 1; c <= headers(sheet).length; c++) expect(sheet.getColumn(c).width).toBeGreaterThanOrEqual(8);
		}
	});

	it('lays out the Liste nominative as Visual Course, plus the next planned step, on two sheets', () => {
		const identity = workbook.getWorksheet('Liste nominative')!;
		const parcours = workbook.getWorksheet('Liste nominative (parcours)')!;
		expect(headers(identity)).toEqual([
			'Responsable',
			'Bénéficiaire',
			'Genre',
			'Date de naissance',
			'Commune de résidence',
			'Critère Intégration',
			'RSA',
			'Id. France Travail',
			'Agence France Travail',
			'N° CAF',
			'Date de début CER',
			'Date de fin CER',
			'Date intégration',
		]);
		expect(headers(parcours)).toEqual([
			'Responsable',
			'Bénéficiaire',
			'Date intégration',
			'Dernière étape terminée ou en cours',
			'Date de début étape',
			'Date de fin étape',
			'Prolong° parcours',
			'Date de sortie',
			'Motif de sortie',
			'Prochaine étape prévue',
			'Échéance prévisionnelle',
		]);
		expect(cellOf(parcours, 'YVON Karl', 'Prochaine étape prévue').value).toBe('PMSMP — Immersion en logistique');
		expect(shownDate(cellOf(parcours, 'YVON Karl', 'Échéance prévisionnelle'))).toBe('2027-01-11');
		expect(cellOf(parcours, 'YVON Karl', 'Dernière étape terminée ou en cours').value).toBe('Atelier CV');
		expect(cellOf(identity, 'ARNAUD Léa', 'N° CAF').value).toBe('1234567');
		expect(cellOf(identity, 'ARNAUD Léa', 'RSA').value).toBe('Oui');
	});

	it('writes the reasons in words in Situations à évoquer', () => {
		const sheet = workbook.getWorksheet('Situations à évoquer')!;
		expect(cellOf(sheet, 'LAMBERT Rémi', 'Motifs').value).toBe('CER échu depuis le 22/11/2026');
		expect(String(cellOf(sheet, 'THOMAS Eli', 'Alertes mises en attente').value)).toContain('Renouvellement en cours au Département');
		// two reasons: one line each, and the row is tall enough to show them
		const vidal = cellOf(sheet, 'VIDAL Sara', 'Motifs');
		expect(String(vidal.value).split('\n')).toHaveLength(2);
		expect(String(vidal.value).split('\n')[0]).toBe('CER échu depuis le 30/11/2026');
		expect(vidal.alignment?.wrapText).toBe(true);
		expect(rowOf(sheet, 'VIDAL Sara').height).toBeGreaterThanOrEqual(30);
	});

	it('is readable by its owner only, and leaves no temporary file', async () => {
		if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
		expect((await fs.readdir(dir)).filter(name => name.endsWith('.tmp'))).toEqual([]);
	});
});

describe('an existing file', () => {
	it('is not replaced without force, and the message names it', async () => {
		const file = path.join(dir, 'existing.xlsx');
		await fs.writeFile(file, 'ouvert dans Excel');
		const attempt = writeCelluleWorkbook(options('existing.xlsx'));
		await expect(attempt).rejects.toBeInstanceOf(InputError);
		await expect(attempt).rejects.toBeInstanceOf(CelluleFileExistsError);
		await expect(attempt).rejects.toMatchObject({file});
		await expect(attempt).rejects.toThrow(/existing\.xlsx.*existe déjà.*--force/);
		expect(await fs.readFile(file, 'utf8')).toBe('ouvert dans Excel');
	});

	it('is replaced with force', async () => {
		const file = path.join(dir, 'replaced.xlsx');
		await writeCelluleWorkbook(options('replaced.xlsx'));
		await writeCelluleWorkbook(options('replaced.xlsx', {meeting: toDay('2027-05-11'), force: true}));
		const sheet = (await read(file)).getWorksheet('Synthèse')!;
		const dates = column(sheet, 'Valeur').filter((v): v is Date => v instanceof Date).map(d => d.toISOString().slice(0, 10));
		expect(dates).toContain('2027-05-11');
		expect(dates).toContain('2027-05-03');
		if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
	});

	it('refuses a folder that does not exist with a French message', async () => {
		await expect(writeCelluleWorkbook(options(path.join('nulle-part', 'x.xlsx')))).rejects.toThrow(/x\.xlsx : le dossier n’existe pas/);
	});
});

describe('discrétion and scope', () => {
	it('--discret writes initials, no CAF nor France Travail numbers', async () => {
		const workbook = await read(await writeCelluleWorkbook(options('discret.xlsx', {discret: true})));
		const text = allText(workbook);
		for (const person of celluleCaseload()) expect(text).not.toContain(person.name);
		expect(text).not.toContain('1234567');
		expect(text).not.toContain('7654321X');
		expect(text).not.toContain('9998887');
		expect(column(workbook.getWorksheet('Entrées')!, 'Bénéficiaire')).toEqual(['A. L.', 'B. H.', 'D. I.']);
		// the referents (staff) stay named
		expect(column(workbook.getWorksheet('Liste nominative')!, 'Responsable')).toContain('ROUVRAY Karim');
	});

	it('--referent keeps one referent’s people and names the file after them', async () => {
		expect(defaultCelluleFileName(toDay(MEETING))).toBe('cellule-2026-12-08.xlsx');
		expect(defaultCelluleFileName(toDay(MEETING), 'MARTEL Inès')).toBe('cellule-2026-12-08-martel-ines.xlsx');
		const workbook = await read(await writeCelluleWorkbook(options('rouvray.xlsx', {referent: 'ROUVRAY Karim'})));
		expect(column(workbook.getWorksheet('Liste nominative')!, 'Bénéficiaire')).toEqual(['YVON Karl']);
		const synthesis = workbook.getWorksheet('Synthèse')!;
		await expect(writeCelluleWorkbook(options('nobody.xlsx', {referent: 'MARTIN Inès'}))).rejects.toThrow(
			/« MARTIN Inès ».*MARTEL Inès, ROUVRAY Karim/,
		);
		await expect(fs.access(path.join(dir, 'nobody.xlsx'))).rejects.toThrow();
		expect(synthesis.getRow(2).getCell(3).value).toBe('ROUVRAY Karim');
	});
});

describe('an empty sheet', () => {
	it('says that nobody is concerned instead of looking like a failed export', async () => {
		const people = celluleCaseload().filter(p => !p.exitDate);
		const file = await writeCelluleWorkbook(options('sans-sortie.xlsx', {participants: people}));
		const sheet = (await read(file)).getWorksheet('Sorties')!;
		expect(sheet.getRow(2).getCell(1).value).toBe('Aucune personne concernée pour cette cellule.');
		expect(sheet.rowCount).toBe(2);
		const full = (await read(file)).getWorksheet('Entrées')!;
		expect(String(full.getRow(2).getCell(1).value)).not.toContain('Aucune personne');
	});
});
