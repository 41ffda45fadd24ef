// The tables of REFERENTIEL §8, each on a small caseload built by hand around its
// boundaries (bounds included, D1 − 1 day, D2 + 1 day), with the figures worked out here.
import {describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import {
	type Bilan,
	type BilanRow,
	type BilanTableId,
	bilanJson,
	computeBilan,
	semesterPeriod,
	yearPeriod,
} from '../../source/domain/bilan/index.js';
import {interStepGaps} from '../../source/domain/bilan/exits.js';
import {percent, roundTenths, fraction} from '../../source/domain/bilan/rounding.js';
import type {Participant, Step} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS, type Settings} from '../../source/domain/settings.js';
import {idsIn, person} from '../helpers/caseload.js';

const D1 = '2026-01-01';
const D2 = '2026-06-30';
const before = (iso: string, days = 1) => isoFromDay(toDay(iso) - days);
const after = (iso: string, days = 1) => isoFromDay(toDay(iso) + days);

function bilanOf(participants: Participant[], options: {from?: string; to?: string; settings?: Partial<Settings>; referent?: string} = {}): Bilan {
	return computeBilan(participants, {
		from: toDay(options.from ?? D1),
		to: toDay(options.to ?? D2),
		settings: {...DEFAULT_SETTINGS, ...options.settings},
		referent: options.referent,
	});
}

function rowOf(bilan: Bilan, table: BilanTableId, id: string): BilanRow {
	const found = bilan.tables.find(t => t.id === table)?.rows.find(r => r.id === id);
	if (found === undefined) throw new Error(`no row ${table}/${id}`);
	return found;
}

/** The ids a row counts. */
function ids(bilan: Bilan, table: BilanTableId, id: string): string[] {
	const row = rowOf(bilan, table, id);
	if (row.kind !== 'count') throw new Error(`${table}/${id} is a value`);
	return [...row.participants];
}

function value(bilan: Bilan, table: BilanTableId, id: string): number | null {
	const row = rowOf(bilan, table, id);
	if (row.kind !== 'value') throw new Error(`${table}/${id} is a count`);
	return row.value;
}

const ids$ = (...people: Participant[]) => people.map(p => p.id);
/** An indicator's queue (most urgent first) as a set of ids, in store order like a bilan row. */
const counted = (participants: Participant[], indicator: string, today: string) => {
	const queue = new Set(idsIn(participants, indicator, today));
	return participants.filter(p => queue.has(p.id)).map(p => p.id);
};

describe('rounding (§8)', () => {
	it('rounds half up to one decimal from the unrounded parts: 2/3 → 66.7, 5/16 → 31.3', () => {
		expect(percent(2, 3)).toBe(66.7);
		expect(percent(5, 16)).toBe(31.3);
		expect(percent(1, 16)).toBe(6.3); // 6.25
		expect(percent(1, 3)).toBe(33.3);
		expect(percent(0, 4)).toBe(0);
		expect(percent(4, 4)).toBe(100);
	});
	it('gives no ratio over nobody', () => {
		expect(percent(0, 0)).toBeNull();
	});
	it('rounds exact halves up even where binary fractions would not (1.005 × 10 is 10.049999… in floating point)', () => {
		expect(roundTenths(fraction(201, 200))).toBe(1); // 1.005 → 1.0 (one decimal)
		expect(roundTenths(fraction(21, 20))).toBe(1.1); // 1.05
		expect(roundTenths(fraction(401, 8))).toBe(50.1); // 50.125
		expect(roundTenths(fraction(4005, 10))).toBe(400.5);
		expect(roundTenths(fraction(8015, 100))).toBe(80.2); // 80.15: Math.round(80.15 * 10) / 10 gives 80.1
	});
});

