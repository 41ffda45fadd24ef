// What REFERENTIEL §3 says about one participant on day T, computed once so that
// every indicator reads plain numbers instead of re-parsing dates.
import {type Day, monthsBetween, toDay} from './calendar.js';
import {contactReference, nextContactDue} from './contactRhythm.js';
import {keyDayFields, PARTICIPANT_FIELDS} from './fields.js';
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

// Strict: '' is no date (the model refuses it).
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
 * and days. `report` fills it straight from the store file's bytes
 * (store/storeScan.ts); arrays are reused from one person to the next: only the
 * first `count` items count.
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

/**
 * A participant's key days: each field the field tables mark as one (`triage: {as:
 * 'day'}`), read as a day. The reader is generated from the tables as one object
 * literal: a loop over the fields with computed keys cost ~5 ms per 10,000
 * participants against ~1 ms (measured in isolation), a tenth of the triage's budget.
 */
const keyDaysOf = keyDaysReader(keyDayFields(PARTICIPANT_FIELDS));

function checkedNames(names: readonly string[]): readonly string[] {
	for (const name of names) if (!/^[A-Za-z_$][\w$]*$/.test(name)) throw new Error(`facts: nom de champ impossible « ${name} »`);
	return names;
}

function keyDaysReader(fields: ReadonlyArray<readonly [string, keyof KeyDays]>): (participant: Participant) => KeyDays {
	checkedNames(fields.flat());
	const literal = fields.map(([field, day]) => `${day}: day(p.${field})`).join(', ');
	// generated from the field tables' names, checked above
	return new Function('day', `return p => ({${literal}});`)(optionalDay) as (participant: Participant) => KeyDays;
}

/** Key days given by position (`names[i]` is `days[i]`), as one object literal like keyDaysOf (the byte scanner's). */
export function keyDaysFromSlots(names: ReadonlyArray<keyof KeyDays>): (days: ReadonlyArray<Day | undefined>) => KeyDays {
	const literal = checkedNames(names)
		.map((name, i) => `${name}: d[${i}]`)
		.join(', ');
	return new Function(`return d => ({${literal}});`)() as (days: ReadonlyArray<Day | undefined>) => KeyDays;
}

export function computeFacts(participant: Participant, today: Day): ParticipantFacts {
	const days = keyDaysOf(participant);
	const tally = TALLY.begin(today, days);
	// indexed loops: computeFacts runs once per person in a triage, mostly before the
	// JIT has optimised it, and an unoptimised for…of pays the iterator protocol per item
	const steps = participant.steps;
	for (let s = 0; s < steps.length; s++) {
		const step = steps[s]!;
		tally.step(step.state, dayOf(step.start), step.end === undefined ? undefined : dayOf(step.end));
	}
	const events = participant.events;
	for (let e = 0; e < events.length; e++) tally.event(events[e]!.type, dayOf(events[e]!.date));
	return tally.facts(participant, days);
}

/** The facts of `participant` from its key days and dated records (the same rules as computeFacts). */
export function factsOfRecords(participant: Participant, days: KeyDays, records: DatedRecords, today: Day): ParticipantFacts {
	const tally = TALLY.begin(today, days);
	for (let s = 0; s < records.stepCount; s++) {
		const end = records.stepEnds[s]!;
		tally.step(records.stepStates[s]!, records.stepStarts[s]!, end === NO_DAY ? undefined : end);
	}
	for (let e = 0; e < records.eventCount; e++) tally.event(records.eventTypes[e]!, records.eventDates[e]!);
	return tally.facts(participant, days);
}

/**
 * REFERENTIEL §3 for one person, fed step by step and event by event. One
 * instance serves every person in turn (begin() starts over): a triage computes
 * a person's facts from start to finish, never two at once.
 */
class FactsTally {
	private today: Day = 0;
	private exitDay: Day | undefined;
	private status: Status = 'intake';
	private closed = false;
	private exited = false;
	private active = false;
	private standby = false;
	private startedSteps = 0;
	private currentSteps = 0;
	private lastStepActivity: Day | undefined;
	private stepsToFinish = 0;
	private oldestOverdueEnd: Day | undefined;
	private stepsToStart = 0;
	private earliestDueStart: Day | undefined;
	private stepsAfterExit = 0;
	private lastEvent: Day | undefined;
	private lastInterview: Day | undefined;
	private lastContact: Day | undefined;
	// unjustified absences are rare: their days are kept and counted once the last contact is known
	private absences: Day[] = [];

