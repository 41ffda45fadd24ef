import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {celluleCaseload, MEETING, TODAY} from '../domain/celluleCaseload.fixture.js';
import {runCli} from '../helpers/cli.js';

let dir: string;
let store: string;

beforeAll(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-cli-cellule-'));
	store = path.join(dir, 'caseload.json');
	await fs.writeFile(store, JSON.stringify({version: 1, participants: celluleCaseload()}), {mode: 0o600});
});
afterAll(async () => {
	await fs.rm(dir, {recursive: true, force: true});
});

const exportArgs = (...extra: string[]) => ['export', '--data', store, '--today', TODAY, ...extra];

describe('plie-triage export --cellule', () => {
	it('writes cellule-DATE-referent.xlsx in the current folder, 0600, and says when it is due', async () => {
		const run = runCli(exportArgs('--cellule', MEETING, '--referent', 'MARTEL Inès'), {cwd: dir});
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('cellule-2026-12-08-martel-ines.xlsx');
		expect(run.stdout).toContain('au plus tard le 02/12/2026');
		const file = path.join(dir, 'cellule-2026-12-08-martel-ines.xlsx');
		if (process.platform !== 'win32') expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file);
		expect(workbook.worksheets.map(sheet => sheet.name)).toEqual([
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
		const names = workbook.getWorksheet('Liste nominative')!.getColumn(2).values.slice(2);
		expect(names).toContain('ARNAUD Léa');
		expect(names).not.toContain('YVON Karl'); // ROUVRAY Karim's
	});

	it('refuses to replace an existing file without --force (exit 1), replaces it with --force', async () => {
		const out = path.join(dir, 'prepa.xlsx');
		await fs.writeFile(out, 'déjà là');
		const refused = runCli(exportArgs('--cellule', MEETING, '--out', out));
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain('prepa.xlsx');
		expect(refused.stderr).toContain('existe déjà');
		expect(await fs.readFile(out, 'utf8')).toBe('déjà là');

		const forced = runCli(exportArgs('--cellule', MEETING, '--out', out, '--force', '--since', '2026-11-16'));
		expect(forced.stderr).toBe('');
		expect(forced.code).toBe(0);
		expect(forced.stdout).not.toContain('date dépassée');
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(out);
		// all référent·es: each one's rows under a heading with their name
		const entries = workbook.getWorksheet('Entrées')!.getColumn(1).values.slice(2);
		expect(entries).toEqual(['Référent·e : MARTEL Inès — 1 personne', 'ARNAUD Léa']);

		// exported after the due date: the message says so
		const late = runCli(['export', '--data', store, '--today', '2026-12-03', '--cellule', MEETING, '--out', out, '--force']);
		expect(late.stdout).toContain('au plus tard le 02/12/2026 (date dépassée)');
	});

	it('--discret writes its own file, beside the named one', async () => {
		const named = runCli(exportArgs('--cellule', MEETING, '--referent', 'ROUVRAY Karim'), {cwd: dir});
		expect(named.code).toBe(0);
		const discreet = runCli(exportArgs('--cellule', MEETING, '--referent', 'ROUVRAY Karim', '--discret'), {cwd: dir});
		expect(discreet.stderr).toBe('');
		expect(discreet.code).toBe(0);
		expect(discreet.stdout).toContain('cellule-2026-12-08-rouvray-karim-discret.xlsx');
		const read = async (name: string) => {
			const workbook = new ExcelJS.Workbook();
			await workbook.xlsx.readFile(path.join(dir, name));
			return workbook.getWorksheet('Liste nominative')!;
		};
		expect((await read('cellule-2026-12-08-rouvray-karim.xlsx')).getRow(2).values).toContain('YVON Karl');
		const hidden = await read('cellule-2026-12-08-rouvray-karim-discret.xlsx');
		expect(hidden.getRow(2).values).toContain('Y. K.');
		expect(hidden.getRow(2).values).toContain('p21');
	});

	it('is a usage error (exit 2) when the meeting date is impossible or missing', () => {
		const bad = runCli(exportArgs('--cellule', '2026-02-30'));
		expect(bad.code).toBe(2);
		expect(bad.stderr).toContain('--cellule');
		const noneStored = runCli(exportArgs('--cellule'));
		expect(noneStored.code).toBe(2);
		expect(noneStored.stderr).toContain('aucune prochaine cellule n’est enregistrée');
		expect(runCli(exportArgs('--cellule', MEETING, '--since', '2026-13-01')).code).toBe(2);
	});

	it('--cellule without a date takes the next cellule recorded in the store; a recorded date already past is refused', async () => {
		const withDate = path.join(dir, 'with-date.json');
		await fs.writeFile(withDate, JSON.stringify({version: 1, settings: {nextCellule: MEETING}, participants: celluleCaseload()}), {mode: 0o600});
		const out = path.join(dir, 'stored-date.xlsx');
		const run = runCli(['export', '--data', withDate, '--today', TODAY, '--cellule', '--out', out]);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Préparation de la cellule du 08/12/2026 écrite');
		const past = runCli(['export', '--data', withDate, '--today', '2026-12-09', '--cellule', '--out', out, '--force']);
		expect(past.code).toBe(2);
		expect(past.stderr).toContain('la cellule enregistrée, le 08/12/2026, est passée');
	});

	it('takes a meeting date without its year (08/12), the next such day from --today on; --since 01/11 is this year’s', () => {
		const out = path.join(dir, 'yearless.xlsx');
		const run = runCli(exportArgs('--cellule', '08/12', '--since', '01/11', '--out', out, '--force'));
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Préparation de la cellule du 08/12/2026 écrite');
		// a day already passed this year is next year's meeting
		const later = runCli(exportArgs('--cellule', '20/11', '--out', out, '--force'));
		expect(later.code).toBe(0);
		expect(later.stdout).toContain('Préparation de la cellule du 20/11/2027 écrite');
		const impossible = runCli(exportArgs('--cellule', '31/11'));
		expect(impossible.code).toBe(2);
		expect(impossible.stderr).toContain('--cellule : date impossible « 31/11 » (attendu jj/mm/aaaa, jj/mm ou AAAA-MM-JJ');
	});
});
