// An audit of `plie-triage bilan --json` (REFERENTIEL §8) by a second reader:
// caseloads made by a generator of this file only (seeded; odd spellings, dates
// on every bound, month ends, 29 February, exits before integration, CERs
// without start, steps overlapping, out of order, past the exit…) and §8
// computed here again from its text — fractions kept exact, days walked one by
// one, the §3 statuses and §4 indicators written out — then compared, row by
// row, for several periods, with and without --referent.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import type {Participant, Step} from '../../source/domain/model.js';
import {runCli} from '../helpers/cli.js';
import {createTempStore, removeTempDir, type TempStore} from '../helpers/tempStore.js';

// ——— calendar ———
const DAY = 86_400_000;
const dayOf = (iso: string) => Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10))) / DAY;
const isoOf = (day: number) => new Date(day * DAY).toISOString().slice(0, 10);
const shift = (iso: string, days: number) => isoOf(dayOf(iso) + days);
const monthLength = (year: number, month0: number) => new Date(Date.UTC(year, month0 + 1, 0)).getUTCDate();
/** §3: date-fns's addMonths, the day clamped to the month's length */
function addMonths(iso: string, count: number): string {
	const total = Number(iso.slice(0, 4)) * 12 + Number(iso.slice(5, 7)) - 1 + count;
	const year = Math.floor(total / 12);
	const month0 = total - year * 12;
	const day = Math.min(Number(iso.slice(8, 10)), monthLength(year, month0));
	return `${String(year).padStart(4, '0')}-${String(month0 + 1).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}
/** §3: the largest m ≥ 0 with addMonths(a, m) ≤ b */
function fullMonths(a: string, b: string): number {
	let m = 0;
	while (addMonths(a, m + 1) <= b) m++;
	return m;
}

// ——— exact fractions, §8's rounding ———
type Fraction = {n: bigint; d: bigint};
const frac = (n: number | bigint, d: number | bigint = 1): Fraction => ({n: BigInt(n), d: BigInt(d)});
const add = (a: Fraction, b: Fraction): Fraction => ({n: a.n * b.d + b.n * a.d, d: a.d * b.d});
const divide = (a: Fraction, k: number): Fraction => ({n: a.n, d: a.d * BigInt(k)});
/** half up to one decimal, from the exact value */
const rounded = (q: Fraction | null): number | null => (q === null ? null : Number((20n * q.n + q.d) / (2n * q.d)) / 10);
const percent = (part: number, whole: number): number | null => (whole === 0 ? null : rounded(frac(100 * part, whole)));
const meanOf = (values: Fraction[]): Fraction | null =>
	values.length === 0 ? null : divide(values.reduce(add, frac(0)), values.length);

// ——— §2's matching of words: case, accents, surrounding spaces, apostrophe, middle dot ———
const fold = (text: string | undefined) =>
	(text ?? '')
		.normalize('NFD')
		.replace(/\p{Mn}/gu, '')
		.toLowerCase()
		.replace(/[’‘]/g, "'")
		.replace(/·/g, '.')
		.replace(/\s+/g, ' ')
		.trim();

// the 17 motives of 000_… §II.3, as the seed writes them
const SEED_MOTIVES = [
	'Absence aux rendez-vous',
	'Congé parental',
	'Décès',
	'Démarches préconisées non effectuées',
	'Déménagement',
	'En emploi',
	"En recherche directe d'emploi",
	'Indisponible',
	'Non intéressé.e par la démarche',
	'Parcours prématuré',
	"Relève d'un accompagnement spécifique",
	'Réorientation',
	'Réorientation vers un ASI',
	"Réside hors zone d'intervention",
	'Retour en formation initiale',
	'Sur un autre dispositif',
	"Un parcours n'est pas nécessaire",
];

// ——— the generator (mulberry32) ———
function generator(seed: number) {
	let state = seed >>> 0;
	const random = () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
	const below = (n: number) => Math.floor(random() * n);
	const pick = <T>(items: readonly T[]): T => items[below(items.length)]!;
	const chance = (p: number) => random() < p;
	return {random, below, pick, chance};
}

// the days the periods below start and end on, and their neighbours; month ends; 29 February
const PERIOD_BOUNDS = ['2024-01-01', '2024-12-31', '2025-01-01', '2025-12-31', '2026-01-01', '2026-06-30', '2025-03-31', '2025-08-31', '2025-11-15', '2026-02-28', '2024-02-29', '2021-01-01', '2024-03-15'];
const SPECIAL_DAYS = [
	...new Set(PERIOD_BOUNDS.flatMap(d => [shift(d, -1), d, shift(d, 1)])),
	'2024-02-28',
	'2024-03-01',
	'2025-02-28',
	'2025-04-30',
	'2025-09-30',
	'2026-04-30',
	'2026-05-31',
	'2026-07-01',
];

const REFERENT_SPELLINGS = ['MARTEL Inès', 'martel ines', ' MARTEL INÈS ', 'Martel  Inès', 'LEBRUN Ana', 'lebrun ana', 'DIALLO Moussa', undefined];
const MOTIVE_SPELLINGS = [
	...SEED_MOTIVES,
	'absence aux rendez-vous',
	' DÉCÈS ',
	'Non intéressé·e par la démarche',
	'non interesse.e par la demarche',
	'NON INTÉRESSÉ·E PAR LA DÉMARCHE',
	'Réside hors zone d’intervention',
	'Un parcours n’est pas nécessaire',
	'un parcours n\'est pas necessaire',
	'reorientation',
	'Réorientation  vers un ASI',
	'Demenagement',
	'En emploi (CDD)',
	'Autre',
	'',
	undefined,
];
const EXIT_REASONS = ['CDI', 'Formation qualifiante (titre ou diplôme obtenu)', 'formation qualifiante', ' FORMATION QUALIFIANTE BTS', 'Formation non qualifiante', 'CDD < 6 mois', 'Santé', 'Qualifiante (formation)', undefined];
const EXIT_TYPES = ['Positive', 'Dynamique', 'Réduction des freins', 'Autre', undefined] as const;
const STEP_STATES = ['Prévue', 'En cours', 'Terminée', 'Interrompue'] as const;
const EVENT_TYPES = ['Entretien individuel', 'Atelier collectif', 'Contact téléphonique', 'Absence injustifiée', 'Absence justifiée', 'Autre'] as const;

function caseload(seed: number, count: number): Participant[] {
	const {below, pick, chance} = generator(seed);
	const someDay = (from = '2020-10-01', to = '2027-03-31') =>
		chance(0.35) ? pick(SPECIAL_DAYS) : isoOf(dayOf(from) + below(dayOf(to) - dayOf(from) + 1));
	const around = (iso: string, before: number, after: number) => (chance(0.25) ? pick(SPECIAL_DAYS) : shift(iso, below(before + after + 1) - before));
	const people: Participant[] = [];
	for (let i = 1; i <= count; i++) {
		const firstAppointment = chance(0.85) ? someDay() : undefined;
		const base = firstAppointment ?? someDay();
		const integrationDate = chance(0.6) ? around(base, 20, 150) : undefined;
		const nonIntegrationDate = (!integrationDate && chance(0.5)) || chance(0.04) ? around(base, 5, 150) : undefined;
		// exits: mostly after integration, some before it, a few without integration
		const exitDate = (integrationDate && chance(0.45)) || chance(0.03) ? around(integrationDate ?? base, 60, 800) : undefined;
		const rsa = chance(0.5);
		const steps: Step[] = [];
		const anchor = integrationDate ?? base;
		for (let s = 0, n = below(6); s < n; s++) {
			const start = around(anchor, 60, 700);
			const end = chance(0.7) ? (chance(0.03) ? shift(start, -3) : shift(start, below(200))) : undefined;
			steps.push({label: `Étape ${s + 1}`, type: pick(['Emploi', 'Formation', 'PMSMP', '']), start, end, state: pick(STEP_STATES)});
		}
		// one event per day and type, as the store keeps them
		const events = new Map<string, {date: string; type: (typeof EVENT_TYPES)[number]}>();
		for (let e = 0, n = below(16); e < n; e++) {
			const event = {date: someDay('2023-06-01', '2027-01-31'), type: pick(EVENT_TYPES)};
			events.set(`${event.date} ${event.type}`, event);
		}
		// CERs: a chain of renewals (the next one starts the day after), starts sometimes unknown
		let previousContracts: {start?: string; end: string}[] | undefined;
		let contractStart: string | undefined;
		let contractEnd: string | undefined;
		if (rsa || chance(0.1)) {
			let start = someDay('2023-01-01', '2026-12-31');
			const chain = Array.from({length: below(4)}, () => {
				const cer = {start: chance(0.25) ? undefined : start, end: chance(0.5) ? addMonths(start, 6) : shift(addMonths(start, 6), -1)};
				start = chance(0.8) ? shift(cer.end, 1) : someDay('2023-01-01', '2026-12-31');
				return cer;
			});
			previousContracts = chain.length > 0 ? chain : undefined;
			contractStart = chance(0.8) ? start : undefined;
			contractEnd = chance(0.85) ? shift(addMonths(start, 6), -1) : undefined;
		}
		people.push({
			id: `AU-${String(i).padStart(4, '0')}`,
			name: i % 97 === 3 ? `=SOMME(A${i})` : `FICTIF Personne ${i}`,
			referent: pick(REFERENT_SPELLINGS),
			rsa,
			integrationCriterion: rsa ? pick(['RSA', ' rsa ', 'Rsa', 'DELD']) : pick(['DELD', 'TH', 'RSA', undefined]),
			firstAppointment,
			integrationDate,
			nonIntegrationDate,
			nonIntegrationReason: nonIntegrationDate ? pick(MOTIVE_SPELLINGS) : undefined,
			exitDate,
			exitType: exitDate ? pick(EXIT_TYPES) : undefined,
			exitReason: exitDate ? pick(EXIT_REASONS) : undefined,
			standbySince: integrationDate && chance(0.1) ? shift(integrationDate, 30) : undefined,
			extension: chance(0.1) ? true : undefined,
			planState: chance(0.1) ? 'Prévisionnel' : undefined,
			contractStart,
			contractEnd,
			previousContracts,
			steps,
			events: [...events.values()],
			// a snoozed alert never hides anyone from a bilan
			snoozes: chance(0.05) ? [{indicator: 'steps.idle60', reason: 'vu en cellule', until: '2027-12-31'}] : undefined,
		});
	}
	return people;
}

// ——— §3 and §8, from the text ———
type Settings = {integrationRateTarget: number; protocolStart: string; longIdleDays: number};
type Row = {id: string; label?: string; count?: number; participants?: string[]; value?: number | null};
type Table = {id: string; rows: Row[]};

const inRange = (d: string | undefined, from: string, to: string) => d !== undefined && from <= d && d <= to;
const onOrBefore = (d: string | undefined, t: string) => d !== undefined && d <= t;
const closedAt = (p: Participant, t: string) => onOrBefore(p.exitDate, t) || onOrBefore(p.nonIntegrationDate, t);
const activeAt = (p: Participant, t: string) => !closedAt(p, t) && onOrBefore(p.integrationDate, t);
const intakeAt = (p: Participant, t: string) => !closedAt(p, t) && !onOrBefore(p.integrationDate, t);
const presentAt = (p: Participant, e: string) =>
	!closedAt(p, e) && (onOrBefore(p.firstAppointment, e) || onOrBefore(p.integrationDate, e) || onOrBefore(p.nonIntegrationDate, e));

/** §4 steps.idle60 at T (threshold from the settings) */
function idleLong(p: Participant, t: string, days: number): boolean {
	if (!activeAt(p, t)) return false;
	const started = p.steps.filter(s => s.start <= t);
	if (started.length === 0) return false;
	const current = (s: Step) => (s.state === 'Prévue' || s.state === 'En cours') && (s.end === undefined || s.end >= t);
	if (started.some(current)) return false;
	const last = started.map(s => s.end ?? s.start).sort().at(-1)!;
	return dayOf(t) - dayOf(last) > days;
}

/** III.2.1: the figure of one exit, walking [integrationDate, exitDate] day by day */
function interStepFigure(p: Participant): Fraction {
	const exit = p.exitDate!;
	let gaps = 0;
	let days = 0;
	let previousUncovered = false;
	for (let d = dayOf(p.integrationDate!); d <= dayOf(exit); d++) {
		const day = isoOf(d);
		const uncovered = !p.steps.some(s => s.start <= day && day <= (s.end ?? exit));
		if (uncovered) {
			days++;
			if (!previousUncovered) gaps++;
		}
		previousUncovered = uncovered;
	}
	return gaps === 0 ? frac(0) : frac(days, gaps);
}

/**
 * The CERs of one person in §2's order: the previous ones (oldest first), then the current one.
 * CER `y` came before CER `x` when it started before it; its start unknown, when it is listed
 * before `x` or ended before `x` started — a CER signed after one whose start was never recorded
 * (an import without « Date de début CER ») is a renewal, not a first CER.
 */
type Cer = {start?: string; end?: string; rank: number};
function contracts(p: Participant): Cer[] {
	const list: Cer[] = (p.previousContracts ?? []).map((c, rank) => ({...c, rank}));
	if (p.contractStart !== undefined || p.contractEnd !== undefined) list.push({start: p.contractStart, end: p.contractEnd, rank: list.length});
	return list;
}
const cameBefore = (y: Cer, x: Cer) =>
	x.start !== undefined && (y.start !== undefined ? y.start < x.start : y.rank < x.rank || (y.end !== undefined && y.end < x.start));

function reference(everyone: Participant[], from: string, to: string, settings: Settings): Table[] {
	const people = everyone;
	const ids = (list: Participant[]) => list.map(p => p.id);
	const counted = (id: string, list: Participant[]): Row => ({id, count: list.length, participants: ids(list)});
	const valued = (id: string, value: number | null): Row => ({id, value});
	const tables: Table[] = [];

	// II.1
	const cohort = people.filter(p => inRange(p.firstAppointment, from, to));
	const integrated = cohort.filter(p => onOrBefore(p.integrationDate, to));
	const notIntegrated = cohort.filter(p => !integrated.includes(p) && onOrBefore(p.nonIntegrationDate, to));
	tables.push({
		id: 'dossiers',
		rows: [
			counted('integres', integrated),
			counted('non-integres', notIntegrated),
			counted('accueil', cohort.filter(p => !integrated.includes(p) && !notIntegrated.includes(p))),
			counted('total', cohort),
			counted('sans-1er-rdv', people.filter(p => p.firstAppointment === undefined && (inRange(p.integrationDate, from, to) || inRange(p.nonIntegrationDate, from, to)))),
		],
	});

	// II.2
	const passed = people.filter(p => integrated.includes(p) || notIntegrated.includes(p));
	tables.push({
		id: 'taux-integration',
		rows: [
			counted('integres', integrated),
			counted('non-integres', notIntegrated),
			counted('total', passed),
			valued('taux', percent(integrated.length, passed.length)),
			valued('sous-objectif', passed.length === 0 ? null : integrated.length * 100 < settings.integrationRateTarget * passed.length ? 1 : 0),
		],
	});

	// II.3
	const motiveIndex = (p: Participant) => SEED_MOTIVES.findIndex(m => fold(m) === fold(p.nonIntegrationReason));
	tables.push({
		id: 'motifs-non-integration',
		rows: [
			...SEED_MOTIVES.map((_, i) => counted(`motif-${i + 1}`, notIntegrated.filter(p => motiveIndex(p) === i))),
			counted('autre', notIntegrated.filter(p => motiveIndex(p) === -1)),
			counted('total', notIntegrated),
		],
	});

	// II.4
	const cumul: Row[] = [];
	for (let year = Number(settings.protocolStart.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
		const end = `${year}-12-31` < to ? `${year}-12-31` : to;
		const all = people.filter(p => inRange(p.integrationDate, settings.protocolStart, end));
		const rsa = all.filter(p => fold(p.integrationCriterion) === 'rsa');
		cumul.push(counted(`annee-${year}`, all), counted(`annee-${year}-rsa`, rsa), valued(`annee-${year}-part-rsa`, percent(rsa.length, all.length)));
	}
	tables.push({id: 'cumul-integrations', rows: cumul});

	// II.5
	const exits = people.filter(p => inRange(p.exitDate, from, to));
	const positive = exits.filter(p => p.exitType === 'Positive');
	const others = exits.filter(p => p.exitType !== 'Positive');
	tables.push({
		id: 'sorties',
		rows: [
			counted('positives', positive),
			counted('autres', others),
			counted('total', exits),
			valued('taux-insertion', percent(positive.length, exits.length)),
			counted('type-positive', positive),
			counted('type-dynamique', exits.filter(p => p.exitType === 'Dynamique')),
			counted('type-reduction-des-freins', exits.filter(p => p.exitType === 'Réduction des freins')),
			counted('type-autre', exits.filter(p => p.exitType === 'Autre')),
			counted('type-non-renseigne', exits.filter(p => p.exitType === undefined)),
		],
	});

	// III.2.1
	const measured = exits.filter(p => onOrBefore(p.integrationDate, p.exitDate!));
	const positivesMean = meanOf(measured.filter(p => p.exitType === 'Positive').map(interStepFigure));
	const othersMean = meanOf(measured.filter(p => p.exitType !== 'Positive').map(interStepFigure));
	tables.push({
		id: 'inter-etapes',
		rows: [
			valued('positives', rounded(positivesMean)),
			valued('autres', rounded(othersMean)),
			valued('global', positivesMean && othersMean ? rounded(divide(add(positivesMean, othersMean), 2)) : null),
		],
	});

	// III.2.2 and III.2.3 at T = D2
	const active = people.filter(p => activeAt(p, to));
	const idle = active.filter(p => idleLong(p, to, settings.longIdleDays));
	tables.push({id: 'inactifs', rows: [counted('sans-etape-60', idle), counted('file-active', active), valued('part', percent(idle.length, active.length))]});
	const seniority = (p: Participant) => fullMonths(p.integrationDate!, to);
	const from18 = active.filter(p => seniority(p) >= 18 && seniority(p) < 24);
	const over24 = active.filter(p => seniority(p) >= 24);
	tables.push({
		id: 'durees',
		rows: [
			counted('18-24', from18),
			counted('plus-24', over24),
			counted('file-active', active),
			valued('part-18-24', percent(from18.length, active.length)),
			valued('part-plus-24', percent(over24.length, active.length)),
		],
	});

	// Effectif de l'exercice
	const training = (p: Participant) => fold(p.exitReason).startsWith('formation qualifiante');
	tables.push({
		id: 'exercice',
		rows: [
			counted('debut', people.filter(p => activeAt(p, shift(from, -1)))),
			counted('entres', people.filter(p => inRange(p.integrationDate, from, to))),
			counted('sorties-positives-emploi', positive.filter(p => !training(p))),
			counted('sorties-positives-formation', positive.filter(training)),
			counted('sorties-autres', others),
			counted('non-integres', people.filter(p => inRange(p.nonIntegrationDate, from, to))),
			counted('accueil-fin', people.filter(p => presentAt(p, to) && intakeAt(p, to))),
			counted('actif-fin', people.filter(p => activeAt(p, to))),
		],
	});

	// 002_… IV.A
	const rsa = people.filter(p => p.rsa);
	const contactTypes = new Set(['Entretien individuel', 'Atelier collectif', 'Contact téléphonique']);
	const treated = rsa.filter(p => p.events.some(e => contactTypes.has(e.type) && inRange(e.date, from, to)));
	const interviews = (p: Participant) => p.events.filter(e => e.type === 'Entretien individuel' && inRange(e.date, from, to)).length;
	const startingHere = (p: Participant, renewal: boolean) => {
		const cers = contracts(p);
		return cers.some(x => inRange(x.start, from, to) && cers.some(y => y !== x && cameBefore(y, x)) === renewal);
	};
	const firstCer = rsa.filter(p => startingHere(p, false));
	const renewed = rsa.filter(p => startingHere(p, true));
	const monthEnds: Row[] = [];
	for (let d = dayOf(from); d <= dayOf(to); d++) {
		const e = isoOf(d);
		if (isoOf(d + 1).endsWith('-01')) monthEnds.push(counted(`suivis-${e.slice(0, 7)}`, rsa.filter(p => presentAt(p, e))));
	}
	tables.push({
		id: 'rsa',
		rows: [
			counted('traites', treated),
			counted('fin-accompagnement', rsa.filter(p => inRange(p.exitDate, from, to))),
			counted('premier-cer', firstCer),
			counted('renouvellement', renewed),
			counted('cer-total', rsa.filter(p => firstCer.includes(p) || renewed.includes(p))),
			...monthEnds,
			counted('frequence-0', treated.filter(p => interviews(p) === 0)),
			counted('frequence-1', treated.filter(p => interviews(p) === 1)),
			counted('frequence-2', treated.filter(p => interviews(p) === 2)),
			counted('frequence-3', treated.filter(p => interviews(p) === 3)),
			counted('frequence-4-plus', treated.filter(p => interviews(p) >= 4)),
		],
	});

	// Annex 5
	const accompanied = people.filter(
		p =>
			(onOrBefore(p.firstAppointment, to) || onOrBefore(p.integrationDate, to) || onOrBefore(p.nonIntegrationDate, to)) &&
			!(p.exitDate !== undefined && p.exitDate < from) &&
			!(p.nonIntegrationDate !== undefined && p.nonIntegrationDate < from),
	);
	tables.push({id: 'liste-nominative', rows: accompanied.map(p => ({id: p.id, label: p.name, count: 1, participants: [p.id]}))});
	return tables;
}

// ——— the comparison ———
type Output = {from: string; to: string; referent: string | null; tables: (Table & {title: string; rows: (Row & {label: string})[]})[]};

/** every difference, in words, so that a failure says what is wrong and where */
function differences(expected: Table[], actual: Output['tables']): string[] {
	const found: string[] = [];
	const actualIds = actual.map(t => t.id);
	if (actualIds.join() !== expected.map(t => t.id).join()) found.push(`tables: ${actualIds.join()} ≠ ${expected.map(t => t.id).join()}`);
	for (const table of expected) {
		const got = actual.find(t => t.id === table.id);
		if (!got) continue;
		const gotIds = got.rows.map(r => r.id);
		const wantIds = table.rows.map(r => r.id);
		if (gotIds.join() !== wantIds.join()) found.push(`${table.id}: rows ${gotIds.join()} ≠ ${wantIds.join()}`);
		for (const row of table.rows) {
			const gotRow = got.rows.find(r => r.id === row.id);
			if (!gotRow) continue;
			if ('value' in row) {
				if (!('value' in gotRow) || gotRow.value !== row.value) found.push(`${table.id}/${row.id}: value ${String(gotRow.value)} ≠ ${String(row.value)}`);
				continue;
			}
			const want = row.participants!;
			const have = gotRow.participants ?? [];
			if (gotRow.count !== row.count) found.push(`${table.id}/${row.id}: count ${gotRow.count} ≠ ${row.count}`);
			const extra = have.filter(id => !want.includes(id));
			const missing = want.filter(id => !have.includes(id));
			if (extra.length > 0 || missing.length > 0) found.push(`${table.id}/${row.id}: extra [${extra.slice(0, 5).join(' ')}] missing [${missing.slice(0, 5).join(' ')}]`);
			else if (have.join() !== want.join()) found.push(`${table.id}/${row.id}: people not in the store's order`);
			if (table.id === 'liste-nominative' && gotRow.label !== row.label) found.push(`${table.id}/${row.id}: label ${gotRow.label}`);
		}
	}
	return found;
}

