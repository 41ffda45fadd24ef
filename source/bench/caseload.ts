// Synthetic caseloads for the benchmark: a PLIE's whole history (a third of the
// files exited over four years, a few in intake or not integrated, the rest in
// parcours), about 6 steps and 18 events per person, with the lapses real files
// have (steps left 'Prévue', CER past due, no interview for weeks). The people are
// invented: names built from syllables. Same size and seed → same caseload.
import {addMonths, type Day, isoFromDay} from '../domain/calendar.js';
import type {ParcoursEvent, Participant, Step} from '../domain/model.js';
import {DEFAULT_SETTINGS} from '../domain/settings.js';
import {EXIT_REASONS, EXIT_TYPES, type EventType, NON_INTEGRATION_REASONS, type StepState} from '../domain/vocabulary.js';
import {STORE_VERSION, type StoreData} from '../store/schema.js';
import {addVersion2Fields, type Version2Options} from './caseloadVersion2.js';
import {Random} from './random.js';

export const BENCH_SEED = 20_261_122;

const FIRST_NAMES = [
	'Amina', 'Bruno', 'Chloé', 'David', 'Élodie', 'Farid', 'Gaëlle', 'Hugo', 'Inès', 'Jules', 'Karima', 'Léo', 'Manon',
	'Nabil', 'Océane', 'Pascal', 'Rania', 'Samir', 'Tiphaine', 'Ulysse', 'Valérie', 'Yanis', 'Zoé', 'Noël', 'Aïcha',
	'Benoît', 'Céline', 'Djamel', 'Estelle', 'Fatou', 'Grégoire', 'Hélène', 'Ismaël', 'Joëlle', 'Kévin', 'Lucie',
];
const SYLLABLES = ['bra', 'cor', 'dal', 'fen', 'gou', 'lam', 'mir', 'nod', 'pel', 'quin', 'ros', 'sav', 'tur', 'vel', 'zar', 'lo', 'ri', 'ta', 'bé', 'mon'];
const COMMUNES = ['Rouen', 'Elbeuf', 'Dieppe', 'Fécamp', 'Yvetot', 'Barentin', 'Bolbec', 'Louviers', 'Darnétal', 'Canteleu'];
const CRITERIA = ['DELD', 'TH', 'Jeune sans qualification', 'Senior', 'Résident QPV'];
const PRESCRIBERS = ['France Travail', 'Département', 'CCAS', 'Mission locale', 'Cap emploi', 'Spontanée'];
const ROME = ['K2204', 'N1103', 'J1501', 'G1603', 'A1203', 'H2102', 'K1304', 'N4105', 'D1507', 'F1701'];
const STEP_KINDS: ReadonlyArray<readonly [string, string]> = [
	['Emploi', 'CDD agent de propreté'],
	['Emploi', 'Chantier d’insertion espaces verts'],
	['Emploi', 'Mission intérim préparateur de commandes'],
	['Formation', 'Titre professionnel ADVF'],
	['Formation', 'Remise à niveau français'],
	['Formation', 'CACES R489'],
	['PMSMP', 'Immersion en logistique'],
	['PMSMP', 'Immersion en restauration collective'],
	['Atelier', 'Atelier CV et entretien'],
	['Atelier', 'Atelier numérique'],
	['Accompagnement', 'Levée des freins mobilité'],
	['Accompagnement', 'Accompagnement santé'],
];
const EVENT_WEIGHTS: ReadonlyArray<readonly [number, EventType]> = [
	[55, 'Entretien individuel'],
	[14, 'Atelier collectif'],
	[16, 'Contact téléphonique'],
	[5, 'Absence injustifiée'],
	[6, 'Absence justifiée'],
	[4, 'Autre'],
];
const NOTES = [
	'Point sur la recherche d’emploi',
	'CV mis à jour',
	'Relance candidature',
	'Message laissé',
	'Bilan de la PMSMP',
	'Préparation entretien d’embauche',
	'Point mobilité : permis B en cours',
	'Orientation vers atelier numérique',
];

