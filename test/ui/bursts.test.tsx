// Keys written to stdin in ONE chunk (typing fast, a slow link, a paste) end
// exactly as the same keys written one at a time: same screen, same file. The
// dashboard runs with its real edit handler on a temporary store.
import {afterEach, describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';
import {PASTE_END, PASTE_START} from '../../source/ui/keys/splitKeys.js';
import {inOrder} from '../helpers/caseload.js';
import {type Editor, renderEditor} from './editHarness.js';
import {KEYS} from './renderApp.js';

const T = '2026-11-22';
const iso = (offset: number) => isoFromDay(toDay(T) + offset);

let editors: Editor[] = [];
afterEach(async () => {
	for (const editor of editors) await editor.close();
	editors = [];
});

interface Scenario {
	readonly people: readonly Participant[];
	readonly queue: string;
	/** keys pressed first, one at a time, in both runs */
	readonly before?: readonly string[];
	readonly keys: readonly string[];
}

/** The screen once nothing moves any more: keys handled, saves done. */
async function still(editor: Editor): Promise<string> {
	let frame = await editor.saved();
	for (let i = 0; i < 40; i++) {
		const next = await editor.saved();
		if (next === frame) return next;
		frame = next;
	}
	return frame;
}

async function play(scenario: Scenario, burst: boolean): Promise<{frame: string; people: Participant[]}> {
	const editor = await renderEditor(scenario.people, {queue: scenario.queue, watchMs: 60_000});
	editors.push(editor);
	await editor.press(...(scenario.before ?? []));
	if (burst) await editor.press(scenario.keys.join(''));
	else await editor.press(...scenario.keys);
	// the first line names the temporary store, another in each run
	const frame = (await still(editor)).split('\n').slice(1).join('\n');
	const people = await Promise.all(scenario.people.map(p => editor.disk(p.id)));
	return {frame, people};
}

async function same(scenario: Scenario): Promise<string> {
	const oneByOne = await play(scenario, false);
	const together = await play(scenario, true);
	expect(together.frame).toBe(oneByOne.frame);
	expect(together.people).toEqual(oneByOne.people);
	return oneByOne.frame;
}

const toStart = (id: string, daysLate: number) =>
	inOrder(T, {id, name: `ATTENTE ${id}`, steps: [{label: 'Atelier', type: 'Atelier', start: iso(-daysLate), state: 'Prévue'}]});

describe('a burst of keys does what the same keys one by one do', () => {
	it('ddd in the to-start queue: three people’s steps started, in queue order', async () => {
		const frame = await same({people: [toStart('A', 30), toStart('B', 20), toStart('C', 10), toStart('D', 5)], queue: 'steps.to-start', keys: ['d', 'd', 'd']});
		expect(frame).toContain("Étapes 'Prévue' → 'En cours' — 1/1");
		expect(frame).toMatch(/› .*ATTENTE D/);
	});

	it('c Tab Tab ↓ Entrée: the CER form opened, renewed and saved, then n goes to the next person', async () => {
		const people = [
			inOrder(T, {id: 'C1', name: 'CER Un', rsa: true, contractStart: iso(-170), contractEnd: iso(10)}),
			inOrder(T, {id: 'C2', name: 'CER Deux', rsa: true, contractStart: iso(-100), contractEnd: iso(80)}),
		];
		const frame = await same({people, queue: 'caseload.active', before: [KEYS.enter], keys: ['c', '\t', '\t', KEYS.down, KEYS.enter, 'n']});
		expect(frame).toContain('CER Deux');
	});

	it('two Backspaces in the / filter erase two letters', async () => {
		const frame = await same({people: [toStart('A', 30)], queue: 'steps.to-start', keys: ['/', 'a', 't', 't', KEYS.backspace, KEYS.backspace]});
		expect(frame).toContain('Filtre : a▏');
	});

	it('Échap Échap from a fiche goes back two levels', async () => {
		const frame = await same({people: [toStart('A', 30)], queue: 'steps.to-start', before: [KEYS.enter], keys: [KEYS.escape, KEYS.escape]});
		expect(frame).toContain('Effectifs');
	});

	it('e u a: the interview recorded, undone once saved, then the absence on what the undo left', async () => {
		const frame = await same({people: [inOrder(T, {id: 'U'})], queue: 'caseload.active', before: [KEYS.enter], keys: ['e', 'u', 'a']});
		expect(frame).toContain('Absence injustifiée');
	});

	it('x Entrée o: the exit form, its question, its answer', async () => {
		const frame = await same({people: [inOrder(T, {id: 'X'})], queue: 'caseload.active', before: [KEYS.enter], keys: ['x', KEYS.enter, 'o']});
		expect(frame).toContain('Sorti·e');
	});
});

describe('a paste', () => {
	it('goes into the filter as one line of text', async () => {
		const editor = await renderEditor([toStart('A', 30)], {queue: 'steps.to-start'});
		editors.push(editor);
		const frame = await editor.press('/', `${PASTE_START}ATT\r\nENTE${PASTE_END}`);
		expect(frame).toContain('Filtre : ATT ENTE▏');
	});

	it('is never read as commands: ddd pasted on a queue edits nobody', async () => {
		const editor = await renderEditor([toStart('A', 30), toStart('B', 20)], {queue: 'steps.to-start'});
		editors.push(editor);
		const frame = await editor.press(`${PASTE_START}ddd${PASTE_END}`);
		expect(frame).toContain("Étapes 'Prévue' → 'En cours' — 1/2");
		expect((await editor.disk('A')).steps[0]!.state).toBe('Prévue');
	});
});
