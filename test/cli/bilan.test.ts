// `plie-triage bilan --json` on a caseload generated here, many dates on the
// period's bounds, compared with the tables computed in this file straight from
// REFERENTIEL §8's text (ISO dates compared as text, days walked one by one),
// without the domain's functions; III.2.2 and III.2.3 are §8's indicators on D2,
// so they are compared with `report --json --today D2`.
import {existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Participant, Step} from '../../source/domain/model.js';
import {runCli} from '../helpers/cli.js';

type Row = {id: string; label: string; count?: number; participants?: string[]; value?: number | null};
type Table = {id: string; title: string; rows: Row[]};
type BilanOut = {from: string; to: string; referent: string | null; tables: Table[]};

// ——— the caseload: invented people, a seeded generator ———
let seed = 17;
function random(): number {
	seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
	return seed / 2_147_483_648;
}
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
const chance = (p: number) => random() < p;

const DAY = 86_400_000;
const dayNumber = (iso: string) => Date.parse(`${iso}T00:00:00Z`) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const plus = (iso: string, days: number) => isoOf(dayNumber(iso) + days);

// dates the periods below start or end on, and the days around them
const BOUNDS = ['2025-01-01', '2025-12-31', '2026-01-01', '2026-06-30', '2026-07-01', '2026-03-15', '2026-03-14', '2026-09-30', '2026-10-01', '2025-12-30', '2026-01-31', '2026-02-28'];
function someDate(from = '2023-06-01', to = '2027-03-31'): string {
	if (chance(0.3)) return pick(BOUNDS);
	return isoOf(dayNumber(from) + Math.floor(random() * (dayNumber(to) - dayNumber(from))));
}

const REFERENTS = ['MARTEL Inès', 'LEBRUN Ana', 'DIALLO Moussa'];
const NON_INTEGRATION = ['Absence aux rendez-vous', 'non interesse.e par la demarche', 'En emploi', 'Réside hors zone d’intervention', '  DÉMÉNAGEMENT ', 'A changé de région', undefined];
const EXIT_REASONS = ['CDI', 'Formation qualifiante (titre ou diplôme obtenu)', 'formation qualifiante', 'CDD < 6 mois', 'Santé', undefined];
const EXIT_TYPES = ['Positive', 'Dynamique', 'Réduction des freins', 'Autre', undefined] as const;
const STATES = ['Prévue', 'En cours', 'Terminée', 'Interrompue'] as const;
const EVENTS = ['Entretien individuel', 'Atelier collectif', 'Contact téléphonique', 'Absence injustifiée', 'Absence justifiée', 'Autre'] as const;

function generate(count: number): Participant[] {
	const people: Participant[] = [];
	for (let i = 1; i <= count; i++) {
		const first = chance(0.9) ? someDate() : undefined;
		const base = first ?? someDate();
		const integrated = chance(0.65);
		const integrationDate = integrated ? (chance(0.2) ? pick(BOUNDS) : plus(base, Math.floor(random() * 90))) : undefined;
		const nonIntegrationDate = !integrated && chance(0.4) ? (chance(0.3) ? pick(BOUNDS) : plus(base, 10 + Math.floor(random() * 120))) : undefined;
		const exitDate = integrationDate && chance(0.35) ? (chance(0.3) ? pick(BOUNDS) : plus(integrationDate, 30 + Math.floor(random() * 700))) : undefined;
		const rsa = chance(0.45);
		const steps: Step[] = [];
		const start = integrationDate ?? base;
		for (let s = 0, n = Math.floor(random() * 5); s < n; s++) {
			const stepStart = plus(start, Math.floor(random() * 500) - 40);
			steps.push({label: `Étape ${s + 1}`, type: pick(['Emploi', 'Formation', 'PMSMP', '']), start: stepStart, end: chance(0.75) ? plus(stepStart, Math.floor(random() * 150)) : undefined, state: pick(STATES)});
		}
		const events = Array.from({length: Math.floor(random() * 14)}, () => ({date: someDate('2025-06-01', '2026-12-31'), type: pick(EVENTS)}));
		const previousContracts = rsa && chance(0.5) ? Array.from({length: 1 + Math.floor(random() * 2)}, () => {
			const cStart = someDate('2024-06-01', '2026-09-30');
			return chance(0.85) ? {start: cStart, end: plus(cStart, 180)} : {end: plus(cStart, 180)};
		}) : undefined;
		const contractStart = rsa && chance(0.7) ? someDate('2025-01-01', '2026-12-31') : undefined;
		people.push({
			id: `G-${String(i).padStart(4, '0')}`,
			// a name that a spreadsheet would read as a formula must stay a name
			name: i === 7 ? '=HYPERLINK("http://exemple.invalid")' : `TESTARD Personne${i}`,
			referent: pick(REFERENTS),
			rsa,
			integrationCriterion: rsa && chance(0.7) ? pick(['RSA', ' rsa ']) : pick(['DELD', 'TH', undefined]),
			firstAppointment: first,
			integrationDate,
			nonIntegrationDate,
			nonIntegrationReason: nonIntegrationDate ? pick(NON_INTEGRATION) : undefined,
			exitDate,
			exitType: exitDate ? pick(EXIT_TYPES) : undefined,
			exitReason: exitDate ? pick(EXIT_REASONS) : undefined,
			standbySince: integrationDate && chance(0.1) ? plus(integrationDate, 40) : undefined,
			contractStart,
			contractEnd: contractStart ? plus(contractStart, 182) : rsa && chance(0.3) ? someDate() : undefined,
			previousContracts,
			steps,
			events,
		});
	}
	return people;
}

