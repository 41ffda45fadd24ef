// The bilan workbook, read back with exceljs: the sheets of the seeds' templates,
// real percentage cells, the rows' people on `Personnes`, print set-up, private
// file, no formula from data, no file replaced without being asked.
import {spawnSync} from 'node:child_process';
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {computeBilan} from '../../source/domain/bilan/index.js';
import type {Participant} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {PEOPLE_SHEET, SHEET_NAMES} from '../../source/io/bilanSheets.js';
import {BilanFileExistsError, defaultBilanFileName, writeBilanWorkbook} from '../../source/io/bilanWorkbook.js';
import {person} from '../helpers/caseload.js';

const FROM = '2026-01-01';
const TO = '2026-06-30';
const TODAY = '2026-07-03';

const integratedA = person({id: 'W-1', name: '=HYPERLINK("http://exemple.invalid","clic")', firstAppointment: '2026-01-05', integrationDate: '2026-02-01', rsa: true, contractStart: '2026-02-01', contractEnd: '2026-07-31', events: [{date: '2026-03-01', type: 'Entretien individuel'}],
	steps: [
		{label: 'Immersion', type: 'PMSMP', start: '2026-03-01', end: '2026-03-15', state: 'Terminée'},
		{label: 'CACES R489', type: 'Formation', start: '2026-05-02', state: 'En cours'},
		{label: 'Titre pro', type: 'Formation', start: '2026-09-01', state: 'Prévue'},
		{label: 'Atelier CV', type: 'Atelier', start: '2026-08-01', state: 'Interrompue'},
	]});
const integratedB = person({id: 'W-2', name: '+33 TESTARD Léa', firstAppointment: '2026-01-10', integrationDate: '2026-02-10'});
const notIntegrated = person({id: 'W-3', name: '-TIRET Paul\u0007', firstAppointment: '2026-01-15', nonIntegrationDate: '2026-02-15', nonIntegrationReason: 'Déménagement'});
const exited = person({id: 'W-4', name: '@ARROBASE Zoé', integrationDate: '2025-01-01', exitDate: '2026-04-01', exitType: 'Positive', exitReason: 'CDI'});
const caseload: Participant[] = [integratedA, integratedB, notIntegrated, exited];

const bilan = (participants = caseload, referent?: string) =>
	computeBilan(participants, {from: toDay(FROM), to: toDay(TO), settings: DEFAULT_SETTINGS, referent});

let dir: string;
let file: string;
let workbook: ExcelJS.Workbook;

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-bilan-wb-'));
	file = await writeBilanWorkbook(bilan(), {today: toDay(TODAY), out: path.join(dir, 'bilan.xlsx')});
	workbook = new ExcelJS.Workbook();
	await workbook.xlsx.readFile(file);
});
afterAll(async () => {
	await fs.rm(dir, {recursive: true, force: true});
});

function sheet(name: string): ExcelJS.Worksheet {
	const found = workbook.getWorksheet(name);
	if (found === undefined) throw new Error(`no sheet ${name}`);
	return found;
}

/** The cell whose text is `text`, in the sheet (the first one). */
function find(ws: ExcelJS.Worksheet, text: string): ExcelJS.Cell {
	let found: ExcelJS.Cell | undefined;
	ws.eachRow(row => row.eachCell(cell => {
		if (found === undefined && cell.value === text) found = cell;
	}));
	if (found === undefined) throw new Error(`no cell « ${text} » in ${ws.name}`);
	return found;
}

/** The cell `rows` below `cell`. */
const below = (ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, rows: number) => ws.getCell(Number(cell.row) + rows, Number(cell.col));

