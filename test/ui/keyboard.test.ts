// The keyboard's queue: one key at a time, each handed to whoever owns the
// keyboard once the previous key's state is there (its promise settled, its
// screen committed); Ctrl-C at once; an unbound Alt-key is Échap then the key.
import {readdirSync, readFileSync} from 'node:fs';
import path from 'node:path';
import {describe, expect, it} from 'vitest';
import {type Binding} from '../../source/ui/keymap.js';
import {Keyboard, type KeyLayer} from '../../source/ui/keys/keyboard.js';
import {splitKeys} from '../../source/ui/keys/splitKeys.js';
import {ROOT} from '../helpers/cli.js';

const keys = (input: string) => splitKeys(input, true).keys;
const tick = () => new Promise(resolve => setImmediate(resolve));

/** A keyboard whose "commit" happens on the next turn of the event loop, as React's would. */
function harness(bindings?: readonly Binding[]) {
	const log: string[] = [];
	const keyboard = new Keyboard({
		bindings,
		global: command => log.push(`global:${command}`),
		afterKey: done => setImmediate(done),
	});
	const layer = (name: string, scopes: KeyLayer['scopes'], act: (command: string) => unknown = () => undefined): KeyLayer => ({
		scopes,
		handle: (command, key) => {
			log.push(`${name}:${command}${key.type === 'char' ? `(${key.char})` : ''}`);
			return act(command) as undefined;
		},
	});
	return {log, keyboard, layer};
}

describe('Keyboard', () => {
	it('hands each key of a burst in order, one per turn', async () => {
		const {log, keyboard, layer} = harness();
		keyboard.add(0, layer('screen', ['queue']));
		keyboard.receive(keys('jjk'));
		expect(log).toEqual(['screen:down(j)']);
		expect(keyboard.waiting).toBe(2);
		for (let i = 0; i < 5; i++) await tick();
		expect(log).toEqual(['screen:down(j)', 'screen:down(j)', 'screen:up(k)']);
	});

	it('gives the keys after one that opens a form to the form', async () => {
		const {log, keyboard, layer} = harness();
		keyboard.add(0, layer('screen', ['participant'], command => {
			// the form appears with the state the key produced
			if (command === 'contract') keyboard.add(1, layer('form', ['form-date', 'form']));
		}));
		keyboard.receive(keys('c\t+q\r'));
		for (let i = 0; i < 10; i++) await tick();
		expect(log).toEqual(['screen:contract(c)', 'form:form-next', 'form:form-later(+)', 'form:form-type(q)', 'form:form-submit']);
	});

	it('waits for the promise a key returns (a save) before the next key, which then goes to what the save left', async () => {
		const {log, keyboard, layer} = harness();
		keyboard.add(0, layer('screen', ['participant']));
		let finish: () => void = () => undefined;
		const form = keyboard.add(1, layer('form', ['form-text', 'form'], command => {
			if (command !== 'form-submit') return undefined;
			return new Promise<void>(resolve => {
				finish = () => {
					form.remove();
					resolve();
				};
			});
		}));
		keyboard.receive(keys('\rn'));
		for (let i = 0; i < 5; i++) await tick();
		expect(log).toEqual(['form:form-submit']);
		expect(keyboard.waiting).toBe(1);
		finish();
		for (let i = 0; i < 5; i++) await tick();
		expect(log).toEqual(['form:form-submit', 'screen:next(n)']);
	});

	it('acts on Ctrl-C at once, even behind keys still waiting', async () => {
		const {log, keyboard, layer} = harness();
		keyboard.add(0, layer('screen', ['dashboard'], () => new Promise(() => undefined)));
		// the first j's save never ends: the second j waits, Ctrl-C does not
		keyboard.receive(keys('j'));
		keyboard.receive(keys('j\u0003'));
		expect(log).toEqual(['screen:down(j)', 'global:quit']);
		expect(keyboard.waiting).toBe(1);
	});

	it('takes an Alt combination no scope binds as Échap then the key (ESC j arriving together)', async () => {
		const {log, keyboard, layer} = harness();
		keyboard.add(0, layer('screen', ['queue']));
		keyboard.receive(keys('\u001Bj'));
		for (let i = 0; i < 5; i++) await tick();
		expect(log).toEqual(['screen:back', 'screen:down(j)']);
	});

	it('gives the keyboard to the highest level, then the latest added; removing a layer gives it back', async () => {
		const {log, keyboard, layer} = harness();
		const question = keyboard.add(1, layer('question', ['confirm']));
		keyboard.add(0, layer('screen', ['dashboard']));
		expect(keyboard.ownerScopes()).toEqual(['confirm']);
		keyboard.receive(keys('n'));
		await tick();
		question.remove();
		expect(keyboard.ownerScopes()).toEqual(['dashboard']);
		keyboard.receive(keys('j'));
		for (let i = 0; i < 3; i++) await tick();
		expect(log).toEqual(['question:confirm-no(n)', 'screen:down(j)']);
	});

	it('reads a key with the layer as last updated (scopes follow the focused field)', async () => {
		const {log, keyboard, layer} = harness();
		const form = keyboard.add(1, layer('form', ['form-text', 'form']));
		keyboard.receive(keys('+'));
		await tick();
		form.update(layer('form', ['form-date', 'form']));
		keyboard.receive(keys('+'));
		for (let i = 0; i < 3; i++) await tick();
		expect(log).toEqual(['form:form-type(+)', 'form:form-later(+)']);
	});
});

describe('the one reader of the keyboard', () => {
	it('is ui/keys/useKeyboard.tsx: no screen reads stdin itself (two readers would share a burst between them)', () => {
		const sources = readdirSync(path.join(ROOT, 'source'), {recursive: true, encoding: 'utf8'}).filter(file => /\.tsx?$/.test(file));
		const readers = sources.filter(file => /\buse(Input|Stdin)\b/.test(readFileSync(path.join(ROOT, 'source', file), 'utf8')));
		expect(readers).toEqual([path.join('ui', 'keys', 'useKeyboard.tsx')]);
	});
});
