// One pass over the caseload gives every indicator's participants, sorted by urgency.
import {type Day, isoFromDay} from './calendar.js';
import {computeFacts, type ParticipantFacts} from './facts.js';
import {INDICATORS, type IndicatorDefinition} from './indicators.js';
import type {Participant} from './model.js';
import type {Settings} from './settings.js';
import {foldText} from './text.js';

export interface TriageEntry {
	readonly id: string;
	/** the figure that makes the person urgent (see the indicator's `figure`) */
	readonly figure: number;
}

export interface SnoozedEntry extends TriageEntry {
	readonly reason: string;
	readonly until: string;
}

export interface IndicatorResult {
	readonly definition: IndicatorDefinition;
	/** counted participants, most urgent first (snoozed ones excluded when hideSnoozed) */
	readonly entries: readonly TriageEntry[];
	/** participants whose alert is acknowledged until a later day */
	readonly snoozed: readonly SnoozedEntry[];
}

export interface TriageOptions {
	readonly today: Day;
	readonly settings: Settings;
	/** only this referent's participants (case and accents ignored); undefined = all */
	readonly referent?: string;
	/** snoozed alerts leave the queues and counts (dashboard); report keeps them by default */
	readonly hideSnoozed?: boolean;
}

export interface Triage {
	readonly today: Day;
	readonly referent?: string;
	readonly indicators: readonly IndicatorResult[];
	/** facts of every participant in scope, by id */
	readonly facts: ReadonlyMap<string, ParticipantFacts>;
	/** indicator ids each participant is counted in (snoozed included), by participant id */
	/** ids of the indicators a participant is counted in (snoozed included), in INDICATORS order */
	readonly memberOf: (id: string) => readonly string[];
}

export function sameReferent(a: string | undefined, b: string): boolean {
	return foldText(a ?? '') === foldText(b);
}


function activeSnooze(participant: Participant, indicatorId: string, todayIso: string) {
	if (!participant.snoozes) return undefined;
	// ISO dates compare as text
	return participant.snoozes.find(s => s.indicator === indicatorId && s.until >= todayIso);
}

// positions in INDICATORS: all of them, and those that may count a closed person
const ALL_INDICATORS: readonly number[] = INDICATORS.map((_, i) => i);
const CLOSED_INDICATORS: readonly number[] = ALL_INDICATORS.filter(i => INDICATORS[i]!.countsClosed === true);
// shared by everyone counted nowhere (most closed files)
const NO_INDICATORS: readonly string[] = Object.freeze([]);

// a membership mask holds one bit per indicator
if (INDICATORS.length > 31) throw new Error('more than 31 indicators: membership masks need another representation');

/** The indicator ids of a membership mask (bit i = INDICATORS[i]; 27 indicators fit in a small integer). */
function indicatorIdsOf(mask: number): readonly string[] {
	if (mask === 0) return NO_INDICATORS;
	const ids: string[] = [];
	for (let i = 0; i < INDICATORS.length; i++) if ((mask & (1 << i)) !== 0) ids.push(INDICATORS[i]!.id);
	return ids;
}

/** What `report` shows: the indicators' queues, without the facts kept for the screens. */
export type TriageQueues = Pick<Triage, 'today' | 'referent' | 'indicators'>;

export function triage(participants: readonly Participant[], options: TriageOptions): Triage {
	const facts = new Map<string, ParticipantFacts>();
	// a mask per person, not an array: the ids are made when a screen asks
	const masks = new Map<string, number>();
	const queues = new QueueBuilder(options);
	const wanted = referentFilter(options.referent);
	for (let p = 0; p < participants.length; p++) {
		const participant = participants[p]!;
		if (!wanted(participant.referent)) continue;
		const f = computeFacts(participant, options.today);
		facts.set(participant.id, f);
		masks.set(participant.id, queues.add(f));
	}
	return {...queues.finish(), facts, memberOf: id => indicatorIdsOf(masks.get(id) ?? 0)};
}

/** The triage's queues alone: nothing kept per person once counted (report). */
export function triageQueues(participants: readonly Participant[], options: TriageOptions): TriageQueues {
	const queues = new QueueBuilder(options);
	const wanted = referentFilter(options.referent);
	for (let p = 0; p < participants.length; p++) {
		const participant = participants[p]!;
		if (wanted(participant.referent)) queues.add(computeFacts(participant, options.today));
	}
	return queues.finish();
}

