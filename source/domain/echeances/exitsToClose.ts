// « Sorties à clôturer » (004_…): the exits validated in cellule whose file is not
// closed yet, most urgent first — sorted by the closure due date of §7's
// exit.close (three months after the cellule, the last day included), then id.
// A snooze of exit.close hides the person, as the échéance itself.
import type {Day} from '../calendar.js';
import type {Settings} from '../settings.js';
import type {Participant, Snooze} from '../model.js';
import {echeanceSnooze} from './list.js';
import {type EcheanceFacts, exitClose} from './rules.js';

export interface ExitToClose {
	readonly participant: Participant;
	/** closure due: exit.close's due day */
	readonly due: Day;
	readonly late: boolean;
	/** the snooze of exit.close that hides the person today, if any */
	readonly snooze?: Snooze;
}

export function exitsToClose(facts: Iterable<EcheanceFacts>, settings: Settings): ExitToClose[] {
	const list: ExitToClose[] = [];
	for (const f of facts) {
		// most people have no exit in progress: the rule answers at once
		const [item] = exitClose(f, settings);
		if (item === undefined) continue;
		const snooze = echeanceSnooze(f.participant, 'exit.close', f.today);
		list.push(snooze === undefined ? {participant: f.participant, due: item.due, late: item.late} : {participant: f.participant, due: item.due, late: item.late, snooze});
	}
	return list.sort((a, b) => a.due - b.due || (a.participant.id < b.participant.id ? -1 : a.participant.id > b.participant.id ? 1 : 0));
}