describe('dossiers (II.1): the cohort of first appointments in [D1, D2]', () => {
	const onD1 = person({firstAppointment: D1, integrationDate: '2026-02-01'});
	const onD2 = person({firstAppointment: D2, integrationDate: D2});
	const dayBefore = person({firstAppointment: before(D1), integrationDate: '2026-02-01'});
	const dayAfter = person({firstAppointment: after(D2)});
	const integratedLate = person({firstAppointment: '2026-03-01', integrationDate: after(D2)});
	const notIntegrated = person({firstAppointment: '2026-03-01', nonIntegrationDate: D2, nonIntegrationReason: 'Parcours prématuré'});
	const notIntegratedLate = person({firstAppointment: '2026-03-01', nonIntegrationDate: after(D2)});
	const both = person({firstAppointment: '2026-03-01', integrationDate: '2026-04-01', nonIntegrationDate: '2026-03-15'});
	const waiting = person({firstAppointment: '2026-05-01'});
	const noFirstIntegrated = person({integrationDate: D1});
	const noFirstNotIntegrated = person({nonIntegrationDate: D2});
	const noFirstBefore = person({integrationDate: before(D1)});
	const noFirstNothing = person({});
	const all = [onD1, onD2, dayBefore, dayAfter, integratedLate, notIntegrated, notIntegratedLate, both, waiting, noFirstIntegrated, noFirstNotIntegrated, noFirstBefore, noFirstNothing];
	const bilan = bilanOf(all);

	it('counts as integrated those of the cohort integrated by D2, bounds included', () => {
		expect(ids(bilan, 'dossiers', 'integres')).toEqual(ids$(onD1, onD2, both));
	});
	it('counts as not integrated the others of the cohort with a non-integration by D2', () => {
		expect(ids(bilan, 'dossiers', 'non-integres')).toEqual(ids$(notIntegrated));
	});
	it('leaves the rest of the cohort in intake, integrations and non-integrations after D2 included', () => {
		expect(ids(bilan, 'dossiers', 'accueil')).toEqual(ids$(integratedLate, notIntegratedLate, waiting));
	});
	it('totals the cohort, leaving out first appointments on D1 − 1 and D2 + 1', () => {
		expect(ids(bilan, 'dossiers', 'total')).toEqual(ids$(onD1, onD2, integratedLate, notIntegrated, notIntegratedLate, both, waiting));
	});
	it('lists those integrated or not integrated in the period without a first appointment, out of the total', () => {
		expect(ids(bilan, 'dossiers', 'sans-1er-rdv')).toEqual(ids$(noFirstIntegrated, noFirstNotIntegrated));
	});
});

describe('taux-integration (II.2)', () => {
	const cohort = (integrated: number, notIntegrated: number) => [
		...Array.from({length: integrated}, () => person({firstAppointment: '2026-02-01', integrationDate: '2026-03-01'})),
		...Array.from({length: notIntegrated}, () => person({firstAppointment: '2026-02-01', nonIntegrationDate: '2026-03-01'})),
		person({firstAppointment: '2026-02-01'}), // in intake: not passed before the commission
	];

	it('2 integrations out of 3: 66.7 %, below the 70 % target', () => {
		const bilan = bilanOf(cohort(2, 1));
		expect(ids(bilan, 'taux-integration', 'total')).toHaveLength(3);
		expect(value(bilan, 'taux-integration', 'taux')).toBe(66.7);
		expect(value(bilan, 'taux-integration', 'sous-objectif')).toBe(1);
	});
	it('5 out of 16: 31.3 %', () => {
		expect(value(bilanOf(cohort(5, 11)), 'taux-integration', 'taux')).toBe(31.3);
	});
	it('7 out of 10 meets a 70 % target exactly', () => {
		expect(value(bilanOf(cohort(7, 3)), 'taux-integration', 'sous-objectif')).toBe(0);
	});
	it('compares the unrounded rate with the target: 2/3 is below 66.7 % although shown as 66.7', () => {
		const bilan = bilanOf(cohort(2, 1), {settings: {integrationRateTarget: 66.7}});
		expect(value(bilan, 'taux-integration', 'taux')).toBe(66.7);
		expect(value(bilan, 'taux-integration', 'sous-objectif')).toBe(1);
	});
	it('has no rate, and no verdict, when nobody went before the commission', () => {
		const bilan = bilanOf([person({firstAppointment: '2026-02-01'})]);
		expect(value(bilan, 'taux-integration', 'taux')).toBeNull();
		expect(value(bilan, 'taux-integration', 'sous-objectif')).toBeNull();
		expect(bilanJson(bilan).tables[1]!.rows[3]).toEqual({id: 'taux', label: 'Taux d’intégration', value: null});
	});
});

