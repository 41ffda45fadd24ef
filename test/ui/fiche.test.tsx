// Issue 14 points 1–2 and issue 15's screen discretion: the people search (`:`),
// the fiche's events (as many as fit, scrolled, with notes; edited, noted and
// deleted from the fiche), and what discrétion mode hides.
import {afterEach, describe, expect, it} from 'vitest';
import {frenchDate, isoFromDay, toDay} from '../../source/domain/calendar.js';
import type {ParcoursEvent} from '../../source/domain/model.js';
import {findPeople, peopleIndex} from '../../source/ui/search/findPeople.js';
import {inOrder, person} from '../helpers/caseload.js';
import {type Editor, renderEditor} from './editHarness.js';
import {KEYS, type Rendered, renderApp} from './renderApp.js';

const T = '2026-11-22';
const iso = (offset: number) => isoFromDay(toDay(T) + offset);
const fr = (offset: number) => frenchDate(toDay(T) + offset);
const lines = (frame: string) => frame.split('\n');
const lineWith = (frame: string, text: string) => lines(frame).find(line => line.includes(text)) ?? '';

let app: Rendered | undefined;
let editor: Editor | undefined;
afterEach(async () => {
	app?.unmount();
	app = undefined;
	await editor?.close();
	editor = undefined;
});

const people = () => [
	inOrder(T, {id: 'A-1', name: 'ÉTIENNE Zoé', referent: 'MARTEL Inès'}),
	inOrder(T, {id: 'B-2', name: 'BARRAULT Hugo', referent: 'ROUVRAY Karim'}),
	// exited long ago: in no queue of the dashboard
	person({id: 'C-3', name: 'CORBIN Lise', integrationDate: '2025-01-10', exitDate: '2025-09-30', exitType: 'Positive', exitReason: 'CDI'}),
	// in intake
	person({id: 'D-4', name: 'DELORME Yanis', firstAppointment: iso(-5)}),
];

describe('people search (:)', () => {
	it('finds by name without accents or case, words in any order, or by id', () => {
		const index = peopleIndex(people());
		expect(findPeople(index, 'zoe etienne').map(p => p.id)).toEqual(['A-1']);
		expect(findPeople(index, 'c-3').map(p => p.id)).toEqual(['C-3']);
		expect(findPeople(index, 'li').map(p => p.id)).toEqual(['C-3']);
		expect(findPeople(index, 'xyz')).toEqual([]);
		expect(findPeople(index, '')).toHaveLength(4);
	});

	it('from the dashboard, opens an exited person’s fiche by typing their name; Esc returns to the dashboard', async () => {
		app = await renderApp(people());
		let frame = await app.press(':');
		expect(frame).toContain('Chercher une personne');
		frame = await app.press('cor');
		expect(frame).toContain('CORBIN Lise');
		expect(frame).not.toContain('BARRAULT');
		expect(lineWith(frame, 'CORBIN')).toContain('30/09/2025');
		frame = await app.press(KEYS.enter);
		expect(frame).toContain('CORBIN Lise · C-3');
		expect(frame).toContain('Sortie : 30/09/2025');
		expect(frame).toContain('Fiche trouvée par la recherche');
		for (const line of lines(frame)) expect(line.length).toBeLessThanOrEqual(80);
		frame = await app.press(KEYS.escape);
		expect(frame).toContain('Parcours à rectifier');
		expect(frame).not.toContain('CORBIN');
	});

	it('from a fiche of a queue, Esc after a search comes back to that fiche', async () => {
		app = await renderApp(people(), {queue: 'caseload.active'});
		let frame = await app.press(KEYS.enter);
		const first = lines(frame)[0]!;
		frame = await app.press(':', 'delorme', KEYS.enter);
		expect(frame).toContain('DELORME Yanis · D-4');
		frame = await app.press(KEYS.escape);
		expect(lines(frame)[0]).toBe(first);
		expect(frame).toMatch(/Fiche 1\/2/);
	});

	it('hides what is typed in discrétion mode, and shows initials', async () => {
		app = await renderApp(people());
		const frame = await app.press('*', ':', 'cor');
		expect(frame).not.toContain('cor▏');
		expect(frame).toContain('•••');
		expect(frame).toContain('C. L.');
		expect(frame).not.toContain('CORBIN');
	});
});

const manyEvents = (count: number): ParcoursEvent[] =>
	Array.from({length: count}, (_, i) => ({date: iso(-3 - i), type: 'Contact téléphonique' as const, ...(i === 0 ? {note: 'rappel quinzaine'} : {})}));

