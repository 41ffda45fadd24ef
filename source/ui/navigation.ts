// Where the user is, as plain data changed by a pure reducer: the level
// (dashboard → queue → participant), a cursor and a filter per list, the
// overlays and the display modes. The lists themselves (indicators, queue
// rows) come from the triage; actions carry the sizes the reducer needs.
import type {BilanState, RowKey} from './bilan/bilanState.js';
import {type EcheancesAction, echeancesReducer, type EcheancesNav, INITIAL_ECHEANCES_NAV} from './echeances/echeancesNav.js';
import type {View} from './keymap.js';

export interface ListState {
	/** index of the highlighted row in the (filtered) list */
	readonly cursor: number;
	/** index of the first row on screen */
	readonly offset: number;
	readonly filter: string;
}

export type Overlay = 'none' | 'help' | 'referent' | 'people';

/** The fiche shown: one cursor runs down its steps, then its events (ParticipantScreen). */
export interface FicheState {
	readonly id: string;
	/** the line selected: steps first (0 … steps − 1), then the events, latest first */
	readonly step: number;
	/** first step and first event on screen (each section scrolls on its own) */
	readonly stepOffset: number;
	readonly eventOffset?: number;
	/** opened from the échéances screen: Esc goes back there, n / p go through its list */
	readonly from?: 'echeances';
}

/** Where the user was when they opened a fiche from the people search (`:`): Esc goes back there. */
export interface ReturnPoint {
	readonly view: View;
	readonly queue?: NavState['queue'];
	readonly participant?: FicheState;
	readonly returnTo?: ReturnPoint;
}

export interface NavState {
	readonly view: View;
	readonly dashboard: ListState;
	/** the open queue (kept while a participant of it is shown); `bilanRow`: the people of a bilan row */
	readonly queue?: ListState & {readonly indicatorId: string; readonly bilanRow?: RowKey; readonly from?: 'echeances'};
	/** the « Bilan » screen (ui/bilan/bilanState.ts), kept while the queue of one of its rows is open */
	readonly bilan?: BilanState;
	/** the participant shown, with the selected step; `from`: opened from the échéances screen (Esc goes back there) */
	readonly participant?: FicheState;
	/** set when the fiche shown was opened from the people search: where Esc goes back to */
	readonly returnTo?: ReturnPoint;
	/** the échéances screen (its own state and reducer: echeances/echeancesNav.ts) */
	readonly echeances: EcheancesNav;
	readonly overlay: Overlay;
	/** the referent list of the `r` overlay, and the letters typed to narrow it */
	readonly referentCursor: number;
	readonly pickerQuery: string;
	/** first line of the help shown (the help scrolls when the keymap outgrows the screen) */
	readonly helpOffset: number;
	/** typing into the current list's filter: printable keys go to the filter */
	readonly typing: boolean;
	readonly discretion: boolean;
	/** undefined = all referents */
	readonly referent?: string;
}

export type Move = number | 'first' | 'last' | 'pageUp' | 'pageDown';

/** The fiche's two scrolling sections, for a move of its cursor. */
export interface FicheSections {
	readonly steps: number;
	readonly stepPage: number;
	readonly eventPage: number;
}

