// The form reducer: what typing, +/−, ↑↓ and Tab do to the values.
import {describe, expect, it} from 'vitest';
import {dateProblem, type FieldSpec, formReducer, initialFormState} from '../../source/ui/edits/formState.js';

const fields: FieldSpec[] = [
	{key: 'date', label: 'Date', kind: 'date'},
	{key: 'type', label: 'Type', kind: 'choice', options: ['Positive', 'Dynamique', 'Autre']},
	{key: 'reason', label: 'Motif', kind: 'choice', options: values => (values.type === 'Positive' ? ['CDI', 'Alternance'] : ['CDD < 6 mois', 'Autre emploi'])},
	{key: 'note', label: 'Note', kind: 'text'},
];
const start = initialFormState({date: '22/11/2026', type: 'Positive', reason: 'CDI', note: 'ab'});

describe('form reducer', () => {
	it('the first key typed in a date replaces it; the next ones add to it', () => {
		let state = formReducer(fields, start, {type: 'type', text: '0'});
		state = formReducer(fields, state, {type: 'type', text: '1'});
		expect(state.values.date).toBe('01');
	});

	it('+ / − move a date a day, across a month end', () => {
		const state = formReducer(fields, {...start, values: {...start.values, date: '30/11/2026'}}, {type: 'step', by: 1});
		expect(state.values.date).toBe('01/12/2026');
		expect(formReducer(fields, state, {type: 'step', by: -1}).values.date).toBe('30/11/2026');
	});

	it('a choice moves with ↑↓ or jumps to the option with the letter typed; dependent options follow', () => {
		let state = formReducer(fields, start, {type: 'focus', by: 1});
		state = formReducer(fields, state, {type: 'type', text: 'd'});
		expect(state.values.type).toBe('Dynamique');
		// the motive of a positive exit is not one of a dynamic exit: the first motive of the new list
		expect(state.values.reason).toBe('CDD < 6 mois');
		state = formReducer(fields, state, {type: 'step', by: -1});
		expect(state.values.type).toBe('Positive');
	});

	it('Tab goes round the fields; text is typed and erased', () => {
		let state = formReducer(fields, start, {type: 'focus', by: -1});
		expect(state.focus).toBe(3);
		state = formReducer(fields, state, {type: 'type', text: 'q'});
		state = formReducer(fields, state, {type: 'erase'});
		state = formReducer(fields, state, {type: 'erase'});
		expect(state.values.note).toBe('a');
		expect(formReducer(fields, state, {type: 'clear'}).values.note).toBe('');
	});

	it('names an impossible date, or a missing one unless optional', () => {
		expect(dateProblem(fields[0]!, '31/02/2026')).toBe('date impossible (jj/mm/aaaa)');
		expect(dateProblem(fields[0]!, '')).toBe('à renseigner (jj/mm/aaaa)');
		expect(dateProblem({key: 'end', label: 'Fin', kind: 'date', optional: true}, '')).toBeUndefined();
		expect(dateProblem(fields[0]!, '29/02/2028')).toBeUndefined();
	});
});
