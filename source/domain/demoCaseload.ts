// The demo caseload: invented people (syllable-built surnames, no real person),
// dates relative to the day it is generated so it never goes stale, and every
// indicator of REFERENTIEL §4 hit at least once. Deterministic for a given day.
import {addMonths, type Day, isoFromDay, toDay} from './calendar.js';
import type {ParcoursEvent, Participant, Step} from './model.js';
import type {EventType, StepState} from './vocabulary.js';

export const DEMO_REFERENTS = ['MARTEL Inès', 'ROUVRAY Karim'] as const;

const FIRST_NAMES = [
	'Amina', 'Bruno', 'Chloé', 'David', 'Élodie', 'Farid', 'Gaëlle', 'Hugo', 'Inès', 'Jules', 'Karima', 'Léo',
	'Manon', 'Nabil', 'Océane', 'Pascal', 'Rania', 'Samir', 'Tiphaine', 'Ulysse', 'Valérie', 'Yanis', 'Zoé', 'Noël',
];
const SYLLABLES = ['bra', 'cor', 'dal', 'fen', 'gou', 'lam', 'mir', 'nod', 'pel', 'quin', 'ros', 'sav', 'tur', 'vel', 'zar', 'lo', 'ri', 'ta'];
const COMMUNES = ['Rouen', 'Elbeuf', 'Dieppe', 'Fécamp', 'Yvetot', 'Barentin', 'Bolbec', 'Louviers'];
const CRITERIA = ['RSA', 'DELD', 'TH', 'Jeune sans qualification', 'Senior'];
const PRESCRIBERS = ['France Travail', 'Département', 'CCAS', 'Mission locale', 'Cap emploi'];
const STEP_KINDS: Array<[string, string]> = [
	['Emploi', 'CDD agent de propreté'],
	['Formation', 'Titre professionnel ADVF'],
	['PMSMP', 'Immersion en logistique'],
	['Atelier', 'Atelier CV et entretien'],
	['Emploi', 'Chantier d’insertion espaces verts'],
	['Formation', 'Remise à niveau français'],
];
const ROME = ['K2204', 'N1103', 'J1501', 'G1603', 'A1203', 'H2102'];

/** mulberry32: a tiny seeded generator, so the demo is the same on every machine. */
function seededRandom(seed: number): () => number {
	let state = seed >>> 0;
	return () => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
	};
}

interface Builder {
	readonly today: Day;
	readonly random: () => number;
	next: number;
}

function pick<T>(b: Builder, list: readonly T[]): T {
	return list[Math.floor(b.random() * list.length)]!;
}

function between(b: Builder, min: number, max: number): number {
	return min + Math.floor(b.random() * (max - min + 1));
}

function surname(b: Builder): string {
	const count = between(b, 2, 3);
	let word = '';
	for (let i = 0; i < count; i++) word += pick(b, SYLLABLES);
	return word.toUpperCase();
}

const iso = (day: Day) => isoFromDay(day);

function person(b: Builder, overrides: Partial<Participant> & {integratedDaysAgo?: number}): Participant {
	const n = b.next++;
	const today = b.today;
	const {integratedDaysAgo, ...rest} = overrides;
	const integration = integratedDaysAgo === undefined ? undefined : today - integratedDaysAgo;
	const rsa = rest.rsa ?? b.random() < 0.5;
	const first = integration === undefined ? today - between(b, 3, 40) : integration - between(b, 10, 30);
	const participant: Participant = {
		id: `DEMO-${String(n).padStart(3, '0')}`,
		referent: DEMO_REFERENTS[n % 2],
		name: `${surname(b)} ${pick(b, FIRST_NAMES)}`,
		gender: b.random() < 0.5 ? 'F' : 'M',
		birthDate: iso(today - between(b, 19 * 365, 62 * 365)),
		commune: pick(b, COMMUNES),
		integrationCriterion: rsa ? 'RSA' : pick(b, CRITERIA.slice(1)),
		rsa,
		franceTravailId: `${between(b, 1000000, 9999999)}X`,
		franceTravailAgency: `Agence ${pick(b, COMMUNES)}`,
		cafNumber: rsa ? String(between(b, 1000000, 9999999)) : undefined,
		prescriber: pick(b, PRESCRIBERS),
		firstAppointment: iso(first),
		integrationDate: integration === undefined ? undefined : iso(integration),
		planState: 'Validé',
		romeCode: integration === undefined ? undefined : pick(b, ROME),
		contractStart: rsa && integration !== undefined ? iso(today - between(b, 30, 150)) : undefined,
		contractEnd: rsa && integration !== undefined ? iso(today + between(b, 40, 150)) : undefined,
		steps: [],
		events: [],
		...rest,
	};
	if (integration !== undefined && overrides.steps === undefined) participant.steps = [currentStep(b, today - between(b, 5, 40))];
	if (integration !== undefined && overrides.events === undefined) participant.events = regularEvents(b, integration, today);
	return participant;
}

function step(b: Builder, start: Day, end: Day | undefined, state: StepState): Step {
	const [type, label] = pick(b, STEP_KINDS);
	return {label, type, start: iso(start), end: end === undefined ? undefined : iso(end), state};
}

function currentStep(b: Builder, start: Day): Step {
	return step(b, start, start + between(b, 60, 200), 'En cours');
}

function event(date: Day, type: EventType, note?: string): ParcoursEvent {
	return note === undefined ? {date: iso(date), type} : {date: iso(date), type, note};
}

