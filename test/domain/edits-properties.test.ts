// Properties of merging and undo over random edits (fast-check): undo restores the
// participant exactly, and two edits touching different units of a participant
// merge to the same result whatever the order they were saved in.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {
	addStep,
	applyChanges,
	diffParticipants,
	type FieldChange,
	type Edit,
	editStep,
	finishStep,
	interruptStep,
	mergeChanges,
	recordEvent,
	renewContract,
	sameValue,
	setContract,
	setRomeCode,
	snoozeIndicator,
	startStep,
	setStandby,
	standbyWish,
} from '../../source/domain/edits/index.js';
import type {Participant} from '../../source/domain/model.js';
import {EVENT_TYPES} from '../../source/domain/vocabulary.js';

const T = toDay('2026-11-22');
const base: Participant = {
	id: 'P',
	name: 'PROPRIÉTÉ Test',
	rsa: true,
	integrationDate: '2026-01-01',
	contractStart: '2026-06-01',
	contractEnd: '2026-12-01',
	steps: [
		{label: 'Atelier CV', type: 'Atelier', start: '2026-11-16', state: 'Prévue'},
		{label: 'Immersion', type: 'PMSMP', start: '2026-10-01', end: '2026-10-20', state: 'En cours'},
		{label: 'Formation', type: 'Formation', start: '2026-09-01', state: 'En cours'},
	],
	events: [{date: '2026-11-01', type: 'Entretien individuel'}],
};

const stepRefs = base.steps.map(s => ({label: s.label, start: s.start}));
const day = fc.integer({min: 1, max: 28}).map(d => `${String(d).padStart(2, '0')}/12/2026`);

const edit: fc.Arbitrary<Edit> = fc.oneof(
	fc.constantFrom(...stepRefs).map(ref => (p: Participant) => startStep(p, ref)),
	fc.constantFrom(...stepRefs).map(ref => (p: Participant) => finishStep(p, ref, T)),
	fc.constantFrom(...stepRefs).map(ref => (p: Participant) => interruptStep(p, ref, T)),
	fc.tuple(fc.constantFrom(...stepRefs), fc.constantFrom('Nouveau libellé', 'Autre libellé')).map(
		([ref, label]) => (p: Participant) => editStep(p, ref, {label}),
	),
	fc.tuple(fc.constantFrom(...stepRefs), day).map(([ref, end]) => (p: Participant) => editStep(p, ref, {end})),
	day.map(start => (p: Participant) => addStep(p, {label: 'Ajoutée', start})),
	fc.tuple(fc.constantFrom(...EVENT_TYPES), day).map(([type, date]) => (p: Participant) => recordEvent(p, {type, date})),
	fc.constantFrom(6, 12).map(months => (p: Participant) => renewContract(p, months)),
	day.map(end => (p: Participant) => setContract(p, {end})),
	fc.constantFrom('M1607', 'K2204', '').map(code => (p: Participant) => setRomeCode(p, code)),
	fc.constant((p: Participant) => setStandby(p, standbyWish(p), T)),
	day.map(until => (p: Participant) => snoozeIndicator(p, {indicator: 'steps.to-start', reason: 'attente', until}, T)),
);

function run(e: Edit, p: Participant): Participant {
	const result = e(p);
	return result.ok ? result.participant : p;
}

describe('edits, merged and undone', () => {
	it('undoing any sequence of edits, last first, gives back exactly the start', () => {
		fc.assert(
			fc.property(fc.array(edit, {maxLength: 6}), edits => {
				const versions = [base];
				for (const e of edits) versions.push(run(e, versions.at(-1)!));
				let current = versions.at(-1)!;
				for (let i = versions.length - 1; i > 0; i--) {
					const {apply, conflicts} = mergeChanges(diffParticipants(versions[i]!, versions[i - 1]!), []);
					expect(conflicts).toEqual([]);
					current = applyChanges(current, apply);
					expect(current).toEqual(versions[i - 1]);
				}
			}),
		);
	});

	it('two edits on different units merge to both, in either order; on the same unit they conflict or agree', () => {
		fc.assert(
			fc.property(edit, edit, (mineEdit, theirsEdit) => {
				const mine = run(mineEdit, base);
				const theirs = run(theirsEdit, base);
				const mineChanges = diffParticipants(base, mine);
				const theirChanges = diffParticipants(base, theirs);
				const shared = mineChanges.filter(c => theirChanges.some(t => t.key === c.key));
				const mergedOverTheirs = mergeChanges(mineChanges, theirChanges);
				const mergedOverMine = mergeChanges(theirChanges, mineChanges);
				if (shared.length === 0) {
					expect(mergedOverTheirs.conflicts).toEqual([]);
					const a = applyChanges(theirs, mergedOverTheirs.apply);
					const b = applyChanges(mine, mergedOverMine.apply);
					// same content (list order may differ when both sides appended)
					const sorted = (p: Participant) => ({
						...p,
						steps: [...p.steps].sort((x, y) => (x.label + x.start).localeCompare(y.label + y.start)),
						events: [...p.events].sort((x, y) => (x.date + x.type).localeCompare(y.date + y.type)),
					});
					expect(sorted(a)).toEqual(sorted(b));
					for (const change of [...mineChanges, ...theirChanges]) {
						expect(diffParticipants(base, a).some(c => c.key === change.key)).toBe(true);
					}
				} else {
					const theirAfter = (c: FieldChange) => theirChanges.find(t => t.key === c.key)!.after;
					const disagree = shared.filter(c => !sameValue(c.after, theirAfter(c)));
					// the same result on both sides: nothing to say
					if (disagree.length === 0) expect(mergedOverTheirs.conflicts).toEqual([]);
					// one field both changed differently (or an item one side added or removed): always a conflict
					if (disagree.some(c => clash(c.before, c.after, theirAfter(c)))) expect(mergedOverTheirs.conflicts.length).toBeGreaterThan(0);
					if (mergedOverTheirs.conflicts.length === 0) {
						// merged field by field: every field either side changed is in the result
						const merged = applyChanges(theirs, mergedOverTheirs.apply);
						for (const c of disagree) {
							const item = diffParticipants(theirs, merged).find(d => d.key === c.key)!.after as Record<string, unknown>;
							const [before, ours, their] = [c.before, c.after, theirAfter(c)] as Array<Record<string, unknown>>;
							for (const field of new Set([...Object.keys(before!), ...Object.keys(ours!), ...Object.keys(their!)])) {
								const expected = !sameValue(before![field], ours![field]) ? ours![field] : their![field];
								expect(item[field]).toEqual(expected);
							}
						}
					}
				}
			}),
		);
	});
});

/** Two changes of one unit that cannot both hold: one side added or removed it, or they set one field differently. */
function clash(base: unknown, mine: unknown, theirs: unknown): boolean {
	const isItem = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;
	if (!isItem(base) || !isItem(mine) || !isItem(theirs)) return !sameValue(mine, theirs);
	return [...new Set([...Object.keys(mine), ...Object.keys(theirs)])].some(
		field => !sameValue(base[field], mine[field]) && !sameValue(base[field], theirs[field]) && !sameValue(mine[field], theirs[field]),
	);
}
