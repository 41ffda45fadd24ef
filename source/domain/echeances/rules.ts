// REFERENTIEL §7, one small pure function per kind: the item(s) of one
// participant on day T (f.today), whatever the horizon. The status on day T
// comes from the same facts as the indicators (facts.ts), so that a late item
// and its indicator agree (rdv.next ⇔ followup.rhythm-late, standby.review ⇔
// standby.long, step.end ⇔ steps.to-finish, cer.end ⇔ rsa.contract-expired).
import {addMonths, type Day, isoFromDay, monthsBetween, toDay} from '../calendar.js';
import {nextContactDue} from '../contactRhythm.js';
import type {ParticipantFacts} from '../facts.js';
import type {ParcoursEvent, Participant, Step} from '../model.js';
import type {Settings} from '../settings.js';
import {ECHEANCE_KINDS, type EcheanceKind} from './kinds.js';

/** One thing falling due: (participant, kind, due day). */
export interface Echeance {
	readonly participant: Participant;
	readonly kind: EcheanceKind;
	readonly due: Day;
	/** en retard: due < T */
	readonly late: boolean;
	/** the step of a step.start or step.end item */
	readonly step?: Step;
	/** the planned contact of a rdv.planned item */
	readonly event?: ParcoursEvent;
}

/**
 * What the rules read of a person on day T: the facts of §3 (facts.ts) they share
 * with the indicators. A triage's ParticipantFacts are these and more; the
 * `echeances` command computes only these (statusFacts.ts).
 */
export type EcheanceFacts = Pick<
	ParticipantFacts,
	'participant' | 'today' | 'closed' | 'active' | 'standby' | 'integration' | 'standbySince' | 'contractEnd' | 'lastContact'
>;

export type EcheanceRule = (f: EcheanceFacts, settings: Settings) => readonly Echeance[];

// The procedure's own delays (art. D. 5411-14-1 C. trav., 004_…), not settings.
/** cer.sign: the contrat d'engagement within one month of the orientation */
export const CER_SIGN_MONTHS = 1;
/** exit.letters: one month after the cellule that validated the exit */
export const EXIT_LETTERS_MONTHS = 1;
/** exit.proof and exit.close: three months after that cellule, the last day included */
export const EXIT_CLOSE_MONTHS = 3;

const NONE: readonly Echeance[] = Object.freeze([]);

function one(f: EcheanceFacts, kind: EcheanceKind, due: Day): readonly Echeance[] {
	return [{participant: f.participant, kind, due, late: due < f.today}];
}

function openRsa(f: EcheanceFacts): boolean {
	return !f.closed && f.participant.rsa;
}

/** rdv.next: active, not on standby; the next contact due (§4 nextContactDue). */
export const rdvNext: EcheanceRule = (f, settings) =>
	f.active && !f.standby ? one(f, 'rdv.next', nextContactDue(f.integration!, f.lastContact, settings)) : NONE;

// T as ISO text, kept from one call to the next (one T for a whole caseload):
// stored dates compare as text, and most events are past
let memoDay: Day = Number.NaN;
let memoIso = '';
function isoOfDay(day: Day): string {
	if (day !== memoDay) {
		memoIso = isoFromDay(day);
		memoDay = day;
	}
	return memoIso;
}

/** rdv.planned: not closed; each individual interview or collective workshop dated after T (never late). */
export const rdvPlanned: EcheanceRule = f => {
	if (f.closed) return NONE;
	const today = isoOfDay(f.today);
	let items: Echeance[] | undefined;
	const events = f.participant.events;
	for (let e = 0; e < events.length; e++) {
		const event = events[e]!;
		if (event.date <= today || (event.type !== 'Entretien individuel' && event.type !== 'Atelier collectif')) continue;
		(items ??= []).push({participant: f.participant, kind: 'rdv.planned', due: toDay(event.date), late: false, event});
	}
	return items ?? NONE;
};

/** A CER, current or previous, whose start is on or after `day` (a CER without start never is). */
function contractStartsOnOrAfter(participant: Participant, day: Day): boolean {
	if (participant.contractStart !== undefined && toDay(participant.contractStart) >= day) return true;
	for (const contract of participant.previousContracts ?? []) {
		if (contract.start !== undefined && toDay(contract.start) >= day) return true;
	}
	return false;
}

/** cer.sign: RSA, oriented, no CER starting on or after the orientation; due a month after it. */
export const cerSign: EcheanceRule = f => {
	const {orientationDate} = f.participant;
	if (!openRsa(f) || orientationDate === undefined) return NONE;
	const orientation = toDay(orientationDate);
	return contractStartsOnOrAfter(f.participant, orientation) ? NONE : one(f, 'cer.sign', addMonths(orientation, CER_SIGN_MONTHS));
};

/** cer.stock: RSA without CER end (as rsa.no-contract) and without orientation: the stock deadline. */
export const cerStock: EcheanceRule = (f, settings) =>
	openRsa(f) && f.contractEnd === undefined && f.participant.orientationDate === undefined
		? one(f, 'cer.stock', toDay(settings.contractStockDeadline))
		: NONE;