// ——— §8, written out again ———
const within = (d: string | undefined, from: string, to: string) => d !== undefined && d >= from && d <= to;
const atOrBefore = (d: string | undefined, t: string) => d !== undefined && d <= t;
const closed = (p: Participant, t: string) => atOrBefore(p.exitDate, t) || atOrBefore(p.nonIntegrationDate, t);
const active = (p: Participant, t: string) => !closed(p, t) && atOrBefore(p.integrationDate, t);
const present = (p: Participant, e: string) =>
	!closed(p, e) && (atOrBefore(p.firstAppointment, e) || atOrBefore(p.integrationDate, e) || atOrBefore(p.nonIntegrationDate, e));
/** a / b in %, half up to one decimal (Math.round rounds .5 up; a / b × 1000 of small whole numbers is exact at a half) */
const ratio = (a: number, b: number) => (b === 0 ? null : Math.round((a * 1000) / b) / 10);
const mean = (values: number[]) => (values.length === 0 ? undefined : values.reduce((s, v) => s + v, 0) / values.length);
const tenth = (x: number | undefined) => (x === undefined ? null : Math.round(x * 10 + 1e-7) / 10);
const fold = (text: string) =>
	text.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim().replace(/’/g, "'").replace(/[.·]/g, '·');
const SEED_MOTIVES = [
	'Absence aux rendez-vous', 'Congé parental', 'Décès', 'Démarches préconisées non effectuées', 'Déménagement', 'En emploi',
	"En recherche directe d'emploi", 'Indisponible', 'Non intéressé.e par la démarche', 'Parcours prématuré',
	"Relève d'un accompagnement spécifique", 'Réorientation', 'Réorientation vers un ASI', "Réside hors zone d'intervention",
	'Retour en formation initiale', 'Sur un autre dispositif', "Un parcours n'est pas nécessaire",
];

type Expected = Record<string, Record<string, string[] | number | null>>;

