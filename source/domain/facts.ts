// What REFERENTIEL §3 says about one participant on day T, computed once so that
// every indicator reads plain numbers instead of re-parsing dates.
import {addMonths, type Day, monthsBetween, toDay} from './calendar.js';
import type {Participant, Step} from './model.js';
import type {EventType, StepState} from './vocabulary.js';
import type {Settings} from './settings.js';

export type Status = 'intake' | 'active' | 'standby' | 'exited' | 'non-integrated';

export const STATUS_LABELS: Record<Status, string> = {
	intake: "Phase d'accueil",
	active: 'En parcours',
	standby: 'En veille',
	exited: 'Sorti·e',
	'non-integrated': 'Non intégré·e',
};

export type StepProblem = 'to-finish' | 'to-start' | 'after-exit';

export const STEP_PROBLEM_LABELS: Record<StepProblem, string> = {
	'to-finish': "fin dépassée : passer à 'Terminée'",
	'to-start': "commencée : passer à 'En cours'",
	'after-exit': 'non terminée ou fin après la sortie',
};

export interface ParticipantFacts {
	readonly participant: Participant;
	readonly today: Day;
	readonly status: Status;
	readonly closed: boolean;
	readonly exited: boolean;
	readonly active: boolean;
	readonly standby: boolean;
	readonly integration?: Day;
	readonly firstAppointment?: Day;
	readonly exitDay?: Day;
	readonly standbySince?: Day;
	/** full months in parcours (active only) */
	readonly months?: number;
	readonly startedSteps: number;
	readonly currentSteps: number;
	/** last step activity L (§3), when a step has started */
	readonly lastStepActivity?: Day;
	readonly stepsToFinish: number;
	readonly oldestOverdueEnd?: Day;
	readonly stepsToStart: number;
	readonly earliestDueStart?: Day;
	readonly stepsAfterExit: number;
	readonly lastEvent?: Day;
	readonly lastInterview?: Day;
	readonly lastContact?: Day;
	/** unjustified absences dated ≤ T and after the last contact */
	readonly absencesSinceContact: number;
	readonly contractEnd?: Day;
}

// Parsing a date is a few character codes and some arithmetic (calendar.ts):
// cheaper than the Map cache it replaced, and nothing kept between calls.
export function dayOf(iso: string): Day {
	return toDay(iso);
}

// Strict on purpose: '' is no date (the model refuses it), and `report` counts on
// computeFacts to throw on every impossible date it reads (store/triageCheck.ts).
function optionalDay(iso: string | undefined): Day | undefined {
	return iso === undefined ? undefined : dayOf(iso);
}

/** Why a step must be fixed on day T (§4 steps.*), or undefined when it is in order. */
export function stepProblem(step: Step, today: Day, closed: boolean, exitDay: Day | undefined): StepProblem | undefined {
	return problemOf(step.state, dayOf(step.start), optionalDay(step.end), today, closed, exitDay);
}

export function isCurrentStep(step: Step, today: Day): boolean {
	return isCurrent(step.state, dayOf(step.start), optionalDay(step.end), today);
}

// The two rules above on dates already parsed: computeFacts reads each step's dates once.
function problemOf(
	state: Step['state'],
	start: Day,
	end: Day | undefined,
	today: Day,
	closed: boolean,
	exitDay: Day | undefined,
): StepProblem | undefined {
	const open = state === 'Prévue' || state === 'En cours';
	if (exitDay !== undefined && exitDay <= today) {
		const finished = state === 'Terminée' || state === 'Interrompue';
		if (!finished || end === undefined || end > exitDay) return 'after-exit';
		return undefined;
	}
	if (closed) return undefined;
	if (open && end !== undefined && end < today) return 'to-finish';
	if (state === 'Prévue' && start <= today && (end === undefined || end >= today)) return 'to-start';
	return undefined;
}

function isCurrent(state: Step['state'], start: Day, end: Day | undefined, today: Day): boolean {
	if (start > today) return false;
	if (state !== 'Prévue' && state !== 'En cours') return false;
	return end === undefined || end >= today;
}

/**
 * A participant's steps and events reduced to what the rules read: states, types
 * and days. computeFacts fills it from a Participant; `report` fills it straight
 * from the store file's bytes (store/storeScan.ts), so that both share the rules below.
 * Arrays are reused from one person to the next: only the first `count` items count.
 */
export interface DatedRecords {
	stepCount: number;
	readonly stepStates: StepState[];
	readonly stepStarts: Day[];
	/** NO_DAY when the step has no end */
	readonly stepEnds: Day[];
	eventCount: number;
	readonly eventTypes: EventType[];
	readonly eventDates: Day[];
}

/** Stands for a missing day in DatedRecords (no real date is this far back). */
export const NO_DAY = -1e9;

export function emptyRecords(): DatedRecords {
	return {stepCount: 0, stepStates: [], stepStarts: [], stepEnds: [], eventCount: 0, eventTypes: [], eventDates: []};
}

/** The dates of a participant record that the rules read, as days. */
export interface KeyDays {
	readonly exit?: Day;
	readonly nonIntegration?: Day;
	readonly integration?: Day;
	readonly standbySince?: Day;
	readonly firstAppointment?: Day;
	readonly contractEnd?: Day;
}

// computeFacts runs once per person, never re-entered: one scratch record for all
const scratch = emptyRecords();

