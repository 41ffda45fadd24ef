// The « Mises en attente » queue (key Z): every alert or échéance put on hold
// (z) whose end has not passed, for the people in scope (the référent·e chosen),
// the nearest end first — what a référent reviews before the cellule. Like
// « Sorties à clôturer » it is a queue of the screens only, not one of §4's
// indicators; a row is one snooze (a person may have several), `z` on it shows
// that snooze and lifts or renews it, Entrée opens the fiche.
import {type Day, isoFromDay, toDay} from '../../domain/calendar.js';
import {echeanceLabel, isEcheanceKind} from '../../domain/echeances/index.js';
import type {ParticipantFacts} from '../../domain/facts.js';
import {indicatorById, type IndicatorDefinition} from '../../domain/indicators.js';
import type {Snooze} from '../../domain/model.js';
import type {IndicatorResult, Triage} from '../../domain/triage.js';

/** Not an indicator id nor an échéance kind: a snooze can never name it. */
export const SNOOZES_QUEUE = 'snoozes';

const DEFINITION: IndicatorDefinition = {
	id: SNOOZES_QUEUE,
	label: 'Mises en attente',
	shortLabel: 'Mises en attente',
	section: 'suivi',
	severity: 'info',
	// days left before the alert comes back, nearest first
	figure: {label: 'Jours restants', unit: 'jours', order: 'asc'},
	measure: () => undefined,
	countsClosed: true,
};

/** One snooze as a row of the queue. */
export interface QueueSnooze {
	readonly snooze: Snooze;
	/** days left before it ends (0: ends today) */
	readonly figure: number;
}

/** A person's snoozes not ended on `today`, nearest end first. */
export function currentSnoozes(facts: ParticipantFacts, today: Day): QueueSnooze[] {
	const todayIso = isoFromDay(today);
	return (facts.participant.snoozes ?? [])
		.filter(s => s.until >= todayIso)
		.map(snooze => ({snooze, figure: toDay(snooze.until) - today}))
		.sort((a, b) => a.figure - b.figure);
}

/** What a snooze is about, shortly: the alert's short label, or « Échéance : » and its kind. */
export function snoozedLabel(id: string): string {
	const indicator = indicatorById(id);
	if (indicator) return indicator.shortLabel;
	return isEcheanceKind(id) ? `Échéance : ${echeanceLabel(id)}` : id;
}

const cache = new WeakMap<Triage, IndicatorResult>();

/** The queue: one entry per person on hold (their nearest end); queueRows makes a row per snooze. */
export function snoozesQueue(result: Triage): IndicatorResult {
	let queue = cache.get(result);
	if (!queue) {
		const entries = [];
		for (const facts of result.facts.values()) {
			const [nearest] = currentSnoozes(facts, result.today);
			if (nearest) entries.push({id: facts.participant.id, figure: nearest.figure});
		}
		entries.sort((a, b) => a.figure - b.figure || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		queue = {definition: DEFINITION, entries, snoozed: []};
		cache.set(result, queue);
	}
	return queue;
}
