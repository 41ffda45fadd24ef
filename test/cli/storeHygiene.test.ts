// The store as the commands meet it (issue 12 « store hygiene », issue 13 « version 2 »):
// two participants with one id are refused by every command, with the ids named and
// the file untouched; fields this version does not know (a newer version's) survive
// every write; a version-1 store is read as it is by read-only commands, migrated by
// the next write, which keeps the version-1 file aside (caseload.json.v1, 0600, never
// replaced), and goes through the version-2 exchange workbook exactly.
import {existsSync, readFileSync, statSync, writeFileSync} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {demoCaseload, demoNextCellule} from '../../source/domain/demoCaseload.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {runCli} from '../helpers/cli.js';
import {TODAY, TODAY_ISO, TempDir, writeWorkbook} from '../io/importHelpers.js';

let dir: TempDir;
beforeEach(() => {
	dir = new TempDir();
});
afterEach(() => dir.remove());

/** A store file as a given version of plie-triage wrote it: the demo of today. */
function demoStore(version: number, change: (store: any) => void = () => {}): string {
	const store = {version, settings: {...DEFAULT_SETTINGS, nextCellule: demoNextCellule(TODAY)}, participants: demoCaseload(TODAY)};
	change(store);
	const file = dir.file('caseload.json');
	writeFileSync(file, JSON.stringify(store, null, 1), {mode: 0o600});
	return file;
}

const data = (file: string) => ['--data', file, '--today', TODAY_ISO];

/** A one-row exchange workbook changing someone's commune: an import that writes. */
async function communeChange(someone: {id: string; name: string}): Promise<string> {
	return writeWorkbook(dir.file('modif.xlsx'), [
		{name: 'Bénéficiaires', rows: [['ID', 'Bénéficiaire', 'Commune de résidence'], [someone.id, someone.name, 'Quetigny']]},
	]);
}

describe('two participants with one id', () => {
	it('are refused by report, export, journal and import, naming the ids; the file is left as it was', async () => {
		const file = demoStore(2, store => {
			store.participants[4] = {...store.participants[4], id: store.participants[1].id};
			store.participants.push({...store.participants[0], referent: 'AUTRE Référente'});
		});
		const before = readFileSync(file);
		const first = JSON.parse(before.toString()).participants;
		const workbook = await communeChange(first[0]);
		for (const args of [
			['report'],
			['report', '--json', '--referent', first[0].referent],
			['export', '--echange', '--out', dir.file('e.xlsx')],
			['export', '--cellule', '2026-12-08', '--out', dir.file('c.xlsx')],
			['journal'],
			['import', workbook],
		]) {
			const run = runCli([...args, ...data(file)]);
			expect(run.code, args.join(' ')).toBe(1);
			expect(run.stderr).toContain(`${file} : 2 identifiants portés par plusieurs bénéficiaires`);
			expect(run.stderr).toContain(`« ${first[0].id} » (bénéficiaires n°1, n°${first.length})`);
			expect(run.stderr).toContain(`« ${first[1].id} » (bénéficiaires n°2, n°5)`);
			expect(run.stderr).not.toMatch(/\n\s+at /);
		}
		expect(readFileSync(file)).toEqual(before);
		expect(existsSync(dir.file('e.xlsx')) || existsSync(dir.file('c.xlsx'))).toBe(false);
	});
});

