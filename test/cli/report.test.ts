import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {INDICATOR_IDS} from '../../source/domain/indicators.js';
import {inOrder, person} from '../helpers/caseload.js';
import {runCli} from '../helpers/cli.js';

let dir: string;
let store: string;
const T = '2026-11-22';

const a = inOrder(T, {id: 'A-1', referent: 'MARTEL Inès', rsa: true, contractStart: '2026-06-01', contractEnd: '2026-11-30'});
const b = inOrder(T, {id: 'B-2', referent: 'ROUVRAY Karim', romeCode: undefined});
const c = person({id: 'C-3', referent: 'ROUVRAY Karim', firstAppointment: '2026-11-02'});

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-cli-'));
	store = path.join(dir, 'caseload.json');
	writeFileSync(store, JSON.stringify({version: 1, participants: [a, b, c]}));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('plie-triage report', () => {
	it('prints every indicator as JSON, count 0 included, in the référentiel order', () => {
		const run = runCli(['report', '--json', '--data', store, '--today', T]);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const json = JSON.parse(run.stdout);
		expect(json.today).toBe(T);
		expect(json.referent).toBeNull();
		expect(json.indicators.map((i: {id: string}) => i.id)).toEqual(INDICATOR_IDS);
		const byId = Object.fromEntries(json.indicators.map((i: {id: string}) => [i.id, i]));
		expect(byId['caseload.active']).toMatchObject({count: 2, label: 'File active en parcours'});
		expect(byId['caseload.active'].participants.sort()).toEqual(['A-1', 'B-2']);
		expect(byId['caseload.intake'].participants).toEqual(['C-3']);
		expect(byId['rsa.contract-lt15'].participants).toEqual(['A-1']);
		expect(byId['followup.no-rome'].participants).toEqual(['B-2']);
		expect(byId['standby.long']).toMatchObject({count: 0, participants: []});
		for (const indicator of json.indicators) expect(Object.keys(indicator)).toEqual(['id', 'label', 'count', 'participants']);
	});

	it('keeps to one referent with --referent', () => {
		const run = runCli(['report', '--json', '--data', store, '--today', T, '--referent', 'ROUVRAY Karim']);
		const json = JSON.parse(run.stdout);
		expect(json.referent).toBe('ROUVRAY Karim');
		const active = json.indicators.find((i: {id: string}) => i.id === 'caseload.active');
		expect(active.participants).toEqual(['B-2']);
	});

	it('names the référent·e as the store spells the name, whatever the spelling asked for', () => {
		const json = JSON.parse(runCli(['report', '--json', '--data', store, '--today', T, '--referent', '  martel ines ']).stdout);
		expect(json.referent).toBe('MARTEL Inès');
		const table = runCli(['report', '--data', store, '--today', T, '--referent', 'MARTEL ines']);
		expect(table.stdout).toContain('référent : MARTEL Inès');
	});

	it('takes a surname alone when it designates one référent·e, and refuses one shared by two, naming them', () => {
		const full = JSON.parse(runCli(['report', '--json', '--data', store, '--today', T, '--referent', 'ROUVRAY Karim']).stdout);
		const surname = runCli(['report', '--json', '--data', store, '--today', T, '--referent', 'rouvray']);
		expect(surname.code).toBe(0);
		expect(JSON.parse(surname.stdout)).toEqual(full);
		const journal = runCli(['journal', '--data', store, '--referent', 'Rouvray']);
		expect(journal.code).toBe(0);
		expect(journal.stdout).toContain('référent·e ROUVRAY Karim');
		const twoStore = path.join(dir, 'two.json');
		writeFileSync(twoStore, JSON.stringify({version: 1, participants: [a, b, {...c, referent: 'ROUVRAY Lina'}]}));
		for (const command of [['report'], ['echeances'], ['bilan', '--annee', '2026']]) {
			const shared = runCli([...command, '--data', twoStore, '--today', T, '--referent', 'rouvray']);
			expect(shared.code).toBe(2);
			expect(shared.stderr).toContain('« rouvray » désigne plusieurs référent·es (ROUVRAY Karim, ROUVRAY Lina) ; donnez le nom complet.');
		}
	});

	it('with --hide-snoozed, says the snoozed alerts are left out of the count rather than part of it', () => {
		const snoozedStore = path.join(dir, 'snoozed.json');
		const snoozed = {...b, snoozes: [{indicator: 'followup.no-rome', reason: 'ROME en attente', until: '2026-12-31'}]};
		writeFileSync(snoozedStore, JSON.stringify({version: 1, participants: [a, snoozed, c]}));
		const shown = runCli(['report', '--data', snoozedStore, '--today', T]);
		expect(shown.stdout).toMatch(/Intégrés sans code ROME\s+1  followup\.no-rome\s+\(dont 1 en attente\)/);
		const hidden = runCli(['report', '--data', snoozedStore, '--today', T, '--hide-snoozed']);
		expect(hidden.stdout).toMatch(/Intégrés sans code ROME\s+0  followup\.no-rome\s+\(\+ 1 en attente, non compté\)/);
		// listed, to be reviewed before the cellule: who, which alert, until when, why
		for (const run of [shown, hidden]) {
			expect(run.stdout).toContain('Mises en attente en cours (1) — à revoir avant la cellule :');
			expect(run.stdout).toContain(`  ${b.name} (B-2) — Intégrés sans code ROME — jusqu’au 31/12/2026 : ROME en attente`);
		}
		expect(runCli(['report', '--data', store, '--today', T]).stdout).not.toContain('Mises en attente');
	});

	it('prints a readable table grouped like the Visual Course dashboard', () => {
		const run = runCli(['report', '--data', store, '--today', T]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('indicateurs au 22/11/2026');
		for (const section of ['Effectifs', 'Parcours à rectifier', 'Inactivité', 'RSA / CER', 'Suivi']) {
			expect(run.stdout).toContain(section);
		}
		expect(run.stdout).toMatch(/File active en parcours\s+2/);
		expect(run.stdout).toMatch(/! RSA, échéance du CER < 15 jours\s+1  rsa\.contract-lt15\n/);
	});

	it('reads the store from PLIE_TRIAGE_DATA', () => {
		const run = runCli(['report', '--json', '--today', T], {env: {PLIE_TRIAGE_DATA: store}});
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).indicators[1].count).toBe(2);
	});

	it('treats an impossible --today as a usage error (exit 2)', () => {
		const run = runCli(['report', '--data', store, '--today', '2026-02-30']);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('--today');
		expect(run.stderr).toContain('2026-02-30');
		expect(run.stdout).toBe('');
	});

	it('refuses a corrupt store with exit 1, naming the file, without a stack trace and without touching it', () => {
		const bad = path.join(dir, 'bad.json');
		writeFileSync(bad, '{"version": 1, "partic');
		const run = runCli(['report', '--data', bad]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(bad);
		expect(run.stderr).not.toMatch(/at .*\.js:\d+/);
		expect(readFileSync(bad, 'utf8')).toBe('{"version": 1, "partic');
	});

	it('says a missing store is missing (exit 1)', () => {
		const run = runCli(['report', '--data', path.join(dir, 'none.json')]);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/introuvable/);
	});

	it('answers --help and --version, and rejects unknown commands and flags (exit 2)', () => {
		const help = runCli(['--help']);
		expect(help.code).toBe(0);
		expect(help.stdout).toContain('report [--json]');
		const version = runCli(['--version']);
		expect(version.code).toBe(0);
		expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
		const unknown = runCli(['frobnicate']);
		expect(unknown.code).toBe(2);
		expect(unknown.stderr).toContain('frobnicate');
		expect(runCli(['report', '--jsn']).code).toBe(2);
		const empty = runCli(['report', '--data']);
		expect(empty.code).toBe(2);
		expect(empty.stderr).toContain('--data : valeur manquante');
		// the long form --flag=value reads the same
		expect(JSON.parse(runCli(['report', '--json', `--data=${store}`, '--today=2026-11-22']).stdout).indicators[1].count).toBe(2);
	});

	it('without a terminal, the dashboard points to report (exit 2)', () => {
		const run = runCli(['--data', store]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('report');
	});
});

