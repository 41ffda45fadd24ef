// The people search (`:`): every person of the file — in intake, in parcours,
// exited or not integrated, whoever follows them — found by name or id as letters
// are typed. Pure: the index (built once per caseload), the matching and ranking,
// and the search's state as a reducer (what is typed, the cursor, the first row shown).
import type {Participant} from '../../domain/model.js';
import {foldText} from '../../domain/text.js';
import {clamp, type Move, movedCursor, scrollOffset} from '../navigation.js';

interface Indexed {
	readonly participant: Participant;
	/** folded name, then folded id */
	readonly name: string;
	readonly id: string;
}

/** Everyone, in name order, with the folded texts a search compares. */
export type PeopleIndex = readonly Indexed[];

const collator = new Intl.Collator('fr', {sensitivity: 'base'});
const built = new WeakMap<readonly Participant[], PeopleIndex>();

/** The index of a caseload (kept while the caseload is the same array: a search opened twice reuses it). */
export function peopleIndex(participants: readonly Participant[]): PeopleIndex {
	let index = built.get(participants);
	if (!index) {
		index = participants
			.map(participant => ({participant, name: foldText(participant.name), id: foldText(participant.id)}))
			.sort((a, b) => collator.compare(a.participant.name, b.participant.name) || (a.participant.id < b.participant.id ? -1 : 1));
		built.set(participants, index);
	}
	return index;
}

/**
 * The people whose name or id holds every word typed (accents, case and word
 * order aside), best first: the exact id, then names starting with what was
 * typed, then names with a word starting with it, then the rest — each group in
 * name order. Everyone, in name order, for nothing typed.
 */
export function findPeople(index: PeopleIndex, query: string): Participant[] {
	const wanted = foldText(query);
	if (wanted === '') return index.map(entry => entry.participant);
	const words = wanted.split(' ');
	const first = words[0]!;
	const ranks: Participant[][] = [[], [], [], []];
	for (const entry of index) {
		const text = `${entry.name} ${entry.id}`;
		if (!words.every(word => text.includes(word))) continue;
		const rank = entry.id === wanted ? 0 : entry.name.startsWith(wanted) ? 1 : entry.name.split(' ').some(part => part.startsWith(first)) ? 2 : 3;
		ranks[rank]!.push(entry.participant);
	}
	return ranks.flat();
}

export interface SearchState {
	readonly query: string;
	readonly cursor: number;
	/** first row on screen */
	readonly offset: number;
}

export type SearchAction =
	| {readonly type: 'type'; readonly text: string}
	| {readonly type: 'erase'}
	| {readonly type: 'clear'}
	| {readonly type: 'move'; readonly move: Move; readonly count: number; readonly page: number};

export const EMPTY_SEARCH: SearchState = {query: '', cursor: 0, offset: 0};

/** Typing narrows the list from its top; moving keeps the cursor on screen. */
export function searchReducer(state: SearchState, action: SearchAction): SearchState {
	switch (action.type) {
		case 'type':
			// a paste may hold line breaks or tabs: they are spaces between words here
			return {query: state.query + action.text.replace(/\s/g, ' '), cursor: 0, offset: 0};
		case 'erase':
			return {query: [...state.query].slice(0, -1).join(''), cursor: 0, offset: 0};
		case 'clear':
			return EMPTY_SEARCH;
		case 'move': {
			const cursor = movedCursor(clamp(state.cursor, 0, Math.max(0, action.count - 1)), action.move, action.count, action.page);
			return {...state, cursor, offset: scrollOffset(cursor, state.offset, action.page, action.count)};
		}
	}
}
