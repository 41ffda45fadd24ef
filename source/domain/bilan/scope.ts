// The participants a bilan looks at, their key dates read once as day numbers,
// and the §3 statuses the tables ask about on a given day.
import {type Day, isoFromDay} from '../calendar.js';
import {computeFacts, dayOf, type ParticipantFacts} from '../facts.js';
import type {Participant} from '../model.js';
import type {Settings} from '../settings.js';
import {referentFilter} from '../triage.js';
import type {BilanPeriod} from './types.js';

export interface BilanOptions extends BilanPeriod {
	readonly settings: Settings;
	/** one référent·e (case, accents and spaces ignored, as everywhere); undefined = all */
	readonly referent?: string;
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
	/** §3's facts of each person on D2 (same order as people), computed on first use */
	readonly factsAtEnd: () => readonly ParticipantFacts[];
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
	return {
		...options,
		people,
		factsAtEnd: () => (facts ??= people.map(person => computeFacts(person.participant, options.to))),
	};
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

/** §8 present at E: not closed at E, and a first appointment, integration or non-integration by E. */
export function presentOn(person: BilanPerson, e: Day): boolean {
	if (closedOn(person, e)) return false;
	return onOrBefore(person.firstAppointment, e) || onOrBefore(person.integration, e) || onOrBefore(person.nonIntegration, e);
}

/** The ids of `people` that `keep` accepts, in order. */
export function idsWhere(people: readonly BilanPerson[], keep: (person: BilanPerson) => boolean): string[] {
	const ids: string[] = [];
	for (let i = 0; i < people.length; i++) if (keep(people[i]!)) ids.push(people[i]!.id);
	return ids;
}