describe('fiche events', () => {
	it('shows as many events as the screen holds, with notes, and scrolls the rest', async () => {
		app = await renderApp([inOrder(T, {id: 'E', events: manyEvents(40)})], {queue: 'caseload.active', columns: 160, rows: 50});
		let frame = await app.press(KEYS.enter);
		expect(lines(frame).length).toBeLessThanOrEqual(49);
		const shown = lines(frame).filter(line => line.includes('Contact téléphonique')).length;
		expect(shown).toBeGreaterThan(20);
		expect(frame).toContain(`${fr(-3)}  Contact téléphonique — rappel quinzaine`);
		expect(frame).toMatch(/Événements \(40\) — 1-\d+ sur 40/);
		// down past the step, then to the end of the events: the oldest comes into view
		frame = await app.press(KEYS.down, 'G');
		expect(lineWith(frame, '›')).toContain(fr(-42));
		expect(frame).not.toContain(`${fr(-3)}  Contact`);
		expect(lines(frame).length).toBeLessThanOrEqual(49);
	});

	it('hides event notes in discrétion mode, in the list and in the status line', async () => {
		app = await renderApp([inOrder(T, {id: 'E', events: manyEvents(3)})], {queue: 'caseload.active'});
		let frame = await app.press(KEYS.enter, KEYS.down);
		expect(frame).toContain('rappel quinzaine');
		frame = await app.press('*');
		expect(frame).not.toContain('rappel quinzaine');
		expect(frame).toContain('[note masquée]');
	});

	it('N right after e gives the interview just recorded a note, kept in the file', async () => {
		editor = await renderEditor([inOrder(T, {id: 'E'})], {queue: 'caseload.active'});
		await editor.press(KEYS.enter);
		let frame = await editor.press('e');
		// the one-key path stays; the status line says a note can follow, whole at 80 columns
		expect(frame).toContain('ajouté · N : note');
		frame = await editor.press('N');
		expect(frame).toContain('Note');
		await editor.press('appel mardi', KEYS.enter);
		await editor.saved();
		expect((await editor.disk('E')).events).toContainEqual({date: T, type: 'Entretien individuel', note: 'appel mardi'});
	});

	it('m on an event changes its type and date; - deletes it after a confirmation, u puts it back', async () => {
		editor = await renderEditor([inOrder(T, {id: 'E'})], {queue: 'caseload.active'});
		await editor.press(KEYS.enter, KEYS.down);
		let frame = await editor.press('m');
		expect(frame).toContain('Modifier l’événement');
		await editor.press('\t', '\u0015', '18/11/2026', KEYS.enter);
		await editor.saved();
		expect((await editor.disk('E')).events).toEqual([{date: '2026-11-18', type: 'Entretien individuel'}]);
		frame = await editor.press('-');
		expect(frame).toContain('Supprimer');
		frame = await editor.press('o');
		await editor.saved();
		expect((await editor.disk('E')).events).toEqual([]);
		await editor.press('u');
		await editor.saved();
		expect((await editor.disk('E')).events).toEqual([{date: '2026-11-18', type: 'Entretien individuel'}]);
	});

	it('m on an event takes a date without its year, as every other date field does', async () => {
		editor = await renderEditor([inOrder(T, {id: 'E'})], {queue: 'caseload.active'});
		await editor.press(KEYS.enter, KEYS.down, 'm');
		const frame = await editor.press('\t', '\u0015', '18/11');
		expect(frame).not.toContain('date impossible');
		await editor.press(KEYS.enter);
		await editor.saved();
		expect((await editor.disk('E')).events).toEqual([{date: '2026-11-18', type: 'Entretien individuel'}]);
	});

	it('- on a step deletes nothing and says how to change a step', async () => {
		editor = await renderEditor([inOrder(T, {id: 'E'})], {queue: 'caseload.active'});
		await editor.press(KEYS.enter);
		const frame = await editor.press('-');
		expect(frame).toContain('supprime un événement');
		expect((await editor.disk('E')).steps).toHaveLength(1);
	});
});

describe('queue screen', () => {
	it('names the indicator’s id, as --queue takes it', async () => {
		app = await renderApp(people(), {queue: 'caseload.active'});
		expect(lines(app.frame()).find(line => line.includes('File active en parcours —'))).toMatch(/· caseload\.active$/);
	});
});

describe('a name typed in the dashboard’s filter', () => {
	it('finds no indicator and says where people are sought', async () => {
		app = await renderApp(people());
		const frame = await app.press('/', 'z', 'o', 'r', 'g');
		expect(frame).toContain('Aucun indicateur ne correspond au filtre. Pour chercher une personne : :');
	});
});

describe('discrétion on the dashboard', () => {
	it('hides the filter typed', async () => {
		app = await renderApp(people());
		const frame = await app.press('*', '/', 'r', 's', 'a');
		expect(frame).toContain('Filtre : •••');
		expect(frame).not.toContain('Filtre : rsa');
	});
});
