// Step keys and forms through the dashboard, the store file read back each time.
import {afterEach, describe, expect, it} from 'vitest';
import {frenchDate, isoFromDay, toDay} from '../../source/domain/calendar.js';
import type {Participant, Step} from '../../source/domain/model.js';
import {inOrder} from '../helpers/caseload.js';
import {type Editor, renderEditor} from './editHarness.js';
import {KEYS} from './renderApp.js';

const T = '2026-11-22';
const iso = (offset: number) => isoFromDay(toDay(T) + offset);
const TODAY_FR = frenchDate(T);

function waiting(id: string, daysLate: number, extra: Step[] = []): Participant {
	return inOrder(T, {
		id,
		name: `ATTENTE ${id}`,
		steps: [{label: 'Formation', type: 'Formation', start: iso(-200), end: iso(-100), state: 'Terminée'}, {label: 'Atelier', type: 'Atelier', start: iso(-daysLate), state: 'Prévue'}, ...extra],
	});
}

const stepOf = (p: Participant, label: string) => p.steps.find(s => s.label === label)!;

let editor: Editor | undefined;
afterEach(async () => {
	await editor?.close();
	editor = undefined;
});

describe('the assistant’s flow on « Étapes Prévue → En cours »', () => {
	it('Enter, d, n… empties the queue; each change is in the file', async () => {
		editor = await renderEditor([waiting('A', 30), waiting('B', 20), waiting('C', 10)], {queue: 'steps.to-start'});
		expect(editor.frame()).toContain("Étapes 'Prévue' → 'En cours' — 1/3");
		let frame = await editor.press(KEYS.enter);
		// the step to fix is selected on opening, not the older finished one
		expect(frame).toMatch(/›! Prévue .*(commencée|à passer En cours)/);
		frame = await editor.press('d');
		expect(frame).toContain('Atelier');
		expect(frame).toMatch(/› +En cours/);
		for (const next of ['B', 'C']) {
			frame = await editor.press('n');
			expect(frame).toContain(`ATTENTE ${next}`);
			frame = await editor.press('d');
		}
		expect(await editor.press('n')).toContain('Dernière personne de la file.');
		for (const id of ['A', 'B', 'C']) expect(stepOf(await editor.disk(id), 'Atelier').state).toBe('En cours');
		expect(stepOf(await editor.disk('A'), 'Formation').state).toBe('Terminée');
		frame = await editor.press(KEYS.escape);
		expect(frame).toContain("Étapes 'Prévue' → 'En cours' — 0/0");
	});

	it('d on the highlighted person of the queue: saved, and the cursor is on the next person', async () => {
		editor = await renderEditor([waiting('A', 30), waiting('B', 20)], {queue: 'steps.to-start'});
		const frame = await editor.press('d');
		expect(stepOf(await editor.disk('A'), 'Atelier').state).toBe('En cours');
		expect(frame).toContain("Étapes 'Prévue' → 'En cours' — 1/1");
		expect(frame).toMatch(/› .*ATTENTE B/);
	});

	it('d in the queue opens the file when the person has several steps to start', async () => {
		const two = waiting('A', 30, [{label: 'Immersion', type: 'PMSMP', start: iso(-5), state: 'Prévue'}]);
		editor = await renderEditor([two], {queue: 'steps.to-start'});
		const frame = await editor.press('d');
		expect(frame).toContain('Dans les indicateurs');
		expect((await editor.disk('A')).steps.map(s => s.state)).toEqual(['Terminée', 'Prévue', 'Prévue']);
	});

	it('t from the « à terminer » queue finishes the one overdue step, dated today when its end is still to come', async () => {
		const late = inOrder(T, {id: 'L', steps: [{label: 'Stage', type: 'PMSMP', start: iso(-40), end: iso(-2), state: 'En cours'}]});
		editor = await renderEditor([late], {queue: 'steps.to-finish'});
		await editor.press('t');
		// an end already past is kept
		expect((await editor.disk('L')).steps[0]).toMatchObject({state: 'Terminée', end: iso(-2)});
	});
});

describe('step keys in the participant view', () => {
	it('t sets Terminée with an end of today when it had none; i sets Interrompue ending today', async () => {
		const someone = inOrder(T, {
			id: 'S',
			steps: [
				{label: 'Emploi', type: 'Emploi', start: iso(-30), state: 'En cours'},
				{label: 'Formation', type: 'Formation', start: iso(-10), end: iso(60), state: 'En cours'},
			],
		});
		editor = await renderEditor([someone], {queue: 'caseload.active'});
		await editor.press(KEYS.enter, 't');
		expect(stepOf(await editor.disk('S'), 'Emploi')).toMatchObject({state: 'Terminée', end: T});
		const frame = await editor.press(KEYS.down, 'i');
		expect(frame).toMatch(/› +Interrompue/);
		expect(stepOf(await editor.disk('S'), 'Formation')).toMatchObject({state: 'Interrompue', end: T});
	});

	it('m edits the label, type and dates; an impossible date or an end before the start is refused in the form', async () => {
		editor = await renderEditor([waiting('A', 30)], {queue: 'steps.to-start'});
		let frame = await editor.press(KEYS.enter, 'm');
		expect(frame).toContain('Modifier l’étape');
		expect(frame).toContain('Libellé');
		// q is typed into the label, it does not quit
		// Ctrl-U empties the field
		frame = await editor.press('\u0015', 'Atelier q', KEYS.enter);
		// the step was saved under its new label
		expect((await editor.disk('A')).steps.map(s => s.label)).toEqual(['Formation', 'Atelier q']);
		frame = await editor.press('m', '\t', '\t', '31/02/2026');
		expect(frame).toContain('date impossible');
		frame = await editor.press(KEYS.enter);
		expect(frame).toContain('Début : date impossible');
		// a start after the end: refused by the edit, message in French in the form
		frame = await editor.press(KEYS.backspace.repeat(10), iso(0).split('-').reverse().join('/'), '\t', '01/01/2020', KEYS.enter);
		expect(frame).toContain('précède le début');
		expect(frame).toContain('Modifier l’étape');
		// Esc: nothing changes
		frame = await editor.press(KEYS.escape);
		expect(frame).toContain('Annulé : rien n’a été modifié.');
		expect(stepOf(await editor.disk('A'), 'Atelier q')).toMatchObject({start: iso(-30), state: 'Prévue'});
		expect(stepOf(await editor.disk('A'), 'Atelier q').end).toBeUndefined();
	});

	it('+ adds a step; + / − move its start by a day; the state is chosen with ↓', async () => {
		editor = await renderEditor([inOrder(T, {id: 'N', steps: []})], {queue: 'caseload.active'});
		let frame = await editor.press(KEYS.enter, '+');
		expect(frame).toContain('Nouvelle étape');
		expect(frame).toContain(TODAY_FR);
		frame = await editor.press('Immersion', '\t', 'PMSMP', '\t', '+', '+', '-', '\t', '\t', KEYS.down, KEYS.enter);
		expect((await editor.disk('N')).steps).toEqual([{label: 'Immersion', type: 'PMSMP', start: iso(1), state: 'En cours'}]);
		expect(frame).toContain('Enregistré : Étape « Immersion »');
	});
});