/** cer.end: RSA with a CER end. */
export const cerEnd: EcheanceRule = f => (openRsa(f) && f.contractEnd !== undefined ? one(f, 'cer.end', f.contractEnd) : NONE);

/** The first addMonths(integration, k × period), k ≥ 1, on or after `today`. */
export function nextRenewal(integration: Day, today: Day, periodMonths: number): Day {
	// addMonths grows with its months: start from the periods already full on T (§3 months) and step forward
	let k = Math.max(1, Math.floor(monthsBetween(integration, today) / periodMonths));
	let due = addMonths(integration, k * periodMonths);
	while (due < today) due = addMonths(integration, ++k * periodMonths);
	return due;
}

/** parcours.renewal: active; the next six-monthly renewal on or after T (never late). */
export const parcoursRenewal: EcheanceRule = (f, settings) =>
	f.active ? one(f, 'parcours.renewal', nextRenewal(f.integration!, f.today, settings.renewalMonths)) : NONE;

/** parcours.limit: active without extension; the end of the 24 months. */
export const parcoursLimit: EcheanceRule = (f, settings) =>
	f.active && f.participant.extension !== true ? one(f, 'parcours.limit', addMonths(f.integration!, settings.maxParcoursMonths)) : NONE;

/** standby.review: on standby; two months after its start. */
export const standbyReview: EcheanceRule = (f, settings) =>
	f.standby ? one(f, 'standby.review', addMonths(f.standbySince!, settings.longStandbyMonths)) : NONE;

/** step.start: not closed; each step 'Prévue', due its start. */
export const stepStart: EcheanceRule = f => {
	if (f.closed) return NONE;
	let items: Echeance[] | undefined;
	const steps = f.participant.steps;
	for (let s = 0; s < steps.length; s++) {
		const step = steps[s]!;
		if (step.state !== 'Prévue') continue;
		const due = toDay(step.start);
		(items ??= []).push({participant: f.participant, kind: 'step.start', due, late: due < f.today, step});
	}
	return items ?? NONE;
};

/** step.end: not closed; each step 'Prévue' or 'En cours' with an end, due its end. */
export const stepEnd: EcheanceRule = f => {
	if (f.closed) return NONE;
	let items: Echeance[] | undefined;
	const steps = f.participant.steps;
	for (let s = 0; s < steps.length; s++) {
		const step = steps[s]!;
		if ((step.state !== 'Prévue' && step.state !== 'En cours') || step.end === undefined) continue;
		const due = toDay(step.end);
		(items ??= []).push({participant: f.participant, kind: 'step.end', due, late: due < f.today, step});
	}
	return items ?? NONE;
};

/** The cellule that validated the exit, while the file is not closed (the exit.* items stop then). */
function exitInProgress(participant: Participant): Day | undefined {
	return participant.exitValidatedOn !== undefined && participant.exitClosedOn === undefined
		? toDay(participant.exitValidatedOn)
		: undefined;
}

/** exit.letters: validated, letters not sent; a month after the cellule. */
export const exitLetters: EcheanceRule = f => {
	const validated = exitInProgress(f.participant);
	return validated !== undefined && f.participant.exitLettersSentOn === undefined
		? one(f, 'exit.letters', lettersDue(validated))
		: NONE;
};

/** The last day of the three months after the cellule: 07/02/2019 → 06/05/2019. */
export function closureDue(validated: Day): Day {
	return addMonths(validated, EXIT_CLOSE_MONTHS) - 1;
}

/** The letters are due a month after the cellule. */
export function lettersDue(validated: Day): Day {
	return addMonths(validated, EXIT_LETTERS_MONTHS);
}

/** exit.proof: a positive exit validated, its proof not received. */
export const exitProof: EcheanceRule = f => {
	const validated = exitInProgress(f.participant);
	return validated !== undefined && f.participant.exitType === 'Positive' && f.participant.exitProofReceivedOn === undefined
		? one(f, 'exit.proof', closureDue(validated))
		: NONE;
};

/** exit.close: validated, the file not closed. */
export const exitClose: EcheanceRule = f => {
	const validated = exitInProgress(f.participant);
	return validated !== undefined ? one(f, 'exit.close', closureDue(validated)) : NONE;
};

/** Every rule, by kind. */
export const ECHEANCE_RULES: Readonly<Record<EcheanceKind, EcheanceRule>> = {
	'rdv.next': rdvNext,
	'rdv.planned': rdvPlanned,
	'cer.sign': cerSign,
	'cer.stock': cerStock,
	'cer.end': cerEnd,
	'parcours.renewal': parcoursRenewal,
	'parcours.limit': parcoursLimit,
	'standby.review': standbyReview,
	'step.start': stepStart,
	'step.end': stepEnd,
	'exit.letters': exitLetters,
	'exit.proof': exitProof,
	'exit.close': exitClose,
};

/** The rules in §7's table order (kinds.ts), for a loop over them. */
export const RULES_IN_ORDER: readonly EcheanceRule[] = ECHEANCE_KINDS.map(kind => ECHEANCE_RULES[kind.id]);