function expectedTables(all: Participant[], from: string, to: string): Expected {
	const ids = (list: Participant[]) => list.map(p => p.id);
	const K = all.filter(p => within(p.firstAppointment, from, to));
	const integrated = K.filter(p => atOrBefore(p.integrationDate, to));
	const notIntegrated = K.filter(p => !integrated.includes(p) && atOrBefore(p.nonIntegrationDate, to));
	const intake = K.filter(p => !integrated.includes(p) && !notIntegrated.includes(p));
	const out: Expected = {};
	out.dossiers = {
		integres: ids(integrated),
		'non-integres': ids(notIntegrated),
		accueil: ids(intake),
		total: ids(K),
		'sans-1er-rdv': ids(all.filter(p => p.firstAppointment === undefined && (within(p.integrationDate, from, to) || within(p.nonIntegrationDate, from, to)))),
	};
	const passed = integrated.length + notIntegrated.length;
	out['taux-integration'] = {
		integres: ids(integrated),
		'non-integres': ids(notIntegrated),
		total: ids([...integrated, ...notIntegrated]),
		taux: ratio(integrated.length, passed),
		'sous-objectif': passed === 0 ? null : integrated.length / passed < 0.7 ? 1 : 0,
	};
	const motives: Record<string, string[] | number | null> = {};
	SEED_MOTIVES.forEach((motive, i) => (motives[`motif-${i + 1}`] = ids(notIntegrated.filter(p => fold(p.nonIntegrationReason ?? '') === fold(motive)))));
	motives.autre = ids(notIntegrated.filter(p => !SEED_MOTIVES.some(m => fold(m) === fold(p.nonIntegrationReason ?? ''))));
	motives.total = ids(notIntegrated);
	out['motifs-non-integration'] = motives;
	const cumul: Record<string, string[] | number | null> = {};
	for (let year = 2021; year <= Number(to.slice(0, 4)); year++) {
		const end = `${year}-12-31` < to ? `${year}-12-31` : to;
		const people = all.filter(p => within(p.integrationDate, '2021-01-01', end));
		const rsa = people.filter(p => (p.integrationCriterion ?? '').trim().toLowerCase() === 'rsa');
		cumul[`annee-${year}`] = ids(people);
		cumul[`annee-${year}-rsa`] = ids(rsa);
		cumul[`annee-${year}-part-rsa`] = ratio(rsa.length, people.length);
	}
	out['cumul-integrations'] = cumul;
	const exits = all.filter(p => within(p.exitDate, from, to));
	const positives = exits.filter(p => p.exitType === 'Positive');
	out.sorties = {
		positives: ids(positives),
		autres: ids(exits.filter(p => p.exitType !== 'Positive')),
		total: ids(exits),
		'taux-insertion': ratio(positives.length, exits.length),
		'type-positive': ids(exits.filter(p => p.exitType === 'Positive')),
		'type-dynamique': ids(exits.filter(p => p.exitType === 'Dynamique')),
		'type-reduction-des-freins': ids(exits.filter(p => p.exitType === 'Réduction des freins')),
		'type-autre': ids(exits.filter(p => p.exitType === 'Autre')),
		'type-non-renseigne': ids(exits.filter(p => p.exitType === undefined)),
	};
	// III.2.1: walk every day of [integration, exit]
	const figures = {positive: [] as number[], other: [] as number[]};
	for (const p of exits) {
		if (p.integrationDate === undefined || p.integrationDate > p.exitDate!) continue;
		let gaps = 0;
		let uncovered = 0;
		let inGap = false;
		for (let d = dayNumber(p.integrationDate); d <= dayNumber(p.exitDate!); d++) {
			const day = isoOf(d);
			const covered = p.steps.some(s => s.start <= day && day <= (s.end ?? p.exitDate!));
			if (!covered) {
				uncovered++;
				if (!inGap) gaps++;
			}
			inGap = !covered;
		}
		(p.exitType === 'Positive' ? figures.positive : figures.other).push(gaps === 0 ? 0 : uncovered / gaps);
	}
	const a = mean(figures.positive);
	const b = mean(figures.other);
	out['inter-etapes'] = {positives: tenth(a), autres: tenth(b), global: a !== undefined && b !== undefined ? tenth((a + b) / 2) : null};
	const dayBefore = plus(from, -1);
	const positiveExits = exits.filter(p => p.exitType === 'Positive');
	const training = (p: Participant) => fold(p.exitReason ?? '').startsWith('formation qualifiante');
	out.exercice = {
		debut: ids(all.filter(p => active(p, dayBefore))),
		entres: ids(all.filter(p => within(p.integrationDate, from, to))),
		'sorties-positives-emploi': ids(positiveExits.filter(p => !training(p))),
		'sorties-positives-formation': ids(positiveExits.filter(training)),
		'sorties-autres': ids(exits.filter(p => p.exitType !== 'Positive')),
		'non-integres': ids(all.filter(p => within(p.nonIntegrationDate, from, to))),
		'accueil-fin': ids(all.filter(p => present(p, to) && !closed(p, to) && !atOrBefore(p.integrationDate, to))),
		'actif-fin': ids(all.filter(p => active(p, to))),
	};
	const rsa = all.filter(p => p.rsa);
	const contacts = (p: Participant) => p.events.filter(e => within(e.date, from, to) && ['Entretien individuel', 'Atelier collectif', 'Contact téléphonique'].includes(e.type));
	const treated = rsa.filter(p => contacts(p).length > 0);
	const interviews = (p: Participant) => p.events.filter(e => within(e.date, from, to) && e.type === 'Entretien individuel').length;
	// the CERs in §2's order (previous oldest first, then the current one); one whose start was
	// never recorded came before those listed after it and those starting after its end
	const cers = (p: Participant) => [
		...(p.previousContracts ?? []),
		...(p.contractStart !== undefined || p.contractEnd !== undefined ? [{start: p.contractStart, end: p.contractEnd}] : []),
	];
	const signedIn = (p: Participant, renewal: boolean) =>
		cers(p).some(
			(x, i, all) =>
				within(x.start, from, to) &&
				all.some((y, j) => j !== i && (y.start !== undefined ? y.start < x.start! : j < i || y.end! < x.start!)) === renewal,
		);
	const firstCer = rsa.filter(p => signedIn(p, false));
	const renewal = rsa.filter(p => signedIn(p, true));
	const rsaTable: Record<string, string[] | number | null> = {
		traites: ids(treated),
		'fin-accompagnement': ids(rsa.filter(p => within(p.exitDate, from, to))),
		'premier-cer': ids(firstCer),
		renouvellement: ids(renewal),
		'cer-total': ids(rsa.filter(p => firstCer.includes(p) || renewal.includes(p))),
		'frequence-0': ids(treated.filter(p => interviews(p) === 0)),
		'frequence-1': ids(treated.filter(p => interviews(p) === 1)),
		'frequence-2': ids(treated.filter(p => interviews(p) === 2)),
		'frequence-3': ids(treated.filter(p => interviews(p) === 3)),
		'frequence-4-plus': ids(treated.filter(p => interviews(p) >= 4)),
	};
	// month ends: the day before each first of the month
	for (let d = dayNumber(from); d <= dayNumber(to); d++) {
		const day = isoOf(d);
		if (isoOf(d + 1).endsWith('-01')) rsaTable[`suivis-${day.slice(0, 7)}`] = ids(rsa.filter(p => present(p, day)));
	}
	out.rsa = rsaTable;
	const accompanied = all.filter(
		p =>
			(atOrBefore(p.firstAppointment, to) || atOrBefore(p.integrationDate, to) || atOrBefore(p.nonIntegrationDate, to)) &&
			!(p.exitDate !== undefined && p.exitDate < from) &&
			!(p.nonIntegrationDate !== undefined && p.nonIntegrationDate < from),
	);
	out['liste-nominative'] = Object.fromEntries(accompanied.map(p => [p.id, [p.id]]));
	return out;
}

