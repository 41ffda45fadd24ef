import {describe, expect, it} from 'vitest';
import {initialNavState, movedCursor, navReducer, type NavState, scrollOffset, visibleWindow} from '../../source/ui/navigation.js';

const move = (state: NavState, m: Parameters<typeof movedCursor>[1], count = 100, page = 10) =>
	navReducer(state, {type: 'move', move: m, count, page});

describe('navigation reducer', () => {
	it('moves the cursor within the list and keeps it on screen', () => {
		let state = initialNavState();
		state = move(state, 1);
		expect(state.dashboard.cursor).toBe(1);
		state = move(state, -5);
		expect(state.dashboard.cursor).toBe(0);
		state = move(state, 'pageDown');
		state = move(state, 'pageDown');
		expect(state.dashboard.cursor).toBe(20);
		expect(state.dashboard.offset).toBe(11); // rows 11..20 on screen
		state = move(state, 'last');
		expect(state.dashboard).toMatchObject({cursor: 99, offset: 90});
		state = move(state, 'first');
		expect(state.dashboard).toMatchObject({cursor: 0, offset: 0});
		state = move(state, 'pageUp');
		expect(state.dashboard.cursor).toBe(0);
	});

	it('goes dashboard → queue → participant, and Esc back one level without ever quitting', () => {
		let state = initialNavState();
		state = navReducer(state, {type: 'open-queue', indicatorId: 'steps.to-start'});
		expect(state.view).toBe('queue');
		state = move(state, 3);
		state = navReducer(state, {type: 'open-participant', id: 'P7', index: 3});
		expect(state).toMatchObject({view: 'participant', participant: {id: 'P7', step: 0}, queue: {indicatorId: 'steps.to-start', cursor: 3}});
		state = navReducer(state, {type: 'back'});
		expect(state.view).toBe('queue');
		expect(state.queue?.cursor).toBe(3);
		state = navReducer(state, {type: 'back'});
		expect(state.view).toBe('dashboard');
		const again = navReducer(state, {type: 'back'});
		expect(again).toBe(state);
	});

	it('moves the step cursor in the participant view', () => {
		let state = navReducer(initialNavState({queue: 'steps.to-finish'}), {type: 'open-participant', id: 'X', index: 0});
		state = move(state, 1, 3, 5);
		state = move(state, 1, 3, 5);
		state = move(state, 1, 3, 5);
		expect(state.participant?.step).toBe(2);
	});

	it('types a filter, narrows from the top, and Esc clears it before going back', () => {
		let state = navReducer(initialNavState({queue: 'caseload.active'}), {type: 'filter-start'});
		state = move(state, 4);
		for (const ch of 'dupé') state = navReducer(state, {type: 'filter-type', text: ch});
		state = navReducer(state, {type: 'filter-erase'});
		expect(state.queue).toMatchObject({filter: 'dup', cursor: 0});
		state = navReducer(state, {type: 'filter-accept'});
		expect(state.typing).toBe(false);
		// typing stopped: letters are commands again, the filter stays
		expect(navReducer(state, {type: 'filter-type', text: 'x'}).queue?.filter).toBe('dup');
		state = navReducer(state, {type: 'back'});
		expect(state).toMatchObject({view: 'queue', queue: {filter: ''}});
		state = navReducer(state, {type: 'back'});
		expect(state.view).toBe('dashboard');
	});

	it('closes an overlay with Esc before anything else', () => {
		let state = navReducer(initialNavState({queue: 'caseload.active'}), {type: 'toggle-help'});
		expect(state.overlay).toBe('help');
		state = navReducer(state, {type: 'back'});
		expect(state).toMatchObject({overlay: 'none', view: 'queue'});
	});

	it('chooses a referent from the picker and restarts the lists at the top', () => {
		let state = navReducer(initialNavState({queue: 'caseload.active'}), {type: 'open-referents', index: 0});
		state = move(state, 2, 3, 10);
		expect(state.referentCursor).toBe(2);
		state = navReducer(state, {type: 'choose-referent', referent: 'ROUVRAY Karim'});
		expect(state).toMatchObject({overlay: 'none', referent: 'ROUVRAY Karim', queue: {cursor: 0}});
		state = navReducer(state, {type: 'open-referents', index: 0});
		state = navReducer(state, {type: 'choose-referent', referent: undefined});
		expect(state.referent).toBeUndefined();
	});

	it('toggles discrétion mode', () => {
		const state = navReducer(initialNavState(), {type: 'toggle-discretion'});
		expect(state.discretion).toBe(true);
		expect(navReducer(state, {type: 'toggle-discretion'}).discretion).toBe(false);
	});

	it('opens on a queue for --queue, with the dashboard cursor on that indicator for Esc', () => {
		const state = initialNavState({queue: 'rsa.no-contract', dashboardIndex: 16, referent: 'MARTEL Inès'});
		expect(state).toMatchObject({view: 'queue', queue: {indicatorId: 'rsa.no-contract'}, dashboard: {cursor: 16}, referent: 'MARTEL Inès'});
	});
});

