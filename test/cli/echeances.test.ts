// `plie-triage echeances`: the JSON of §7 equals a literal second reading of §7
// (test/helpers/echeancesOracle.ts) on caseloads the code was not written
// against, on several days, in three time zones; the text list; the usage errors.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload, storeText} from '../../source/bench/caseload.js';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {person} from '../helpers/caseload.js';
import {runCli} from '../helpers/cli.js';
import {oracleEcheances} from '../helpers/echeancesOracle.js';

let dir: string;
const write = (name: string, content: string) => {
	const file = path.join(dir, name);
	writeFileSync(file, content, {mode: 0o600});
	return file;
};
beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-echeances-'));
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** A generated caseload with snoozes naming échéance kinds, and a stock deadline of its own. */
function unseenCaseload(seed: number, today: string) {
	const store = generateCaseload(400, toDay(today), seed, {previousContracts: true});
	const kinds = ['rdv.next', 'cer.end', 'step.end', 'exit.close', 'standby.review'];
	store.participants.forEach((p, i) => {
		if (i % 9 === 0) p.snoozes = [...(p.snoozes ?? []), {indicator: kinds[i % kinds.length]!, reason: 'Vu en équipe', until: isoFromDay(toDay(today) + (i % 40) - 10)}];
	});
	store.settings = {...DEFAULT_SETTINGS, contractStockDeadline: '2027-03-31'};
	return store;
}

describe('echeances --json', () => {
	const zones = ['UTC', 'Pacific/Kiritimati', 'America/Los_Angeles'];
	const cases: Array<[number, string, string | undefined]> = [
		[101, '2026-11-22', undefined],
		[202, '2027-02-28', '2027-04-30'],
		[303, '2028-02-29', '2028-03-01'],
	];

	for (const [seed, today, until] of cases) {
		it(`gives exactly the items of §7 on ${today}${until ? ` up to ${until}` : ''}, in three time zones`, () => {
			const store = unseenCaseload(seed, today);
			const file = write(`unseen-${seed}.json`, storeText(store));
			const horizon = until ?? isoFromDay(toDay(today) + 28);
			const expected = {
				today,
				until: horizon,
				referent: null,
				items: oracleEcheances(store.participants, today, horizon, {contractStockDeadline: '2027-03-31'}),
			};
			expect(expected.items.length).toBeGreaterThan(200);
			expect(expected.items.some(item => item.snoozed)).toBe(true);
			for (const zone of zones) {
				const run = runCli(['echeances', '--json', '--data', file, '--today', today, ...(until ? ['--jusqu-au', until] : [])], {env: {TZ: zone}});
				expect(run.stderr, zone).toBe('');
				expect(run.code, zone).toBe(0);
				expect(JSON.parse(run.stdout), zone).toEqual(expected);
			}
		});
	}

	it('keeps to one referent and prints the keys of §7 in its order', () => {
		const store = unseenCaseload(404, '2026-11-22');
		const file = write('referent.json', storeText(store));
		const referent = store.participants[3]!.referent!;
		const run = runCli(['echeances', '--json', '--data', file, '--today', '2026-11-22', '--referent', referent.toLowerCase()]);
		expect(run.code).toBe(0);
		const json = JSON.parse(run.stdout);
		expect(Object.keys(json)).toEqual(['today', 'until', 'referent', 'items']);
		// named as the store spells it, as report does, whatever the spelling asked for
		expect(json.referent).toBe(referent);
		const mine = store.participants.filter(p => p.referent === referent);
		expect(json.items).toEqual(oracleEcheances(mine, '2026-11-22', '2026-12-20', {contractStockDeadline: '2027-03-31'}));
		for (const item of json.items) expect(Object.keys(item).slice(0, 5)).toEqual(['participant', 'kind', 'due', 'late', 'label']);
	});

	it('reads a store written before contractStockDeadline with 31/12/2026', () => {
		const p = person({id: 'S-1', rsa: true, integrationDate: '2026-06-01', events: [{date: '2026-11-20', type: 'Entretien individuel'}]});
		const file = write('old-settings.json', JSON.stringify({version: 1, participants: [p]}));
		const run = runCli(['echeances', '--json', '--data', file, '--today', '2026-12-10']);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).items).toContainEqual({participant: 'S-1', kind: 'cer.stock', due: '2026-12-31', late: false, label: 'CER à signer (couverture du stock RSA)'});
	});
});