/** A table of the output in the shape of Expected: ids sorted (§8 gives no order), values as they are. */
function actualTables(json: BilanOut): Expected {
	const out: Expected = {};
	for (const table of json.tables) {
		out[table.id] = Object.fromEntries(table.rows.map(r => [r.id, r.participants !== undefined ? [...r.participants].sort() : r.value!]));
	}
	return out;
}

function sortedIds(tables: Expected): Expected {
	const out: Expected = {};
	for (const [table, rows] of Object.entries(tables)) {
		out[table] = Object.fromEntries(Object.entries(rows).map(([id, v]) => [id, Array.isArray(v) ? [...v].sort() : v]));
	}
	return out;
}

let dir: string;
let store: string;
const caseload = generate(260);

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-bilan-cli-'));
	store = path.join(dir, 'caseload.json');
	// a version 1 store without the bilan settings: their defaults apply
	writeFileSync(store, JSON.stringify({version: 1, participants: caseload}), {mode: 0o600});
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

function bilanJson(args: string[]): BilanOut {
	const run = runCli(['bilan', '--json', '--data', store, ...args]);
	expect(run.stderr).toBe('');
	expect(run.code).toBe(0);
	return JSON.parse(run.stdout) as BilanOut;
}

const PERIODS: ReadonlyArray<readonly [string, string[], string, string]> = [
	['the first semester of 2026', ['--semestre', '2026'], '2026-01-01', '2026-06-30'],
	['the year 2025', ['--annee', '2025'], '2025-01-01', '2025-12-31'],
	['15/03/2026 to 30/09/2026 (both spellings of a date)', ['--du', '15/03/2026', '--au', '2026-09-30'], '2026-03-15', '2026-09-30'],
	['one day', ['--du', '2026-06-30', '--au', '2026-06-30'], '2026-06-30', '2026-06-30'],
];

