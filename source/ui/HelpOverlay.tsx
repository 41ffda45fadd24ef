// `?`: every key of the keymap with what it does, generated from the table itself.
import {Box, Text} from 'ink';
import React from 'react';
import {cell, truncate} from './format.js';
import {type Binding, KEYMAP} from './keymap.js';

export function helpLines(bindings: readonly Binding[] = KEYMAP): string[] {
	const width = Math.max(...bindings.map(binding => binding.keys.length)) + 2;
	return bindings.map(binding => `  ${cell(binding.keys, width)}${binding.label}`);
}

export interface HelpOverlayProps {
	readonly width: number;
	readonly height: number;
	readonly bindings?: readonly Binding[];
	/** first line shown, when the help is taller than the screen */
	readonly offset?: number;
}

export function HelpOverlay({width, height, bindings = KEYMAP, offset = 0}: HelpOverlayProps) {
	const lines = [...helpLines(bindings), '  ! : alerte à traiter avant la cellule de suivi'];
	const page = Math.max(1, height - 1);
	const from = Math.max(0, Math.min(offset, lines.length - page));
	const shown = lines.slice(from, from + page);
	const more = lines.length > page ? ` — lignes ${from + 1}-${from + shown.length} sur ${lines.length}, ↑↓ pour défiler` : '';
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{truncate(`Aide — touches (Échap ou ? pour fermer)${more}`, width)}
			</Text>
			{shown.map(line => (
				<Text key={line} wrap="truncate-end">
					{truncate(line, width)}
				</Text>
			))}
		</Box>
	);
}
