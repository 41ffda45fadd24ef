// The keys that matter where the keyboard is now, taken from the keymap.
import {Text} from 'ink';
import React from 'react';
import {truncate} from './format.js';
import {type Binding, footerHints, type Scope} from './keymap.js';

export interface FooterProps {
	/** the scopes of what owns the keyboard, most specific first */
	readonly scopes: readonly Scope[];
	readonly width: number;
	readonly bindings?: readonly Binding[];
}

export function footerText(scopes: readonly Scope[], bindings?: readonly Binding[]): string {
	return footerHints(scopes, bindings).join('  ');
}

export function Footer({scopes, width, bindings}: FooterProps) {
	return <Text dimColor>{truncate(footerText(scopes, bindings), width)}</Text>;
}