describe('motifs-non-integration (II.3)', () => {
	const notIntegrated = (reason?: string, first = '2026-02-01') =>
		person({firstAppointment: first, nonIntegrationDate: '2026-03-01', nonIntegrationReason: reason});
	const absent = notIntegrated('  ABSENCE AUX RENDEZ-VOUS ');
	const notInterested = notIntegrated('non interesse.e par la demarche');
	const notInterestedDot = notIntegrated('Non intéressé·e par la démarche');
	const outside = notIntegrated('Réside hors zone d’intervention');
	const unnecessary = notIntegrated("Un parcours n'est pas nécessaire");
	const other = notIntegrated('A trouvé un logement');
	const none = notIntegrated(undefined);
	const outOfCohort = notIntegrated('Décès', before(D1));
	const bilan = bilanOf([absent, notInterested, notInterestedDot, outside, unnecessary, other, none, outOfCohort]);

	it('has the 17 motives of 000_… II.3 in order, then autre and total', () => {
		const rows = bilan.tables.find(t => t.id === 'motifs-non-integration')!.rows;
		expect(rows.map(r => r.id)).toEqual([...Array.from({length: 17}, (_, i) => `motif-${i + 1}`), 'autre', 'total']);
		expect(rows[0]!.label).toBe('Absence aux rendez-vous');
		expect(rows[16]!.label).toBe("Un parcours n'est pas nécessaire");
	});
	it('matches a motive whatever its case, accents, spaces, apostrophe or middle dot', () => {
		expect(ids(bilan, 'motifs-non-integration', 'motif-1')).toEqual(ids$(absent));
		expect(ids(bilan, 'motifs-non-integration', 'motif-9')).toEqual(ids$(notInterested, notInterestedDot));
		expect(ids(bilan, 'motifs-non-integration', 'motif-14')).toEqual(ids$(outside));
		expect(ids(bilan, 'motifs-non-integration', 'motif-17')).toEqual(ids$(unnecessary));
	});
	it('puts any other or missing motive under autre, and counts only the cohort of II.1', () => {
		expect(ids(bilan, 'motifs-non-integration', 'autre')).toEqual(ids$(other, none));
		expect(ids(bilan, 'motifs-non-integration', 'motif-3')).toEqual([]);
		expect(ids(bilan, 'motifs-non-integration', 'total')).toEqual(ids(bilan, 'dossiers', 'non-integres'));
		expect(ids(bilan, 'motifs-non-integration', 'total')).toHaveLength(7);
	});
});

describe('cumul-integrations (II.4)', () => {
	const at = (integrationDate: string, integrationCriterion?: string) => person({integrationDate, integrationCriterion});
	const beforeProtocol = at('2020-12-31', 'RSA');
	const first = at('2021-01-01', 'RSA');
	const y2022 = at('2022-12-31', ' rsa ');
	const y2023 = at('2023-06-30', 'DELD');
	const afterD2 = at('2023-07-01', 'RSA');
	const bilan = bilanOf([beforeProtocol, first, y2022, y2023, afterD2], {from: '2023-01-01', to: '2023-06-30'});

	it('has a row per year from the protocol start to D2, the last one at D2', () => {
		const rows = bilan.tables.find(t => t.id === 'cumul-integrations')!.rows;
		expect(rows.map(r => r.id)).toEqual([
			'annee-2021', 'annee-2021-rsa', 'annee-2021-part-rsa',
			'annee-2022', 'annee-2022-rsa', 'annee-2022-part-rsa',
			'annee-2023', 'annee-2023-rsa', 'annee-2023-part-rsa',
		]);
		expect(rows[0]!.label).toContain('Au 31 décembre 2021');
		expect(rows[6]!.label).toContain('Au 30/06/2023');
	});
	it('cumulates integrations from the protocol start to the end of each year (or D2)', () => {
		expect(ids(bilan, 'cumul-integrations', 'annee-2021')).toEqual(ids$(first));
		expect(ids(bilan, 'cumul-integrations', 'annee-2022')).toEqual(ids$(first, y2022));
		expect(ids(bilan, 'cumul-integrations', 'annee-2023')).toEqual(ids$(first, y2022, y2023));
	});
	it('counts those whose integration criterion is RSA, and their share', () => {
		expect(ids(bilan, 'cumul-integrations', 'annee-2023-rsa')).toEqual(ids$(first, y2022));
		expect(value(bilan, 'cumul-integrations', 'annee-2023-part-rsa')).toBe(66.7);
		expect(value(bilan, 'cumul-integrations', 'annee-2021-part-rsa')).toBe(100);
	});
	it('starts from the protocolStart setting', () => {
		const later = bilanOf([first, y2022, y2023], {from: '2023-01-01', to: '2023-06-30', settings: {protocolStart: '2022-07-01'}});
		const rows = later.tables.find(t => t.id === 'cumul-integrations')!.rows;
		expect(rows[0]!.id).toBe('annee-2022');
		expect(ids(later, 'cumul-integrations', 'annee-2022')).toEqual(ids$(y2022));
		expect(value(bilanOf([], {from: '2021-01-01', to: '2021-03-31'}), 'cumul-integrations', 'annee-2021-part-rsa')).toBeNull();
	});
});

