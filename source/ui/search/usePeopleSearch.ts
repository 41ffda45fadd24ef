// The people search's state and keys (as ink-ui's select: a reducer in a hook, the
// keys from the keymap's `people` scope, the view in PeopleSearch.tsx).
import {useMemo, useReducer} from 'react';
import type {Participant} from '../../domain/model.js';
import type {CommandIn} from '../keymap.js';
import {textOf} from '../keys/keyboard.js';
import {commandTable, usePanelKeys} from '../keys/useKeyboard.js';
import {clamp, type Move} from '../navigation.js';
import {EMPTY_SEARCH, findPeople, peopleIndex, searchReducer, type SearchState} from './findPeople.js';

export interface PeopleSearchOptions {
	readonly participants: readonly Participant[];
	/** rows of results on screen (PgUp / PgDn move by that) */
	readonly page: number;
	/** Entrée on a person */
	readonly onOpen: (id: string) => void;
	/** Échap */
	readonly onClose: () => void;
}

export function usePeopleSearch({participants, page, onOpen, onClose}: PeopleSearchOptions): {state: SearchState; results: readonly Participant[]; cursor: number} {
	const index = useMemo(() => peopleIndex(participants), [participants]);
	const [state, dispatch] = useReducer(searchReducer, EMPTY_SEARCH);
	const results = useMemo(() => findPeople(index, state.query), [index, state.query]);
	const cursor = clamp(state.cursor, 0, Math.max(0, results.length - 1));
	const move = (to: Move) => dispatch({type: 'move', move: to, count: results.length, page});
	usePanelKeys(
		['people'],
		commandTable<CommandIn<'people'>>({
			up: () => move(-1),
			down: () => move(1),
			pageUp: () => move('pageUp'),
			pageDown: () => move('pageDown'),
			first: () => move('first'),
			last: () => move('last'),
			'people-open': () => {
				const chosen = results[cursor];
				if (chosen) onOpen(chosen.id);
			},
			back: () => onClose(),
			'people-erase': () => dispatch({type: 'erase'}),
			'people-clear': () => dispatch({type: 'clear'}),
			'people-type': key => dispatch({type: 'type', text: textOf(key)}),
		}),
	);
	return {state, results, cursor};
}
