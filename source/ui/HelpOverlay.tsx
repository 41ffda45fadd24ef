// `?`: every key of the keymap with what it does, generated from the table itself.
import {Box, Text} from 'ink';
import React from 'react';
import {cell, truncate} from './format.js';
import {type Binding, KEYMAP} from './keymap.js';

export function helpLines(bindings: readonly Binding[] = KEYMAP): string[] {
	const width = Math.max(...bindings.map(binding => binding.keys.length)) + 2;
	return bindings.map(binding => `  ${cell(binding.keys, width)}${binding.label}`);
}

export function HelpOverlay({width, height, bindings = KEYMAP}: {width: number; height: number; bindings?: readonly Binding[]}) {
	const lines = [...helpLines(bindings), '  ! : alerte à traiter avant la cellule de suivi'];
	const shown = lines.slice(0, Math.max(1, height - 1));
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{truncate('Aide — touches du tableau de bord (Échap ou ? pour fermer)', width)}
			</Text>
			{shown.map(line => (
				<Text key={line} wrap="truncate-end">
					{truncate(line, width)}
				</Text>
			))}
		</Box>
	);
}