const PERIODS: {args: string[]; from: string; to: string}[] = [
	{args: ['--semestre', '2026'], from: '2026-01-01', to: '2026-06-30'},
	{args: ['--annee', '2025'], from: '2025-01-01', to: '2025-12-31'},
	{args: ['--annee', '2024'], from: '2024-01-01', to: '2024-12-31'},
	{args: ['--du', '2025-03-31', '--au', '2025-08-31'], from: '2025-03-31', to: '2025-08-31'},
	{args: ['--du', '2025-11-15', '--au', '2026-02-28'], from: '2025-11-15', to: '2026-02-28'},
	{args: ['--du', '2024-02-29', '--au', '2024-02-29'], from: '2024-02-29', to: '2024-02-29'},
	{args: ['--du', '2026-06-30', '--au', '2026-06-30'], from: '2026-06-30', to: '2026-06-30'},
	{args: ['--du', '2021-01-01', '--au', '2021-01-01'], from: '2021-01-01', to: '2021-01-01'},
	{args: ['--du', '2020-12-01', '--au', '2020-12-31'], from: '2020-12-01', to: '2020-12-31'},
];
const REFERENTS: (string | undefined)[] = [undefined, 'martel ines', 'LEBRUN ANA'];

const DEFAULTS: Settings = {integrationRateTarget: 70, protocolStart: '2021-01-01', longIdleDays: 60};
const CUSTOM: Settings = {integrationRateTarget: 55, protocolStart: '2024-03-15', longIdleDays: 45};

