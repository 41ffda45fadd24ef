// A yes/no question in place of the body: o (or Entrée) says yes, n or Échap says no
// (the keymap's confirm scope; the footer shows the keys).
import {Box, Text} from 'ink';
import React from 'react';
import {useDiscretion} from '../discretion.js';
import type {CommandIn} from '../keymap.js';
import type {Settled} from '../keys/keyboard.js';
import {commandTable, usePanelKeys} from '../keys/useKeyboard.js';
import {tint, useTheme} from '../theme.js';

export interface ConfirmProps {
	readonly question: string;
	/** may return a promise (a file being written): the next key waits for it */
	readonly onYes: () => Settled;
	readonly onNo: () => void;
}

export function Confirm({question, onYes, onNo}: ConfirmProps) {
	const theme = useTheme();
	const discreet = useDiscretion().text;
	const actions: Record<CommandIn<'confirm'>, () => Settled> = {'confirm-yes': onYes, 'confirm-no': onNo};
	usePanelKeys(['confirm'], commandTable(actions));
	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, 'yellow')} wrap="wrap">
				{discreet(question)}
			</Text>
		</Box>
	);
}
