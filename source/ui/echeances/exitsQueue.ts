// The « Sorties à clôturer » queue (004_…, key S): exits validated in cellule whose
// file is not closed, by closure due date. Not one of §4's indicators (those are
// fixed, and `report` prints them): a queue of the screens only, shown like the
// indicators' queues (Entrée opens the fiche, n / p go through it, `s` records the
// follow-up dates, `z` snoozes exit.close for the person). Its id is the échéance
// kind it lists, so a snooze from it names that kind.
import {exitsToClose} from '../../domain/echeances/index.js';
import type {IndicatorDefinition} from '../../domain/indicators.js';
import type {Settings} from '../../domain/settings.js';
import {indicatorResult, type IndicatorResult, type Triage} from '../../domain/triage.js';
import {SNOOZES_QUEUE, snoozesQueue} from '../snoozes/snoozesQueue.js';

export const EXITS_TO_CLOSE = 'exit.close';

const DEFINITION: IndicatorDefinition = {
	id: EXITS_TO_CLOSE,
	label: 'Sorties à clôturer',
	shortLabel: 'Sorties à clôturer',
	section: 'suivi',
	severity: 'urgent',
	// days left before the closure is due (negative: late), most urgent first
	figure: {label: 'Jours avant clôture', unit: 'jours', order: 'asc'},
	measure: () => undefined,
	countsClosed: true,
};

const cache = new WeakMap<Triage, IndicatorResult>();

/** The queue of `id`: one of the indicators, « Sorties à clôturer » or « Mises en attente » (snoozes/). */
export function queueOf(result: Triage, id: string, settings: Settings): IndicatorResult | undefined {
	if (id === SNOOZES_QUEUE) return snoozesQueue(result);
	if (id !== EXITS_TO_CLOSE) return indicatorResult(result, id);
	let queue = cache.get(result);
	if (!queue) {
		const list = exitsToClose(result.facts.values(), settings);
		const figure = (due: number) => due - result.today;
		queue = {
			definition: DEFINITION,
			entries: list.filter(e => e.snooze === undefined).map(e => ({id: e.participant.id, figure: figure(e.due)})),
			snoozed: list.flatMap(e => (e.snooze === undefined ? [] : [{id: e.participant.id, figure: figure(e.due), reason: e.snooze.reason, until: e.snooze.until}])),
		};
		cache.set(result, queue);
	}
	return queue;
}