describe('sorties (II.5)', () => {
	const exit = (exitDate: string, exitType?: Participant['exitType']) => person({integrationDate: '2025-01-01', exitDate, exitType});
	const positiveOnD1 = exit(D1, 'Positive');
	const dynamicOnD2 = exit(D2, 'Dynamique');
	const brakes = exit('2026-03-01', 'Réduction des freins');
	const other = exit('2026-03-01', 'Autre');
	const untyped = exit('2026-03-01');
	const dayBefore = exit(before(D1), 'Positive');
	const dayAfter = exit(after(D2), 'Positive');
	const bilan = bilanOf([positiveOnD1, dynamicOnD2, brakes, other, untyped, dayBefore, dayAfter]);

	it('splits the exits of [D1, D2] into positive and other ones, bounds included', () => {
		expect(ids(bilan, 'sorties', 'positives')).toEqual(ids$(positiveOnD1));
		expect(ids(bilan, 'sorties', 'autres')).toEqual(ids$(dynamicOnD2, brakes, other, untyped));
		expect(ids(bilan, 'sorties', 'total')).toHaveLength(5);
		expect(value(bilan, 'sorties', 'taux-insertion')).toBe(20);
	});
	it('details them by type', () => {
		expect(ids(bilan, 'sorties', 'type-positive')).toEqual(ids$(positiveOnD1));
		expect(ids(bilan, 'sorties', 'type-dynamique')).toEqual(ids$(dynamicOnD2));
		expect(ids(bilan, 'sorties', 'type-reduction-des-freins')).toEqual(ids$(brakes));
		expect(ids(bilan, 'sorties', 'type-autre')).toEqual(ids$(other));
		expect(ids(bilan, 'sorties', 'type-non-renseigne')).toEqual(ids$(untyped));
	});
	it('has no insertion rate without exits', () => {
		expect(value(bilanOf([dayBefore]), 'sorties', 'taux-insertion')).toBeNull();
	});
});

describe('inter-etapes (III.2.1)', () => {
	const step = (start: string, end?: string, state: Step['state'] = 'Terminée'): Step => ({label: 'Étape', type: '', start, end, state});
	const figure = (steps: Step[], integration = '2026-01-01', exit = '2026-01-31') => {
		const {days, gaps} = interStepGaps(steps, toDay(integration), toDay(exit));
		return gaps === 0 ? 0 : days / gaps;
	};

	it('counts the gap before the first step and the one after the last: 9 and 11 days → 10', () => {
		expect(figure([step('2026-01-10', '2026-01-20')])).toBe(10);
	});
	it('merges overlapping steps: [5, 15] and [10, 25] leave 4 and 6 days → 5', () => {
		expect(figure([step('2026-01-10', '2026-01-25'), step('2026-01-05', '2026-01-15')])).toBe(5);
	});
	it('counts a gap between two steps, and a step touching the next leaves none', () => {
		// [1, 5] [6, 10] [21, 31]: one gap of 10 days (11–20)
		expect(figure([step('2026-01-01', '2026-01-05'), step('2026-01-06', '2026-01-10'), step('2026-01-21', '2026-01-31')])).toBe(10);
	});
	it('is the whole parcours without steps, and 0 when steps cover it', () => {
		expect(figure([])).toBe(31);
		expect(figure([step('2025-12-01', '2026-02-28')])).toBe(0);
	});
	it('lets a step without end, of any state, cover up to the exit; ignores steps after the exit', () => {
		expect(figure([step('2026-01-11', undefined, 'En cours')])).toBe(10);
		expect(figure([step('2026-01-11', undefined, 'Prévue'), step('2026-02-05', '2026-02-10', 'Prévue')])).toBe(10);
	});

	const exited = (exitType: Participant['exitType'] | undefined, steps: Step[], integrationDate = '2026-01-01', exitDate = '2026-01-31') =>
		person({integrationDate, exitDate, exitType, steps});
	it('averages the figures of positive exits and of the others; the global mean is (A + B) / 2', () => {
		const bilan = bilanOf([
			exited('Positive', [step('2026-01-10', '2026-01-20')]), // 10
			exited('Positive', []), // 31
			exited('Dynamique', [step('2026-01-01', '2026-01-31')]), // 0
			exited(undefined, [step('2026-01-02', '2026-01-31')]), // 1
			exited('Positive', [], '2026-02-01', '2026-01-31'), // integrated after the exit: left out
			person({exitDate: '2026-01-31', exitType: 'Positive'}), // never integrated: left out
		]);
		expect(value(bilan, 'inter-etapes', 'positives')).toBe(20.5);
		expect(value(bilan, 'inter-etapes', 'autres')).toBe(0.5);
		expect(value(bilan, 'inter-etapes', 'global')).toBe(10.5);
		expect(rowOf(bilan, 'inter-etapes', 'positives').participants).toHaveLength(2);
	});
	it('rounds the global mean from the unrounded means: (10/3 + 1.25) / 2 = 2.2916… → 2.3', () => {
		const bilan = bilanOf([
			// [1, 31] with steps on 2, 4 and 6–31: gaps 1, 3, 5 → 3 days in 3 gaps = 1; and a 31-day one
			exited('Positive', [step('2026-01-02', '2026-01-02'), step('2026-01-04', '2026-01-04'), step('2026-01-06', '2026-01-31')]), // 1
			exited('Positive', [step('2026-01-01', '2026-01-22')]), // 9
			exited('Positive', []), // 31 → A = 41/3 = 13.666…
			exited('Autre', [step('2026-01-02', '2026-01-30')]), // 1
			exited('Autre', [step('2026-01-01', '2026-01-01'), step('2026-01-04', '2026-01-31')]), // 2
		]);
		expect(value(bilan, 'inter-etapes', 'positives')).toBe(13.7);
		expect(value(bilan, 'inter-etapes', 'autres')).toBe(1.5);
		// (41/3 + 3/2) / 2 = 91/12 = 7.583… (from the rounded parts: (13.7 + 1.5) / 2 = 7.6 as well)
		expect(value(bilan, 'inter-etapes', 'global')).toBe(7.6);
	});
	it('gives no global mean unless both groups are there', () => {
		const onlyPositive = bilanOf([exited('Positive', [])]);
		expect(value(onlyPositive, 'inter-etapes', 'positives')).toBe(31);
		expect(value(onlyPositive, 'inter-etapes', 'autres')).toBeNull();
		expect(value(onlyPositive, 'inter-etapes', 'global')).toBeNull();
		expect(value(bilanOf([]), 'inter-etapes', 'positives')).toBeNull();
	});
});

