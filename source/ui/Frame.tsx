// The frame every screen sits in: header, body of a fixed height, status line,
// the keys of the screen. Shared by the dashboard and its preview, which must
// look the same (the preview is replaced in place).
import {Box, Text} from 'ink';
import React, {type ReactNode} from 'react';
import type {Day} from '../domain/calendar.js';
import type {Settings} from '../domain/settings.js';
import {truncate} from './format.js';
import {Footer} from './Footer.js';
import {Header} from './Header.js';
import type {Binding, Scope} from './keymap.js';
import {ThemeContext} from './theme.js';

export interface FrameProps {
	readonly color: boolean;
	readonly width: number;
	readonly height: number;
	readonly header: {readonly referent: string | undefined; readonly today: Day; readonly storePath: string; readonly settings: Settings; readonly discretion: boolean};
	readonly status: string;
	/** where the keyboard is (the footer shows those keys) */
	readonly scopes: readonly Scope[];
	readonly bindings?: readonly Binding[];
	readonly children: ReactNode;
}

export function Frame({color, width, height, header, status, scopes, bindings, children}: FrameProps) {
	return (
		<ThemeContext.Provider value={{color}}>
			<Box flexDirection="column" width={width}>
				<Header {...header} width={width} />
				<Box flexDirection="column" height={height} overflow="hidden">
					{children}
				</Box>
				<Text wrap="truncate-end">{truncate(status, width)}</Text>
				<Footer scopes={scopes} width={width} bindings={bindings} />
			</Box>
		</ThemeContext.Provider>
	);
}
