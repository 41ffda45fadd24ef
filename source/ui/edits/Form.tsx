// A small keyboard form in place of the screen body: Tab moves between fields,
// Enter validates, Esc cancels without a change. Dates are typed dd/mm/yyyy (the
// first key replaces the date shown) or moved a day with + / − (↑ ↓); a choice
// moves with ↑ ↓ or jumps to the option starting with the letter typed. While a
// form is open every letter is typed into it: `q` writes a q.
import {Box, type Key, Text, useInput} from 'ink';
import React, {useRef, useState} from 'react';
import {cell, truncate} from '../format.js';
import {visibleWindow} from '../navigation.js';
import {bodyHeight, tint, useTheme} from '../theme.js';
import {useTerminalSize} from '../useTerminalSize.js';
import {dateProblem, type FieldSpec, type FormAction, formReducer, type FormState, initialFormState, optionsOf, type Values} from './formState.js';

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
}

const PLAIN_KEY = {
	upArrow: false,
	downArrow: false,
	leftArrow: false,
	rightArrow: false,
	pageDown: false,
	pageUp: false,
	home: false,
	end: false,
	return: false,
	escape: false,
	ctrl: false,
	shift: false,
	tab: false,
	backspace: false,
	delete: false,
	meta: false,
	super: false,
	hyper: false,
	capsLock: false,
	numLock: false,
} as Key;

/** Keys that arrived as one chunk (typing fast, tmux send-keys), one at a time. */
function splitChunk(input: string, key: Key): Array<[string, Key]> {
	const chars = [...input];
	if (chars.length <= 1 || key.ctrl || key.meta) return [[input, key]];
	return chars.map(char => {
		if (char === '\r' || char === '\n') return ['', {...PLAIN_KEY, return: true}];
		if (char === '\t') return ['', {...PLAIN_KEY, tab: true}];
		if (char === '\u007F' || char === '\b') return ['', {...PLAIN_KEY, backspace: true}];
		return [char, PLAIN_KEY];
	});
}

export function Form(props: FormProps) {
	const {fields} = props;
	const {columns: width, rows} = useTerminalSize();
	const height = bodyHeight(rows);
	const theme = useTheme();
	const stateRef = useRef<FormState>(initialFormState(props.initial));
	const [state, setState] = useState(stateRef.current);
	const [error, setError] = useState<string | undefined>();
	const [question, setQuestion] = useState<string | undefined>();
	const busy = useRef(false);
	const [saving, setSaving] = useState(false);
	const questionRef = useRef<string | undefined>(undefined);

	function update(action: FormAction) {
		const before = stateRef.current;
		let next = formReducer(fields, before, action);
		const field = fields[before.focus];
		if (props.derive && field && next.values[field.key] !== before.values[field.key]) {
			next = {...next, values: props.derive(next.values, field.key)};
		}
		stateRef.current = next;
		setState(next);
	}

	function ask(text: string | undefined) {
		questionRef.current = text;
		setQuestion(text);
	}

	async function save() {
		busy.current = true;
		setSaving(true);
		setError(undefined);
		try {
			const refusal = await props.submit(stateRef.current.values);
			if (refusal !== undefined) setError(refusal);
		} catch (thrown) {
			setError(`Enregistrement impossible : ${(thrown as Error).message}`);
		} finally {
			busy.current = false;
			setSaving(false);
		}
	}

	function validate() {
		const values = stateRef.current.values;
		for (const field of fields) {
			const problem = dateProblem(field, values[field.key] ?? '');
			if (problem) {
				setError(`${field.label} : ${problem}.`);
				return;
			}
		}
		const confirmation = props.confirm?.(values);
		if (confirmation) ask(confirmation);
		else void save();
	}

	function handleKey(input: string, key: Key) {
		if (busy.current) return;
		if (questionRef.current !== undefined) {
			if (input === 'o' || input === 'O' || key.return) {
				ask(undefined);
				void save();
			} else if (input === 'n' || input === 'N' || key.escape) {
				ask(undefined);
			}
			return;
		}
		const field = fields[stateRef.current.focus];
		setError(undefined);
		if (key.escape) props.onCancel();
		else if (key.tab) update({type: 'focus', by: key.shift ? -1 : 1});
		else if (key.return) validate();
		else if (key.upArrow || key.downArrow) {
			if (field?.kind === 'text') update({type: 'focus', by: key.upArrow ? -1 : 1});
			// a later date is "up", the next option is "down"
			else update({type: 'step', by: (field?.kind === 'date') === key.upArrow ? 1 : -1});
		} else if (key.backspace || key.delete) update({type: 'erase'});
		else if (key.ctrl && input === 'u') update({type: 'clear'});
		else if (field?.kind === 'date' && (input === '+' || input === '-' || input === '−')) update({type: 'step', by: input === '+' ? 1 : -1});
		else if (input !== '' && !key.ctrl && !key.meta) update({type: 'type', text: input});
	}

	useInput((input, key) => {
		for (const [char, k] of splitChunk(input, key)) handleKey(char, k);
	});

	const labelWidth = Math.max(...fields.map(field => field.label.length));
	const focused = fields[state.focus];
	const focusedOptions = focused ? optionsOf(focused, state.values) : [];
	// lines left for the open list of choices: title, note, fields, error, hint
	const optionLines = Math.max(3, height - fields.length - 5);
	const hintByKind = {text: ' · Ctrl-U : effacer', date: ' · +/− : un jour', choice: ' · ↑↓ ou initiale'} as const;
	const hint = saving
		? 'Enregistrement…'
		: question
			? 'o : oui · n ou Échap : revenir au formulaire'
			: `Entrée : valider · Échap : annuler · Tab : champ suivant${focused ? hintByKind[focused.kind] : ''}`;

	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, 'cyan')} wrap="truncate-end">
				{truncate(props.title, width)}
			</Text>
			{props.note ? <Text wrap="truncate-end">{truncate(props.note, width)}</Text> : null}
			{fields.map((field, index) => {
				const isFocused = index === state.focus;
				const value = state.values[field.key] ?? '';
				const problem = dateProblem(field, value);
				const shown = field.kind === 'choice' ? `‹ ${value} ›` : `${value}${isFocused ? '▏' : ''}`;
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
			<Text dimColor wrap="truncate-end">
				{truncate(hint, width)}
			</Text>
		</Box>
	);
}
