// The dashboard triages the same participants again after every change, and the
// facts of an unchanged person are taken from the last triage: a change must
// still always be seen, even one made in place on the same objects.
import {describe, expect, it} from 'vitest';
import {computeFacts} from '../../source/domain/facts.js';
import {toDay} from '../../source/domain/calendar.js';
import {counted, inOrder} from '../helpers/caseload.js';

const T = '2026-11-22';

describe('facts of a participant triaged again', () => {
	it('follow a step changed in place (end passed: the step must be finished)', () => {
		const p = inOrder(T);
		expect(counted(p, 'steps.to-finish', T)).toBe(false);
		p.steps[0]!.end = '2026-11-01';
		expect(counted(p, 'steps.to-finish', T)).toBe(true);
		p.steps[0]!.state = 'Terminée';
		expect(counted(p, 'steps.to-finish', T)).toBe(false);
	});

	it('follow events and dates added or changed in place, and another day', () => {
		const p = inOrder(T);
		expect(counted(p, 'followup.no-interview30', T)).toBe(false);
		p.events[0]!.date = '2026-09-01';
		expect(counted(p, 'followup.no-interview30', T)).toBe(true);
		p.events.push({date: '2026-11-20', type: 'Entretien individuel'});
		expect(counted(p, 'followup.no-interview30', T)).toBe(false);
		p.exitDate = '2026-11-21';
		expect(computeFacts(p, toDay(T)).status).toBe('exited');
		expect(computeFacts(p, toDay('2026-11-20')).status).toBe('active');
	});

	it('are the same object when nothing changed (nothing computed again)', () => {
		const p = inOrder(T);
		expect(computeFacts(p, toDay(T))).toBe(computeFacts(p, toDay(T)));
	});
});
