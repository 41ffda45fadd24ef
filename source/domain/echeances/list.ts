// The échéances of a caseload on day T up to a horizon H (REFERENTIEL §7): every
// item late or due on or before H, sorted by due day, then kind in §7's order,
// then participant id. Snoozed items are kept and marked: `--json` shows them,
// the text list, the calendar and the screens leave them out (visibleEcheances).
import {type Day, isoFromDay, toDay} from '../calendar.js';
import type {Participant, Snooze} from '../model.js';
import type {Settings} from '../settings.js';
import {referentFilter} from '../triage.js';
import {ECHEANCE_KINDS, type EcheanceKind, kindPosition} from './kinds.js';
import {type Echeance, type EcheanceFacts, RULES_IN_ORDER} from './rules.js';
import {statusFacts} from './statusFacts.js';

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
	return snoozes.find(s => s.indicator === kind && toDay(s.until) >= today);
}

// positions in §7's table as plain properties: the comparator runs ~300,000 times for a caseload of 10,000
const POSITION: Readonly<Record<EcheanceKind, number>> = Object.fromEntries(ECHEANCE_KINDS.map(kind => [kind.id, kindPosition(kind.id)])) as Record<
	EcheanceKind,
	number
>;

function byDueKindId(a: Echeance, b: Echeance): number {
	if (a.due !== b.due) return a.due - b.due;
	const kinds = POSITION[a.kind] - POSITION[b.kind];
	if (kinds !== 0) return kinds;
	const x = a.participant.id;
	const y = b.participant.id;
	return x < y ? -1 : x > y ? 1 : 0;
}

/** §7's order: due day, then kind in the table's order, then participant id (then the person's own order of steps and events). */
export function compareEcheances(a: Echeance, b: Echeance): number {
	return byDueKindId(a, b);
}

const KIND_COUNT = ECHEANCE_KINDS.length;

/**
 * `items` in §7's order. They were appended person by person, each person's in
 * kind then step order; when the persons came in strictly increasing id order (as
 * a store keeps them), ordering by (due, kind) and then by position is the same
 * as by (due, kind, id, own order), and each item becomes one number sorted
 * natively — the comparator sort took a tenth of `echeances --json` at 10,000.
 */
function sortEcheances<T extends Echeance>(items: T[], idsAscending: boolean): T[] {
	const n = items.length;
	if (!idsAscending || n < 2) return items.sort(byDueKindId);
	let first = Infinity;
	let last = -Infinity;
	for (let i = 0; i < n; i++) {
		const due = items[i]!.due;
		if (due < first) first = due;
		if (due > last) last = due;
	}
	// (due − first) × kinds × n + kind × n + position stays an exact integer below 2^53
	if (!Number.isSafeInteger((last - first + 1) * KIND_COUNT * n)) return items.sort(byDueKindId);
	const keys = new Float64Array(n);
	for (let i = 0; i < n; i++) {
		const item = items[i]!;
		keys[i] = ((item.due - first) * KIND_COUNT + POSITION[item.kind]) * n + i;
	}
	keys.sort();
	const sorted: T[] = new Array<T>(n);
	for (let k = 0; k < n; k++) sorted[k] = items[keys[k]! % n]!;
	return sorted;
}

/** Appends the items of one person, late or due by `until`, marked when snoozed. */
function collectOne(f: EcheanceFacts, settings: Settings, until: Day, into: ListedEcheance[]): void {
	const hasSnoozes = f.participant.snoozes !== undefined && f.participant.snoozes.length > 0;
	for (let k = 0; k < RULES_IN_ORDER.length; k++) {
		const items = RULES_IN_ORDER[k]!(f, settings);
		for (let i = 0; i < items.length; i++) {
			const item = items[i]!;
			if (!item.late && item.due > until) continue;
			const snooze = hasSnoozes ? echeanceSnooze(f.participant, item.kind, f.today) : undefined;
			into.push(snooze === undefined ? item : {...item, snooze});
		}
	}
}

/**
 * Every item of one person on day T, whatever the horizon, in §7's order, snoozed
 * ones marked: what the fiche lists. `facts` are the person's (computeFacts, or a
 * triage's facts map).
 */
export function echeancesOf(facts: EcheanceFacts, settings: Settings): ListedEcheance[] {
	const items: ListedEcheance[] = [];
	collectOne(facts, settings, Infinity, items);
	return items.sort(byDueKindId);
}

/** The same from the participant record alone. */
export function participantEcheances(participant: Participant, today: Day, settings: Settings): ListedEcheance[] {
	return echeancesOf(statusFacts(participant, today), settings);
}

/**
 * The échéances of people whose facts are already computed (a screen holds a
 * triage's facts): only those in `options.referent`'s scope, for day `options.today`.
 */
export function echeancesOfFacts(facts: Iterable<EcheanceFacts>, options: EcheanceOptions): EcheanceList {
	const wanted = referentFilter(options.referent);
	const items: ListedEcheance[] = [];
	const order = new IdOrder();
	for (const f of facts) {
		if (f.today !== options.today) throw new RangeError('échéances : faits calculés pour un autre jour');
		if (!wanted(f.participant.referent)) continue;
		order.next(f.participant.id);
		collectOne(f, options.settings, options.until, items);
	}
	return {today: options.today, until: options.until, referent: options.referent, items: sortEcheances(items, order.ascending)};
}

/** Whether the persons came in strictly increasing id order. */
class IdOrder {
	ascending = true;
	private previous: string | undefined;
	next(id: string): void {
		if (this.previous !== undefined && !(this.previous < id)) this.ascending = false;
		this.previous = id;
	}
}

/**
 * True when `participant` can have no item on day T: a closed file (§3) whose exit
 * follow-up is over or never began. Every rule but exit.* asks for an open file,
 * and the exit.* rules for a validated exit not yet closed. Such files are most of
 * a store that keeps years of exits: their steps and events need not be read.
 */
function settled(participant: Participant, todayIso: string): boolean {
	const {exitDate, nonIntegrationDate} = participant;
	// ISO dates compare as text
	const closed = (exitDate !== undefined && exitDate <= todayIso) || (nonIntegrationDate !== undefined && nonIntegrationDate <= todayIso);
	return closed && (participant.exitValidatedOn === undefined || participant.exitClosedOn !== undefined);
}

/** The échéances of a caseload (the `echeances` command). */
export function listEcheances(participants: readonly Participant[], options: EcheanceOptions): EcheanceList {
	const wanted = referentFilter(options.referent);
	const todayIso = isoFromDay(options.today);
	const items: ListedEcheance[] = [];
	const order = new IdOrder();
	for (let p = 0; p < participants.length; p++) {
		const participant = participants[p]!;
		if (!wanted(participant.referent) || settled(participant, todayIso)) continue;
		order.next(participant.id);
		collectOne(statusFacts(participant, options.today, todayIso), options.settings, options.until, items);
	}
	return {today: options.today, until: options.until, referent: options.referent, items: sortEcheances(items, order.ascending)};
}

/** The items a snooze does not hide (text list, calendar, screens). */
export function visibleEcheances<T extends ListedEcheance>(items: readonly T[]): T[] {
	return items.filter(item => item.snooze === undefined);
}