describe('plie-triage demo', () => {
	it('writes a demo store that report reads', () => {
		const file = path.join(dir, 'demo.json');
		const run = runCli(['demo', '--data', file, '--today', T]);
		expect(run.code).toBe(0);
		// the day as users read it
		expect(run.stdout).toMatch(/dates relatives au \d\d\/\d\d\/\d{4}\)\.$/m);
		const json = JSON.parse(runCli(['report', '--json', '--data', file, '--today', T]).stdout);
		expect(json.indicators.every((i: {count: number}) => i.count > 0)).toBe(true);
	});

	it('never replaces a caseload holding other files, unless --force', () => {
		const run = runCli(['demo', '--data', store, '--today', T]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain('--force');
		const json = JSON.parse(runCli(['report', '--json', '--data', store, '--today', T]).stdout);
		expect(json.indicators[1].participants.sort()).toEqual(['A-1', 'B-2']);
		const copy = path.join(dir, 'copy.json');
		writeFileSync(copy, readFileSync(store));
		expect(runCli(['demo', '--data', copy, '--today', T, '--force']).code).toBe(0);
		expect(JSON.parse(readFileSync(copy, 'utf8')).participants.every((p: {id: string}) => p.id.startsWith('DEMO-'))).toBe(true);
	});
});
