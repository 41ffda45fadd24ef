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
import type {Binding, View} from './keymap.js';
import {ThemeContext} from './theme.js';

export interface FrameProps {
	readonly color: boolean;
	readonly width: number;
	readonly height: number;
	readonly header: {readonly referent: string | undefined; readonly today: Day; readonly storePath: string; readonly settings: Settings; readonly discretion: boolean};
	readonly status: string;
	readonly view: View;
	readonly bindings?: readonly Binding[];
	/** replaces the keys of the view (a form shows its own) */
	readonly footerText?: string;
	readonly children: ReactNode;
}

export function Frame({color, width, height, header, status, view, bindings, footerText, children}: FrameProps) {
	return (
		<ThemeContext.Provider value={{color}}>
			<Box flexDirection="column" width={width}>
				<Header {...header} width={width} />
				<Box flexDirection="column" height={height} overflow="hidden">
					{children}
				</Box>
				<Text wrap="truncate-end">{truncate(status, width)}</Text>
				<Footer view={view} width={width} bindings={bindings} text={footerText} />
			</Box>
		</ThemeContext.Provider>
	);
}
