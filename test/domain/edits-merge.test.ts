// Re-applying a change made on an old version of a participant over a fresher one:
// a colleague's change to other fields is kept, the same field is a conflict; and
// the session's undo stack.
import {describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {
	addStep,
	applyChanges,
	diffParticipants,
	EMPTY_UNDO,
	editStep,
	type EditResult,
	mergeChanges,
	peekUndo,
	popUndo,
	pushUndo,
	recordInterview,
	renewContract,
	setContract,
	setRomeCode,
	startStep,
	stepRef,
	type UndoRecord,
} from '../../source/domain/edits/index.js';
import type {Participant} from '../../source/domain/model.js';
import {person} from '../helpers/caseload.js';

const T = toDay('2026-11-22');
const step = {label: 'Atelier CV', type: 'Atelier', start: '2026-11-16', state: 'Prévue' as const};

function after(result: EditResult): Participant {
	if (!result.ok) throw new Error(result.error);
	return result.participant;
}

/** What `applyChange` does under the lock: my edit on `base`, merged over `theirs`. */
function merge(base: Participant, mine: Participant, theirs: Participant) {
	const {apply, conflicts} = mergeChanges(diffParticipants(base, mine), diffParticipants(base, theirs));
	return {conflicts, result: applyChanges(theirs, apply)};
}

const base = person({rsa: true, integrationDate: '2026-01-01', contractEnd: '2026-12-01', steps: [step]});

describe('merging a change over a colleague’s', () => {
	it('different fields: both kept', () => {
		const mine = after(renewContract(base, 6));
		const theirs = after(setRomeCode(base, 'K2204'));
		const {conflicts, result} = merge(base, mine, theirs);
		expect(conflicts).toEqual([]);
		expect(result).toMatchObject({contractEnd: '2027-06-01', romeCode: 'K2204'});
	});

	it('same field, different values: a conflict with the three values, nothing applied', () => {
		const mine = after(renewContract(base, 6));
		const theirs = after(renewContract(base, 12));
		const {conflicts} = merge(base, mine, theirs);
		expect(conflicts).toEqual([{label: 'Fin du CER', base: '2026-12-01', theirs: '2027-12-01', mine: '2027-06-01'}]);
	});

	it('same field, same value: no conflict, nothing doubled', () => {
		const mine = after(setRomeCode(base, 'K2204'));
		const {conflicts, result} = merge(base, mine, mine);
		expect(conflicts).toEqual([]);
		expect(result).toEqual(mine);
	});

	it('the same field of the same step changed on both sides is a conflict; another field of it, another step or an event is not', () => {
		const two = {...base, steps: [step, {...step, label: 'Immersion', start: '2026-11-18'}]};
		const mine = after(startStep(two, stepRef(step)));
		const finished = after(editStep(two, stepRef(step), {state: 'Terminée', end: '20/11/2026'}));
		expect(merge(two, mine, finished).conflicts.map(c => c.label)).toEqual(['Étape « Atelier CV » (16/11/2026)']);
		// their end date, my state: both kept in the step
		const dated = merge(two, mine, after(editStep(two, stepRef(step), {end: '30/11/2026'})));
		expect(dated.conflicts).toEqual([]);
		expect(dated.result.steps[0]).toEqual({...step, state: 'En cours', end: '2026-11-30'});
		// a step they renamed is no longer the one I changed: a conflict, never a second copy
		const renamed = merge(two, mine, after(editStep(two, stepRef(step), {label: 'Atelier lettre'})));
		expect(renamed.conflicts).toHaveLength(1);
		expect(renamed.result.steps).toHaveLength(2);
		const otherStep = after(startStep(two, {label: 'Immersion', start: '2026-11-18'}));
		const merged = merge(two, mine, after(recordInterview(otherStep, T)));
		expect(merged.conflicts).toEqual([]);
		expect(merged.result.steps.map(s => s.state)).toEqual(['En cours', 'En cours']);
		expect(merged.result.events).toEqual([{date: '2026-11-22', type: 'Entretien individuel'}]);
	});

	it('both adding steps or events: all of them kept', () => {
		const mine = after(addStep(base, {label: 'Mienne', start: '01/12/2026'}));
		const theirs = after(addStep(after(recordInterview(base, T)), {label: 'Sienne', start: '02/12/2026'}));
		const {conflicts, result} = merge(base, mine, theirs);
		expect(conflicts).toEqual([]);
		expect(result.steps.map(s => s.label)).toEqual(['Atelier CV', 'Sienne', 'Mienne']);
		expect(result.events).toHaveLength(1);
	});

	it('a step renamed keeps its place in the list', () => {
		const two = {...base, steps: [step, {...step, label: 'Immersion', start: '2026-11-18'}]};
		const mine = after(editStep(two, stepRef(step), {label: 'Atelier lettre'}));
		const {result} = merge(two, mine, two);
		expect(result.steps.map(s => s.label)).toEqual(['Atelier lettre', 'Immersion']);
	});

	it('a cleared field is removed over the fresh version', () => {
		const withDates = {...base, contractStart: '2026-06-01'};
		const mine = after(setContract(withDates, {start: null}));
		const {result} = merge(withDates, mine, {...withDates, romeCode: 'A1203'});
		expect('contractStart' in result).toBe(false);
		expect(result.romeCode).toBe('A1203');
	});

	it('undo as a reverse change restores exactly the previous participant', () => {
		const edits = [
			(p: Participant) => startStep(p, stepRef(step)),
			(p: Participant) => setContract(p, {start: null, end: '31/12/2026'}),
			(p: Participant) => recordInterview(p, T),
			(p: Participant) => addStep(p, {label: 'Nouvelle', start: '03/12/2026'}),
		];
		for (const edit of edits) {
			const changed = after(edit(base));
			const {conflicts, result} = merge(changed, base, changed);
			expect(conflicts).toEqual([]);
			expect(result).toEqual(base);
		}
	});
});

describe('undo stack', () => {
	const record = (n: number): UndoRecord => ({participantId: `P${n}`, description: `change ${n}`, before: base, after: base});

	it('undoes the last change first, repeatedly, until empty', () => {
		let stack = pushUndo(pushUndo(EMPTY_UNDO, record(1)), record(2));
		expect(peekUndo(stack)?.description).toBe('change 2');
		stack = popUndo(stack);
		expect(peekUndo(stack)?.description).toBe('change 1');
		stack = popUndo(stack);
		expect(peekUndo(stack)).toBeUndefined();
		expect(popUndo(stack)).toEqual([]);
	});

	it('keeps at most the limit, dropping the oldest; never mutates', () => {
		const first = pushUndo(EMPTY_UNDO, record(1), 2);
		const full = pushUndo(pushUndo(first, record(2), 2), record(3), 2);
		expect(full.map(r => r.description)).toEqual(['change 2', 'change 3']);
		expect(first).toHaveLength(1);
	});
});