describe('plie-triage bilan --json', () => {
	for (const [what, args, from, to] of PERIODS) {
		for (const referent of [undefined, 'martel ines']) {
			it(`gives §8's counts, people and values over ${what}${referent ? ', for one référent·e' : ''}`, () => {
				const json = bilanJson([...args, ...(referent ? ['--referent', referent] : [])]);
				expect(json.from).toBe(from);
				expect(json.to).toBe(to);
				// named as the store spells it, as report does
				expect(json.referent).toBe(referent ? 'MARTEL Inès' : null);
				const people = referent ? caseload.filter(p => p.referent === 'MARTEL Inès') : caseload;
				const actual = actualTables(json);
				const {inactifs, durees, ...rest} = actual;
				expect(rest).toEqual(sortedIds(expectedTables(people, from, to)));
				// III.2.2 and III.2.3 are the dashboard's indicators on D2
				const report = runCli(['report', '--json', '--data', store, '--today', to, ...(referent ? ['--referent', referent] : [])]);
				const indicator = (id: string): string[] => JSON.parse(report.stdout).indicators.find((i: {id: string}) => i.id === id).participants.sort();
				const activeIds = indicator('caseload.active');
				expect(inactifs).toEqual({
					'sans-etape-60': indicator('steps.idle60'),
					'file-active': activeIds,
					part: ratio(indicator('steps.idle60').length, activeIds.length),
				});
				expect(durees).toEqual({
					'18-24': indicator('duration.18to24'),
					'plus-24': indicator('duration.gte24'),
					'file-active': activeIds,
					'part-18-24': ratio(indicator('duration.18to24').length, activeIds.length),
					'part-plus-24': ratio(indicator('duration.gte24').length, activeIds.length),
				});
			});
		}
	}

	it('writes every row as {id, label, count, participants} or {id, label, value}, and the tables in §8’s order', () => {
		const json = bilanJson(['--annee', '2026']);
		expect(Object.keys(json)).toEqual(['from', 'to', 'referent', 'tables']);
		expect(json.tables.map(t => t.id)).toEqual([
			'dossiers', 'taux-integration', 'motifs-non-integration', 'cumul-integrations', 'sorties', 'inter-etapes',
			'inactifs', 'durees', 'exercice', 'rsa', 'liste-nominative',
		]);
		for (const table of json.tables) {
			expect(Object.keys(table)).toEqual(['id', 'title', 'rows']);
			for (const row of table.rows) {
				const keys = Object.keys(row);
				expect([['id', 'label', 'count', 'participants'], ['id', 'label', 'value']]).toContainEqual(keys);
				if (row.count !== undefined) expect(row.count).toBe(row.participants!.length);
			}
		}
		// the generated caseload does reach the interesting cases
		const rows = actualTables(json);
		expect((rows.dossiers!['sans-1er-rdv'] as string[]).length).toBeGreaterThan(0);
		expect((rows.rsa!.renouvellement as string[]).length).toBeGreaterThan(0);
		expect((rows['motifs-non-integration']!.autre as string[]).length).toBeGreaterThan(0);
		expect((rows.exercice!['sorties-positives-formation'] as string[]).length).toBeGreaterThan(0);
		expect(rows['inter-etapes']!.global).not.toBeNull();
	});

	it('gives null for a ratio or mean over nobody', () => {
		const json = bilanJson(['--du', '2019-01-01', '--au', '2019-01-31']);
		const taux = json.tables.find(t => t.id === 'taux-integration')!;
		expect(taux.rows.find(r => r.id === 'taux')).toEqual({id: 'taux', label: 'Taux d’intégration', value: null});
		expect(taux.rows.find(r => r.id === 'sous-objectif')!.value).toBeNull();
		expect(json.tables.find(t => t.id === 'inter-etapes')!.rows.map(r => r.value)).toEqual([null, null, null]);
		expect(json.tables.find(t => t.id === 'cumul-integrations')!.rows).toEqual([]);
	});

	it('writes no workbook with --json alone', () => {
		bilanJson(['--semestre', '2026']);
		expect(existsSync(path.join(dir, 'bilan-2026-01-01-2026-06-30.xlsx'))).toBe(false);
	});
});