describe('inactifs and durees (III.2.2, III.2.3): the dashboard indicators on D2', () => {
	const step = (start: string, end: string): Step => ({label: 'Étape', type: '', start, end, state: 'Terminée'});
	const idle = person({integrationDate: '2025-01-01', steps: [step('2025-02-01', '2026-04-30')]}); // 61 days on 30/06
	const justIdle = person({integrationDate: '2025-01-01', steps: [step('2025-02-01', '2026-05-01')]}); // 60 days: not yet
	const eighteen = person({integrationDate: '2024-12-30'}); // 18 months on 30/06/2026
	const seventeen = person({integrationDate: '2025-01-01'});
	const twentyFour = person({integrationDate: '2024-06-30'});
	const exitedBeforeD2 = person({integrationDate: '2023-01-01', exitDate: '2026-06-29'});
	const exitOnD2 = person({integrationDate: '2023-01-01', exitDate: D2});
	const exitAfterD2 = person({integrationDate: '2023-01-01', exitDate: after(D2)});
	const all = [idle, justIdle, eighteen, seventeen, twentyFour, exitedBeforeD2, exitOnD2, exitAfterD2];
	const bilan = bilanOf(all);

	it('are the indicators steps.idle60, duration.18to24, duration.gte24 and caseload.active on D2', () => {
		expect(ids(bilan, 'inactifs', 'sans-etape-60')).toEqual(counted(all, 'steps.idle60', D2));
		expect(ids(bilan, 'inactifs', 'file-active')).toEqual(counted(all, 'caseload.active', D2));
		expect(ids(bilan, 'durees', '18-24')).toEqual(counted(all, 'duration.18to24', D2));
		expect(ids(bilan, 'durees', 'plus-24')).toEqual(counted(all, 'duration.gte24', D2));
		expect(ids(bilan, 'durees', 'file-active')).toEqual(counted(all, 'caseload.active', D2));
	});
	it('count what the report counts on D2 (61 idle days, 18 and 24 months, an exit after D2 still active)', () => {
		expect(ids(bilan, 'inactifs', 'sans-etape-60')).toEqual(ids$(idle));
		expect(ids(bilan, 'durees', '18-24')).toContain(eighteen.id);
		expect(ids(bilan, 'durees', '18-24')).not.toContain(seventeen.id);
		expect(ids(bilan, 'durees', 'plus-24')).toEqual(ids$(twentyFour, exitAfterD2));
		expect(ids(bilan, 'inactifs', 'file-active')).toEqual(ids$(idle, justIdle, eighteen, seventeen, twentyFour, exitAfterD2));
	});
	it('give the shares of the active files, none when nobody is active', () => {
		expect(value(bilan, 'inactifs', 'part')).toBe(16.7); // 1/6
		expect(value(bilan, 'durees', 'part-plus-24')).toBe(33.3); // 2/6
		const none = bilanOf([exitedBeforeD2]);
		expect(value(none, 'inactifs', 'part')).toBeNull();
		expect(value(none, 'durees', 'part-18-24')).toBeNull();
	});
	it('follow the settings the indicators read', () => {
		const strict = bilanOf(all, {settings: {longIdleDays: 59}});
		expect(ids(strict, 'inactifs', 'sans-etape-60')).toEqual(ids$(idle, justIdle));
	});
});