function audit(store: TempStore, people: Participant[], settings: Settings, period: (typeof PERIODS)[number], referent: string | undefined, today = '2027-12-31') {
	const args = ['bilan', ...period.args, '--json', '--data', store.file, '--today', today, ...(referent ? ['--referent', referent] : [])];
	const result = runCli(args);
	expect(result.stderr).toBe('');
	expect(result.code).toBe(0);
	const output = JSON.parse(result.stdout) as Output;
	expect([output.from, output.to]).toEqual([period.from, period.to]);
	if (referent) expect(fold(output.referent ?? '')).toBe(fold(referent));
	else expect(output.referent).toBeNull();
	const scope = referent ? people.filter(p => fold(p.referent) === fold(referent)) : people;
	return {output, found: differences(reference(scope, period.from, period.to, settings), output.tables)};
}

describe('bilan --json, audited against §8 read again', () => {
	const stores: {store: TempStore; people: Participant[]; settings: Settings}[] = [];
	beforeAll(async () => {
		for (const [seed, count, settings] of [
			[2026, 700, DEFAULTS],
			[8, 450, CUSTOM],
		] as const) {
			const people = caseload(seed, count);
			const store = await createTempStore('plie-bilan-audit-', people, settings === CUSTOM ? settings : {});
			stores.push({store, people, settings});
		}
	});
	afterAll(async () => {
		for (const {store} of stores) await removeTempDir(store.dir);
	});

	it('the generated caseloads hold the edge cases the audit is about', () => {
		const people = stores[0]!.people;
		const some = (test: (p: Participant) => boolean) => people.filter(test).length;
		expect(some(p => p.exitDate !== undefined && p.integrationDate !== undefined && p.exitDate < p.integrationDate)).toBeGreaterThan(3);
		expect(some(p => p.firstAppointment === undefined && p.integrationDate !== undefined)).toBeGreaterThan(10);
		expect(some(p => (p.previousContracts ?? []).some(c => c.start === undefined) && p.contractStart !== undefined)).toBeGreaterThan(10);
		expect(some(p => p.steps.some(s => p.exitDate !== undefined && (s.end ?? s.start) > p.exitDate))).toBeGreaterThan(10);
		expect(some(p => !p.rsa && fold(p.integrationCriterion) === 'rsa')).toBeGreaterThan(10);
		expect(some(p => PERIOD_BOUNDS.includes(p.exitDate ?? ''))).toBeGreaterThan(10);
		expect(some(p => p.integrationDate !== undefined && p.integrationDate.slice(5) === '12-31')).toBeGreaterThan(3);
		expect(some(p => p.steps.some(s => s.end !== undefined && s.end < s.start))).toBeGreaterThan(0);
	});

	for (const [index, name] of [
		[0, 'default settings'],
		[1, 'settings changed (target 55 %, protocol from 15/03/2024, inactivity 45 days)'],
	] as const) {
		for (const period of PERIODS) {
			for (const referent of REFERENTS) {
				if (index === 1 && referent === 'LEBRUN ANA') continue;
				it(`${name}: ${period.args.join(' ')}${referent ? ` --referent "${referent}"` : ''}`, () => {
					const {store, people, settings} = stores[index]!;
					const {output, found} = audit(store, people, settings, period, referent);
					expect(found).toEqual([]);
					// the caseload is rich enough for the comparison to mean something
					if (period.from !== period.to && period.from >= '2024' && !referent) {
						const count = (table: string, row: string) => output.tables.find(t => t.id === table)!.rows.find(r => r.id === row)!.count!;
						expect(count('dossiers', 'total')).toBeGreaterThan(20);
						expect(count('sorties', 'total')).toBeGreaterThan(5);
						expect(count('rsa', 'premier-cer') + count('rsa', 'renouvellement')).toBeGreaterThan(5);
					}
				});
			}
		}
	}

	it('a bilan describes its period, whatever day it is drawn on', () => {
		const {store, people, settings} = stores[0]!;
		const late = audit(store, people, settings, PERIODS[0]!, undefined, '2027-12-31');
		const early = audit(store, people, settings, PERIODS[0]!, undefined, '2026-03-01');
		expect(early.output).toEqual(late.output);
	});
});
