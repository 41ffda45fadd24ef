// II.5 and III.2.1 of the activity report: the exits of the period, their
// insertion rate, and the time their parcours spent between steps.
import type {Day} from '../calendar.js';
import {dayOf} from '../facts.js';
import type {Step} from '../model.js';
import type {ExitType} from '../vocabulary.js';
import {ExactMean, fraction, percent, roundTenths} from './rounding.js';
import {type BilanPerson, type BilanScope, within} from './scope.js';
import {type BilanTable, countRow, valueRow} from './types.js';

function exitsOf(scope: BilanScope): BilanPerson[] {
	return scope.people.filter(person => within(person.exit, scope));
}

const positive = (person: BilanPerson) => person.participant.exitType === 'Positive';
const ids = (people: readonly BilanPerson[]) => people.map(person => person.id);

const TYPE_ROWS: ReadonlyArray<readonly [string, string, ExitType | undefined]> = [
	['type-positive', 'Sorties de type Positive', 'Positive'],
	['type-dynamique', 'Sorties de type Dynamique', 'Dynamique'],
	['type-reduction-des-freins', 'Sorties de type Réduction des freins', 'Réduction des freins'],
	['type-autre', 'Sorties de type Autre', 'Autre'],
	['type-non-renseigne', 'Sorties sans type renseigné', undefined],
];

export function sortiesTable(scope: BilanScope): BilanTable {
	const exits = exitsOf(scope);
	const positives = exits.filter(positive);
	const others = exits.filter(person => !positive(person));
	return {
		id: 'sorties',
		section: 'II.5',
		title: 'Sorties de l’accompagnement',
		rows: [
			countRow('positives', 'Sorties positives', ids(positives)),
			countRow('autres', 'Sorties autres', ids(others)),
			countRow('total', 'Total de sorties', ids(exits)),
			valueRow('taux-insertion', 'Taux d’insertion', percent(positives.length, exits.length), 'percent', ids(exits)),
			...TYPE_ROWS.map(([id, label, type]) => countRow(id, label, ids(exits.filter(person => person.participant.exitType === type)))),
		],
	};
}

/** The uncovered days of a parcours and the gaps they form; its figure is days / gaps (0 without gap). */
export interface InterStepGaps {
	readonly days: number;
	readonly gaps: number;
}

/**
 * III.2.1 for one parcours: the days of [integration, exit] covered by no step (a
 * step of any state covers [start, end or the exit]) form gaps, before the first
 * step and after the last included.
 */
export function interStepGaps(steps: readonly Step[], integration: Day, exit: Day): InterStepGaps {
	// the steps' spans clipped to [integration, exit], sorted by start (insertion:
	// a parcours has a handful of steps); indexed loops, no tuple per step: this
	// runs once per exit, mostly before the JIT has optimised it
	const starts: Day[] = [];
	const ends: Day[] = [];
	for (let s = 0; s < steps.length; s++) {
		const step = steps[s]!;
		const from = Math.max(dayOf(step.start), integration);
		const to = Math.min(step.end === undefined ? exit : dayOf(step.end), exit);
		if (from > to) continue;
		let at = starts.length;
		while (at > 0 && starts[at - 1]! > from) {
			starts[at] = starts[at - 1]!;
			ends[at] = ends[at - 1]!;
			at--;
		}
		starts[at] = from;
		ends[at] = to;
	}
	let next = integration; // first day not yet known to be covered
	let gaps = 0;
	let days = 0;
	for (let s = 0; s < starts.length; s++) {
		if (starts[s]! > next) {
			gaps++;
			days += starts[s]! - next;
		}
		if (ends[s]! + 1 > next) next = ends[s]! + 1;
	}
	if (next <= exit) {
		gaps++;
		days += exit - next + 1;
	}
	return {days, gaps};
}

export function interEtapesTable(scope: BilanScope): BilanTable {
	const positives = new ExactMean();
	const others = new ExactMean();
	const positiveIds: string[] = [];
	const otherIds: string[] = [];
	const allIds: string[] = [];
	const people = scope.people;
	for (let p = 0; p < people.length; p++) {
		const person = people[p]!;
		if (!within(person.exit, scope) || person.integration === undefined || person.integration > person.exit!) continue;
		allIds.push(person.id);
		const gaps = interStepGaps(person.participant.steps, person.integration, person.exit!);
		// a parcours without gap has a figure of 0
		const figure = gaps.gaps === 0 ? 0 : gaps.days;
		const over = gaps.gaps === 0 ? 1 : gaps.gaps;
		if (positive(person)) {
			positives.add(figure, over);
			positiveIds.push(person.id);
		} else {
			others.add(figure, over);
			otherIds.push(person.id);
		}
	}
	const a = positives.value();
	const b = others.value();
	// (A + B) / 2 as the seed asks, from the unrounded means, and only when both exist
	const global = a !== undefined && b !== undefined ? roundTenths(fraction(a.num * b.den + b.num * a.den, 2n * a.den * b.den)) : null;
	return {
		id: 'inter-etapes',
		section: 'III.2.1',
		title: 'Durée d’inter-étapes',
		rows: [
			valueRow('positives', 'A - Sorties positives : durée moyenne d’inter-étapes', a === undefined ? null : roundTenths(a), 'days', positiveIds),
			valueRow('autres', 'B - Sorties autres : durée moyenne d’inter-étapes', b === undefined ? null : roundTenths(b), 'days', otherIds),
			valueRow('global', 'Moyenne globale (A+B / 2)', global, 'days', allIds),
		],
	};
}