/** An interview about every 2–3 weeks from integration to today. */
function regularEvents(b: Builder, from: Day, today: Day): ParcoursEvent[] {
	const events: ParcoursEvent[] = [];
	for (let day = from; day <= today; day += between(b, 12, 20)) {
		events.push(event(day, b.random() < 0.8 ? 'Entretien individuel' : 'Atelier collectif'));
	}
	if (events.length === 0 || events[events.length - 1]!.date < iso(today - 10)) events.push(event(today - between(b, 1, 9), 'Entretien individuel'));
	return events;
}

/** The demo caseload for day `today`: ~60 participants, two referents. */
export function demoCaseload(today: Day): Participant[] {
	const b: Builder = {today, random: seededRandom(20_261_122), next: 1};
	const T = today;
	const people: Participant[] = [
		// Effectifs
		person(b, {firstAppointment: iso(T - 12)}),
		person(b, {firstAppointment: iso(T - 45), rsa: true}),
		person(b, {integratedDaysAgo: 40}),
		person(b, {integratedDaysAgo: 250}),
		person(b, {integratedDaysAgo: 420}),
		person(b, {integratedDaysAgo: 600}),
		person(b, {integratedDaysAgo: 800, extension: true}),
		person(b, {integratedDaysAgo: 760}),
		// standby: short and long
		person(b, {integratedDaysAgo: 200, standbySince: iso(T - 20)}),
		person(b, {integratedDaysAgo: 300, standbySince: iso(T - 95)}),
		// Parcours à rectifier
		person(b, {integratedDaysAgo: 150, steps: [step(b, T - 90, T - 12, 'En cours')]}),
		person(b, {integratedDaysAgo: 100, steps: [step(b, T - 6, undefined, 'Prévue')]}),
		person(b, {integratedDaysAgo: 130, steps: [step(b, T - 3, T + 60, 'Prévue')]}),
		person(b, {
			integratedDaysAgo: 400,
			exitDate: iso(T - 20),
			exitType: 'Positive',
			exitReason: 'CDI',
			steps: [step(b, T - 60, undefined, 'En cours')],
		}),
		person(b, {integratedDaysAgo: 60, planState: 'Prévisionnel'}),
		// Inactivité
		person(b, {integratedDaysAgo: 45, steps: []}),
		person(b, {integratedDaysAgo: 200, steps: [step(b, T - 120, T - 40, 'Terminée')]}),
		person(b, {integratedDaysAgo: 320, steps: [step(b, T - 200, T - 75, 'Terminée')]}),
		// RSA / CER
		person(b, {integratedDaysAgo: 90, rsa: true, contractStart: undefined, contractEnd: undefined}),
		person(b, {integratedDaysAgo: 210, rsa: true, contractStart: iso(T - 190), contractEnd: iso(T - 8)}),
		person(b, {integratedDaysAgo: 170, rsa: true, contractStart: iso(T - 170), contractEnd: iso(T + 6)}),
		person(b, {integratedDaysAgo: 140, rsa: true, contractStart: iso(T - 160), contractEnd: iso(T + 22)}),
		person(b, {rsa: true, firstAppointment: iso(T - 15), contractStart: iso(T - 170), contractEnd: iso(T + 10)}),
		// Suivi
		person(b, {integratedDaysAgo: 110, romeCode: undefined}),
		person(b, {integratedDaysAgo: 180, events: [event(T - 50, 'Entretien individuel')]}),
		person(b, {
			integratedDaysAgo: 240,
			events: [event(T - 45, 'Entretien individuel'), event(T - 5, 'Contact téléphonique', 'Point sur la formation')],
		}),
		person(b, {integratedDaysAgo: 50, events: [event(T - 50, 'Entretien individuel'), event(T - 20, 'Entretien individuel')]}),
		person(b, {
			integratedDaysAgo: 260,
			events: [
				event(T - 40, 'Entretien individuel'),
				event(T - 26, 'Absence injustifiée'),
				event(T - 12, 'Absence injustifiée'),
				event(T - 4, 'Contact téléphonique', 'Message laissé'),
			],
		}),
		// closed files
		person(b, {
			integratedDaysAgo: 500,
			exitDate: iso(T - 6),
			exitType: 'Dynamique',
			exitReason: 'CDD < 6 mois',
			steps: [step(b, T - 100, T - 7, 'Terminée')],
		}),
		person(b, {firstAppointment: iso(T - 70), nonIntegrationDate: iso(T - 30), nonIntegrationReason: 'Absence aux rendez-vous'}),
	];
	// ordinary files, mostly in order, with the odd lapse that real caseloads have
	while (people.length < 62) {
		const daysAgo = between(b, 10, 740);
		const lapse = b.random();
		const overrides: Partial<Participant> & {integratedDaysAgo?: number} = {integratedDaysAgo: daysAgo};
		if (lapse < 0.08) overrides.steps = [step(b, T - daysAgo + 5, T - between(b, 31, 90), 'Terminée')];
		else if (lapse < 0.14) overrides.events = [event(T - between(b, 31, 70), 'Entretien individuel')];
		else if (lapse < 0.18) overrides.extension = true;
		people.push(person(b, overrides));
	}
	// the 24-month files carry a past step and a current one
	for (const p of people) {
		if (p.integrationDate && p.steps.length === 1 && p.steps[0]!.state === 'En cours') {
			const start = Math.max(toDay(p.integrationDate) + 5, T - 400);
			if (start < T - 90) p.steps.unshift(step(b, start, start + 60, 'Terminée'));
		}
	}
	return people;
}


/** Next review meeting for the demo: the second Tuesday of next month. */
export function demoNextCellule(today: Day): string {
	const nextMonth = addMonths(today, 1);
	const d = new Date(nextMonth * 86_400_000);
	const first = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1) / 86_400_000;
	const firstTuesday = first + ((2 - ((first + 4) % 7) + 7) % 7);
	return isoFromDay(firstTuesday + 7);
}