export type NavAction =
	/** `groupStarts`: on the échéances screen, where the week groups start (their headings take lines) */
	| {readonly type: 'move'; readonly move: Move; readonly count: number; readonly page: number; readonly fiche?: FicheSections; readonly groupStarts?: readonly number[]}
	| {readonly type: 'select'; readonly index: number}
	| {readonly type: 'open-queue'; readonly indicatorId: string}
	/** `step`: the row of the steps list to select first (the step to fix) */
	| {readonly type: 'open-participant'; readonly id: string; readonly index: number; readonly step?: number; readonly from?: 'echeances'}
	| {readonly type: 'open-echeances'}
	| {readonly type: 'echeances'; readonly action: EcheancesAction}
	| {readonly type: 'back'}
	| {readonly type: 'filter-start'}
	| {readonly type: 'filter-type'; readonly text: string}
	| {readonly type: 'filter-erase'}
	| {readonly type: 'filter-accept'}
	| {readonly type: 'toggle-help'}
	| {readonly type: 'open-referents'; readonly index: number}
	/** type-ahead in the referent list: letters narrow it, the cursor goes to the first name left */
	| {readonly type: 'picker-type'; readonly text: string}
	| {readonly type: 'picker-erase'}
	| {readonly type: 'choose-referent'; readonly referent: string | undefined}
	| {readonly type: 'toggle-discretion'}
	// the « Bilan » screen: opened with its first state (kept once opened), changed by its own reducer
	| {readonly type: 'open-bilan'; readonly initial: BilanState}
	| {readonly type: 'bilan'; readonly change: (bilan: BilanState) => BilanState}
	/** the people of a bilan row, as a queue (`indicatorId`: ui/bilan/bilanQueue.ts's id) */
	| {readonly type: 'open-bilan-queue'; readonly row: RowKey; readonly indicatorId: string}
	/** `:`: the people search over the screen */
	| {readonly type: 'open-people'}
	/** a person chosen in the people search: their fiche, Esc returning to where the user was */
	| {readonly type: 'open-found'; readonly id: string};

const EMPTY_LIST: ListState = {cursor: 0, offset: 0, filter: ''};

export interface InitialOptions {
	readonly referent?: string;
	/** open directly on this indicator's queue (`--queue`) */
	readonly queue?: string;
	/** position of that indicator on the dashboard, so Esc lands on it */
	readonly dashboardIndex?: number;
}

export function initialNavState(options: InitialOptions = {}): NavState {
	return {
		view: options.queue === undefined ? 'dashboard' : 'queue',
		dashboard: {...EMPTY_LIST, cursor: options.dashboardIndex ?? 0},
		queue: options.queue === undefined ? undefined : {...EMPTY_LIST, indicatorId: options.queue},
		echeances: INITIAL_ECHEANCES_NAV,
		overlay: 'none',
		referentCursor: 0,
		pickerQuery: '',
		helpOffset: 0,
		typing: false,
		discretion: false,
		referent: options.referent,
	};
}

export function clamp(value: number, min: number, max: number): number {
	return Math.max(min, Math.min(max, value));
}

/** First visible row so that the cursor is on screen, the window as full as the list allows. */
export function scrollOffset(cursor: number, offset: number, page: number, count: number): number {
	const size = Math.max(1, page);
	let first = offset;
	if (cursor < first) first = cursor;
	if (cursor >= first + size) first = cursor - size + 1;
	return clamp(first, 0, Math.max(0, count - size));
}

/** The rows [from, to) to render for a list of `count` rows in `page` lines. */
export function visibleWindow(cursor: number, offset: number, page: number, count: number): {from: number; to: number} {
	const from = scrollOffset(clamp(cursor, 0, Math.max(0, count - 1)), offset, page, count);
	return {from, to: Math.min(count, from + Math.max(1, page))};
}

export function movedCursor(cursor: number, move: Move, count: number, page: number): number {
	if (count <= 0) return 0;
	const size = Math.max(1, page);
	const target =
		move === 'first'
			? 0
			: move === 'last'
				? count - 1
				: move === 'pageUp'
					? cursor - size
					: move === 'pageDown'
						? cursor + size
						: cursor + move;
	return clamp(target, 0, count - 1);
}

function moveList<T extends ListState>(list: T, move: Move, count: number, page: number): T {
	const cursor = movedCursor(clamp(list.cursor, 0, Math.max(0, count - 1)), move, count, page);
	return {...list, cursor, offset: scrollOffset(cursor, list.offset, page, count)};
}

