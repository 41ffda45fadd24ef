// Renders the dashboard in ink-testing-library and types keys as a person would.
import {render} from 'ink-testing-library';
import React, {useEffect} from 'react';
import {toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS, type Settings} from '../../source/domain/settings.js';
import {App, type AppProps} from '../../source/ui/App.js';

export const KEYS = {
	up: '\u001B[A',
	down: '\u001B[B',
	right: '\u001B[C',
	left: '\u001B[D',
	pageDown: '\u001B[6~',
	pageUp: '\u001B[5~',
	enter: '\r',
	escape: '\u001B',
	backspace: '\u007F',
	home: '\u001B[H',
	end: '\u001B[F',
	tab: '\t',
	shiftTab: '\u001B[Z',
} as const;

const tick = (ms = 30) => new Promise(resolve => setTimeout(resolve, ms));

/** Waits for the frame to stop changing (a loaded machine renders late), at most a second. */
export async function settled(lastFrame: () => string | undefined, first = 30): Promise<string> {
	await tick(first);
	let previous = lastFrame();
	for (let waited = 0; waited < 1_000; waited += 25) {
		await tick(25);
		const now = lastFrame();
		if (now === previous) break;
		previous = now;
	}
	return lastFrame() ?? '';
}

export interface Rendered {
	readonly frame: () => string;
	readonly press: (...keys: string[]) => Promise<string>;
	/** a terminal of `columns`×`rows`, as after a resize */
	readonly resize: (columns: number, rows: number) => Promise<string>;
	readonly unmount: () => void;
	readonly exited: () => boolean;
}

export async function renderApp(
	participants: readonly Participant[],
	options: Partial<Omit<AppProps, 'today'>> & {today?: string; settings?: Settings; columns?: number; rows?: number} = {},
): Promise<Rendered> {
	const {today = '2026-11-22', settings = DEFAULT_SETTINGS, columns = 80, rows = 24, ...rest} = options;
	let exited = false;
	// `q` makes Ink unmount the tree: the probe sees it go
	function ExitProbe({children}: {children: React.ReactNode}) {
		useEffect(
			() => () => {
				exited = true;
			},
			[],
		);
		return <>{children}</>;
	}
	const instance = render(
		<ExitProbe>
			<App participants={participants} settings={settings} storePath="data/essai.json" today={toDay(today)} color={false} {...rest} />
		</ExitProbe>,
	);
	const stdout = instance.stdout as unknown as NodeJS.WriteStream & {emit: (event: string) => boolean};
	const resize = async (c: number, r: number) => {
		Object.defineProperty(stdout, 'columns', {value: c, configurable: true});
		Object.defineProperty(stdout, 'rows', {value: r, configurable: true});
		stdout.emit('resize');
		return settled(instance.lastFrame);
	};
	await resize(columns, rows);
	// a lone Escape is only known to be one after the parser's short wait
	const press = async (...keys: string[]) => {
		for (const key of keys) {
			instance.stdin.write(key);
			await settled(instance.lastFrame, key === KEYS.escape ? 80 : 30);
		}
		return instance.lastFrame() ?? '';
	};
	return {frame: () => instance.lastFrame() ?? '', press, resize, unmount: () => instance.unmount(), exited: () => exited};
}
