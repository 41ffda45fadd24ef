// The people of a bilan row as a queue the dashboard's queue screen shows (n / p,
// the fiche, the edits from the queue): an indicator-like list made for the row,
// in the row's order (the store's), numbered. One per row object: the screen asks
// for it at each key, and a 10,000-person row is not rebuilt each time.
import {isoFromDay} from '../../domain/calendar.js';
import type {Bilan, BilanPeriod, BilanRow, BilanTable} from '../../domain/bilan/index.js';
import type {IndicatorResult} from '../../domain/triage.js';
import {NOMINATIVE_TABLE} from './bilanLines.js';
import type {RowKey} from './bilanState.js';

const made = new WeakMap<BilanRow, IndicatorResult>();

/**
 * The queue's id: never one of an indicator's (they have no colon), and another
 * for another period (App keeps a queue's rows while its id and the triage stay the same).
 */
export function bilanQueueId(key: RowKey, period: BilanPeriod): string {
	return `bilan:${key.table}:${key.row}:${isoFromDay(period.from)}:${isoFromDay(period.to)}`;
}

export function findRow(bilan: Pick<Bilan, 'tables'>, key: RowKey): {table: BilanTable; row: BilanRow} | undefined {
	const table = bilan.tables.find(t => t.id === key.table);
	const row = table?.rows.find(r => r.id === key.row);
	return table && row ? {table, row} : undefined;
}

/** The row's people as a queue; an empty one when the row is no longer in the bilan (its person left the nominative list). */
export function bilanQueue(bilan: Pick<Bilan, 'tables' | 'from' | 'to'>, key: RowKey): IndicatorResult {
	const found = findRow(bilan, key);
	if (!found) return queueOf(bilan, key, 'Ligne absente du bilan', []);
	const {table, row} = found;
	let queue = made.get(row);
	if (queue === undefined) {
		// a nominative row's label is a name: the queue is titled by the id (discrétion)
		queue = queueOf(bilan, key, `${table.id === NOMINATIVE_TABLE ? row.id : row.label} (bilan ${table.section})`, row.participants);
		made.set(row, queue);
	}
	return queue;
}

function queueOf(period: BilanPeriod, key: RowKey, label: string, people: readonly string[]): IndicatorResult {
	return {
		definition: {
			id: bilanQueueId(key, period),
			label,
			shortLabel: label,
			section: 'effectifs',
			severity: 'info',
			// the position in the row: the queue screen's figure column (a bilan row has no figure per person; the unit is shown nowhere)
			figure: {label: 'N°', unit: 'absences', order: 'asc'},
			measure: () => undefined,
		},
		entries: people.map((id, i) => ({id, figure: i + 1})),
		snoozed: [],
	};
}