/** People per référent: a PLIE counsellor follows about 70 files. */
const FILES_PER_REFERENT = 70;

interface Context {
	readonly random: Random;
	readonly today: Day;
}

function surname(random: Random): string {
	const count = random.between(2, 3);
	let word = '';
	for (let i = 0; i < count; i++) word += random.pick(SYLLABLES);
	return word.toUpperCase();
}

function personName(random: Random): string {
	return `${surname(random)} ${random.pick(FIRST_NAMES)}`;
}

function referents(random: Random, size: number): string[] {
	const count = Math.max(2, Math.ceil(size / FILES_PER_REFERENT));
	const names = new Set<string>();
	while (names.size < count) names.add(personName(random));
	return [...names];
}

const iso = isoFromDay;

/** Consecutive steps from `from` to `until`, each in the state a careful or a hurried référent leaves it. */
function steps(c: Context, from: Day, until: Day, count: number, exitDay: Day | undefined): Step[] {
	const {random, today} = c;
	// one exited file in ten still has a step left open or ending after the exit
	const tidyExit = exitDay !== undefined && random.chance(0.9);
	const result: Step[] = [];
	const span = Math.max(1, until - from);
	let cursor = from;
	for (let i = 0; i < count; i++) {
		const start = cursor + random.between(0, Math.max(1, Math.floor(span / count / 2)));
		const length = random.between(14, Math.max(30, Math.floor((2 * span) / count)));
		let end: Day | undefined = start + length;
		let state: StepState;
		if (start > today) state = 'Prévue';
		else if (end < today) state = random.weighted<StepState>([[86, 'Terminée'], [8, 'Interrompue'], [4, 'En cours'], [2, 'Prévue']]);
		else state = random.chance(0.85) ? 'En cours' : 'Prévue';
		if ((state === 'En cours' || state === 'Prévue') && random.chance(0.15)) end = undefined;
		if (tidyExit) {
			if (start > exitDay!) break;
			if (end === undefined || end > exitDay!) end = Math.max(start, exitDay! - random.between(0, 10));
			if (state !== 'Terminée' && state !== 'Interrompue') state = random.chance(0.9) ? 'Terminée' : 'Interrompue';
		}
		const [type, label] = random.pick(STEP_KINDS);
		result.push(end === undefined ? {label, type, start: iso(start), state} : {label, type, start: iso(start), end: iso(end), state});
		cursor = Math.max(cursor + 1, (end ?? start) - random.between(0, 20));
	}
	return result;
}

/** Dated contacts spread from `from` to `until`, a few planned after today. */
function events(c: Context, from: Day, until: Day, count: number): ParcoursEvent[] {
	const {random} = c;
	const days: Day[] = [];
	for (let i = 0; i < count; i++) days.push(random.between(from, Math.max(from, until)));
	days.sort((a, b) => a - b);
	return days.map(day => {
		const type = random.weighted(EVENT_WEIGHTS);
		const date = iso(day);
		return random.chance(0.3) ? {date, type, note: random.pick(NOTES)} : {date, type};
	});
}

type Lifecycle = 'intake' | 'non-integrated' | 'exited' | 'active';

