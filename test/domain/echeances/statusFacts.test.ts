// The échéances command computes the facts of §3 it needs on its own
// (statusFacts); they must be exactly those computeFacts gives the indicators.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {generateCaseload} from '../../../source/bench/caseload.js';
import {toDay} from '../../../source/domain/calendar.js';
import {statusFacts} from '../../../source/domain/echeances/index.js';
import {computeFacts} from '../../../source/domain/facts.js';

const BASE = toDay('2026-11-22');
const KEYS = ['participant', 'today', 'closed', 'active', 'standby', 'integration', 'standbySince', 'contractEnd', 'lastContact'] as const;

describe('statusFacts', () => {
	it('equals computeFacts on what the échéances read, for anyone on any day', () => {
		fc.assert(
			fc.property(fc.integer({min: 1, max: 2 ** 30}), fc.integer({min: -900, max: 400}), (seed, offset) => {
				const today = BASE + offset;
				for (const p of generateCaseload(60, BASE, seed, {previousContracts: true}).participants) {
					const full = computeFacts(p, today);
					const light = statusFacts(p, today);
					expect(Object.keys(light).sort()).toEqual([...KEYS].sort());
					for (const key of KEYS) expect(light[key], `${p.id} ${key}`).toEqual(full[key]);
				}
			}),
			{numRuns: 40},
		);
	});
});