describe('list window', () => {
	it('renders only the rows of one page, whatever the list length', () => {
		expect(visibleWindow(4_321, 4_300, 20, 5_000)).toEqual({from: 4_302, to: 4_322});
		expect(visibleWindow(0, 0, 20, 5)).toEqual({from: 0, to: 5});
		expect(visibleWindow(10, 0, 20, 0)).toEqual({from: 0, to: 0});
	});

	it('keeps the window full at the end of the list, and the cursor visible after a resize', () => {
		expect(scrollOffset(99, 95, 10, 100)).toBe(90);
		// the terminal shrank from 20 to 5 rows: the cursor must still be shown
		expect(scrollOffset(15, 0, 5, 100)).toBe(11);
	});
});

describe('participant view line budget', async () => {
	const {ficheLines} = await import('../../source/ui/ficheLayout.js');
	const groups = [
		['DURAND Léa', 'P0001', 'Référent·e : MARTIN Anne'],
		['Statut : En parcours', 'Intégration : 01/02/2026 (9 mois en parcours)', 'Critère : Demandeur d’emploi de longue durée', 'ROME : J1501'],
		['CER : —', 'Pas en veille', 'Pas de sortie'],
		['France Travail : 1234567A', 'CAF : 7654321', 'Prolongation : non', 'Prescripteur : Département de Seine-Maritime'],
	];
	it('never uses more lines than the body has, steps first, indicators and events kept', () => {
		for (const height of [8, 11, 19, 45]) {
			for (const [steps, events, indicators] of [[0, 0, 0], [2, 27, 1], [40, 40, 12], [1, 1, 9]] as const) {
				const lines = ficheLines(groups, {steps, events, indicators}, 80, height);
				expect(3 + lines.identity.length + lines.steps + lines.events + lines.indicators).toBeLessThanOrEqual(Math.max(height, 10));
				expect(lines.steps).toBeGreaterThanOrEqual(1);
				expect(lines.indicators).toBeGreaterThanOrEqual(1);
				expect(lines.events).toBeGreaterThanOrEqual(1);
			}
		}
		// a small terminal keeps both steps before older events
		expect(ficheLines(groups, {steps: 2, events: 27, indicators: 1}, 80, 11).steps).toBe(2);
	});

	it('gives every line left over to the events: a tall screen shows many more than 5', () => {
		const lines = ficheLines(groups, {steps: 2, events: 60, indicators: 2}, 160, 45);
		expect(lines.steps).toBe(2);
		expect(lines.indicators).toBe(2);
		expect(lines.events).toBe(45 - 3 - lines.identity.length - 2 - 2);
		expect(lines.events).toBeGreaterThan(30);
	});

	it('keeps ROME, critère and prescripteur whole at 80 columns', () => {
		const {identity} = ficheLines(groups, {steps: 2, events: 5, indicators: 2}, 80, 19);
		const text = identity.join('\n');
		expect(text).toContain('ROME : J1501');
		expect(text).toContain('Critère : Demandeur d’emploi de longue durée');
		expect(text).toContain('Prescripteur : Département de Seine-Maritime');
		expect(identity.every(line => !line.includes('…'))).toBe(true);
	});
});
