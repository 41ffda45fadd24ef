// Who goes in each sheet of the cellule de suivi preparation workbook (issue 6).
// Everything is seen on the meeting day: the workbook describes the caseload as the
// meeting will find it (a CER ending before the meeting is shown as échu, the
// renewals due before the next meeting are listed, the counts are those of that day).
import {addMonths, type Day, monthsBetween, toDay} from './calendar.js';
import {situationReasons} from './celluleReasons.js';
import type {ParticipantFacts} from './facts.js';
import type {Participant} from './model.js';
import type {Settings} from './settings.js';
import {sameReferent, type Triage, triage} from './triage.js';
import {preparationDueDate} from './workingDays.js';

export interface CelluleOptions {
	readonly participants: readonly Participant[];
	readonly settings: Settings;
	/** the day of the cellule de suivi */
	readonly meeting: Day;
	/** entries and exits from this day on (the previous cellule); default one month before the meeting */
	readonly since?: Day;
	/** one referent (case and accents ignored), or undefined for all */
	readonly referent?: string;
}

export interface Renewal {
	readonly facts: ParticipantFacts;
	/** end of the current period: integration + k × renewalMonths */
	readonly periodEnd: Day;
	/** k × renewalMonths: 6, 12, 18… */
	readonly periodMonths: number;
}

export interface Situation {
	readonly facts: ParticipantFacts;
	readonly reasons: readonly string[];
	readonly snoozed: readonly string[];
	/** the acknowledged alerts without the reason the user typed (discrétion) */
	readonly snoozedWithoutReason: readonly string[];
}

export interface CelluleSelection {
	readonly meeting: Day;
	readonly since: Day;
	/** one month after the meeting: renewals are due before it */
	readonly nextMeeting: Day;
	readonly dueDate: Day;
	readonly referent?: string;
	readonly settings: Settings;
	/** the triage on the meeting day, snoozed alerts counted (as `report` does) */
	readonly triage: Triage;
	readonly entries: readonly ParticipantFacts[];
	readonly renewals: readonly Renewal[];
	readonly exits: readonly ParticipantFacts[];
	/**
	 * « Suivi des sorties » (004_…): the exits of this cellule, and those validated
	 * by then whose file is still open (or was closed since the previous cellule)
	 */
	readonly exitFollowUp: readonly ParticipantFacts[];
	readonly situations: readonly Situation[];
	readonly longParcours: readonly ParticipantFacts[];
	readonly standby: readonly ParticipantFacts[];
	/** everyone not closed on the meeting day (Liste nominative) */
	readonly roster: readonly ParticipantFacts[];
}

/** `Parcours +18 mois`: the sheet named after the Visual Course duration band. */
export const LONG_PARCOURS_MONTHS = 18;

const collator = new Intl.Collator('fr', {sensitivity: 'base', numeric: true});

/** By name as a French reader sorts (accents and case ignored), then id. */
export function compareByName(a: Participant, b: Participant): number {
	return collator.compare(a.name, b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function byName<T>(list: T[], participantOf: (item: T) => Participant): T[] {
	return list.sort((a, b) => compareByName(participantOf(a), participantOf(b)));
}

const inWindow = (day: Day | undefined, from: Day, to: Day) => day !== undefined && day >= from && day <= to;

/** The period of `renewalMonths` from integration that ends in [meeting, nextMeeting), if any. */
export function renewalDue(
	integration: Day,
	meeting: Day,
	nextMeeting: Day,
	renewalMonths: number,
): {periodEnd: Day; periodMonths: number} | undefined {
	let k = Math.max(1, Math.floor(monthsBetween(integration, meeting) / renewalMonths));
	let periodEnd = addMonths(integration, k * renewalMonths);
	while (periodEnd < meeting) {
		k++;
		periodEnd = addMonths(integration, k * renewalMonths);
	}
	return periodEnd < nextMeeting ? {periodEnd, periodMonths: k * renewalMonths} : undefined;
}

/** `martel ines` typed on the command line → `MARTEL Inès` as the caseload spells it. */
function referentSpelling(participants: readonly Participant[], referent: string | undefined): string | undefined {
	if (referent === undefined) return undefined;
	return participants.find(p => p.referent !== undefined && sameReferent(p.referent, referent))?.referent ?? referent;
}

/** An exit validated by the meeting whose file is open, or was closed since the previous cellule. */
function followedUp(p: Participant, since: Day, meeting: Day): boolean {
	if (p.exitDate === undefined || p.exitValidatedOn === undefined || toDay(p.exitValidatedOn) > meeting) return false;
	return p.exitClosedOn === undefined || toDay(p.exitClosedOn) >= since;
}

export function selectCellule(options: CelluleOptions): CelluleSelection {
	const {settings, meeting} = options;
	const since = options.since ?? addMonths(meeting, -1);
	const nextMeeting = addMonths(meeting, 1);
	const result = triage(options.participants, {today: meeting, settings, referent: options.referent});

	const entries: ParticipantFacts[] = [];
	const renewals: Renewal[] = [];
	const exits: ParticipantFacts[] = [];
	const exitFollowUp: ParticipantFacts[] = [];
	const situations: Situation[] = [];
	const longParcours: ParticipantFacts[] = [];
	const standby: ParticipantFacts[] = [];
	const roster: ParticipantFacts[] = [];

	for (const f of result.facts.values()) {
		if (inWindow(f.firstAppointment, since, meeting) || inWindow(f.integration, since, meeting)) entries.push(f);
		const exit = inWindow(f.exitDay, since, meeting);
		if (exit) exits.push(f);
		if (exit || followedUp(f.participant, since, meeting)) exitFollowUp.push(f);
		if (!f.closed) roster.push(f);
		if (f.standby) standby.push(f);
		if (f.active) {
			const due = renewalDue(f.integration!, meeting, nextMeeting, settings.renewalMonths);
			if (due) renewals.push({facts: f, ...due});
			if (f.months! >= LONG_PARCOURS_MONTHS) longParcours.push(f);
		}
		const memberOf = result.memberOf(f.participant.id);
		const {reasons, snoozed, snoozedWithoutReason} = situationReasons(f, memberOf, settings);
		if (reasons.length > 0 || snoozed.length > 0) situations.push({facts: f, reasons, snoozed, snoozedWithoutReason});
	}

	const facts = (f: ParticipantFacts) => f.participant;
	return {
		meeting,
		since,
		nextMeeting,
		dueDate: preparationDueDate(meeting, settings),
		referent: referentSpelling(options.participants, options.referent),
		settings,
		triage: result,
		entries: byName(entries, facts),
		renewals: byName(renewals, r => r.facts.participant),
		exits: byName(exits, facts),
		exitFollowUp: byName(exitFollowUp, facts),
		situations: byName(situations, s => s.facts.participant),
		longParcours: byName(longParcours, facts),
		standby: byName(standby, facts),
		roster: byName(roster, facts),
	};
}
