// The keyboard in React: the app's root reads the terminal (the only reader of
// stdin: no component calls Ink's useInput), splits what comes into keys, and
// hands them one at a time to the owner of the keyboard (keyboard.ts). Screens
// and panels become owners with useKeyLayer / usePanelKeys.
import {useStdin, useStdout} from 'ink';
import React, {createContext, type ReactElement, useContext, useEffect, useLayoutEffect, useRef, useState} from 'react';
import type {Binding, Scope} from '../keymap.js';
import {Keyboard, type Settled} from './keyboard.js';
import {createKeySplitter, type KeyPress} from './splitKeys.js';

/**
 * How long an ESC waits for the rest of a sequence before it is taken as Échap.
 * A terminal sends an arrow's bytes together, but a slow link may cut them; 50 ms
 * is not felt when Échap is pressed alone.
 */
export const ESCAPE_WAIT_MS = 50;

export const KeyboardContext = createContext<Keyboard | undefined>(undefined);

export interface KeyboardOwnerOptions {
	readonly bindings: readonly Binding[];
	/** the `global` scope's commands (Ctrl-C), acted on at once */
	readonly global: (command: string, key: KeyPress) => void;
}

/**
 * Creates the keyboard and starts reading stdin. Render `turns` once (it marks when
 * the state a key produced is committed, so the next key may go), and provide
 * `keyboard` through KeyboardContext to what is shown over the screen.
 */
export function useKeyboardOwner(options: KeyboardOwnerOptions): {keyboard: Keyboard; turns: ReactElement; ownerScopes: readonly Scope[]} {
	const latest = useRef(options);
	latest.current = options;
	const [ownerScopes, setOwnerScopes] = useState<readonly Scope[]>([]);
	const turn = useRef<((done: () => void) => void) | undefined>(undefined);
	const keyboard = useRef<Keyboard | undefined>(undefined);
	if (!keyboard.current) {
		const created: Keyboard = new Keyboard({
			bindings: options.bindings,
			global: (command, key) => latest.current.global(command, key),
			afterKey: done => (turn.current ? turn.current(done) : done()),
			onOwnerChange: () => {
				const scopes = created.ownerScopes();
				setOwnerScopes(before => (before.join(' ') === scopes.join(' ') ? before : scopes));
			},
		});
		keyboard.current = created;
	}
	const {stdin} = useStdin();
	const {stdout} = useStdout();
	useEffect(() => readKeys(stdin, stdout, keyboard.current!), [stdin, stdout]);
	return {keyboard: keyboard.current, turns: <KeyTurns slot={turn} />, ownerScopes};
}

/** The terminal's bracketed paste mode: pasted text comes between markers, as one paste. */
const PASTE_MODE_ON = '\u001B[?2004h';
const PASTE_MODE_OFF = '\u001B[?2004l';

/** Reads `stdin` in raw mode and hands what comes to the keyboard; returns the stop. */
function readKeys(stdin: NodeJS.ReadStream, stdout: NodeJS.WriteStream, keyboard: Keyboard): () => void {
	const terminal = stdin.isTTY === true && stdout.isTTY === true;
	const splitter = createKeySplitter();
	let timer: NodeJS.Timeout | undefined;
	const read = () => {
		clearTimeout(timer);
		timer = undefined;
		const keys: KeyPress[] = [];
		let chunk: unknown;
		while ((chunk = stdin.read()) !== null) keys.push(...splitter.push(String(chunk)));
		keyboard.receive(keys);
		if (splitter.waiting) {
			timer = setTimeout(() => {
				timer = undefined;
				keyboard.receive(splitter.flush());
			}, ESCAPE_WAIT_MS);
		}
	};
	stdin.setEncoding('utf8');
	if (stdin.isTTY) stdin.setRawMode(true);
	if (terminal) stdout.write(PASTE_MODE_ON);
	stdin.on('readable', read);
	stdin.ref();
	// keys typed before the screen was up wait in the terminal: take them now
	read();
	return () => {
		clearTimeout(timer);
		stdin.off('readable', read);
		if (terminal) stdout.write(PASTE_MODE_OFF);
		if (stdin.isTTY) stdin.setRawMode(false);
		stdin.unref();
	};
}

/**
 * Renders nothing; re-renders itself after each key, in the same batch as every
 * update the key made, so that its layout effect marks the commit holding them.
 * The next key then goes in a microtask, once that commit (and the re-renders its
 * layout effects asked for: a form taking the keyboard) is complete — outside
 * React's commit, so a long burst is not a chain of nested updates.
 */
function KeyTurns({slot}: {slot: {current: ((done: () => void) => void) | undefined}}) {
	const [count, setCount] = useState(0);
	const waiting = useRef<Array<() => void>>([]);
	useLayoutEffect(() => {
		slot.current = done => {
			waiting.current.push(done);
			queueMicrotask(() => setCount(n => n + 1));
		};
		return () => {
			slot.current = undefined;
		};
	}, [slot]);
	useLayoutEffect(() => {
		for (const done of waiting.current.splice(0)) queueMicrotask(done);
	}, [count]);
	return null;
}

/**
 * Makes a component an owner of the keyboard while it is mounted: level 0 for a
 * screen, 1 for what is shown over it. `handle` and `scopes` are read as of the
 * last committed render, never from an older one.
 */
export function useKeyLayer(keyboard: Keyboard | undefined, level: number, scopes: readonly Scope[], handle: (command: string, key: KeyPress) => Settled): void {
	const registration = useRef<ReturnType<Keyboard['add']> | undefined>(undefined);
	const layer = {scopes, handle};
	useLayoutEffect(() => {
		if (!keyboard) return;
		// the layer of this render; the effect below keeps it current after each render
		const added = keyboard.add(level, layer);
		registration.current = added;
		return () => {
			added.remove();
			registration.current = undefined;
		};
	}, [keyboard, level]);
	useLayoutEffect(() => {
		registration.current?.update(layer);
	});
}

/** A form, a question or a message over the screen: owns the keyboard until it is closed. */
export function usePanelKeys(scopes: readonly Scope[], handle: (command: string, key: KeyPress) => Settled): void {
	useKeyLayer(useContext(KeyboardContext), 1, scopes, handle);
}

/** A scope's handler as a table: one action per command, checked complete by the compiler. */
export function commandTable<C extends string>(actions: Record<C, (key: KeyPress) => Settled>): (command: string, key: KeyPress) => Settled {
	return (command, key) => (Object.hasOwn(actions, command) ? actions[command as C](key) : undefined);
}
