// A yes/no question in place of the body: o (or Entrée) says yes, n or Échap says no.
import {Box, Text, useInput} from 'ink';
import React from 'react';
import {tint, useTheme} from '../theme.js';

export interface ConfirmProps {
	readonly question: string;
	readonly onYes: () => void;
	readonly onNo: () => void;
}

export function Confirm({question, onYes, onNo}: ConfirmProps) {
	const theme = useTheme();
	useInput((input, key) => {
		if (input === 'o' || input === 'O' || key.return) onYes();
		else if (input === 'n' || input === 'N' || key.escape) onNo();
	});
	return (
		<Box flexDirection="column">
			<Text bold color={tint(theme, 'yellow')} wrap="wrap">
				{question}
			</Text>
			<Text dimColor>o : oui · n ou Échap : non</Text>
		</Box>
	);
}
