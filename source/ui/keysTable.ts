// The README's table of keys, generated from the keymap (npm run readme:keys writes
// it; a test fails when the README's copy differs).
import {type Binding, KEYMAP, type KeyStroke, SCOPES, strokeText} from './keymap.js';

export const KEYS_TABLE_START = '<!-- touches : début (généré depuis source/ui/keymap.ts par npm run readme:keys) -->';
export const KEYS_TABLE_END = '<!-- touches : fin -->';

function strokeCell(stroke: KeyStroke): string {
	const text = strokeText(stroke);
	return 'text' in stroke || 'any' in stroke ? text : `\`${text}\``;
}

const escape = (text: string) => text.replaceAll('|', '\\|');

/** One row per binding, in the keymap's order: keys, what they do, where. */
export function keysTable(bindings: readonly Binding[] = KEYMAP): string {
	const rows = bindings.map(
		binding => `| ${binding.strokes.map(strokeCell).join(' ')} | ${escape(binding.label)} | ${binding.scopes.map(scope => SCOPES[scope]).join(', ')} |`,
	);
	return ['| touches | action | où |', '|---|---|---|', ...rows].join('\n');
}

/** `readme` with the text between the markers replaced by the table; undefined when the markers are missing. */
export function withKeysTable(readme: string, bindings: readonly Binding[] = KEYMAP): string | undefined {
	const start = readme.indexOf(KEYS_TABLE_START);
	const end = readme.indexOf(KEYS_TABLE_END);
	if (start === -1 || end < start) return undefined;
	return `${readme.slice(0, start + KEYS_TABLE_START.length)}\n${keysTable(bindings)}\n${readme.slice(end)}`;
}
