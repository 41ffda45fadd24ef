// The échéances of a caseload on day T up to a horizon H (REFERENTIEL §7): every
// item late or due on or before H, sorted by due day, then kind in §7's order,
// then participant id. Snoozed items are kept and marked: `--json` shows them,
// the text list, the calendar and the screens leave them out (visibleEcheances).
import {type Day, isoFromDay} from '../calendar.js';
import {computeFacts, type ParticipantFacts} from '../facts.js';
import type {Participant, Snooze} from '../model.js';
import type {Settings} from '../settings.js';
import {referentFilter} from '../triage.js';
import {ECHEANCE_KINDS, type EcheanceKind, kindPosition} from './kinds.js';
import {ECHEANCE_RULES, type Echeance} from './rules.js';

export interface ListedEcheance extends Echeance {
	/** the snooze (§4 `z`) naming this kind that still runs on day T: the item is hidden */
	readonly snooze?: Snooze;
}

export interface EcheanceOptions {
	readonly today: Day;
	/** horizon H: items due after it are left out (late ones never are) */
	readonly until: Day;
	readonly settings: Settings;
	/** only this referent's participants (case and accents ignored); undefined = all */
	readonly referent?: string;
}

export interface EcheanceList {
	readonly today: Day;
	readonly until: Day;
	readonly referent?: string;
	readonly items: readonly ListedEcheance[];
}

/** The default horizon: T + 28 days. */
export const DEFAULT_HORIZON_DAYS = 28;

/** The snooze naming `kind` that runs on day T (up to and including its `until`), if any. */
export function echeanceSnooze(participant: Participant, kind: EcheanceKind, today: Day): Snooze | undefined {
	const snoozes = participant.snoozes;
	if (snoozes === undefined || snoozes.length === 0) return undefined;
	const todayIso = isoFromDay(today); // ISO dates compare as text
	return snoozes.find(s => s.indicator === kind && s.until >= todayIso);
}

function byDueKindId(a: Echeance, b: Echeance): number {
	if (a.due !== b.due) return a.due - b.due;
	const kinds = kindPosition(a.kind) - kindPosition(b.kind);
	if (kinds !== 0) return kinds;
	const x = a.participant.id;
	const y = b.participant.id;
	return x < y ? -1 : x > y ? 1 : 0;
}

/** §7's order: due day, then kind in the table's order, then participant id (then the person's own order of steps and events). */
export function compareEcheances(a: Echeance, b: Echeance): number {
	return byDueKindId(a, b);
}

/** Appends the items of one person, late or due by `until`, marked when snoozed. */
function collectOne(f: ParticipantFacts, settings: Settings, until: Day, into: ListedEcheance[]): void {
	const hasSnoozes = f.participant.snoozes !== undefined && f.participant.snoozes.length > 0;
	for (let k = 0; k < ECHEANCE_KINDS.length; k++) {
		const kind = ECHEANCE_KINDS[k]!.id;
		const items = ECHEANCE_RULES[kind](f, settings);
		for (let i = 0; i < items.length; i++) {
			const item = items[i]!;
			if (!item.late && item.due > until) continue;
			const snooze = hasSnoozes ? echeanceSnooze(f.participant, kind, f.today) : undefined;
			into.push(snooze === undefined ? item : {...item, snooze});
		}
	}
}

/**
 * Every item of one person on day T, whatever the horizon, in §7's order, snoozed
 * ones marked: what the fiche lists. `facts` are the person's (computeFacts, or a
 * triage's facts map).
 */
export function echeancesOf(facts: ParticipantFacts, settings: Settings): ListedEcheance[] {
	const items: ListedEcheance[] = [];
	collectOne(facts, settings, Infinity, items);
	return items.sort(byDueKindId);
}

/** The same from the participant record alone. */
export function participantEcheances(participant: Participant, today: Day, settings: Settings): ListedEcheance[] {
	return echeancesOf(computeFacts(participant, today), settings);
}

/**
 * The échéances of people whose facts are already computed (a screen holds a
 * triage's facts): only those in `options.referent`'s scope, for day `options.today`.
 */
export function echeancesOfFacts(facts: Iterable<ParticipantFacts>, options: EcheanceOptions): EcheanceList {
	const wanted = referentFilter(options.referent);
	const items: ListedEcheance[] = [];
	for (const f of facts) {
		if (f.today !== options.today) throw new RangeError('échéances : faits calculés pour un autre jour');
		if (wanted(f.participant.referent)) collectOne(f, options.settings, options.until, items);
	}
	return {today: options.today, until: options.until, referent: options.referent, items: items.sort(byDueKindId)};
}

/** The échéances of a caseload (the `echeances` command). */
export function listEcheances(participants: readonly Participant[], options: EcheanceOptions): EcheanceList {
	const wanted = referentFilter(options.referent);
	const items: ListedEcheance[] = [];
	for (let p = 0; p < participants.length; p++) {
		const participant = participants[p]!;
		if (wanted(participant.referent)) collectOne(computeFacts(participant, options.today), options.settings, options.until, items);
	}
	return {today: options.today, until: options.until, referent: options.referent, items: items.sort(byDueKindId)};
}

/** The items a snooze does not hide (text list, calendar, screens). */
export function visibleEcheances<T extends ListedEcheance>(items: readonly T[]): T[] {
	return items.filter(item => item.snooze === undefined);
}