describe('exercice (Visual Course « Effectif de l’exercice »)', () => {
	const activeBefore = person({integrationDate: before(D1, 30)});
	const integratedDayBefore = person({integrationDate: before(D1)});
	const integratedOnD1 = person({integrationDate: D1});
	const exitedDayBefore = person({integrationDate: '2025-01-01', exitDate: before(D1), exitType: 'Positive', exitReason: 'CDI'});
	const job = person({integrationDate: '2025-01-01', exitDate: D1, exitType: 'Positive', exitReason: 'CDI'});
	const training = person({integrationDate: '2025-01-01', exitDate: D2, exitType: 'Positive', exitReason: 'Formation qualifiante (titre ou diplôme obtenu)'});
	const trainingOddSpelling = person({integrationDate: '2025-01-01', exitDate: '2026-03-01', exitType: 'Positive', exitReason: '  FORMATION QUALIFIANTE – CAP cuisine'});
	const positiveNoReason = person({integrationDate: '2025-01-01', exitDate: '2026-03-01', exitType: 'Positive'});
	const nonQualifying = person({integrationDate: '2025-01-01', exitDate: '2026-03-01', exitType: 'Dynamique', exitReason: 'Formation non qualifiante'});
	const notIntegrated = person({firstAppointment: '2026-02-01', nonIntegrationDate: D2});
	const notIntegratedAfter = person({firstAppointment: '2026-02-01', nonIntegrationDate: after(D2)});
	const intake = person({firstAppointment: D2});
	const notYetSeen = person({firstAppointment: after(D2)});
	const integratedAfter = person({firstAppointment: '2026-05-01', integrationDate: after(D2)});
	const standby = person({integrationDate: '2026-02-01', standbySince: '2026-03-01'});
	const all = [activeBefore, integratedDayBefore, integratedOnD1, exitedDayBefore, job, training, trainingOddSpelling, positiveNoReason, nonQualifying, notIntegrated, notIntegratedAfter, intake, notYetSeen, integratedAfter, standby];
	const bilan = bilanOf(all);

	it('starts from the files active on D1 − 1', () => {
		expect(ids(bilan, 'exercice', 'debut')).toEqual(ids$(activeBefore, integratedDayBefore, job, training, trainingOddSpelling, positiveNoReason, nonQualifying));
		expect(ids(bilan, 'exercice', 'debut')).toEqual(counted(all, 'caseload.active', before(D1)));
	});
	it('counts the entries of [D1, D2]', () => {
		expect(ids(bilan, 'exercice', 'entres')).toEqual(ids$(integratedOnD1, standby));
	});
	it('splits positive exits by a motive beginning with « Formation qualifiante »', () => {
		expect(ids(bilan, 'exercice', 'sorties-positives-emploi')).toEqual(ids$(job, positiveNoReason));
		expect(ids(bilan, 'exercice', 'sorties-positives-formation')).toEqual(ids$(training, trainingOddSpelling));
		expect(ids(bilan, 'exercice', 'sorties-autres')).toEqual(ids$(nonQualifying));
	});
	it('counts the non-integrations of the period, and where files stand on D2', () => {
		expect(ids(bilan, 'exercice', 'non-integres')).toEqual(ids$(notIntegrated));
		expect(ids(bilan, 'exercice', 'accueil-fin')).toEqual(ids$(notIntegratedAfter, intake, integratedAfter));
		expect(ids(bilan, 'exercice', 'actif-fin')).toEqual(ids$(activeBefore, integratedDayBefore, integratedOnD1, standby));
		expect(ids(bilan, 'exercice', 'actif-fin')).toEqual(counted(all, 'caseload.active', D2));
	});
});