describe('plie-triage bilan: the workbook', () => {
	it('is written under its default name, private, and not replaced without --force', () => {
		const target = path.join(dir, 'bilan-2026-01-01-2026-06-30.xlsx');
		const run = runCli(['bilan', '--data', store, '--semestre', '2026'], {cwd: dir});
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(run.stdout).toMatch(/^Bilan du 01\/01\/2026 au 30\/06\/2026 écrit : bilan-2026-01-01-2026-06-30\.xlsx \(\d+ personnes accompagnées sur la période\)\.\n$/);
		expect(statSync(target).mode & 0o777).toBe(0o600);
		const before = readFileSync(target);
		const again = runCli(['bilan', '--data', store, '--semestre', '2026'], {cwd: dir});
		expect(again.code).toBe(1);
		expect(again.stderr).toContain('le fichier existe déjà');
		expect(again.stderr).toContain('--force');
		expect(readFileSync(target).equals(before)).toBe(true);
		expect(runCli(['bilan', '--data', store, '--semestre', '2026', '--force'], {cwd: dir}).code).toBe(0);
	});

	it('with --json and --out, prints the JSON alone on stdout and writes the workbook too', () => {
		const out = path.join(dir, 'mon-bilan.xlsx');
		const run = runCli(['bilan', '--json', '--data', store, '--annee', '2026', '--out', out]);
		expect(run.code).toBe(0);
		expect(JSON.parse(run.stdout).from).toBe('2026-01-01');
		expect(run.stderr).toContain(`écrit : ${out}`);
		expect(existsSync(out)).toBe(true);
		// the same --out again, without --force: refused, and no JSON printed before the refusal
		const again = runCli(['bilan', '--json', '--data', store, '--annee', '2026', '--out', out]);
		expect(again.code).toBe(1);
		expect(again.stdout).toBe('');
		expect(again.stderr).toContain('le fichier existe déjà');
	});
});

describe('plie-triage bilan: usage errors (exit 2, in French)', () => {
	const usage = (args: string[], ...parts: string[]) => {
		const run = runCli(['bilan', '--data', store, ...args], {cwd: dir});
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toMatch(/^plie-triage : /);
		for (const part of parts) expect(run.stderr).toContain(part);
		expect(run.stderr).not.toMatch(/\n\s+at |Error/);
	};
	it('asks for a period', () => usage(['--json'], 'précisez la période', '--semestre AAAA'));
	it('refuses two periods at once', () => {
		usage(['--semestre', '2026', '--du', '2026-01-01', '--au', '2026-03-31'], 'une seule période', '--du/--au et --semestre');
		usage(['--semestre', '2026', '--annee', '2026'], 'une seule période');
	});
	it('asks for both ends of a --du/--au period', () => {
		usage(['--du', '2026-01-01'], '--du sans --au');
		usage(['--au', '2026-01-01'], '--au sans --du');
	});
	it('refuses a period that ends before it starts', () => usage(['--du', '2026-07-01', '--au', '30/06/2026'], 'le début de la période (--du 01/07/2026) est après sa fin (--au 30/06/2026)'));
	it('refuses impossible dates and years', () => {
		usage(['--du', '2026-02-30', '--au', '2026-03-31'], '--du : date impossible « 2026-02-30 »');
		usage(['--du', '2026-01-01', '--au', '31/04/2026'], '--au : date impossible « 31/04/2026 »');
		usage(['--semestre', '26'], '--semestre : année impossible « 26 »');
		usage(['--annee', 'deux-mille'], '--annee : année impossible');
	});
	it('refuses a référent·e who follows nobody, naming those who do', () => usage(['--annee', '2026', '--referent', 'MARTELL Ines'], 'aucun bénéficiaire suivi par « MARTELL Ines »', 'LEBRUN Ana'));
	it('writes nothing after a refusal', () => {
		usage(['--du', '2026-07-01', '--au', '2026-06-30']);
		expect(existsSync(path.join(dir, 'bilan-2026-07-01-2026-06-30.xlsx'))).toBe(false);
	});
});
