// `?`: the keys, generated from the keymap — the current screen's first, then each
// other scope's that were not listed yet, under the scope's French title.
import {Box, Text} from 'ink';
import React from 'react';
import {cell, truncate} from './format.js';
import {type Binding, KEYMAP, keysText, type Scope, SCOPES} from './keymap.js';

const LEGEND = '  ! : alerte à traiter avant la cellule de suivi';

/** The help's lines for a screen in scope `current`: its keys (and the global ones), then the rest by scope. */
export function helpLines(bindings: readonly Binding[] = KEYMAP, current: Scope = 'dashboard'): string[] {
	const width = Math.max(...bindings.map(binding => keysText(binding).length)) + 2;
	const order: Scope[] = [current, 'global', ...(Object.keys(SCOPES) as Scope[]).filter(scope => scope !== current && scope !== 'global')];
	const listed = new Set<Binding>();
	const lines: string[] = [];
	for (const scope of order) {
		const fresh = bindings.filter(binding => binding.scopes.includes(scope) && !listed.has(binding));
		if (fresh.length === 0) continue;
		lines.push(scope === current ? `${SCOPES[scope]} (cet écran)` : SCOPES[scope]);
		for (const binding of fresh) {
			listed.add(binding);
			lines.push(`  ${cell(keysText(binding), width)}${binding.label}`);
		}
	}
	return [...lines, LEGEND];
}

/** Lines the help scrolls through. */
export function helpLength(bindings: readonly Binding[] = KEYMAP, current: Scope = 'dashboard'): number {
	return helpLines(bindings, current).length;
}

export interface HelpOverlayProps {
	readonly width: number;
	readonly height: number;
	readonly bindings?: readonly Binding[];
	/** the screen the help was opened from: its keys come first */
	readonly scope?: Scope;
	/** first line shown, when the help is taller than the screen */
	readonly offset?: number;
}

export function HelpOverlay({width, height, bindings = KEYMAP, scope = 'dashboard', offset = 0}: HelpOverlayProps) {
	const lines = helpLines(bindings, scope);
	const page = Math.max(1, height - 1);
	const from = Math.max(0, Math.min(offset, lines.length - page));
	const shown = lines.slice(from, from + page);
	const more = lines.length > page ? ` — lignes ${from + 1}-${from + shown.length} sur ${lines.length}, ↑↓ pour défiler` : '';
	return (
		<Box flexDirection="column">
			<Text bold wrap="truncate-end">
				{truncate(`Aide — touches (Échap ou ? pour fermer)${more}`, width)}
			</Text>
			{shown.map((line, i) => (
				<Text key={from + i} bold={!line.startsWith(' ')} wrap="truncate-end">
					{truncate(line, width)}
				</Text>
			))}
		</Box>
	);
}
