// II.5 and III.2.1 of the activity report: the exits of the period, their
// insertion rate, and the time their parcours spent between steps.
import type {Day} from '../calendar.js';
import {dayOf} from '../facts.js';
import type {Step} from '../model.js';
import type {ExitType} from '../vocabulary.js';
import {exactMean, type Fraction, fraction, percent, roundTenths} from './rounding.js';
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

/**
 * III.2.1 for one parcours: the days of [integration, exit] covered by no step (a
 * step of any state covers [start, end or the exit]) form gaps, before the first
 * step and after the last included; the figure is their mean length, 0 without gap.
 */
export function interStepFigure(steps: readonly Step[], integration: Day, exit: Day): Fraction {
	const spans: Array<readonly [Day, Day]> = [];
	for (const step of steps) {
		const from = Math.max(dayOf(step.start), integration);
		const to = Math.min(step.end === undefined ? exit : dayOf(step.end), exit);
		if (from <= to) spans.push([from, to]);
	}
	spans.sort((a, b) => a[0] - b[0]);
	let next = integration; // first day not yet known to be covered
	let gaps = 0;
	let uncovered = 0;
	for (const [from, to] of spans) {
		if (from > next) {
			gaps++;
			uncovered += from - next;
		}
		if (to + 1 > next) next = to + 1;
	}
	if (next <= exit) {
		gaps++;
		uncovered += exit - next + 1;
	}
	return gaps === 0 ? fraction(0, 1) : fraction(uncovered, gaps);
}

export function interEtapesTable(scope: BilanScope): BilanTable {
	const positives: Fraction[] = [];
	const others: Fraction[] = [];
	const positiveIds: string[] = [];
	const otherIds: string[] = [];
	const allIds: string[] = [];
	for (const person of exitsOf(scope)) {
		if (person.integration === undefined || person.integration > person.exit!) continue;
		allIds.push(person.id);
		const figure = interStepFigure(person.participant.steps, person.integration, person.exit!);
		if (positive(person)) {
			positives.push(figure);
			positiveIds.push(person.id);
		} else {
			others.push(figure);
			otherIds.push(person.id);
		}
	}
	const a = exactMean(positives);
	const b = exactMean(others);
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
