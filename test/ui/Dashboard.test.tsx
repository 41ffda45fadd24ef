// The plug for edits: a handler replaces the caseload, the triage follows.
import {render} from 'ink-testing-library';
import React from 'react';
import {afterEach, describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {Dashboard, type EditHandler} from '../../source/ui/Dashboard.js';
import {KEYMAP} from '../../source/ui/keymap.js';
import {inOrder} from '../helpers/caseload.js';
import {KEYS, settled} from './renderApp.js';

const T = '2026-11-22';

function toStart(id: string, daysLate: number): Participant {
	const start = isoFromDay(toDay(T) - daysLate);
	return inOrder(T, {id, name: `ATTENTE ${id}`, steps: [{label: 'Atelier', type: 'Atelier', start, state: 'Prévue'}]});
}

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

describe('Dashboard (edits plug in here)', () => {
	it('re-triages after a handler replaces the caseload; n then goes to the person now in that place', async () => {
		const people = [toStart('A', 30), toStart('B', 20), toStart('C', 10)];
		const start: EditHandler = (command, selection, tools) => {
			if (command !== 'step-start') return;
			const next = tools.participants().map(p =>
				p.id === selection.participantId
					? {...p, steps: p.steps.map((s, i) => (i === selection.stepIndex ? {...s, state: 'En cours' as const} : s))}
					: p,
			);
			tools.replace(next);
			tools.say('Étape passée « En cours ».');
		};
		const bindings = KEYMAP;
		const instance = render(
			<Dashboard initialParticipants={people} initialSettings={DEFAULT_SETTINGS} storePath="x.json" today={toDay(T)} queue="steps.to-start" bindings={bindings} onEdit={start} color={false} />,
		);
		unmount = () => instance.unmount();
		await settled(instance.lastFrame);
		const press = async (key: string) => {
			instance.stdin.write(key);
			return settled(instance.lastFrame, key === KEYS.escape ? 80 : 30);
		};
		expect(instance.lastFrame()).toContain("Étapes 'Prévue' → 'En cours' — 1/3");
		await press(KEYS.enter);
		let frame = await press('d');
		expect(frame).toContain('Étape passée « En cours ».');
		// the screen follows the new caseload: the step is 'En cours', the person left the queue
		expect(frame).toContain('ATTENTE A');
		expect(frame).toMatch(/› +En cours/);
		expect(frame).not.toContain("Étapes 'Prévue' → 'En cours' (");
		frame = await press('n');
		expect(frame).toContain('ATTENTE B');
		expect(frame).toContain('Fiche 1/2');
		// the message went with the next key
		expect(frame).not.toContain('Étape passée');
		frame = await press(KEYS.escape);
		expect(frame).toContain("Étapes 'Prévue' → 'En cours' — 1/2");
	});

	it('pauses the dashboard keys while a panel is open', async () => {
		const form: EditHandler = (command, _selection, tools) => {
			if (command === 'export-cellule') tools.openPanel(<>{'Formulaire ouvert'}</>);
		};
		const instance = render(
			<Dashboard initialParticipants={[inOrder(T)]} initialSettings={DEFAULT_SETTINGS} storePath="x.json" today={toDay(T)} onEdit={form} color={false} />,
		);
		unmount = () => instance.unmount();
		await settled(instance.lastFrame);
		instance.stdin.write('E');
		await settled(instance.lastFrame);
		expect(instance.lastFrame()).toContain('Formulaire ouvert');
		instance.stdin.write('?');
		await settled(instance.lastFrame);
		expect(instance.lastFrame()).not.toContain('Aide');
	});
});
