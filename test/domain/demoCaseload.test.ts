import {describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {DEMO_REFERENTS, demoCaseload} from '../../source/domain/demoCaseload.js';
import {participantSchema} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {triage} from '../../source/domain/triage.js';

// Days chosen to cross month ends, a leap day and a new year.
const DAYS = ['2026-11-22', '2027-01-01', '2028-02-29', '2027-08-31', '2026-03-31'];

describe('the demo caseload', () => {
	for (const day of DAYS) {
		it(`hits every indicator at least once when generated on ${day}`, () => {
			const today = toDay(day);
			const people = demoCaseload(today);
			const result = triage(people, {today, settings: DEFAULT_SETTINGS});
			const empty = result.indicators.filter(i => i.entries.length === 0).map(i => i.definition.id);
			expect(empty).toEqual([]);
		});
	}

	it('is about 60 valid participants for two referents, the same on every run', () => {
		const today = toDay('2026-11-22');
		const people = demoCaseload(today);
		expect(people.length).toBeGreaterThanOrEqual(55);
		expect(people.length).toBeLessThanOrEqual(70);
		expect(new Set(people.map(p => p.referent))).toEqual(new Set(DEMO_REFERENTS));
		expect(new Set(people.map(p => p.id)).size).toBe(people.length);
		for (const p of people) expect(() => participantSchema.parse(p)).not.toThrow();
		expect(demoCaseload(today)).toEqual(people);
	});
});