export function computeFacts(participant: Participant, today: Day): ParticipantFacts {
	const records = scratch;
	// indexed loops: computeFacts runs once per person in `report`, mostly before the
	// JIT has optimised it, and an unoptimised for…of pays the iterator protocol per item
	const steps = participant.steps;
	for (let s = 0; s < steps.length; s++) {
		const step = steps[s]!;
		records.stepStates[s] = step.state;
		records.stepStarts[s] = dayOf(step.start);
		records.stepEnds[s] = step.end === undefined ? NO_DAY : dayOf(step.end);
	}
	records.stepCount = steps.length;
	const events = participant.events;
	for (let e = 0; e < events.length; e++) {
		const event = events[e]!;
		records.eventTypes[e] = event.type;
		records.eventDates[e] = dayOf(event.date);
	}
	records.eventCount = events.length;
	const days: KeyDays = {
		exit: optionalDay(participant.exitDate),
		nonIntegration: optionalDay(participant.nonIntegrationDate),
		integration: optionalDay(participant.integrationDate),
		standbySince: optionalDay(participant.standbySince),
		firstAppointment: optionalDay(participant.firstAppointment),
		contractEnd: optionalDay(participant.contractEnd),
	};
	return factsOfRecords(participant, days, records, today);
}

/** The facts of `participant` from its key days and dated records (REFERENTIEL §3). */
export function factsOfRecords(participant: Participant, days: KeyDays, records: DatedRecords, today: Day): ParticipantFacts {
	const {exit: exitDay, nonIntegration, integration, standbySince} = days;
	const exited = exitDay !== undefined && exitDay <= today;
	const closed = exited || (nonIntegration !== undefined && nonIntegration <= today);
	const active = !closed && integration !== undefined && integration <= today;
	const standby = active && standbySince !== undefined && standbySince <= today;
	const status: Status = exited
		? 'exited'
		: closed
			? 'non-integrated'
			: standby
				? 'standby'
				: active
					? 'active'
					: 'intake';

	let startedSteps = 0;
	let currentSteps = 0;
	let lastStepActivity: Day | undefined;
	let stepsToFinish = 0;
	let oldestOverdueEnd: Day | undefined;
	let stepsToStart = 0;
	let earliestDueStart: Day | undefined;
	let stepsAfterExit = 0;
	const {stepStates, stepStarts, stepEnds} = records;
	for (let s = 0; s < records.stepCount; s++) {
		const state = stepStates[s]!;
		const start = stepStarts[s]!;
		const end = stepEnds[s] === NO_DAY ? undefined : stepEnds[s];
		if (start <= today) {
			startedSteps++;
			const current = isCurrent(state, start, end, today);
			if (current) currentSteps++;
			const activity = current ? today : (end ?? start);
			if (lastStepActivity === undefined || activity > lastStepActivity) lastStepActivity = activity;
		}
		const problem = problemOf(state, start, end, today, closed, exitDay);
		if (problem === 'to-finish') {
			stepsToFinish++;
			if (oldestOverdueEnd === undefined || end! < oldestOverdueEnd) oldestOverdueEnd = end;
		} else if (problem === 'to-start') {
			stepsToStart++;
			if (earliestDueStart === undefined || start < earliestDueStart) earliestDueStart = start;
		} else if (problem === 'after-exit') {
			stepsAfterExit++;
		}
	}

	let lastEvent: Day | undefined;
	let lastInterview: Day | undefined;
	let lastContact: Day | undefined;
	// unjustified absences are rare: keep their days and count them once the last contact is known
	let absences: Day[] | undefined;
	const {eventTypes, eventDates} = records;
	for (let e = 0; e < records.eventCount; e++) {
		const date = eventDates[e]!;
		if (date > today) continue; // a planned event is not past activity
		if (lastEvent === undefined || date > lastEvent) lastEvent = date;
		const type = eventTypes[e];
		if (type === 'Entretien individuel') {
			if (lastInterview === undefined || date > lastInterview) lastInterview = date;
		}
		if (type === 'Entretien individuel' || type === 'Atelier collectif') {
			if (lastContact === undefined || date > lastContact) lastContact = date;
		} else if (type === 'Absence injustifiée') {
			(absences ??= []).push(date);
		}
	}
	let absencesSinceContact = 0;
	if (absences !== undefined) {
		for (const date of absences) if (lastContact === undefined || date > lastContact) absencesSinceContact++;
	}

	return {
		participant,
		today,
		status,
		closed,
		exited,
		active,
		standby,
		integration,
		firstAppointment: days.firstAppointment,
		exitDay,
		standbySince,
		months: active ? monthsBetween(integration!, today) : undefined,
		startedSteps,
		currentSteps,
		lastStepActivity,
		stepsToFinish,
		oldestOverdueEnd,
		stepsToStart,
		earliestDueStart,
		stepsAfterExit,
		lastEvent,
		lastInterview,
		lastContact,
		absencesSinceContact,
		contractEnd: days.contractEnd,
	};
}

/** The interview gap that applies on day T: 15 days in the first 3 months, then 30 (§4 rhythm-late). */
export function interviewGap(facts: ParticipantFacts, settings: Settings): number {
	if (facts.integration === undefined) return settings.interviewGapDays;
	return facts.today < addMonths(facts.integration, settings.intensiveMonths)
		? settings.intensiveInterviewGapDays
		: settings.interviewGapDays;
}