function participant(c: Context, index: number, referent: string): Participant {
	const {random, today} = c;
	const lifecycle = random.weighted<Lifecycle>([[8, 'intake'], [6, 'non-integrated'], [34, 'exited'], [52, 'active']]);
	const rsa = random.chance(0.45);
	const p: Participant = {
		id: `PLIE-${String(index + 1).padStart(6, '0')}`,
		referent,
		name: personName(random),
		gender: random.chance(0.5) ? 'F' : 'M',
		birthDate: iso(today - random.between(18 * 365, 63 * 365)),
		commune: random.pick(COMMUNES),
		integrationCriterion: rsa ? 'RSA' : random.pick(CRITERIA),
		rsa,
		franceTravailId: `${random.between(1_000_000, 9_999_999)}${String.fromCharCode(65 + random.between(0, 25))}`,
		franceTravailAgency: `Agence ${random.pick(COMMUNES)}`,
		prescriber: random.pick(PRESCRIBERS),
		steps: [],
		events: [],
	};
	if (rsa) p.cafNumber = String(random.between(1_000_000, 9_999_999));

	let firstAppointment: Day;
	let integration: Day | undefined;
	let exitDay: Day | undefined;
	let activityEnd: Day;
	if (lifecycle === 'intake') {
		firstAppointment = today - random.between(1, 90);
		if (random.chance(0.1)) integration = today + random.between(1, 20);
		activityEnd = today + random.between(0, 20);
	} else if (lifecycle === 'non-integrated') {
		firstAppointment = today - random.between(100, 1500);
		const nonIntegration = firstAppointment + random.between(30, 120);
		p.nonIntegrationDate = iso(nonIntegration);
		p.nonIntegrationReason = random.pick(NON_INTEGRATION_REASONS);
		activityEnd = nonIntegration;
	} else if (lifecycle === 'exited') {
		integration = today - random.between(200, 1500);
		firstAppointment = integration - random.between(10, 60);
		exitDay = Math.min(today - 1, integration + random.between(90, 900));
		const group = random.weighted<'positive' | 'dynamique' | 'autres'>([[45, 'positive'], [25, 'dynamique'], [30, 'autres']]);
		p.exitDate = iso(exitDay);
		p.exitType = group === 'positive' ? 'Positive' : group === 'dynamique' ? 'Dynamique' : random.pick(EXIT_TYPES.slice(2));
		p.exitReason = random.pick(EXIT_REASONS[group]);
		activityEnd = exitDay;
	} else {
		// most files are under 24 months; some run past it
		integration = today - Math.floor(random.next() ** 1.4 * 900);
		firstAppointment = integration - random.between(10, 60);
		activityEnd = today + random.between(-60, 45);
		if (random.chance(0.1)) p.standbySince = iso(Math.max(integration, today - random.between(1, 150)));
		if (today - integration > 700 && random.chance(0.4)) p.extension = true;
	}
	p.firstAppointment = iso(firstAppointment);
	if (integration !== undefined) {
		p.integrationDate = iso(integration);
		const plan = random.next();
		if (plan < 0.03) p.planState = 'Prévisionnel';
		else if (plan < 0.8) p.planState = 'Validé';
		if (random.chance(0.9)) p.romeCode = random.pick(ROME);
		if (rsa && random.chance(0.92)) {
			const contractStart = Math.max(integration, Math.min(activityEnd, today) - random.between(0, 330));
			p.contractStart = iso(contractStart);
			p.contractEnd = iso(addMonths(contractStart, random.chance(0.5) ? 6 : 12));
		}
	}

	const start = integration ?? firstAppointment;
	const stepCount = lifecycle === 'intake' || lifecycle === 'non-integrated' ? random.between(0, 3) : random.between(4, 10);
	p.steps = steps(c, start, Math.max(start + 30, activityEnd), stepCount, exitDay);
	p.events = events(c, firstAppointment, activityEnd, random.between(10, 26));
	if (lifecycle === 'active' && random.chance(0.03)) {
		p.snoozes = [{indicator: 'followup.no-rome', reason: 'Projet en cours de définition', until: iso(today + random.between(-10, 60)), since: iso(today - 20)}];
	}
	return p;
}

/** A store of `size` invented participants as it stands on day `today`. */
export function generateCaseload(size: number, today: Day, seed: number = BENCH_SEED, version2: Version2Options = {}): StoreData {
	const random = new Random(seed ^ size);
	const c: Context = {random, today};
	const team = referents(random, size);
	const participants: Participant[] = [];
	for (let i = 0; i < size; i++) participants.push(participant(c, i, team[i % team.length]!));
	addVersion2Fields(participants, today, seed ^ size, version2);
	return {version: STORE_VERSION, settings: {...DEFAULT_SETTINGS}, participants};
}

/** The store file's text, written the way the tool writes it (SecureJsonFile: one-space indent). */
export function storeText(store: StoreData): string {
	return JSON.stringify(store, null, 1);
}
