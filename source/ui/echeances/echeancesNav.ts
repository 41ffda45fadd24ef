// Where the user is on the échéances screen, as plain data changed by a pure
// reducer: the highlighted item, the first item on screen, the kind shown (or
// all) and the kind picker (`f`). The rows are grouped by week under headings
// (« En retard », « Cette semaine »…): a heading takes a line, so the window of
// items on screen depends on where the groups start (`groupStarts`, at most four
// numbers, carried by the move actions).
import {ECHEANCE_KIND_IDS, type EcheanceKind} from '../../domain/echeances/index.js';
import {clamp, type Move, movedCursor} from '../navigation.js';

export interface EcheancesNav {
	/** index of the highlighted item in the (kind-filtered) list */
	readonly cursor: number;
	/** index of the first item on screen */
	readonly offset: number;
	/** only this kind, or every kind */
	readonly kind?: EcheanceKind;
	/** the kind picker is open */
	readonly picking: boolean;
	/** the highlighted line of the picker (KIND_CHOICES) */
	readonly kindCursor: number;
}

/** The picker's lines: every kind (undefined), then each kind in §7's order. */
export const KIND_CHOICES: ReadonlyArray<EcheanceKind | undefined> = [undefined, ...ECHEANCE_KIND_IDS];

export const INITIAL_ECHEANCES_NAV: EcheancesNav = {cursor: 0, offset: 0, picking: false, kindCursor: 0};

export type EcheancesAction =
	/** `groupStarts`: the items that begin a group (each heading takes a line) */
	| {readonly type: 'move'; readonly move: Move; readonly count: number; readonly page: number; readonly groupStarts?: readonly number[]}
	/** the highlighted item, set (n / p from a fiche opened here) */
	| {readonly type: 'select'; readonly index: number}
	| {readonly type: 'pick'}
	/** the kind under the picker's cursor */
	| {readonly type: 'choose'}
	| {readonly type: 'close-picker'}
	/** back on the screen: from the top */
	| {readonly type: 'reset'};

/**
 * How many items fit in `page` lines from item `offset`: the first line is the
 * heading of the first item's group, and each group starting below takes a line.
 */
export function itemsFitting(offset: number, page: number, groupStarts: readonly number[], count: number): number {
	let lines = 1;
	let items = 0;
	for (let i = offset; i < count; i++) {
		const need = i > offset && groupStarts.includes(i) ? 2 : 1;
		if (lines + need > page) break;
		lines += need;
		items++;
	}
	return Math.max(1, items);
}

/** The first item on screen so that the cursor's item is shown, moving the window as little as possible. */
export function scrolledOffset(cursor: number, offset: number, page: number, groupStarts: readonly number[], count: number): number {
	if (count === 0) return 0;
	let first = clamp(offset, 0, count - 1);
	if (cursor < first) return cursor;
	while (cursor >= first + itemsFitting(first, page, groupStarts, count)) first++;
	return first;
}

export function echeancesReducer(state: EcheancesNav, action: EcheancesAction): EcheancesNav {
	switch (action.type) {
		case 'move': {
			if (state.picking) return {...state, kindCursor: movedCursor(state.kindCursor, action.move, KIND_CHOICES.length, action.page)};
			const starts = action.groupStarts ?? [];
			// a page of items: what the screen shows from the top of a page
			const page = action.move === 'pageUp' || action.move === 'pageDown' ? itemsFitting(state.offset, action.page, starts, action.count) : action.page;
			const cursor = movedCursor(clamp(state.cursor, 0, Math.max(0, action.count - 1)), action.move, action.count, page);
			return {...state, cursor, offset: scrolledOffset(cursor, state.offset, action.page, starts, action.count)};
		}
		case 'select':
			return {...state, cursor: Math.max(0, action.index)};
		case 'pick':
			return {...state, picking: true, kindCursor: Math.max(0, KIND_CHOICES.indexOf(state.kind))};
		case 'choose': {
			const kind = KIND_CHOICES[clamp(state.kindCursor, 0, KIND_CHOICES.length - 1)];
			return {...state, picking: false, kind, cursor: 0, offset: 0};
		}
		case 'close-picker':
			return {...state, picking: false};
		case 'reset':
			return {...state, cursor: 0, offset: 0, picking: false};
	}
}
