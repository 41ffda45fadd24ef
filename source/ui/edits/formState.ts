// A form as plain data and a pure reducer: fields (text, date, choice), the
// focused one, the values typed. The component (Form.tsx) maps keys to actions;
// saving is the caller's business (a form only hands its values over).
import {type Day, frenchDate} from '../../domain/calendar.js';
import {isYearless, parseTypedDate} from '../../domain/edits/dates.js';
import {foldText} from '../../domain/text.js';

export type Values = Readonly<Record<string, string>>;

interface FieldBase {
	readonly key: string;
	/** French, shown before the value */
	readonly label: string;
}

export type FieldSpec =
	| (FieldBase & {readonly kind: 'text'})
	/**
	 * dd/mm/yyyy, or dd/mm read against the form's `today` (`ahead`: an end, a due
	 * date — next year's when this year's day has passed; domain/edits/dates.ts);
	 * `optional` lets it be blank (no date)
	 */
	| (FieldBase & {readonly kind: 'date'; readonly optional?: boolean; readonly ahead?: boolean})
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

/** The day a date field's text means; a date without its year needs `today`. */
export function fieldDay(field: FieldSpec, text: string, today: Day | undefined): Day | undefined {
	return parseTypedDate(text, today === undefined ? undefined : {today, ahead: field.kind === 'date' && field.ahead === true});
}

/** « 27/11 » → « 27/11/2026 » (what the form saves, and shows beside the field); other texts unchanged. */
export function fullDate(field: FieldSpec, text: string, today: Day | undefined): string {
	if (field.kind !== 'date' || !isYearless(text)) return text;
	const day = fieldDay(field, text, today);
	return day === undefined ? text : frenchDate(day);
}

/** The values as saved: dates typed without their year completed. */
export function completedValues(fields: readonly FieldSpec[], values: Values, today: Day | undefined): Values {
	let next = values;
	for (const field of fields) {
		const text = values[field.key];
		if (text === undefined) continue;
		const full = fullDate(field, text, today);
		if (full !== text) next = {...next, [field.key]: full};
	}
	return next;
}

/** `today`: dates typed without their year are read against it (none: the year is required). */
export function formReducer(fields: readonly FieldSpec[], state: FormState, action: FormAction, today?: Day): FormState {
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
				const day = fieldDay(field, value, today);
				if (day === undefined) return state;
				return set(frenchDate(day + action.by), true);
			}
			return state;
		}
	}
}

/** Why a date field's text is refused, shown next to it; undefined when fine. */
export function dateProblem(field: FieldSpec, text: string, today?: Day): string | undefined {
	if (field.kind !== 'date') return undefined;
	if (text.trim() === '') return field.optional ? undefined : 'à renseigner (jj/mm/aaaa)';
	return fieldDay(field, text, today) === undefined ? 'date impossible (jj/mm/aaaa)' : undefined;
}