describe('echeances (text)', () => {
	// Wednesday 18/11/2026: this week ends Sunday 22/11, the next one on 29/11
	const T = '2026-11-18';
	const people: Participant[] = [
		person({id: 'R-1', name: 'RETARD Alix', integrationDate: '2026-10-01', events: [{date: '2026-10-20', type: 'Entretien individuel'}]}),
		person({id: 'W-2', name: 'SEMAINE Basile', rsa: true, integrationDate: '2026-10-01', contractEnd: '2026-11-22', extension: true,
			events: [{date: '2026-11-17', type: 'Entretien individuel'}]}),
		person({id: 'N-3', name: 'SUIVANTE\u001b[31m Chloé', firstAppointment: '2026-11-01',
			steps: [{label: 'Immersion\u0007 logistique', type: 'PMSMP', start: '2026-11-23', state: 'Prévue'}]}),
		person({id: 'L-4', name: 'PLUSTARD Dan', firstAppointment: '2026-11-01', events: [{date: '2026-12-10', type: 'Atelier collectif'}],
			snoozes: [{indicator: 'step.start', reason: 'Reportée', until: '2026-11-30'}],
			steps: [{label: 'Atelier CV', type: 'Atelier', start: '2026-11-25', state: 'Prévue'}]}),
	];
	let file: string;
	beforeAll(() => {
		file = write('text.json', JSON.stringify({version: 1, participants: people}));
	});

	it('groups by week in French, ids and names shown, snoozed items counted apart', () => {
		const run = runCli(['echeances', '--data', file, '--today', T]);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const out = run.stdout;
		expect(out).toContain('échéances au 18/11/2026, jusqu’au 16/12/2026');
		const sections = ['En retard (1)', 'Cette semaine (1)', 'Semaine prochaine (1)', "D'ici le 16/12 (2)"];
		const at = sections.map(title => out.indexOf(title));
		expect(at.every(i => i > 0)).toBe(true);
		expect([...at].sort((a, b) => a - b)).toEqual(at);
		const section = (i: number) => out.slice(at[i]!, at[i + 1] ?? out.length);
		// R-1: last interview 20/10 → due 04/11, 14 days late on 18/11
		expect(section(0)).toMatch(/04\/11\/2026 {2}R-1 {2}RETARD Alix\s+Prochain entretien à tenir \(14 jours de retard\)/);
		expect(section(1)).toMatch(/22\/11\/2026 {2}W-2 {2}SEMAINE Basile\s+Fin du CER/);
		expect(section(2)).toMatch(/23\/11\/2026 {2}N-3 .*Étape prévue à démarrer : « Immersion. logistique »/);
		expect(section(3)).toMatch(/02\/12\/2026 {2}W-2 .*Prochain entretien à tenir/);
		expect(section(3)).toMatch(/10\/12\/2026 {2}L-4 .*Rendez-vous prévu : Atelier collectif/);
		expect(out).not.toContain('Atelier CV');
		expect(out).toContain('1 échéance mise en attente (z) non affichée ; --json les montre.');
	});

	it('lets no control character from the data reach the terminal', () => {
		const run = runCli(['echeances', '--data', file, '--today', T]);
		// eslint-disable-next-line no-control-regex
		expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
		expect(run.stdout).toContain('SUIVANTE\ufffd[31m Chloé');
	});

	it('says when nothing falls due', () => {
		const quiet = write('quiet.json', JSON.stringify({version: 1, participants: [person({id: 'Q-1', exitDate: '2026-01-01', integrationDate: '2025-01-01'})]}));
		const run = runCli(['echeances', '--data', quiet, '--today', T]);
		expect(run.code).toBe(0);
		expect(run.stdout).toContain('Aucune échéance en retard ni à venir d’ici là.');
	});
});

describe('echeances: usage errors (exit 2, in French)', () => {
	let file: string;
	beforeAll(() => {
		file = write('usage.json', JSON.stringify({version: 1, participants: [person({id: 'U-1', referent: 'MARTEL Inès', integrationDate: '2026-10-01'})]}));
	});
	const refused: Array<[string, string[], RegExp]> = [
		['an impossible horizon', ['--jusqu-au', '2026-02-30'], /--jusqu-au : date impossible « 2026-02-30 »/],
		['a horizon before today', ['--jusqu-au', '2026-11-01'], /--jusqu-au : le 01\/11\/2026 est avant le jour du calcul \(18\/11\/2026\)/],
		['--noms without --ics', ['--noms'], /--noms : seulement avec --ics/],
		['--force without --ics', ['--force'], /--force : seulement avec --ics/],
		['--json and --ics', ['--json', '--ics', 'x.ics'], /choisissez --json ou --ics/],
		['a calendar not named .ics', ['--ics', 'echeances.txt'], /« echeances.txt » : l’export écrit un calendrier \(.ics\) ; donnez un nom de fichier qui finit par .ics/],
		['an unknown referent', ['--referent', 'PERSONNE'], /aucun bénéficiaire suivi par « PERSONNE ».*MARTEL Inès/],
		['an extra argument', ['demain'], /argument en trop « demain »/],
	];
	for (const [what, args, message] of refused) {
		it(`refuses ${what}`, () => {
			const run = runCli(['echeances', '--data', file, '--today', '2026-11-18', ...args], {cwd: dir});
			expect(run.code).toBe(2);
			expect(run.stderr).toMatch(message);
			expect(run.stdout).toBe('');
		});
	}

	it('accepts the horizon as dd/mm/yyyy, as the forms do', () => {
		const run = runCli(['echeances', '--json', '--data', file, '--today', '2026-11-18', '--jusqu-au', '31/12/2026']);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).until).toBe('2026-12-31');
	});
});

describe('echeances: the title names the store inert', () => {
	it('a store path holding a control character reaches the terminal without it', () => {
		const file = write('suivi\u001b[31mrouge.json', storeText(generateCaseload(20, toDay('2026-11-18'), 3)));
		const run = runCli(['echeances', '--data', file, '--today', '2026-11-18']);
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^Fichier : .*suivi.*rouge\.json$/m);
		expect(run.stdout).not.toContain('\u001b');
	});
});