	begin(today: Day, days: KeyDays): this {
		const {exit, nonIntegration, integration, standbySince} = days;
		this.today = today;
		this.exitDay = exit;
		this.exited = exit !== undefined && exit <= today;
		this.closed = this.exited || (nonIntegration !== undefined && nonIntegration <= today);
		this.active = !this.closed && integration !== undefined && integration <= today;
		this.standby = this.active && standbySince !== undefined && standbySince <= today;
		this.status = this.exited ? 'exited' : this.closed ? 'non-integrated' : this.standby ? 'standby' : this.active ? 'active' : 'intake';
		this.startedSteps = this.currentSteps = this.stepsToFinish = this.stepsToStart = this.stepsAfterExit = 0;
		this.lastStepActivity = this.oldestOverdueEnd = this.earliestDueStart = undefined;
		this.lastEvent = this.lastInterview = this.lastContact = undefined;
		this.absences.length = 0;
		return this;
	}

	step(state: StepState, start: Day, end: Day | undefined): void {
		const today = this.today;
		if (start <= today) {
			this.startedSteps++;
			const current = isCurrent(state, start, end, today);
			if (current) this.currentSteps++;
			const activity = current ? today : (end ?? start);
			if (this.lastStepActivity === undefined || activity > this.lastStepActivity) this.lastStepActivity = activity;
		}
		const problem = problemOf(state, start, end, today, this.closed, this.exitDay);
		if (problem === 'to-finish') {
			this.stepsToFinish++;
			if (this.oldestOverdueEnd === undefined || end! < this.oldestOverdueEnd) this.oldestOverdueEnd = end;
		} else if (problem === 'to-start') {
			this.stepsToStart++;
			if (this.earliestDueStart === undefined || start < this.earliestDueStart) this.earliestDueStart = start;
		} else if (problem === 'after-exit') {
			this.stepsAfterExit++;
		}
	}

	event(type: EventType, date: Day): void {
		if (date > this.today) return; // a planned event is not past activity
		if (this.lastEvent === undefined || date > this.lastEvent) this.lastEvent = date;
		if (type === 'Entretien individuel') {
			if (this.lastInterview === undefined || date > this.lastInterview) this.lastInterview = date;
		}
		if (type === 'Entretien individuel' || type === 'Atelier collectif') {
			if (this.lastContact === undefined || date > this.lastContact) this.lastContact = date;
		} else if (type === 'Absence injustifiée') {
			this.absences.push(date);
		}
	}

	facts(participant: Participant, days: KeyDays): ParticipantFacts {
		const {today, lastContact, absences} = this;
		let absencesSinceContact = 0;
		for (let a = 0; a < absences.length; a++) if (lastContact === undefined || absences[a]! > lastContact) absencesSinceContact++;
		return {
			participant,
			today,
			status: this.status,
			closed: this.closed,
			exited: this.exited,
			active: this.active,
			standby: this.standby,
			integration: days.integration,
			firstAppointment: days.firstAppointment,
			exitDay: days.exit,
			standbySince: days.standbySince,
			months: this.active ? monthsBetween(days.integration!, today) : undefined,
			startedSteps: this.startedSteps,
			currentSteps: this.currentSteps,
			lastStepActivity: this.lastStepActivity,
			stepsToFinish: this.stepsToFinish,
			oldestOverdueEnd: this.oldestOverdueEnd,
			stepsToStart: this.stepsToStart,
			earliestDueStart: this.earliestDueStart,
			stepsAfterExit: this.stepsAfterExit,
			lastEvent: this.lastEvent,
			lastInterview: this.lastInterview,
			lastContact,
			absencesSinceContact,
			contractEnd: days.contractEnd,
		};
	}
}

const TALLY = new FactsTally();

/** The interview gap that applies to the person on day T: R + gap = nextContactDue (§4 rhythm-late). */
export function interviewGap(facts: ParticipantFacts, settings: Settings): number {
	if (facts.integration === undefined) return settings.interviewGapDays;
	return nextContactDue(facts.integration, facts.lastContact, settings) - contactReference(facts.integration, facts.lastContact);
}
