// The command line never turns an export into the loss of the store, writes
// through symbolic links to their target, and prints no control character that
// came from the data (a name imported from a CSV holding ESC ]2;… BEL).
import {createHash} from 'node:crypto';
import {linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, statSync, symlinkSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {csvText, TODAY_ISO, TempDir} from '../io/importHelpers.js';

let dir: TempDir;
let store: string;
beforeAll(() => {
	dir = new TempDir();
	store = dir.file('suivi.json');
	expect(runCli(['demo', '--data', store, '--today', TODAY_ISO]).code).toBe(0);
	// a change, so that there is a backup and a journal to protect
	expect(runCli(['import', dir.write('un.csv', csvText([['ID', 'Responsable', 'Bénéficiaire'], ['X-1', 'ROUVRAY Karim', 'ESSAI Un']])), '--data', store]).code).toBe(0);
});
afterAll(() => dir.remove());

/** Every file under the temp dir (names, link targets and bytes). */
function snapshot(): string {
	const hash = createHash('sha256');
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
			const full = path.join(folder, entry.name);
			hash.update(full);
			if (entry.isSymbolicLink()) hash.update(readlinkSync(full));
			else if (entry.isDirectory()) walk(full);
			else hash.update(readFileSync(full));
		}
	};
	walk(dir.path);
	return hash.digest('hex');
}

const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('--out never names the store or its files', () => {
	const exports = [
		['export', '--echange'],
		['export', '--cellule', '2026-12-08'],
	];

	it('the store itself, its journal, a backup, its lock: exit 2, French, whatever --force says; nothing touched', () => {
		const targets = [
			store,
			path.join(dir.path, '.', 'autre', '..', 'suivi.json'),
			dir.file('suivi.journal.jsonl'),
			dir.file('suivi.json.bak1'),
			dir.file('suivi.json.lock'),
		];
		const before = snapshot();
		for (const command of exports) {
			for (const out of targets) {
				const run = runCli([...command, '--out', out, '--force', '--data', store, '--today', TODAY_ISO]);
				expect({out, code: run.code}).toEqual({out, code: 2});
				expect(run.stderr).toMatch(/^plie-triage : --out : « .* » est (le fichier de suivi|le journal du fichier de suivi|une sauvegarde du fichier de suivi \(bak1\)|le verrou du fichier de suivi) \(/);
				expect(run.stderr).toContain('--force n’y change rien');
			}
		}
		expect(snapshot()).toBe(before);
	}, 180_000);

	it('reached through a symbolic link, a linked folder or a hard link: refused the same', () => {
		symlinkSync(store, dir.file('lien.xlsx'));
		symlinkSync(dir.path, dir.file('dossier-lien'));
		linkSync(store, dir.file('dur.xlsx'));
		const before = snapshot();
		for (const out of [dir.file('lien.xlsx'), path.join(dir.file('dossier-lien'), 'suivi.json'), dir.file('dur.xlsx')]) {
			for (const command of exports) {
				const run = runCli([...command, '--out', out, '--force', '--data', store, '--today', TODAY_ISO]);
				expect({out, code: run.code}).toEqual({out, code: 2});
				expect(run.stderr).toContain('est le fichier de suivi');
			}
		}
		expect(snapshot()).toBe(before);
	}, 120_000);

	it('a name that does not end with .xlsx is refused (x.csv would hold a workbook)', {timeout: 60_000}, () => {
		for (const command of exports) {
			const run = runCli([...command, '--out', dir.file('x.csv'), '--data', store, '--today', TODAY_ISO]);
			expect(run.code).toBe(2);
			expect(run.stderr).toContain('l’export écrit un classeur Excel (.xlsx) ; donnez un nom de fichier qui finit par .xlsx');
		}
		expect(readdirSync(dir.path)).not.toContain('x.csv');
		const upper = runCli(['export', '--echange', '--out', dir.file('X.XLSX'), '--data', store, '--today', TODAY_ISO]);
		expect(upper.code).toBe(0);
	});

	it('a symbolic link to another workbook: its target is replaced, the link stays', {timeout: 60_000}, () => {
		mkdirSync(dir.file('classeurs'));
		const target = dir.file('classeurs/echange.xlsx');
		const link = dir.file('raccourci.xlsx');
		symlinkSync(target, link); // pointing nowhere yet
		expect(runCli(['export', '--echange', '--out', link, '--data', store, '--today', TODAY_ISO]).code).toBe(0);
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readFileSync(target).subarray(0, 2).toString()).toBe('PK');
		expect(statSync(target).mode & 0o777).toBe(0o600);
		const cellule = runCli(['export', '--cellule', '2026-12-08', '--out', link, '--force', '--data', store, '--today', TODAY_ISO]);
		expect(cellule.code).toBe(0);
		expect(lstatSync(link).isSymbolicLink()).toBe(true);
		expect(readdirSync(dir.file('classeurs'))).toEqual(['echange.xlsx']);
	});
});

describe('no control character from the data reaches the terminal', () => {
	it('a name and a referent imported from a CSV with escapes: report, report --json, journal and messages print them inert', {timeout: 90_000}, () => {
		const name = 'PIRATE\u001b]2;titre volé\u0007 Léa';
		const referent = 'ROUGE\u001b[31m\u202eAnne';
		// an id holding a control character is refused at import (test/io/csvDamage.test.ts): names and referents carry them here
		const csv = dir.write('pirate.csv', csvText([['ID', 'Responsable', 'Bénéficiaire'], ['P-1', referent, name]]));
		const imported = runCli(['import', csv, '--data', store]);
		expect(imported.code).toBe(0);
		for (const out of [imported.stdout, imported.stderr]) expect(out).not.toMatch(RAW);
		const runs = [
			runCli(['report', '--data', store, '--today', TODAY_ISO, '--referent', referent]),
			runCli(['report', '--json', '--data', store, '--today', TODAY_ISO, '--referent', referent]),
			runCli(['journal', '--data', store]),
			runCli(['journal', '--data', store, '--participant', 'P-1']),
			runCli(['report', '--data', store, '--today', TODAY_ISO, '--referent', `${referent}X`]), // unknown: the message lists the referents
		];
		for (const run of runs) {
			expect(run.stdout.replace(/\n/g, '')).not.toMatch(RAW);
			expect(run.stderr.replace(/\n/g, '')).not.toMatch(RAW);
		}
		expect(runs[0]!.code).toBe(0);
		expect(runs[0]!.stdout).toContain('référent : ROUGE␛[31m⟦U+202E⟧Anne');
		const json = JSON.parse(runs[1]!.stdout) as {referent: string; indicators: Array<{participants: string[]}>};
		expect(json.referent).toBe(referent); // the same value, escaped in the JSON text
		expect(json.indicators.flatMap(i => i.participants)).toContain('P-1');
		expect(runs[2]!.stdout).toContain('P-1 (PIRATE␛]2;titre volé␇ Léa)');
		expect(runs[3]!.stdout).toContain('PIRATE␛]2;titre volé␇ Léa');
		expect(runs[4]!.code).toBe(2);
		expect(runs[4]!.stderr).toContain('ROUGE␛[31m⟦U+202E⟧Anne');
	});
});