describe('the bilan workbook', () => {
	it('has one sheet per table of §8 in its order, then Personnes', () => {
		expect(workbook.worksheets.map(ws => ws.name)).toEqual([...Object.values(SHEET_NAMES), PEOPLE_SHEET]);
	});

	it('is private (0600) and named after the period by default', async () => {
		expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
		expect(defaultBilanFileName(bilan())).toBe('bilan-2026-01-01-2026-06-30.xlsx');
		expect(defaultBilanFileName(bilan(caseload, 'MARTEL Inès'))).toBe('bilan-2026-01-01-2026-06-30-martel-ines.xlsx');
	});

	it('lays II.1 out as the template: its headings, the A / B / C / A+B+C row, then the counts', () => {
		const ws = sheet(SHEET_NAMES.dossiers);
		const heading = find(ws, 'Nombre d’intégrations');
		expect(below(ws, heading, 1).value).toBe('A');
		expect(below(ws, heading, 2).value).toBe(2);
		expect(ws.getCell(Number(heading.row) + 1, Number(heading.col) + 3).value).toBe('A+B+C');
		expect(ws.getCell(Number(heading.row) + 2, Number(heading.col) + 3).value).toBe(3);
		expect(find(ws, 'Nombre de dossiers en phase d’accueil à la date de clôture du rapport d’activité')).toBeDefined();
		expect(String(ws.getCell('A2').value)).toContain('Période du 01/01/2026 au 30/06/2026');
	});

	it('writes percentages as number cells shown with 0.0%', () => {
		const ws = sheet(SHEET_NAMES['taux-integration']);
		const rate = below(ws, find(ws, 'Taux d’intégration'), 2);
		expect(rate.value).toBeCloseTo(2 / 3, 3); // 66.7 %
		expect(rate.value).toBe(0.667);
		expect(rate.numFmt).toBe('0.0%');
		expect(below(ws, find(ws, 'Taux d’intégration'), 1).value).toBe('A/C');
		const insertion = below(sheet(SHEET_NAMES.sorties), find(sheet(SHEET_NAMES.sorties), 'Taux d’insertion (%)'), 2);
		expect(insertion.value).toBe(1);
		expect(insertion.numFmt).toBe('0.0%');
	});

	it('shows an absent ratio or mean as a dash, not as 0', () => {
		const ws = sheet(SHEET_NAMES['inter-etapes']);
		const positives = find(ws, 'A - Sorties positives');
		// one positive exit without any step: its whole parcours, 01/01/2025 → 01/04/2026, is one gap
		const mean = ws.getCell(Number(positives.row), Number(positives.col) + 1);
		expect(mean.value).toBe(456);
		expect(mean.numFmt).toBe('0.0');
		const others = find(ws, 'B - Sorties autres');
		expect(ws.getCell(Number(others.row), Number(others.col) + 1).value).toBe('—');
		const global = find(ws, 'Moyenne globale (A+B / 2)');
		expect(ws.getCell(Number(global.row), Number(global.col) + 1).value).toBe('—');
	});

	it('uses the seeds’ wording for the motives, the cumul, the exercice and the RSA figures', () => {
		const motif = find(sheet(SHEET_NAMES['motifs-non-integration']), 'Déménagement');
		expect(sheet(SHEET_NAMES['motifs-non-integration']).getCell(Number(motif.row), 2).value).toBe(1);
		expect(find(sheet(SHEET_NAMES['cumul-integrations']), 'Au 31 décembre 2021')).toBeDefined();
		expect(find(sheet(SHEET_NAMES['cumul-integrations']), 'Au 30/06/2026')).toBeDefined();
		expect(find(sheet(SHEET_NAMES.exercice), 'Effectif en fin d’exercice précédent')).toBeDefined();
		expect(find(sheet(SHEET_NAMES.rsa), 'Nombre de personnes ayant signé un 1er CER')).toBeDefined();
		expect(find(sheet(SHEET_NAMES.rsa), '4 rendez-vous et plus')).toBeDefined();
	});

	it('gives Annex 5 the Visual Course columns, the last step started by D2 and the next one after it', () => {
		const ws = sheet(SHEET_NAMES['liste-nominative']);
		const header = find(ws, 'Responsable');
		const headers = (ws.getRow(Number(header.row)).values as unknown[]).slice(1);
		expect(headers).toHaveLength(21);
		expect(headers.slice(13, 16)).toEqual(['Dernière étape terminée ou en cours', 'Date de début étape', 'Date de fin étape']);
		expect(headers.slice(19)).toEqual(['Prochaine étape prévue', 'Échéance prévisionnelle']);
		const row = ws.getRow(Number(find(ws, integratedA.name).row));
		expect(row.getCell(14).value).toBe('Formation — CACES R489');
		expect((row.getCell(15).value as Date).toISOString().slice(0, 10)).toBe('2026-05-02');
		expect(row.getCell(20).value).toBe('Atelier CV'); // its type is in its label
		expect((row.getCell(21).value as Date).toISOString().slice(0, 10)).toBe('2026-08-01');
		expect(row.getCell(21).numFmt).toBe('dd/mm/yyyy');
	});

	it('heads Annex 5 as the Visual Course list, its two columns to complete in yellow', () => {
		const ws = sheet(SHEET_NAMES['liste-nominative']);
		expect(ws.getCell('A1').value).toBe('Bénéficiaires accompagnés entre le 01/01/2026 et le 30/06/2026');
		expect(String(ws.getCell('A2').value)).toMatch(/^Accompagnateur : tous les référent·es — 4 personnes/);
		const header = find(ws, 'Responsable');
		expect(header.row).toBe(3);
		expect(ws.pageSetup.printTitlesRow).toBe('1:3');
		const yellow = (ws.getRow(3).values as unknown[]).slice(1).map((_, i) => (ws.getCell(3, i + 1).fill as ExcelJS.FillPattern | undefined)?.fgColor?.argb === 'FFFFF2A8');
		expect(yellow.map((isYellow, i) => (isYellow ? i + 1 : 0)).filter(Boolean)).toEqual([20, 21]);
	});

	it('lists the people of each counting row on Personnes: table, row, id, name', () => {
		const ws = sheet(PEOPLE_SHEET);
		const header = find(ws, 'Tableau');
		expect((ws.getRow(Number(header.row)).values as unknown[]).slice(1)).toEqual(['Tableau', 'Ligne', 'ID', 'Bénéficiaire']);
		const lines: string[] = [];
		ws.eachRow((row, n) => {
			if (n > Number(header.row)) lines.push((row.values as unknown[]).slice(1).join(' | '));
		});
		expect(lines).toContain(`${SHEET_NAMES.dossiers} | Nombre de non-intégrations | W-3 | -TIRET Paul`);
		expect(lines).toContain(`${SHEET_NAMES.sorties} | Sorties positives | W-4 | @ARROBASE Zoé`);
		expect(lines.filter(line => line.startsWith(`${SHEET_NAMES.dossiers} | Nombre d’intégrations |`))).toHaveLength(2);
	});

	it('keeps names starting with = + - @ as text, never a formula, and drops control characters', async () => {
		for (const ws of [sheet(SHEET_NAMES['liste-nominative']), sheet(PEOPLE_SHEET)]) {
			for (const name of [integratedA.name, integratedB.name, '-TIRET Paul', exited.name]) {
				const cell = find(ws, name);
				expect(cell.type).toBe(ExcelJS.ValueType.String);
				expect(cell.formula).toBeUndefined();
			}
		}
		// the files themselves hold no <f> element at all
		const unzip = spawnSync('unzip', ['-p', file, 'xl/worksheets/*.xml'], {encoding: 'utf8', maxBuffer: 64 * 1024 * 1024});
		if (unzip.status === 0) {
			expect(unzip.stdout).toContain('<sheetData>');
			expect(unzip.stdout).not.toMatch(/<f[ >]/);
		}
	});

	it('prints as the cellule workbook does: A4 landscape, fit to the width, titles repeated, page n / N', () => {
		for (const ws of workbook.worksheets) {
			expect(ws.pageSetup.orientation).toBe('landscape');
			// Annex 5's 21 columns on A3 (on A4 its text would fall under 8 pt), the rest on A4
			expect(ws.pageSetup.paperSize, ws.name).toBe(ws.name === SHEET_NAMES['liste-nominative'] ? 8 : 9);
			expect(ws.pageSetup.fitToWidth).toBe(1);
			expect(ws.pageSetup.printTitlesRow).toMatch(/^1:\d+$/);
			expect(ws.headerFooter.oddFooter).toBe('&CPage &P / &N');
			expect(ws.headerFooter.oddHeader).toContain('Bilan du 01/01/2026 au 30/06/2026');
		}
		// the long lists repeat their column headings on every page
		expect(sheet(PEOPLE_SHEET).pageSetup.printTitlesRow).toBe(`1:${find(sheet(PEOPLE_SHEET), 'Tableau').row}`);
	});

	it('does not replace an existing file unless asked', async () => {
		const target = path.join(dir, 'existing.xlsx');
		await fs.writeFile(target, 'ne pas écraser');
		await expect(writeBilanWorkbook(bilan(), {today: toDay(TODAY), out: target})).rejects.toBeInstanceOf(BilanFileExistsError);
		expect(await fs.readFile(target, 'utf8')).toBe('ne pas écraser');
		await writeBilanWorkbook(bilan(), {today: toDay(TODAY), out: target, force: true});
		const replaced = new ExcelJS.Workbook();
		await replaced.xlsx.readFile(target);
		expect(replaced.worksheets).toHaveLength(12);
		expect((await fs.readdir(dir)).filter(name => name.endsWith('.tmp'))).toEqual([]);
	});
});