describe('rsa (002_… IV.A): RSA participants only', () => {
	const event = (date: string, type: Participant['events'][number]['type']) => ({date, type});
	const interviews = (n: number) => Array.from({length: n}, (_, i) => event(isoFromDay(toDay('2026-02-01') + i), 'Entretien individuel'));
	const rsa = (overrides: Partial<Participant>) => person({rsa: true, firstAppointment: '2025-06-01', ...overrides});

	it('counts as treated an interview, a workshop or a phone call in [D1, D2], bounds included', () => {
		const phoneOnD1 = rsa({events: [event(D1, 'Contact téléphonique')]});
		const workshopOnD2 = rsa({events: [event(D2, 'Atelier collectif')]});
		const absenceOnly = rsa({events: [event('2026-03-01', 'Absence injustifiée'), event('2026-03-02', 'Autre')]});
		const dayBefore = rsa({events: [event(before(D1), 'Entretien individuel')]});
		const dayAfter = rsa({events: [event(after(D2), 'Entretien individuel')]});
		const notRsa = person({events: [event('2026-03-01', 'Entretien individuel')]});
		const bilan = bilanOf([phoneOnD1, workshopOnD2, absenceOnly, dayBefore, dayAfter, notRsa]);
		expect(ids(bilan, 'rsa', 'traites')).toEqual(ids$(phoneOnD1, workshopOnD2));
		expect(ids(bilan, 'rsa', 'frequence-0')).toEqual(ids$(phoneOnD1, workshopOnD2));
	});
	it('buckets the treated by their number of individual interviews: 0, 1, 2, 3, 4 and more', () => {
		const people = [0, 1, 2, 3, 4, 7].map(n => rsa({events: [...interviews(n), event('2026-05-01', 'Contact téléphonique')]}));
		const untreated = rsa({events: interviews(3).map(e => ({...e, date: before(D1, 10)}))});
		const bilan = bilanOf([...people, untreated]);
		expect(ids(bilan, 'rsa', 'frequence-0')).toEqual(ids$(people[0]!));
		expect(ids(bilan, 'rsa', 'frequence-1')).toEqual(ids$(people[1]!));
		expect(ids(bilan, 'rsa', 'frequence-2')).toEqual(ids$(people[2]!));
		expect(ids(bilan, 'rsa', 'frequence-3')).toEqual(ids$(people[3]!));
		expect(ids(bilan, 'rsa', 'frequence-4-plus')).toEqual(ids$(people[4]!, people[5]!));
	});
	it('counts the accompaniments ended in the period', () => {
		const ended = rsa({integrationDate: '2025-07-01', exitDate: D2});
		const endedBefore = rsa({integrationDate: '2025-07-01', exitDate: before(D1)});
		expect(ids(bilanOf([ended, endedBefore]), 'rsa', 'fin-accompagnement')).toEqual(ids$(ended));
	});
	it('tells a first CER from a renewal, current or previous', () => {
		const firstNow = rsa({contractStart: D1, contractEnd: '2026-06-30'});
		const renewedNow = rsa({previousContracts: [{start: '2025-06-01', end: '2025-12-31'}], contractStart: '2026-01-01', contractEnd: '2026-06-30'});
		const bothInPeriod = rsa({previousContracts: [{start: '2026-01-15', end: '2026-03-14'}], contractStart: '2026-03-15', contractEnd: '2026-09-14'});
		const firstBefore = rsa({contractStart: before(D1), contractEnd: '2026-06-30'});
		const renewedAfter = rsa({previousContracts: [{start: '2026-01-02', end: D2}], contractStart: after(D2), contractEnd: '2026-12-31'});
		const endOnly = rsa({contractEnd: '2026-03-31'});
		const notRsa = person({contractStart: '2026-02-01', contractEnd: '2026-07-31'});
		const bilan = bilanOf([firstNow, renewedNow, bothInPeriod, firstBefore, renewedAfter, endOnly, notRsa]);
		expect(ids(bilan, 'rsa', 'premier-cer')).toEqual(ids$(firstNow, bothInPeriod, renewedAfter));
		expect(ids(bilan, 'rsa', 'renouvellement')).toEqual(ids$(renewedNow, bothInPeriod));
		expect(ids(bilan, 'rsa', 'cer-total')).toEqual(ids$(firstNow, renewedNow, bothInPeriod, renewedAfter));
	});
	it('counts as a renewal a CER that follows one whose start was never recorded', () => {
		// an import without « Date de début CER », then the renewal: the day after the old end
		const renewedAfterUnknownStart = rsa({previousContracts: [{end: '2026-01-31'}], contractStart: '2026-02-01', contractEnd: '2026-07-31'});
		// a previous CER is older than the current one, its end whatever it says
		const listedBefore = rsa({previousContracts: [{end: '2026-04-30'}], contractStart: '2026-03-01', contractEnd: '2026-08-31'});
		// previous CERs listed out of order: one ended before the other started
		const endedBefore = rsa({previousContracts: [{start: '2026-03-01', end: '2026-08-31'}, {end: '2026-02-28'}]});
		// the first CER without start: the first one does not start in the period
		const firstUnknown = rsa({previousContracts: [{end: '2025-12-31'}], contractEnd: '2026-06-30'});
		const bilan = bilanOf([renewedAfterUnknownStart, listedBefore, endedBefore, firstUnknown]);
		expect(ids(bilan, 'rsa', 'premier-cer')).toEqual([]);
		expect(ids(bilan, 'rsa', 'renouvellement')).toEqual(ids$(renewedAfterUnknownStart, listedBefore, endedBefore));
		expect(ids(bilan, 'rsa', 'cer-total')).toEqual(ids$(renewedAfterUnknownStart, listedBefore, endedBefore));
	});
	it('counts the people present at each month end of the period, that day included', () => {
		const since = rsa({firstAppointment: '2026-01-31'});
		const leaves = rsa({integrationDate: '2025-01-01', exitDate: '2026-02-28'}); // closed on 28/02
		const notIntegratedInMarch = rsa({firstAppointment: '2026-02-01', nonIntegrationDate: '2026-03-31'});
		const bilan = bilanOf([since, leaves, notIntegratedInMarch], {from: '2026-01-15', to: '2026-03-31'});
		const months = bilan.tables.find(t => t.id === 'rsa')!.rows.filter(r => r.id.startsWith('suivis-'));
		expect(months.map(r => r.id)).toEqual(['suivis-2026-01', 'suivis-2026-02', 'suivis-2026-03']);
		expect(ids(bilan, 'rsa', 'suivis-2026-01')).toEqual(ids$(since, leaves));
		expect(ids(bilan, 'rsa', 'suivis-2026-02')).toEqual(ids$(since, notIntegratedInMarch));
		expect(ids(bilan, 'rsa', 'suivis-2026-03')).toEqual(ids$(since));
		// a month whose last day is after D2 is not there; neither is one whose last day is before D1
		const shorter = bilanOf([since], {from: '2026-02-01', to: '2026-03-30'});
		expect(shorter.tables.find(t => t.id === 'rsa')!.rows.filter(r => r.id.startsWith('suivis-')).map(r => r.id)).toEqual(['suivis-2026-02']);
	});
	it('counts month ends across a year and a leap February', () => {
		const bilan = bilanOf([], {from: '2027-12-31', to: '2028-02-29'});
		const months = bilan.tables.find(t => t.id === 'rsa')!.rows.filter(r => r.id.startsWith('suivis-'));
		expect(months.map(r => r.id)).toEqual(['suivis-2027-12', 'suivis-2028-01', 'suivis-2028-02']);
		expect(months[2]!.label).toContain('29/02/2028');
	});
});