describe('fields this version does not know (a newer version’s)', () => {
	it('are read by report and export, and kept by an import that rewrites the file', async () => {
		const file = demoStore(2, store => {
			store.exportedBy = {tool: 'plie-triage 3', at: '2026-11-20'};
			store.settings.reminderDays = 4;
			store.participants[0].surnom = 'Élo';
			store.participants[3].steps[0].lieu = 'Agence de Quetigny';
			store.participants[3].events[0].duree = 45;
			store.participants[2].suivi = {mentor: 'GARNIER Odile', depuis: '2026-09-01'};
		});
		const original = JSON.parse(readFileSync(file, 'utf8'));
		const plain = dir.file('plain.json');
		writeFileSync(plain, JSON.stringify(JSON.parse(readFileSync(file, 'utf8'), (key, value) => (['exportedBy', 'reminderDays', 'surnom', 'lieu', 'duree', 'suivi'].includes(key) ? undefined : value))));
		// the same counts as without them
		const report = runCli(['report', '--json', ...data(file)]);
		expect(report.code).toBe(0);
		expect(report.stdout).toBe(runCli(['report', '--json', ...data(plain)]).stdout);
		expect(runCli(['export', '--echange', '--out', dir.file('e.xlsx'), ...data(file)]).code).toBe(0);

		const run = runCli(['import', await communeChange(original.participants[0]), ...data(file)]);
		expect(run.code, run.stderr).toBe(0);
		const after = JSON.parse(readFileSync(file, 'utf8'));
		expect(after.participants[0].commune).toBe('Quetigny');
		expect(after.exportedBy).toEqual(original.exportedBy);
		expect(after.settings.reminderDays).toBe(4);
		expect(after.participants[0].surnom).toBe('Élo');
		expect(after.participants[3].steps[0].lieu).toBe('Agence de Quetigny');
		expect(after.participants[3].events[0].duree).toBe(45);
		expect(after.participants[2].suivi).toEqual(original.participants[2].suivi);
	});
});

describe('a version-1 store (today’s demo as version 1 wrote it)', () => {
	it('is read by report and export without being rewritten; the next write migrates it and keeps the version-1 file', async () => {
		const file = demoStore(1);
		const v1 = readFileSync(file);
		const kept = `${file}.v1`;
		const report = runCli(['report', '--json', ...data(file)]);
		expect(report.code).toBe(0);
		expect(JSON.parse(report.stdout).indicators.find((i: any) => i.id === 'caseload.active').count).toBeGreaterThan(0);
		expect(runCli(['export', '--echange', '--out', dir.file('e.xlsx'), ...data(file)]).code).toBe(0);
		expect(runCli(['journal', ...data(file)]).code).toBe(0);
		expect(readFileSync(file)).toEqual(v1);
		expect(existsSync(kept)).toBe(false);

		const someone = JSON.parse(v1.toString()).participants[3];
		expect(runCli(['import', await communeChange(someone), ...data(file)]).code).toBe(0);
		const migrated = JSON.parse(readFileSync(file, 'utf8'));
		expect(migrated.version).toBe(2);
		// nothing lost: the same participants, settings and all, one commune changed
		const expected = JSON.parse(v1.toString());
		expected.version = 2;
		expected.participants[3].commune = 'Quetigny';
		expect(migrated).toEqual(expected);
		expect(readFileSync(kept)).toEqual(v1);
		expect(statSync(kept).mode & 0o777).toBe(0o600);
	});

	it('never replaces a version-1 copy already there (a restored file migrated again)', async () => {
		const file = demoStore(1);
		writeFileSync(`${file}.v1`, 'la première copie', {mode: 0o600});
		const someone = JSON.parse(readFileSync(file, 'utf8')).participants[0];
		expect(runCli(['import', await communeChange(someone), ...data(file)]).code).toBe(0);
		expect(JSON.parse(readFileSync(file, 'utf8')).version).toBe(2);
		expect(readFileSync(`${file}.v1`, 'utf8')).toBe('la première copie');
	});

	it('goes through the version-2 exchange workbook into an empty store exactly', () => {
		const file = demoStore(1);
		const workbook = dir.file('echange.xlsx');
		expect(runCli(['export', '--echange', '--out', workbook, ...data(file)]).code).toBe(0);
		const empty = dir.file('vide.json');
		const run = runCli(['import', workbook, ...data(empty)]);
		expect(run.code, run.stderr).toBe(0);
		expect(JSON.parse(readFileSync(empty, 'utf8')).participants).toEqual(JSON.parse(readFileSync(file, 'utf8')).participants);
	});
});