/** True for the referents in scope: all when `referent` is undefined, else the same name, case and accents aside. */
export function referentFilter(referent: string | undefined): (candidate: string | undefined) => boolean {
	if (referent === undefined) return () => true;
	const wanted = foldText(referent);
	// a caseload has a few dozen referent spellings: fold each once, not once per person
	const folded = new Map<string, string>();
	return candidate => {
		const text = candidate ?? '';
		let key = folded.get(text);
		if (key === undefined) folded.set(text, (key = foldText(text)));
		return key === wanted;
	};
}

/**
 * Builds the indicators' queues from the facts of each participant in scope, in
 * store order: one pass, every indicator asked once per person.
 */
export class QueueBuilder {
	private readonly entries: TriageEntry[][] = INDICATORS.map(() => []);
	private readonly snoozed: SnoozedEntry[][] = INDICATORS.map(() => []);
	private readonly todayIso: string;
	// ids in strictly increasing order (as a store keeps them): each list is then
	// already in id order, and its sort needs only the figures (sortEntries)
	private idsAscending = true;
	private previousId: string | undefined;
	// how the store spells the référent·e asked for (`martel ines` → `MARTEL Inès`): the most used spelling
	private readonly spellings = new Map<string, number>();

	constructor(private readonly options: TriageOptions) {
		this.todayIso = isoFromDay(options.today);
	}

	/** Counts one person; answers the indicators that count them (snoozed included), as a mask of positions in INDICATORS. */
	add(f: ParticipantFacts): number {
		const {participant} = f;
		const {settings, hideSnoozed} = this.options;
		if (this.previousId !== undefined && !(this.previousId < participant.id)) this.idsAscending = false;
		this.previousId = participant.id;
		if (this.options.referent !== undefined && participant.referent !== undefined) {
			this.spellings.set(participant.referent, (this.spellings.get(participant.referent) ?? 0) + 1);
		}
		const candidates = f.closed ? CLOSED_INDICATORS : ALL_INDICATORS;
		let mask = 0;
		for (let c = 0; c < candidates.length; c++) {
			const i = candidates[c]!;
			const indicator = INDICATORS[i]!;
			const figure = indicator.measure(f, settings);
			if (figure === undefined) continue;
			mask |= 1 << i;
			const snooze = activeSnooze(participant, indicator.id, this.todayIso);
			if (snooze) {
				this.snoozed[i]!.push({id: participant.id, figure, reason: snooze.reason, until: snooze.until});
				if (hideSnoozed) continue;
			}
			this.entries[i]!.push({id: participant.id, figure});
		}
		return mask;
	}

	finish(): TriageQueues {
		const indicators = INDICATORS.map((definition, i) => {
			const sign = definition.figure.order === 'asc' ? 1 : -1;
			return {definition, entries: sortEntries(this.entries[i]!, sign, this.idsAscending), snoozed: this.snoozed[i]!};
		});
		return {today: this.options.today, referent: this.storeSpelling(), indicators};
	}

	/** The référent·e in scope as the store writes the name; the name asked for when nobody matched. */
	private storeSpelling(): string | undefined {
		let best: string | undefined;
		let most = 0;
		for (const [spelling, count] of this.spellings) {
			if (count > most) [best, most] = [spelling.trim(), count];
		}
		return best ?? this.options.referent;
	}
}

// Whole figures below 2^31 and lists below 2^21 entries keep `figure * length + index` exact.
const MAX_FIGURE = 2 ** 31;
const MAX_LENGTH = 2 ** 21;

/**
 * `list` sorted by sign × figure, then by id. When the list is already in strictly
 * increasing id order and its figures are whole numbers, each entry becomes one
 * number (sign × figure × length + index) and a typed array sorts them natively:
 * at 10,000 participants the comparator below took a fifth of the triage.
 */
function sortEntries(list: TriageEntry[], sign: number, idsAscending: boolean): TriageEntry[] {
	const length = list.length;
	if (idsAscending && length < MAX_LENGTH) {
		const keys = new Float64Array(length);
		let whole = true;
		for (let j = 0; j < length; j++) {
			const figure = list[j]!.figure;
			if (!Number.isInteger(figure) || figure >= MAX_FIGURE || figure <= -MAX_FIGURE) {
				whole = false;
				break;
			}
			keys[j] = sign * figure * length + j;
		}
		if (whole) {
			keys.sort();
			const sorted: TriageEntry[] = [];
			for (let k = 0; k < length; k++) sorted.push(list[((keys[k]! % length) + length) % length]!);
			return sorted;
		}
	}
	return list.sort((a, b) => sign * (a.figure - b.figure) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

export function indicatorResult(result: Triage, id: string): IndicatorResult | undefined {
	return result.indicators.find(indicator => indicator.definition.id === id);
}
