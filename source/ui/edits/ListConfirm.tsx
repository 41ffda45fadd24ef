// A yes/no question about a list (the exits a cellule validates): the list is
// shown one line per item, only the lines on screen rendered, ↑↓ PgUp PgDn
// scroll it; o (or Entrée) says yes, n or Échap says no.
import {Box, Text} from 'ink';
import React, {useState} from 'react';
import {truncate} from '../format.js';
import type {CommandIn} from '../keymap.js';
import type {Settled} from '../keys/keyboard.js';
import {commandTable, usePanelKeys} from '../keys/useKeyboard.js';
import {clamp} from '../navigation.js';
import {bodyHeight, tint, useTheme} from '../theme.js';
import {useTerminalSize} from '../useTerminalSize.js';

export interface ListConfirmProps {
	readonly title: string;
	/** one line each (cut to the width) */
	readonly lines: readonly string[];
	/** under the list: a line or two (wrapped) */
	readonly question: string;
	readonly onYes: () => Settled;
	readonly onNo: () => void;
}

/** the title, the « … more » line, and two lines for the question */
const CHROME = 4;

export function ListConfirm({title, lines, question, onYes, onNo}: ListConfirmProps) {
	const theme = useTheme();
	const {columns: width, rows} = useTerminalSize();
	const page = Math.max(1, bodyHeight(rows) - CHROME);
	const [offset, setOffset] = useState(0);
	const last = Math.max(0, lines.length - page);
	const scroll = (by: number) => setOffset(current => clamp(current + by, 0, last));
	const actions: Record<CommandIn<'list-confirm' | 'confirm'>, () => Settled> = {
		'list-up': () => scroll(-1),
		'list-down': () => scroll(1),
		'list-page-up': () => scroll(-page),
		'list-page-down': () => scroll(page),
		'confirm-yes': onYes,
		'confirm-no': onNo,
	};
	usePanelKeys(['list-confirm', 'confirm'], commandTable(actions));
	const from = clamp(offset, 0, last);
	const shown = lines.slice(from, from + page);
	const more = lines.length > page ? `  (${from + 1}-${from + shown.length} sur ${lines.length} ; ↑↓ pour voir les autres)` : '';
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{truncate(title, width)}
			</Text>
			{shown.map((line, i) => (
				<Text key={from + i} wrap="truncate-end">
					{truncate(`  ${line}`, width)}
				</Text>
			))}
			{more ? <Text dimColor>{truncate(more, width)}</Text> : null}
			<Text bold color={tint(theme, 'yellow')} wrap="wrap">
				{question}
			</Text>
		</Box>
	);
}
