// A message too long for the status line (a conflict with both values, a
// failure, the cellule file written): shown in place of the body until a key
// (the keymap's notice scope).
import {Box, Text} from 'ink';
import React from 'react';
import {useDiscretion} from '../discretion.js';
import {truncate} from '../format.js';
import type {CommandIn} from '../keymap.js';
import {commandTable, usePanelKeys} from '../keys/useKeyboard.js';
import {tint, useTheme} from '../theme.js';
import {useTerminalSize} from '../useTerminalSize.js';

export interface NoticeProps {
	readonly title: string;
	readonly text: string;
	/** red when something went wrong */
	readonly alarm?: boolean;
	readonly onClose: () => void;
}

export function Notice({title, text, alarm, onClose}: NoticeProps) {
	const theme = useTheme();
	const {columns: width} = useTerminalSize();
	// a conflict names the person and quotes notes: hidden in discrétion mode
	const discreet = useDiscretion().text;
	const actions: Record<CommandIn<'notice'>, () => void> = {'notice-close': onClose};
	usePanelKeys(['notice'], commandTable(actions));
	return (
		<Box flexDirection="column" width={width}>
			<Text bold color={tint(theme, alarm ? 'red' : 'cyan')} wrap="truncate-end">
				{truncate(discreet(title), width)}
			</Text>
			{discreet(text).split('\n').map((line, i) => (
				<Text key={i} wrap="wrap">
					{line}
				</Text>
			))}
		</Box>
	);
}