describe('liste-nominative (Annex 5)', () => {
	const exitedDayBefore = person({firstAppointment: '2025-01-01', integrationDate: '2025-02-01', exitDate: before(D1)});
	const exitedOnD1 = person({firstAppointment: '2025-01-01', integrationDate: '2025-02-01', exitDate: D1});
	const notIntegratedDayBefore = person({firstAppointment: '2025-10-01', nonIntegrationDate: before(D1)});
	const notIntegratedOnD1 = person({firstAppointment: '2025-10-01', nonIntegrationDate: D1});
	const firstOnD2 = person({firstAppointment: D2});
	const firstAfter = person({firstAppointment: after(D2)});
	const onlyIntegration = person({integrationDate: '2024-05-01'});
	const nothing = person({});
	const bilan = bilanOf([exitedDayBefore, exitedOnD1, notIntegratedDayBefore, notIntegratedOnD1, firstOnD2, firstAfter, onlyIntegration, nothing]);

	it('lists those seen by D2 and not closed before D1, one row each', () => {
		const table = bilan.tables.find(t => t.id === 'liste-nominative')!;
		expect(table.rows.map(r => r.id)).toEqual(ids$(exitedOnD1, notIntegratedOnD1, firstOnD2, onlyIntegration));
	});
	it('writes each row as §8 says: the id, the name as label, a count of 1', () => {
		const json = bilanJson(bilan).tables.find(t => t.id === 'liste-nominative')!;
		expect(json.rows[0]).toEqual({id: exitedOnD1.id, label: exitedOnD1.name, count: 1, participants: [exitedOnD1.id]});
		expect(bilan.participant(exitedOnD1.id)).toBe(exitedOnD1);
	});
});

describe('the whole bilan', () => {
	it('has the eleven tables of §8 in order, for one référent·e when asked (case and accents aside)', () => {
		const mine = person({referent: 'MARTEL Inès', firstAppointment: '2026-02-01'});
		const theirs = person({referent: 'LEBRUN Ana', firstAppointment: '2026-02-01'});
		const all = bilanOf([mine, theirs]);
		expect(all.tables.map(t => t.id)).toEqual([
			'dossiers', 'taux-integration', 'motifs-non-integration', 'cumul-integrations', 'sorties', 'inter-etapes',
			'inactifs', 'durees', 'exercice', 'rsa', 'liste-nominative',
		]);
		expect(ids(all, 'dossiers', 'total')).toEqual(ids$(mine, theirs));
		const one = bilanOf([mine, theirs], {referent: '  martel ines '});
		expect(ids(one, 'dossiers', 'total')).toEqual(ids$(mine));
		expect(one.participant(theirs.id)).toBeUndefined();
		expect(bilanJson(one)).toMatchObject({from: D1, to: D2, referent: '  martel ines '});
	});
	it('knows the semesters and years of the command line', () => {
		expect(semesterPeriod(2026)).toEqual({from: toDay('2026-01-01'), to: toDay('2026-06-30')});
		expect(yearPeriod(2024)).toEqual({from: toDay('2024-01-01'), to: toDay('2024-12-31')});
	});
});
