// The participants a bilan looks at, their key dates read once as day numbers,
// and the §3 statuses the tables ask about on a given day.
import type {Visibility} from '../visibility.js';
import {type Day, isoFromDay} from '../calendar.js';
import {dayOf, emptyRecords, factsOfRecords, type KeyDays, NO_DAY, type ParticipantFacts} from '../facts.js';
import type {Participant} from '../model.js';
import type {Settings} from '../settings.js';
import {referentFilter} from '../triage.js';
import type {BilanPeriod} from './types.js';

export interface BilanOptions extends BilanPeriod {
	readonly settings: Settings;
	/** one référent·e (case, accents and spaces ignored, as everywhere); undefined = all */
	readonly referent?: string;
	/** whose participants « all » holds (a référent login on a base sees only theirs): titles name them */
	readonly visible?: Visibility;
}

export interface BilanPerson {
	readonly participant: Participant;
	readonly id: string;
	readonly firstAppointment?: Day;
	readonly integration?: Day;
	readonly nonIntegration?: Day;
	readonly exit?: Day;
}

export interface BilanScope extends BilanOptions {
	/** the participants of the référent·e (all without one), in store order */
	readonly people: readonly BilanPerson[];
	/**
	 * §3's facts on D2 of the people active on D2, in store order, from their steps
	 * (facts.ts's own rules), computed on first use. They serve the indicators the
	 * tables read on D2 — caseload.active, duration.*, steps.idle60 — which count
	 * no one else and read no event: a person's events, three times their steps,
	 * made most of the cost of a bilan. test/domain/bilan.test.ts and
	 * test/cli/bilan.test.ts compare these tables with the indicators of `report`.
	 */
	readonly activeFactsAtEnd: () => readonly ParticipantFacts[];
}

function optionalDay(iso: string | undefined): Day | undefined {
	return iso === undefined ? undefined : dayOf(iso);
}

export function bilanScope(participants: readonly Participant[], options: BilanOptions): BilanScope {
	if (options.from > options.to) {
		throw new RangeError(`période inversée : ${isoFromDay(options.from)} > ${isoFromDay(options.to)}`);
	}
	const wanted = referentFilter(options.referent);
	const people: BilanPerson[] = [];
	for (let i = 0; i < participants.length; i++) {
		const participant = participants[i]!;
		if (!wanted(participant.referent)) continue;
		people.push({
			participant,
			id: participant.id,
			firstAppointment: optionalDay(participant.firstAppointment),
			integration: optionalDay(participant.integrationDate),
			nonIntegration: optionalDay(participant.nonIntegrationDate),
			exit: optionalDay(participant.exitDate),
		});
	}
	let facts: ParticipantFacts[] | undefined;
	return {...options, people, activeFactsAtEnd: () => (facts ??= activeFactsOn(people, options.to))};
}

function activeFactsOn(people: readonly BilanPerson[], t: Day): ParticipantFacts[] {
	const list: ParticipantFacts[] = [];
	const records = emptyRecords(); // reused from one person to the next (only the first stepCount count)
	for (let p = 0; p < people.length; p++) {
		const person = people[p]!;
		if (!activeOn(person, t)) continue;
		const steps = person.participant.steps;
		for (let s = 0; s < steps.length; s++) {
			const step = steps[s]!;
			records.stepStates[s] = step.state;
			records.stepStarts[s] = dayOf(step.start);
			records.stepEnds[s] = step.end === undefined ? NO_DAY : dayOf(step.end);
		}
		records.stepCount = steps.length;
		const {participant} = person;
		const days: KeyDays = {
			exit: person.exit,
			nonIntegration: person.nonIntegration,
			integration: person.integration,
			firstAppointment: person.firstAppointment,
			standbySince: optionalDay(participant.standbySince),
			contractEnd: optionalDay(participant.contractEnd),
		};
		list.push(factsOfRecords(participant, days, records, t));
	}
	return list;
}

/** d in [from, to], bounds included. */
export function within(day: Day | undefined, period: BilanPeriod): boolean {
	return day !== undefined && day >= period.from && day <= period.to;
}

function onOrBefore(day: Day | undefined, t: Day): boolean {
	return day !== undefined && day <= t;
}

/** §3 closed on day T: exited or not integrated by T. */
export function closedOn(person: BilanPerson, t: Day): boolean {
	return onOrBefore(person.exit, t) || onOrBefore(person.nonIntegration, t);
}

/** §3 active on day T: not closed and integrated by T. */
export function activeOn(person: BilanPerson, t: Day): boolean {
	return !closedOn(person, t) && onOrBefore(person.integration, t);
}

/** §3 intake on day T: not closed, not (yet) integrated. */
export function intakeOn(person: BilanPerson, t: Day): boolean {
	return !closedOn(person, t) && !onOrBefore(person.integration, t);
}

/**
 * §8 present at E — not closed at E, and a first appointment, integration or
 * non-integration by E — as the days E for which it holds: from ≤ E < until.
 */
export function presenceSpan(person: BilanPerson): {readonly from: Day; readonly until: Day} {
	const from = Math.min(person.firstAppointment ?? Infinity, person.integration ?? Infinity, person.nonIntegration ?? Infinity);
	const until = Math.min(person.exit ?? Infinity, person.nonIntegration ?? Infinity);
	return {from, until};
}

/** §8 present at E: not closed at E, and a first appointment, integration or non-integration by E. */
export function presentOn(person: BilanPerson, e: Day): boolean {
	const span = presenceSpan(person);
	return span.from <= e && e < span.until;
}

/** The ids of `people` that `keep` accepts, in order. */
export function idsWhere(people: readonly BilanPerson[], keep: (person: BilanPerson) => boolean): string[] {
	const ids: string[] = [];
	for (let i = 0; i < people.length; i++) if (keep(people[i]!)) ids.push(people[i]!.id);
	return ids;
}
