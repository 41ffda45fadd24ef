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
		expect(await editor.press('n')).toContain('La file est vide : tout est traité');
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

	it('a person with two steps to start has a row per step, label and dates shown; d acts on the highlighted one, the cursor goes to the next row', async () => {
		const two = waiting('A', 30, [{label: 'Immersion', type: 'PMSMP', start: iso(-5), state: 'Prévue'}]);
		editor = await renderEditor([two, waiting('B', 10)], {queue: 'steps.to-start'});
		let frame = editor.frame();
		// the indicator's id, what --queue takes, is in the title
		expect(frame).toContain("Étapes 'Prévue' → 'En cours' — 1/3 étapes · steps.to-start");
		expect(frame).toMatch(/› ATTENTE A +A +Atelier +\d\d\/\d\d\/2026 +— +30/);
		expect(frame).toMatch(/ {2}ATTENTE B +B +Atelier .* 10/);
		expect(frame).toMatch(/ {2}ATTENTE A +A +Immersion .* 5/);
		frame = await editor.press(KEYS.down, 'd');
		// the step of the highlighted row, not the person's first: no jump to the fiche
		expect(frame).not.toContain('Dans les indicateurs');
		expect((await editor.disk('B')).steps.map(s => s.state)).toEqual(['Terminée', 'En cours']);
		expect(frame).toContain('— 2/2 étapes');
		expect(frame).toMatch(/› ATTENTE A +A +Immersion/);
		frame = await editor.press('d');
		expect((await editor.disk('A')).steps.map(s => s.state)).toEqual(['Terminée', 'Prévue', 'En cours']);
		expect(frame).toMatch(/› ATTENTE A +A +Atelier/);
	});

	it('an emptied queue says so, d there says the queue is empty, and Entrée opens the next queue of the section', async () => {
		const late = inOrder(T, {id: 'L', name: 'EN RETARD L', steps: [{label: 'Stage', type: 'PMSMP', start: iso(-40), end: iso(-2), state: 'En cours'}]});
		editor = await renderEditor([waiting('A', 30), late], {queue: 'steps.to-start'});
		let frame = await editor.press('d');
		expect(frame).toContain('File vide : personne à traiter ici.');
		// the message wraps on a narrow screen
		expect(frame.replace(/\s+/g, ' ')).toContain("Entrée : file suivante « Étapes 'Prévue' ou 'En cours' → 'Terminée' » (1 personne)");
		frame = await editor.press('d');
		expect(frame).not.toContain('ouvrez une file');
		expect(frame).toContain('File vide');
		frame = await editor.press(KEYS.enter);
		expect(frame).toContain("Étapes 'Prévue' ou 'En cours' → 'Terminée' — 1/1 étapes · steps.to-finish");
		expect(frame).toMatch(/› EN RETARD L +L +Stage/);
		frame = await editor.press('t');
		expect((await editor.disk('L')).steps[0]).toMatchObject({state: 'Terminée', end: iso(-2)});
	});

	it('after the last fix from the fiche, the status line says the queue is empty (not « Fiche 1/1 »)', async () => {
		editor = await renderEditor([waiting('A', 30)], {queue: 'steps.to-start'});
		let frame = await editor.press(KEYS.enter);
		expect(frame).toContain('Fiche 1/1');
		// k, not j: the cursor stays on the steps (j would reach the events, whose line the status then describes)
		frame = await editor.press('d', 'k');
		expect(frame).not.toContain('Fiche 1/1');
		expect(frame).toContain("Fiche · file « Étapes 'Prévue' → 'En cours' » vide : tout est traité");
		// n has no next person to give: it says the queue is empty, not « Dernière personne »
		frame = await editor.press('n');
		expect(frame).toContain('La file est vide : tout est traité');
		expect(frame).not.toContain('Dernière personne de la file');
	});

	it('t and i in the « après la sortie » queue close the step at the exit date, not today', async () => {
		const exited = inOrder(T, {
			id: 'X',
			name: 'SORTI X',
			exitDate: iso(-10),
			exitType: 'Positive',
			exitReason: 'CDI',
			steps: [
				{label: 'Atelier', type: '', start: iso(-60), state: 'En cours'},
				{label: 'Formation', type: '', start: iso(-50), state: 'Prévue'},
			],
		});
		editor = await renderEditor([exited], {queue: 'steps.after-exit'});
		expect(editor.frame()).toContain('steps.after-exit');
		await editor.press('t');
		await editor.press('i');
		expect((await editor.disk('X')).steps).toEqual([
			{label: 'Atelier', type: '', start: iso(-60), state: 'Terminée', end: iso(-10)},
			{label: 'Formation', type: '', start: iso(-50), state: 'Interrompue', end: iso(-10)},
		]);
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

	it('+ with the defaults: a step from today is « En cours », not « Prévue » (which steps.to-start would flag at once)', async () => {
		editor = await renderEditor([inOrder(T, {id: 'N', steps: []})], {queue: 'caseload.active'});
		let frame = await editor.press(KEYS.enter, '+');
		expect(frame).toContain('‹ En cours ›');
		frame = await editor.press('Atelier CV', KEYS.enter);
		expect((await editor.disk('N')).steps).toEqual([{label: 'Atelier CV', type: '', start: T, state: 'En cours'}]);
		expect(frame).not.toContain("Étapes 'Prévue' → 'En cours'");
		// a start moved to a later day typed without its year: « Prévue »
		frame = await editor.press('+', 'Stage', '\t', '\t', frenchDate(toDay(T) + 5).slice(0, 5));
		expect(frame).toContain(`= ${frenchDate(toDay(T) + 5)}`);
		expect(frame).toContain('‹ Prévue ›');
		await editor.press(KEYS.enter);
		expect((await editor.disk('N')).steps[1]).toEqual({label: 'Stage', type: '', start: iso(5), state: 'Prévue'});
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
