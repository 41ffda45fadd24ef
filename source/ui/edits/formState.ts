// A form as plain data and a pure reducer: fields (text, date, choice), the
// focused one, the values typed. The component (Form.tsx) maps keys to actions;
// saving is the caller's business (a form only hands its values over).
import {frenchDate} from '../../domain/calendar.js';
import {parseTypedDate} from '../../domain/edits/dates.js';
import {foldText} from '../../domain/text.js';

export type Values = Readonly<Record<string, string>>;

interface FieldBase {
	readonly key: string;
	/** French, shown before the value */
	readonly label: string;
}

export type FieldSpec =
	| (FieldBase & {readonly kind: 'text'})
	/** dd/mm/yyyy; `optional` lets it be blank (no date) */
	| (FieldBase & {readonly kind: 'date'; readonly optional?: boolean})
	/** one of `options` (which may depend on the other values) */
	| (FieldBase & {readonly kind: 'choice'; readonly options: readonly string[] | ((values: Values) => readonly string[])});

export interface FormState {
	readonly values: Values;
	readonly focus: number;
	/** the focused field has not been typed in yet: the first character replaces a date */
	readonly fresh: boolean;
}

export type FormAction =
	| {readonly type: 'focus'; readonly by: 1 | -1}
	| {readonly type: 'type'; readonly text: string}
	| {readonly type: 'erase'}
	/** Ctrl-U: empties a text or date field */
	| {readonly type: 'clear'}
	/** +/− on a date: a day later or earlier; ↑↓ on a choice: the next or previous option */
	| {readonly type: 'step'; readonly by: 1 | -1};

export function optionsOf(field: FieldSpec, values: Values): readonly string[] {
	if (field.kind !== 'choice') return [];
	return typeof field.options === 'function' ? field.options(values) : field.options;
}

export function initialFormState(values: Values): FormState {
	return {values, focus: 0, fresh: true};
}

/** A choice whose options changed (the exit type changes the motives) falls back to the first option. */
function keepChoicesValid(fields: readonly FieldSpec[], values: Values): Values {
	let next = values;
	for (const field of fields) {
		if (field.kind !== 'choice') continue;
		const options = optionsOf(field, next);
		if (options.length > 0 && !options.includes(next[field.key] ?? '')) next = {...next, [field.key]: options[0]!};
	}
	return next;
}

export function formReducer(fields: readonly FieldSpec[], state: FormState, action: FormAction): FormState {
	const field = fields[state.focus];
	if (action.type === 'focus') {
		const focus = (state.focus + action.by + fields.length) % fields.length;
		return {...state, focus, fresh: true};
	}
	if (!field) return state;
	const value = state.values[field.key] ?? '';
	const set = (text: string, fresh = false): FormState => ({
		...state,
		fresh,
		values: keepChoicesValid(fields, {...state.values, [field.key]: text}),
	});
	switch (action.type) {
		case 'type': {
			if (field.kind === 'choice') {
				// a letter jumps to the next option starting with it
				const options = optionsOf(field, state.values);
				const wanted = foldText(action.text);
				const from = options.indexOf(value);
				for (let i = 1; i <= options.length; i++) {
					const option = options[(from + i) % options.length]!;
					if (foldText(option).startsWith(wanted)) return set(option);
				}
				return state;
			}
			return set(field.kind === 'date' && state.fresh ? action.text : value + action.text);
		}
		case 'erase':
			if (field.kind === 'choice') return state;
			return set(value.slice(0, -1));
		case 'clear':
			if (field.kind === 'choice') return state;
			return set('');
		case 'step': {
			if (field.kind === 'choice') {
				const options = optionsOf(field, state.values);
				if (options.length === 0) return state;
				const index = options.indexOf(value);
				return set(options[(index + action.by + options.length) % options.length]!);
			}
			if (field.kind === 'date') {
				const day = parseTypedDate(value);
				if (day === undefined) return state;
				return set(frenchDate(day + action.by), true);
			}
			return state;
		}
	}
}

/** Why a date field's text is refused, shown next to it; undefined when fine. */
export function dateProblem(field: FieldSpec, text: string): string | undefined {
	if (field.kind !== 'date') return undefined;
	if (text.trim() === '') return field.optional ? undefined : 'à renseigner (jj/mm/aaaa)';
	return parseTypedDate(text) === undefined ? 'date impossible (jj/mm/aaaa)' : undefined;
}
