// Annex 5 of the activity report: one row per participant accompanied during the period.
import {dayOf} from '../facts.js';
import type {Step} from '../model.js';
import type {Day} from '../calendar.js';
import type {BilanPerson, BilanScope} from './scope.js';
import {type BilanTable, countRow} from './types.js';

/** Accompanied in [D1, D2]: seen, integrated or not integrated by D2, and not closed before D1. */
export function accompanied(person: BilanPerson, scope: BilanScope): boolean {
	const {from, to} = scope;
	const seen =
		(person.firstAppointment !== undefined && person.firstAppointment <= to) ||
		(person.integration !== undefined && person.integration <= to) ||
		(person.nonIntegration !== undefined && person.nonIntegration <= to);
	if (!seen) return false;
	return !(person.exit !== undefined && person.exit < from) && !(person.nonIntegration !== undefined && person.nonIntegration < from);
}

export function listeNominativeTable(scope: BilanScope): BilanTable {
	const rows = scope.people.filter(person => accompanied(person, scope)).map(person => countRow(person.id, person.participant.name, [person.id]));
	return {id: 'liste-nominative', section: 'Annexe 5', title: 'Liste nominative des personnes accompagnées pendant la période', rows};
}

/** « Dernière étape » of Annex 5: the step started by D2 with the latest start (the later in the list on a tie). */
export function lastStartedStep(steps: readonly Step[], end: Day): Step | undefined {
	let best: Step | undefined;
	let bestStart = -Infinity;
	for (const step of steps) {
		const start = dayOf(step.start);
		if (start <= end && start >= bestStart) {
			best = step;
			bestStart = start;
		}
	}
	return best;
}

/** « Prochaine étape prévue » of Annex 5: the earliest step of any state starting after D2 (the first in the list on a tie). */
export function nextStepAfter(steps: readonly Step[], end: Day): Step | undefined {
	let best: Step | undefined;
	let bestStart = Infinity;
	for (const step of steps) {
		const start = dayOf(step.start);
		if (start > end && start < bestStart) {
			best = step;
			bestStart = start;
		}
	}
	return best;
}
