// §7: a late item and its indicator agree, for anyone on any day — late rdv.next
// ⇔ followup.rhythm-late, late standby.review ⇔ standby.long, late step.end ⇔
// steps.to-finish, late cer.end ⇔ rsa.contract-expired. Checked on generated
// caseloads at days far from the one they were drawn for, and on people drawn
// around the boundaries.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {generateCaseload} from '../../../source/bench/caseload.js';
import {type Day, isoFromDay, toDay} from '../../../source/domain/calendar.js';
import {type EcheanceKind, listEcheances} from '../../../source/domain/echeances/index.js';
import type {Participant} from '../../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../../source/domain/settings.js';
import {triage} from '../../../source/domain/triage.js';
import {EVENT_TYPES, STEP_STATES} from '../../../source/domain/vocabulary.js';

const PAIRS: ReadonlyArray<readonly [EcheanceKind, string]> = [
	['rdv.next', 'followup.rhythm-late'],
	['standby.review', 'standby.long'],
	['step.end', 'steps.to-finish'],
	['cer.end', 'rsa.contract-expired'],
];

/** For each pair, the ids with a late item and the ids the indicator counts, on day `today`. */
function compare(participants: readonly Participant[], today: Day) {
	const result = triage(participants, {today, settings: DEFAULT_SETTINGS});
	// horizon T: every late item is listed
	const {items} = listEcheances(participants, {today, until: today, settings: DEFAULT_SETTINGS});
	return PAIRS.map(([kind, indicator]) => {
		const late = [...new Set(items.filter(item => item.kind === kind && item.late).map(item => item.participant.id))].sort();
		const counted = [...result.indicators.find(i => i.definition.id === indicator)!.entries.map(e => e.id)].sort();
		return {pair: `${kind} ⇔ ${indicator} au ${isoFromDay(today)}`, late, counted};
	});
}

const BASE = toDay('2026-11-22');

describe('late échéances and their indicators agree', () => {
	it('on generated caseloads (every version-2 field), any day within two years', () => {
		let seen = 0;
		fc.assert(
			fc.property(fc.integer({min: 1, max: 2 ** 30}), fc.integer({min: -400, max: 400}), (seed, offset) => {
				const {participants} = generateCaseload(120, BASE, seed, {previousContracts: true});
				for (const {pair, late, counted} of compare(participants, BASE + offset)) {
					expect(late, pair).toEqual(counted);
					seen += late.length;
				}
			}),
			{numRuns: 30},
		);
		// not vacuous: people were late
		expect(seen).toBeGreaterThan(100);
	});

	it('on people drawn around the boundaries', () => {
		const day = (from: number, to: number) => fc.integer({min: BASE + from, max: BASE + to}).map(isoFromDay);
		const step = fc.record(
			{label: fc.constantFrom('Immersion', 'Formation'), type: fc.constant(''), start: day(-120, 30), end: day(-60, 60), state: fc.constantFrom(...STEP_STATES)},
			{requiredKeys: ['label', 'type', 'start', 'state']},
		);
		const event = fc.record({date: day(-200, 40), type: fc.constantFrom(...EVENT_TYPES)});
		const participant = fc.record(
			{
				integrationDate: day(-200, 10),
				standbySince: day(-100, 10),
				exitDate: day(-30, 30),
				nonIntegrationDate: day(-30, 30),
				rsa: fc.boolean(),
				contractEnd: day(-60, 60),
				steps: fc.array(step, {maxLength: 4}),
				events: fc.array(event, {maxLength: 6}),
			},
			{requiredKeys: ['rsa', 'steps', 'events']},
		);
		fc.assert(
			fc.property(fc.array(participant, {minLength: 1, maxLength: 12}), fc.integer({min: -40, max: 40}), (drawn, offset) => {
				const people: Participant[] = drawn.map((fields, i) => ({id: `B-${i}`, name: `TESTARD Borne${i}`, ...fields}));
				for (const {pair, late, counted} of compare(people, BASE + offset)) expect(late, pair).toEqual(counted);
			}),
			{numRuns: 300},
		);
	});
});
