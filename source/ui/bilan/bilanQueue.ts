// The people of a bilan row as a queue the dashboard's queue screen shows (n / p,
// the fiche, the edits from the queue): an indicator-like list made for the row,
// in the row's order (the store's), numbered. One per row object: the screen asks
// for it at each key, and a 10,000-person row is not rebuilt each time.
import type {Bilan, BilanRow, BilanTable} from '../../domain/bilan/index.js';
import type {IndicatorResult} from '../../domain/triage.js';
import type {RowKey} from './bilanState.js';

const made = new WeakMap<BilanRow, IndicatorResult>();

/** The queue's id: never one of an indicator's (they have no colon). */
export function bilanQueueId(key: RowKey): string {
	return `bilan:${key.table}:${key.row}`;
}

export function findRow(bilan: Pick<Bilan, 'tables'>, key: RowKey): {table: BilanTable; row: BilanRow} | undefined {
	const table = bilan.tables.find(t => t.id === key.table);
	const row = table?.rows.find(r => r.id === key.row);
	return table && row ? {table, row} : undefined;
}

/** The row's people as a queue, or undefined when the row is not in this bilan (any more). */
export function bilanQueue(bilan: Pick<Bilan, 'tables'>, key: RowKey): IndicatorResult | undefined {
	const found = findRow(bilan, key);
	if (!found) return undefined;
	const {table, row} = found;
	let queue = made.get(row);
	if (queue === undefined) {
		queue = {
			definition: {
				id: bilanQueueId(key),
				label: `${row.label} (bilan ${table.section})`,
				section: 'effectifs',
				severity: 'info',
				// the position in the row: the queue screen's figure column (a bilan row has no figure per person)
				figure: {label: 'N°', unit: 'absences', order: 'asc'},
				measure: () => undefined,
			},
			entries: row.participants.map((id, i) => ({id, figure: i + 1})),
			snoozed: [],
		};
		made.set(row, queue);
	}
	return queue;
}
