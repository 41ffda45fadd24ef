// A small keyboard form in place of the screen body: Tab moves between fields,
// Enter validates, Esc cancels without a change. Dates are typed dd/mm/yyyy (the
// first key replaces the date shown) or moved a day with + / − (↑ ↓); a choice
// moves with ↑ ↓ or jumps to the option starting with the letter typed. While a
// form is open every letter is typed into it: `q` writes a q. The keys are the
// keymap's form scopes (the footer shows them); a question before saving is the
// confirm scope.
import {Box, Text} from 'ink';
import React, {useRef, useState} from 'react';
import {cell, truncate} from '../format.js';
import type {CommandIn} from '../keymap.js';
import {type Settled, textOf} from '../keys/keyboard.js';
import type {KeyPress} from '../keys/splitKeys.js';
import {usePanelKeys} from '../keys/useKeyboard.js';
import {visibleWindow} from '../navigation.js';
import {bodyHeight, tint, useTheme} from '../theme.js';
import {useTerminalSize} from '../useTerminalSize.js';
import type {Day} from '../../domain/calendar.js';
import {completedValues, dateProblem, type FieldSpec, type FormAction, formReducer, type FormState, fullDate, initialFormState, optionsOf, type Values} from './formState.js';

export interface FormProps {
	readonly title: string;
	/** a line under the title (what the form acts on) */
	readonly note?: string;
	readonly fields: readonly FieldSpec[];
	readonly initial: Values;
	/** adjusts other values after one changed (a quick renewal fills the end date) */
	readonly derive?: (values: Values, changed: string) => Values;
	/** a question to answer o/n before saving (an exit), or undefined */
	readonly confirm?: (values: Values) => string | undefined;
	/** saves; resolves to a French refusal to show in the form, or undefined when done (the caller closes the form) */
	readonly submit: (values: Values) => Promise<string | undefined> | string | undefined;
	readonly onCancel: () => void;
	/** dates typed without their year (« 27/11 ») are read against this day; without it the year is required */
	readonly today: Day;
}

type FormCommand = CommandIn<'form' | 'form-text' | 'form-date' | 'form-choice'>;
type QuestionCommand = CommandIn<'confirm'>;

export function Form(props: FormProps) {
	const {fields} = props;
	const {columns: width, rows} = useTerminalSize();
	const height = bodyHeight(rows);
	const theme = useTheme();
	const stateRef = useRef<FormState>(initialFormState(props.initial));
	const [state, setState] = useState(stateRef.current);
	const [error, setError] = useState<string | undefined>();
	const [question, setQuestion] = useState<string | undefined>();
	const [saving, setSaving] = useState(false);

	function update(action: FormAction) {
		const before = stateRef.current;
		let next = formReducer(fields, before, action, props.today);
		const field = fields[before.focus];
		if (props.derive && field && next.values[field.key] !== before.values[field.key]) {
			next = {...next, values: props.derive(next.values, field.key)};
		}
		stateRef.current = next;
		setState(next);
	}

	async function save() {
		setSaving(true);
		setError(undefined);
		try {
			// « 27/11 » is saved as the full date the form showed beside it
			const refusal = await props.submit(completedValues(fields, stateRef.current.values, props.today));
			if (refusal !== undefined) setError(refusal);
		} catch (thrown) {
			setError(`Enregistrement impossible : ${(thrown as Error).message}`);
		} finally {
			setSaving(false);
		}
	}

	/** Entrée: a date refused on the spot, a question asked, or the save (the next key waits for it). */
	function validate(): Settled {
		const values = stateRef.current.values;
		for (const field of fields) {
			const problem = dateProblem(field, values[field.key] ?? '', props.today);
			if (problem) {
				setError(`${field.label} : ${problem}.`);
				return;
			}
		}
		const confirmation = props.confirm?.(completedValues(fields, values, props.today));
		if (confirmation) setQuestion(confirmation);
		else return save();
		return undefined;
	}

	/** The form's keys, one action each; the next key waits for a save (the form may close, or show a refusal). */
	const formActions: Record<FormCommand, (key: KeyPress) => Settled> = {
		'form-cancel': () => props.onCancel(),
		'form-next': () => update({type: 'focus', by: 1}),
		'form-previous': () => update({type: 'focus', by: -1}),
		'form-submit': () => validate(),
		'form-erase': () => update({type: 'erase'}),
		'form-clear': () => update({type: 'clear'}),
		// a later date is "up"
		'form-later': () => update({type: 'step', by: 1}),
		'form-earlier': () => update({type: 'step', by: -1}),
		'form-option-next': () => update({type: 'step', by: 1}),
		'form-option-previous': () => update({type: 'step', by: -1}),
		'form-type': key => update({type: 'type', text: textOf(key)}),
	};
	const questionActions: Record<QuestionCommand, () => Settled> = {
		'confirm-yes': () => {
			setQuestion(undefined);
			return save();
		},
		'confirm-no': () => setQuestion(undefined),
	};
	const focused = fields[state.focus];
	// the focused field's kind first (+ is a day on a date, a + in a text); a question before saving is a confirm
	usePanelKeys(question === undefined ? [`form-${focused?.kind ?? 'text'}`, 'form'] : ['confirm'], (command, key) => {
		setError(undefined);
		if (Object.hasOwn(questionActions, command)) return questionActions[command as QuestionCommand]();
		if (Object.hasOwn(formActions, command)) return formActions[command as FormCommand](key);
		return undefined;
	});

	const labelWidth = Math.max(...fields.map(field => field.label.length));
	const focusedOptions = focused ? optionsOf(focused, state.values) : [];
	// lines left for the open list of choices: title, note, fields, error, saving
	const optionLines = Math.max(3, height - fields.length - 5);

	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, 'cyan')} wrap="truncate-end">
				{truncate(props.title, width)}
			</Text>
			{props.note ? <Text wrap="truncate-end">{truncate(props.note, width)}</Text> : null}
			{fields.map((field, index) => {
				const isFocused = index === state.focus;
				const value = state.values[field.key] ?? '';
				const problem = dateProblem(field, value, props.today);
				const full = problem === undefined ? fullDate(field, value, props.today) : value;
				// a date typed without its year shows the day it means
				const shown = field.kind === 'choice' ? `‹ ${value} ›` : `${value}${isFocused ? '▏' : ''}${full !== value ? `  = ${full}` : ''}`;
				const line = `${isFocused ? '›' : ' '} ${cell(field.label, labelWidth)} : ${shown}${problem && value !== '' ? `  ⚠ ${problem}` : ''}`;
				const options = isFocused && field.kind === 'choice' ? focusedOptions : [];
				const {from, to} = visibleWindow(Math.max(0, options.indexOf(value)), 0, optionLines, options.length);
				return (
					<Box key={field.key} flexDirection="column">
						<Text bold={isFocused} color={problem && value !== '' ? tint(theme, 'red') : undefined} wrap="truncate-end">
							{truncate(line, width)}
						</Text>
						{options.length > 1
							? options.slice(from, to).map(option => (
									<Text key={option} inverse={option === value} wrap="truncate-end">
										{truncate(`${' '.repeat(labelWidth + 5)}${option}`, width)}
									</Text>
								))
							: null}
					</Box>
				);
			})}
			{error ? (
				<Text color={tint(theme, 'red')} wrap="wrap">
					{error}
				</Text>
			) : null}
			{question ? (
				<Text bold color={tint(theme, 'yellow')} wrap="wrap">
					{question}
				</Text>
			) : null}
			{saving ? <Text dimColor>Enregistrement…</Text> : null}
		</Box>
	);
}
