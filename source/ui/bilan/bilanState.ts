// Where the user is on the « Bilan » screen, as plain data changed by a pure
// reducer: the period chosen, the highlighted row and the first line shown. The
// row is kept by its ids, not its position: a new period or an edit changes the
// rows around it (one per year of the protocol, per month, per person), and the
// highlight stays on « Taux d'insertion » rather than on whatever took its place.
import {clamp, type Move, movedCursor} from '../navigation.js';
import type {BilanLines} from './bilanLines.js';
import {DEFAULT_CHOICE, type PeriodChoice} from './bilanPeriod.js';

export interface RowKey {
	readonly table: string;
	readonly row: string;
}

export interface BilanState {
	readonly choice: PeriodChoice;
	/** the highlighted row; undefined = the first */
	readonly at?: RowKey;
	/** first line on screen */
	readonly offset: number;
	/** the form asking the two dates is open */
	readonly datesForm: boolean;
}

export type BilanAction =
	| {readonly type: 'move'; readonly move: Move; readonly layout: BilanLines; readonly page: number}
	/** ← →: the first row of the previous / next table, its heading at the top */
	| {readonly type: 'jump-table'; readonly direction: -1 | 1; readonly layout: BilanLines; readonly page: number}
	| {readonly type: 'choose'; readonly choice: PeriodChoice}
	| {readonly type: 'dates-form'; readonly open: boolean};

export function initialBilanState(choice: PeriodChoice = DEFAULT_CHOICE): BilanState {
	return {choice, offset: 0, datesForm: false};
}

const indexes = new WeakMap<BilanLines, Map<string, number>>();

function keyText(table: string, row: string): string {
	return `${table}\u0000${row}`;
}

/** The highlighted row's index: its own, else its table's first row, else the first row. */
export function cursorIndex(layout: BilanLines, at: RowKey | undefined): number {
	if (at === undefined || layout.rowLines.length === 0) return 0;
	let index = indexes.get(layout);
	if (index === undefined) {
		index = new Map();
		for (const line of layout.lines) if (line.kind === 'row') index.set(keyText(line.table.id, line.row.id), line.index);
		indexes.set(layout, index);
	}
	const own = index.get(keyText(at.table, at.row));
	if (own !== undefined) return own;
	const start = layout.tableStarts.find(start => rowAt(layout, start)?.table === at.table);
	return start ?? 0;
}

function rowAt(layout: BilanLines, index: number): RowKey | undefined {
	const line = layout.lines[layout.rowLines[index] ?? -1];
	return line?.kind === 'row' ? {table: line.table.id, row: line.row.id} : undefined;
}

/**
 * The first line to show so that row `index` is on screen (with its table's
 * heading when it is the table's first row), moving the window as little as possible.
 */
export function windowStart(layout: BilanLines, index: number, offset: number, page: number): number {
	const size = Math.max(1, page);
	const line = layout.rowLines[index];
	if (line === undefined) return 0;
	const top = layout.tableStarts.includes(index) ? line - 1 : line;
	let first = offset;
	if (top < first) first = top;
	if (line >= first + size) first = line - size + 1;
	return clamp(first, 0, Math.max(0, layout.lines.length - size));
}

function moveTo(state: BilanState, layout: BilanLines, target: number, offset: number, page: number): BilanState {
	const at = rowAt(layout, target);
	return at === undefined ? state : {...state, at, offset: windowStart(layout, target, offset, page)};
}

export function bilanReducer(state: BilanState, action: BilanAction): BilanState {
	switch (action.type) {
		case 'move': {
			const {layout, page} = action;
			const from = cursorIndex(layout, state.at);
			return moveTo(state, layout, movedCursor(from, action.move, layout.rowLines.length, page), state.offset, page);
		}
		case 'jump-table': {
			const {layout, page} = action;
			const from = cursorIndex(layout, state.at);
			const starts = layout.tableStarts;
			let current = 0;
			while (current + 1 < starts.length && starts[current + 1]! <= from) current++;
			// ← first goes back to the start of the table the cursor is in
			const target = action.direction === 1 ? starts[current + 1] : from > (starts[current] ?? 0) ? starts[current] : starts[current - 1];
			if (target === undefined) return state;
			// the table's heading at the top of the screen
			return moveTo(state, layout, target, layout.rowLines[target]! - 1, page);
		}
		case 'choose':
			return {...state, choice: action.choice, datesForm: false};
		case 'dates-form':
			return {...state, datesForm: action.open};
	}
}