/** The list the keys act on in the current view (the participant's steps have their own cursor). */
function currentList(state: NavState): 'dashboard' | 'queue' | undefined {
	if (state.view === 'dashboard') return 'dashboard';
	if (state.view === 'queue') return 'queue';
	return undefined;
}

function withList(state: NavState, change: (list: ListState) => ListState): NavState {
	const which = currentList(state);
	if (which === 'dashboard') return {...state, dashboard: change(state.dashboard)};
	if (which === 'queue' && state.queue) return {...state, queue: {...state.queue, ...change(state.queue)}};
	return state;
}

function listOf(state: NavState): ListState | undefined {
	const which = currentList(state);
	return which === 'dashboard' ? state.dashboard : which === 'queue' ? state.queue : undefined;
}

export function navReducer(state: NavState, action: NavAction): NavState {
	switch (action.type) {
		case 'move': {
			if (state.overlay === 'referent') {
				return {...state, referentCursor: movedCursor(state.referentCursor, action.move, action.count, action.page)};
			}
			if (state.overlay === 'help') {
				// the help scrolls by lines: the offset moves, bounded so the last page stays full
				const last = Math.max(0, action.count - action.page);
				const target = typeof action.move === 'number' ? state.helpOffset + action.move : action.move === 'first' ? 0 : action.move === 'last' ? last : state.helpOffset + (action.move === 'pageDown' ? action.page : -action.page);
				return {...state, helpOffset: clamp(target, 0, last)};
			}
			if (state.view === 'echeances') return {...state, echeances: echeancesReducer(state.echeances, action)};
			if (state.view === 'participant' && state.participant) {
				return {...state, participant: movedFiche(state.participant, action)};
			}
			return withList(state, list => moveList(list, action.move, action.count, action.page));
		}
		case 'select':
			return withList(state, list => ({...list, cursor: Math.max(0, action.index)}));
		case 'open-queue':
			return {
				...state,
				view: 'queue',
				typing: false,
				// S and Z from the échéances: Esc goes back there (its state is kept)
				queue: {...EMPTY_LIST, indicatorId: action.indicatorId, ...(state.view === 'echeances' ? {from: 'echeances' as const} : {})},
				returnTo: undefined,
			};
		case 'open-participant': {
			if (action.from === 'echeances') {
				// the fiche of an échéance: no queue behind it, Esc comes back to the échéances
				const echeances = echeancesReducer(state.echeances, {type: 'select', index: action.index});
				const participant = {id: action.id, step: action.step ?? 0, stepOffset: 0, from: action.from};
				return {...state, view: 'participant', typing: false, queue: undefined, echeances, participant};
			}
			if (!state.queue) return state;
			const queue = {...state.queue, cursor: action.index};
			return {...state, view: 'participant', typing: false, queue, participant: {id: action.id, step: action.step ?? 0, stepOffset: 0}, returnTo: undefined};
		}
		case 'back': {
			if (state.overlay !== 'none') return {...state, overlay: 'none'};
			const list = listOf(state);
			if (state.typing || (list && list.filter !== '')) {
				return {...withList(state, l => ({...l, filter: '', cursor: 0, offset: 0})), typing: false};
			}
			if (state.view === 'participant' && state.returnTo) {
				const back = state.returnTo;
				return {...state, view: back.view, queue: back.queue, participant: back.participant, returnTo: back.returnTo};
			}
			if (state.view === 'echeances') {
				if (state.echeances.picking) return {...state, echeances: echeancesReducer(state.echeances, {type: 'close-picker'})};
				return {...state, view: 'dashboard'};
			}
			if (state.view === 'participant' && state.participant?.from === 'echeances') return {...state, view: 'echeances', participant: undefined};
			if (state.view === 'participant') return {...state, view: 'queue', participant: undefined};
			if (state.view === 'queue' && state.queue?.bilanRow) return {...state, view: 'bilan', queue: undefined};
			if (state.view === 'queue' && state.queue?.from === 'echeances') return {...state, view: 'echeances', queue: undefined};
			if (state.view === 'bilan') return {...state, view: 'dashboard'};
			if (state.view === 'queue') return {...state, view: 'dashboard'};
			return state; // Esc never quits
		}
		case 'filter-start':
			if (!currentList(state)) return state;
			return {...state, typing: true, overlay: 'none'};
		case 'filter-type':
			if (!state.typing) return state;
			return withList(state, list => ({...list, filter: list.filter + action.text, cursor: 0, offset: 0}));
		case 'filter-erase':
			if (!state.typing) return state;
			return withList(state, list => ({...list, filter: list.filter.slice(0, -1), cursor: 0, offset: 0}));
		case 'filter-accept':
			return {...state, typing: false};
		case 'open-echeances':
			return {...state, view: 'echeances', typing: false, overlay: 'none', echeances: echeancesReducer(state.echeances, {type: 'reset'})};
		case 'echeances':
			return {...state, echeances: echeancesReducer(state.echeances, action.action)};
		case 'toggle-help':
			return {...state, overlay: state.overlay === 'help' ? 'none' : 'help', helpOffset: 0, typing: false};
		case 'open-referents':
			return {...state, overlay: 'referent', referentCursor: Math.max(0, action.index), pickerQuery: '', typing: false};
		case 'picker-type':
			return {...state, pickerQuery: state.pickerQuery + action.text, referentCursor: 0};
		case 'picker-erase':
			return {...state, pickerQuery: state.pickerQuery.slice(0, -1), referentCursor: 0};
		case 'choose-referent':
			return {
				...state,
				overlay: 'none',
				referent: action.referent,
				dashboard: {...state.dashboard, filter: '', offset: 0},
				queue: state.queue ? {...state.queue, cursor: 0, offset: 0, filter: ''} : undefined,
				echeances: {...state.echeances, cursor: 0, offset: 0},
			};
		case 'toggle-discretion':
			return {...state, discretion: !state.discretion};
		case 'open-bilan':
			return {...state, view: 'bilan', typing: false, overlay: 'none', bilan: state.bilan ?? action.initial};
		case 'bilan':
			return state.bilan ? {...state, bilan: action.change(state.bilan)} : state;
		case 'open-bilan-queue':
			return {...state, view: 'queue', typing: false, queue: {...EMPTY_LIST, indicatorId: action.indicatorId, bilanRow: action.row}};
		case 'open-people':
			return {...state, overlay: 'people', typing: false};
		case 'open-found': {
			const here: ReturnPoint = {view: state.view, queue: state.queue, participant: state.participant, returnTo: state.returnTo};
			return {...state, overlay: 'none', typing: false, view: 'participant', participant: {id: action.id, step: 0, stepOffset: 0}, returnTo: here};
		}
	}
}

/**
 * The fiche's cursor moved: over the steps then the events; the section it lands
 * in scrolls to show it (a page key moves by that section's page).
 */
function movedFiche(fiche: FicheState, action: Extract<NavAction, {type: 'move'}>): FicheState {
	const sections = action.fiche;
	if (!sections) {
		const step = movedCursor(fiche.step, action.move, action.count, action.page);
		return {...fiche, step, stepOffset: scrollOffset(step, fiche.stepOffset, action.page, action.count)};
	}
	const inSteps = clamp(fiche.step, 0, Math.max(0, action.count - 1)) < sections.steps;
	const page = inSteps ? sections.stepPage : sections.eventPage;
	const step = movedCursor(fiche.step, action.move, action.count, page);
	if (step < sections.steps) return {...fiche, step, stepOffset: scrollOffset(step, fiche.stepOffset, sections.stepPage, sections.steps)};
	const events = action.count - sections.steps;
	return {...fiche, step, eventOffset: scrollOffset(step - sections.steps, fiche.eventOffset ?? 0, sections.eventPage, events)};
}
