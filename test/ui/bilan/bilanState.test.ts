// The « Bilan » screen's pure parts: the presets' periods, the figures as the
// paper writes them, the highlighted row kept by its ids, the window and the jumps.
import {describe, expect, it} from 'vitest';
import {frenchDate, toDay} from '../../../source/domain/calendar.js';
import {type BilanTable, countRow, valueRow} from '../../../source/domain/bilan/index.js';
import {bilanLines, figureText} from '../../../source/ui/bilan/bilanLines.js';
import {periodOf} from '../../../source/ui/bilan/bilanPeriod.js';
import {bilanReducer, cursorIndex, initialBilanState, windowStart} from '../../../source/ui/bilan/bilanState.js';
import type {Move} from '../../../source/ui/navigation.js';

const shown = (period: {from: number; to: number}) => `${frenchDate(period.from)} → ${frenchDate(period.to)}`;

describe('bilan periods', () => {
	it('semester under way: 1 January or 1 July up to today; the year up to today; the whole previous year', () => {
		expect(shown(periodOf({kind: 'preset', preset: 'semester'}, toDay('2026-06-30')))).toBe('01/01/2026 → 30/06/2026');
		expect(shown(periodOf({kind: 'preset', preset: 'semester'}, toDay('2026-07-01')))).toBe('01/07/2026 → 01/07/2026');
		expect(shown(periodOf({kind: 'preset', preset: 'semester'}, toDay('2026-12-31')))).toBe('01/07/2026 → 31/12/2026');
		expect(shown(periodOf({kind: 'preset', preset: 'year'}, toDay('2026-01-01')))).toBe('01/01/2026 → 01/01/2026');
		expect(shown(periodOf({kind: 'preset', preset: 'previous-year'}, toDay('2025-03-01')))).toBe('01/01/2024 → 31/12/2024');
		expect(shown(periodOf({kind: 'dates', from: toDay('2026-02-03'), to: toDay('2026-02-28')}, toDay('2030-01-01')))).toBe('03/02/2026 → 28/02/2026');
	});
});

describe('bilan figures', () => {
	it('writes counts, rates with a comma and %, days with j, flags as oui / non, absent values as —', () => {
		expect(figureText(countRow('x', 'x', ['a', 'b', 'c']))).toBe('3');
		expect(figureText(valueRow('x', 'x', 66.7, 'percent'))).toBe('66,7 %');
		expect(figureText(valueRow('x', 'x', 75, 'percent'))).toBe('75,0 %');
		expect(figureText(valueRow('x', 'x', 12.5, 'days'))).toBe('12,5 j');
		expect(figureText(valueRow('x', 'x', 0, 'days'))).toBe('0,0 j');
		expect(figureText(valueRow('x', 'x', 1, 'flag'))).toBe('oui');
		expect(figureText(valueRow('x', 'x', 0, 'flag'))).toBe('non');
		expect(figureText(valueRow('x', 'x', null, 'percent'))).toBe('—');
	});
});

function table(id: string, rows: string[]): BilanTable {
	return {id: id as BilanTable['id'], section: id.toUpperCase(), title: `Tableau ${id}`, rows: rows.map(row => countRow(row, row, []))};
}

describe('bilan screen state', () => {
	// lines: 0 heading a, 1-3 rows, 4 blank, 5 heading b, 6-15 rows, 16 blank, 17 heading c, 18-19 rows
	const layout = bilanLines({tables: [table('a', ['a1', 'a2', 'a3']), table('b', Array.from({length: 10}, (_, i) => `b${i + 1}`)), table('c', ['c1', 'c2'])]});

	it('moves over rows only, keeping the row and its table’s heading on screen', () => {
		let state = initialBilanState();
		const move = (m: Move) => {
			state = bilanReducer(state, {type: 'move', move: m, layout, page: 5});
		};
		move(3);
		// b1, the first row of b: the window moves just enough to show it with its heading (lines 2–6)
		expect(state.at).toEqual({table: 'b', row: 'b1'});
		expect(state.offset).toBe(2);
		move(-1);
		expect(state).toMatchObject({at: {table: 'a', row: 'a3'}, offset: 2});
		move(-2);
		// a1: its heading (line 0) comes back on screen
		expect(state).toMatchObject({at: {table: 'a', row: 'a1'}, offset: 0});
		move(3);
		move('last');
		expect(state.at).toEqual({table: 'c', row: 'c2'});
		expect(state.offset).toBe(layout.lines.length - 5);
		move('first');
		expect(state.at).toEqual({table: 'a', row: 'a1'});
		expect(state.offset).toBe(0);
	});

	it('jumps to the next table’s heading with →, and with ← back to the start of the table, then to the table before', () => {
		let state = initialBilanState();
		const jump = (direction: -1 | 1) => {
			state = bilanReducer(state, {type: 'jump-table', direction, layout, page: 5});
		};
		jump(1);
		expect(state).toMatchObject({at: {table: 'b', row: 'b1'}, offset: 5});
		state = bilanReducer(state, {type: 'move', move: 4, layout, page: 5});
		expect(state.at).toEqual({table: 'b', row: 'b5'});
		jump(-1);
		expect(state.at).toEqual({table: 'b', row: 'b1'});
		jump(-1);
		expect(state).toMatchObject({at: {table: 'a', row: 'a1'}, offset: 0});
		jump(-1);
		expect(state.at).toEqual({table: 'a', row: 'a1'});
		jump(1);
		jump(1);
		jump(1);
		expect(state.at).toEqual({table: 'c', row: 'c1'});
	});

	it('keeps the highlighted row by its ids when the rows around it change (another period), else its table’s first row', () => {
		const state = {...initialBilanState(), at: {table: 'b', row: 'b3'}};
		const longer = bilanLines({tables: [table('a', ['a1', 'a2', 'a3', 'a4', 'a5']), table('b', ['b1', 'b2', 'b3'])]});
		expect(cursorIndex(layout, state.at)).toBe(5);
		expect(cursorIndex(longer, state.at)).toBe(7);
		expect(cursorIndex(longer, {table: 'b', row: 'b9'})).toBe(5);
		expect(cursorIndex(longer, {table: 'z', row: 'z1'})).toBe(0);
		// the window follows the row wherever it now is (b3 is line 10, the last: lines 8–10)
		expect(windowStart(longer, 7, 0, 3)).toBe(8);
		expect(windowStart(longer, 5, 10, 3)).toBe(7);
	});
});
