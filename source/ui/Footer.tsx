// The keys that matter on this screen, taken from the keymap.
import {Text} from 'ink';
import React from 'react';
import {truncate} from './format.js';
import {type Binding, footerBindings, type View} from './keymap.js';

export interface FooterProps {
	readonly view: View;
	readonly width: number;
	readonly bindings?: readonly Binding[];
	/** overrides the keys, e.g. while typing a filter */
	readonly text?: string;
}

export function footerText(view: View, bindings?: readonly Binding[]): string {
	const seen = new Set<string>();
	const hints: string[] = [];
	for (const binding of footerBindings(view, bindings)) {
		if (seen.has(binding.hint)) continue;
		seen.add(binding.hint);
		hints.push(binding.hint);
	}
	return hints.join('  ');
}

export function Footer({view, width, bindings, text}: FooterProps) {
	return <Text dimColor>{truncate(text ?? footerText(view, bindings), width)}</Text>;
}
