import {existsSync, readFileSync, statSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {EXCHANGE_PARTICIPANT_HEADERS, STEP_HEADERS, TODAY_ISO, TempDir, csvText, windows1252, writeWorkbook} from '../io/importHelpers.js';

let dir: TempDir;
beforeAll(() => {
	dir = new TempDir();
});
afterAll(() => dir.remove());

describe('plie-triage import', () => {
	it('imports a Windows-1252 CSV, prints the summary, exit 0; again: everything unchanged', () => {
		const store = dir.file('caseload.json');
		const file = dir.write(
			'beneficiaires.csv',
			windows1252(csvText([['ID', 'Bénéficiaire', 'Date de naissance', 'RSA'], ['C-1', 'ÉLODIE Zoé', '02/03/1992', 'Oui']])),
		);
		const first = runCli(['import', file, '--data', store, '--today', TODAY_ISO]);
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain('bénéficiaires : 1 créé(s), 0 mis à jour, 0 inchangé(s)');
		expect(statSync(store).mode & 0o777).toBe(0o600);
		const report = runCli(['report', '--json', '--data', store, '--today', TODAY_ISO]);
		expect(report.code).toBe(0);
		const second = runCli(['import', file, '--data', store, '--today', TODAY_ISO]);
		expect(second.code).toBe(0);
		expect(second.stdout).toContain('bénéficiaires : 0 créé(s), 0 mis à jour, 1 inchangé(s)');
	});

	it('--dry-run prints the summary and writes no store', () => {
		const store = dir.file('dry.json');
		const file = dir.write('b.csv', csvText([['ID', 'Bénéficiaire'], ['C-1', 'ÉLODIE Zoé']]));
		const run = runCli(['import', file, '--dry-run', '--data', store]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('rien n’a été écrit');
		expect(existsSync(store)).toBe(false);
	});

	it('refuses a file with faults: exit 1, every fault with its row, no stack trace, store untouched', async () => {
		const store = dir.file('caseload.json');
		const before = existsSync(store) ? readFileSync(store) : undefined;
		const file = await writeWorkbook(dir.file('echange.xlsx'), [
			{name: 'Bénéficiaires', rows: [EXCHANGE_PARTICIPANT_HEADERS, ['E-1', '', 'FENLAM Chloé', '31/02/1990', 'Oui', '', '', '']]},
			{name: 'Étapes', rows: [STEP_HEADERS, ['E-404', 'Stage', '', '01/03/2026', '', 'Prévue']]},
		]);
		const run = runCli(['import', file, '--data', store, '--today', TODAY_ISO]);
		expect(run.code).toBe(1);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('import refusé : 2 erreurs');
		expect(run.stderr).toContain('echange.xlsx, feuille « Bénéficiaires », ligne 2, colonne « Date de naissance », valeur « 31/02/1990 » : date impossible');
		expect(run.stderr).toContain('echange.xlsx, feuille « Étapes », ligne 2, colonne « ID bénéficiaire », valeur « E-404 » : bénéficiaire inconnu');
		expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
		expect(existsSync(store) ? readFileSync(store) : undefined).toEqual(before);
	});

	it('names a missing or unreadable file: exit 1', () => {
		const missing = runCli(['import', dir.file('absent.xlsx'), '--data', dir.file('x.json')]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('absent.xlsx : fichier introuvable.');
		const bad = runCli(['import', dir.write('faux.xlsx', 'pas un classeur'), '--data', dir.file('x.json')]);
		expect(bad.code).toBe(1);
		expect(bad.stderr).toContain('faux.xlsx : ce n’est pas un classeur Excel (.xlsx) valide.');
	});

	it('without a file: usage error, exit 2', () => {
		expect(runCli(['import', '--data', dir.file('x.json')]).code).toBe(2);
	});

	it('warns about unknown columns on stderr without blocking', () => {
		const file = dir.write('b.csv', csvText([['ID', 'Bénéficiaire', 'Pointure'], ['W-1', 'VELZAR Tiphaine', '38']]));
		const run = runCli(['import', file, '--data', dir.file('w.json')]);
		expect(run.code).toBe(0);
		expect(run.stderr).toContain('avertissement : ');
		expect(run.stderr).toContain('colonne « Pointure » inconnue : ignorée.');
	});
});

describe('plie-triage export --echange', () => {
	it('writes echange-DATE.xlsx (0600), refuses to overwrite without --force, and imports back', () => {
		const store = dir.file('demo.json');
		expect(runCli(['demo', '--data', store, '--today', TODAY_ISO]).code).toBe(0);
		const exported = runCli(['export', '--echange', '--data', store, '--today', TODAY_ISO], {cwd: dir.path});
		expect(exported.stderr).toBe('');
		expect(exported.code).toBe(0);
		const file = dir.file(`echange-${TODAY_ISO}.xlsx`);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const again = runCli(['export', '--echange', '--data', store, '--today', TODAY_ISO], {cwd: dir.path});
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('existe déjà');
		expect(runCli(['export', '--echange', '--force', '--data', store, '--today', TODAY_ISO], {cwd: dir.path}).code).toBe(0);
		const copy = dir.file('copie.json');
		const imported = runCli(['import', file, '--data', copy, '--today', TODAY_ISO]);
		expect(imported.code).toBe(0);
		const original = JSON.parse(readFileSync(store, 'utf8')).participants;
		expect(JSON.parse(readFileSync(copy, 'utf8')).participants).toEqual(original);
	});

	it('to --out FILE', () => {
		const store = dir.file('demo.json');
		const out = dir.file('mon-export.xlsx');
		const run = runCli(['export', '--echange', '--out', out, '--data', store, '--today', TODAY_ISO]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('mon-export.xlsx');
		expect(existsSync(out)).toBe(true);
	});
});
