// Mistakes a référent can make on the command line: each gets a French message that
// names what and where, the right exit code, no stack trace, and leaves files as they were.
import {createHash} from 'node:crypto';
import {mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {TODAY_ISO, TempDir} from '../io/importHelpers.js';

let dir: TempDir;
let store: string;
beforeAll(() => {
	dir = new TempDir();
	store = dir.file('demo.json');
	expect(runCli(['demo', '--data', store, '--today', TODAY_ISO]).code).toBe(0);
});
afterAll(() => dir.remove());

/** Hash of every file under the temp dir (names and bytes), and the store's mode. */
function snapshot(): string {
	const hash = createHash('sha256');
	const walk = (folder: string): void => {
		for (const entry of readdirSync(folder, {withFileTypes: true}).sort((a, b) => a.name.localeCompare(b.name))) {
			const full = `${folder}/${entry.name}`;
			hash.update(full);
			if (entry.isDirectory()) walk(full);
			else hash.update(readFileSync(full));
		}
	};
	walk(dir.path);
	return `${hash.digest('hex')} ${(statSync(store).mode & 0o777).toString(8)}`;
}

function expectUserError(run: ReturnType<typeof runCli>, code: 1 | 2, ...parts: string[]): void {
	expect(run.code).toBe(code);
	expect(run.stderr).toMatch(/^plie-triage : /);
	for (const part of parts) expect(run.stderr).toContain(part);
	expect(run.stderr).not.toMatch(/\n\s+at |erreur inattendue|Unknown|Error:/);
}

describe('plie-triage: user mistakes', () => {
	it('an unknown flag is refused in French, naming the flag (exit 2), for report and the other commands', () => {
		const before = snapshot();
		expectUserError(runCli(['report', '--frob', '--data', store]), 2, 'option inconnue « --frob »', '--help');
		expectUserError(runCli(['demo', '--data', store, '--dry-rn']), 2, 'option inconnue « --dry-rn »');
		expect(snapshot()).toBe(before);
	});

	it('an extra argument after report, export or demo is refused rather than ignored (exit 2)', () => {
		const before = snapshot();
		expectUserError(runCli(['demo', 'autre.json', '--data', store, '--today', TODAY_ISO]), 2, 'demo : argument en trop « autre.json »');
		expectUserError(runCli(['export', '2026-12-08', '--data', store]), 2, 'export : argument en trop « 2026-12-08 »');
		expectUserError(runCli(['report', 'x', '--data', store]), 2, 'report : argument en trop « x »');
		expect(snapshot()).toBe(before);
	});

	it('--referent that matches nobody is refused with the referents the store holds (exit 2), not a report of zeros', () => {
		const before = snapshot();
		const report = runCli(['report', '--json', '--data', store, '--today', TODAY_ISO, '--referent', 'MARTIN Ines']);
		expectUserError(report, 2, '--referent : aucun bénéficiaire suivi par « MARTIN Ines »', store, 'MARTEL Inès');
		expect(report.stdout).toBe('');
		const out = dir.file('cellule.xlsx');
		const cellule = runCli(['export', '--cellule', '2026-12-08', '--out', out, '--data', store, '--today', TODAY_ISO, '--referent', 'Personne']);
		expectUserError(cellule, 2, '« Personne »', 'ROUVRAY Karim');
		expect(snapshot()).toBe(before);
		// the same name, case and accents aside, is accepted
		expect(runCli(['report', '--data', store, '--today', TODAY_ISO, '--referent', 'martel ines']).code).toBe(0);
	});

	it('export --echange onto a folder says it is a folder, with or without --force, and writes nothing in it', () => {
		const folder = dir.file('dossier');
		mkdirSync(folder);
		const before = snapshot();
		for (const force of [[], ['--force']]) {
			const run = runCli(['export', '--echange', '--out', folder, ...force, '--data', store, '--today', TODAY_ISO]);
			expectUserError(run, 1, `${folder} : c’est un dossier`);
			expect(run.stderr).not.toContain('existe déjà');
		}
		expect(readdirSync(folder)).toEqual([]);
		expect(snapshot()).toBe(before);
	});

	it('export --echange --out under a file (not a folder): exit 1, the path given, no temporary name, no stack', () => {
		const file = dir.write('notes.txt', 'gardé tel quel');
		const before = snapshot();
		const out = `${file}/echange.xlsx`;
		const run = runCli(['export', '--echange', '--out', out, '--data', store, '--today', TODAY_ISO]);
		expectUserError(run, 1, `${out} : dossier introuvable`);
		expect(run.stderr).not.toContain('.tmp');
		expect(snapshot()).toBe(before);
	});

	it('demo and import with --data inside a file (a file where a folder is needed): exit 1 in French, nothing changed', () => {
		const file = dir.write('pas-un-dossier.txt', 'gardé tel quel');
		const csv = dir.write('b.csv', 'ID;Bénéficiaire\r\nC-1;ÉLODIE Zoé\r\n');
		const before = snapshot();
		const data = `${file}/suivi.json`;
		expectUserError(runCli(['demo', '--data', data, '--today', TODAY_ISO]), 1, file, 'un fichier porte déjà ce nom');
		expectUserError(runCli(['import', csv, '--data', data, '--today', TODAY_ISO]), 1, file, 'un fichier porte déjà ce nom');
		expect(snapshot()).toBe(before);
	});

	it('an impossible date says both accepted forms, since jj/mm/aaaa is accepted too (exit 2)', () => {
		const before = snapshot();
		const run = runCli(['export', '--cellule', '31/02/2026', '--data', store, '--out', dir.file('c.xlsx')]);
		expectUserError(run, 2, '--cellule : date impossible « 31/02/2026 » (attendu jj/mm/aaaa, jj/mm ou AAAA-MM-JJ');
		expect(snapshot()).toBe(before);
		expect(runCli(['journal', '--data', store, '--depuis', '2026-13-01']).stderr).toContain('--depuis : date impossible « 2026-13-01 »');
	});

	it('a flag given twice is refused (exit 2) instead of keeping the last value silently', () => {
		const run = runCli(['report', '--today', '2026-02-30', '--today', TODAY_ISO, '--data', store]);
		expectUserError(run, 2, '--today : donné plusieurs fois');
		expect(run.stdout).toBe('');
		expectUserError(runCli(['journal', '--data', store, '--data=autre.json']), 2, '--data : donné plusieurs fois');
	});

	it('a switch given a value (--dry-run=oui) is refused, and the import writes nothing', () => {
		const csv = dir.file('un.csv');
		writeFileSync(csv, 'ID;Bénéficiaire\nNEW-1;NOUVEAU Test\n');
		const before = snapshot();
		expectUserError(runCli(['import', csv, '--data', store, '--dry-run=oui']), 2, '--dry-run : cette option ne prend pas de valeur (écrivez --dry-run seul)');
		expectUserError(runCli(['report', '--data', store, '--json=oui']), 2, '--json : cette option ne prend pas de valeur');
		expect(snapshot()).toBe(before);
	});

	it('journal whose journal file is a folder: exit 1, the journal path and the reason in French', () => {
		const data = dir.file('j.json');
		expect(runCli(['demo', '--data', data, '--today', TODAY_ISO]).code).toBe(0);
		const journal = dir.file('j.journal.jsonl');
		const stored = readFileSync(data);
		rmSync(journal); // the demo's journal file goes, a folder takes its name
		mkdirSync(journal);
		const run = runCli(['journal', '--data', data]);
		expectUserError(run, 1, `${journal} : lecture du journal impossible (c’est un dossier, pas un fichier)`);
		expect(run.stderr).not.toContain('EISDIR');
		expect(readFileSync(data)).toEqual(stored);
	});

	it('importing the cellule workbook (our own export) is refused as such, pointing to the exchange workbook; store untouched', () => {
		const cellule = dir.file('cellule-a-importer.xlsx');
		expect(runCli(['export', '--cellule', '2026-12-08', '--out', cellule, '--data', store, '--today', TODAY_ISO]).code).toBe(0);
		const before = snapshot();
		const run = runCli(['import', cellule, '--data', store, '--today', TODAY_ISO]);
		expectUserError(run, 1, `${cellule} : c’est un classeur de préparation de la cellule`, 'export --echange');
		expect(run.stderr).not.toContain('même bénéficiaire');
		expect(snapshot()).toBe(before);
	});

	it('a store path whose upper folders are missing (a typing slip) is refused, naming the folder; nothing is created', () => {
		const before = snapshot();
		const typo = dir.file('suivi-typo/equipe/caseload.json');
		const run = runCli(['demo', '--data', typo, '--today', TODAY_ISO]);
		expectUserError(run, 1, `le dossier « ${dir.file('suivi-typo')} » n’existe pas`, 'Rien n’a été écrit');
		expect(snapshot()).toBe(before);
		// the store's own folder is still made when only it is missing
		const fresh = dir.file('nouveau/caseload.json');
		expect(runCli(['demo', '--data', fresh, '--today', TODAY_ISO]).code).toBe(0);
		expect(statSync(dir.file('nouveau')).mode & 0o777).toBe(0o700);
		rmSync(dir.file('nouveau'), {recursive: true});
	});
});
