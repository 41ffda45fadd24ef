// The benchmark's caseloads are the same on every run and every machine, and look
// like a PLIE's: a real mix of statuses and every indicator populated.
import {describe, expect, it} from 'vitest';
import {generateCaseload, storeText} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {ECHEANCE_KIND_IDS, listEcheances} from '../../source/domain/echeances/index.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {triage} from '../../source/domain/triage.js';
import {storeSchema} from '../../source/store/schema.js';

const T = toDay('2026-11-22');

describe('the synthetic caseload generator', () => {
	it('builds the same store for the same size and seed, another for another seed', () => {
		expect(storeText(generateCaseload(300, T))).toBe(storeText(generateCaseload(300, T)));
		expect(storeText(generateCaseload(300, T, 1))).not.toBe(storeText(generateCaseload(300, T, 2)));
	});

	it('writes a valid store with about 6 steps and 18 events per person', () => {
		const store = generateCaseload(1500, T);
		expect(storeSchema.safeParse(JSON.parse(storeText(store))).success).toBe(true);
		const people = store.participants;
		expect(new Set(people.map(p => p.id)).size).toBe(1500);
		const steps = people.reduce((sum, p) => sum + p.steps.length, 0) / people.length;
		const events = people.reduce((sum, p) => sum + p.events.length, 0) / people.length;
		expect(steps).toBeGreaterThan(5);
		expect(steps).toBeLessThan(7);
		expect(events).toBeGreaterThan(16);
		expect(events).toBeLessThan(20);
	});

	it('puts people in every indicator but not everyone in the alerts', () => {
		const store = generateCaseload(1500, T);
		const result = triage(store.participants, {today: T, settings: DEFAULT_SETTINGS});
		for (const indicator of result.indicators) {
			expect(indicator.entries.length, indicator.definition.id).toBeGreaterThan(0);
			expect(indicator.entries.length, indicator.definition.id).toBeLessThan(1500 * 0.6);
		}
	});

	it('gives every échéance kind of §7 some items, and late ones where the kind can be late on that day', () => {
		const store = generateCaseload(1500, T, undefined, {previousContracts: true});
		const {items} = listEcheances(store.participants, {today: T, until: T + 90, settings: DEFAULT_SETTINGS});
		for (const kind of ECHEANCE_KIND_IDS) {
			const ofKind = items.filter(item => item.kind === kind);
			expect(ofKind.length, kind).toBeGreaterThan(0);
			// never late (rdv.planned, parcours.renewal) or not due before 31/12/2026 (cer.stock)
			if (kind !== 'rdv.planned' && kind !== 'parcours.renewal' && kind !== 'cer.stock') expect(ofKind.some(item => item.late), `${kind} en retard`).toBe(true);
		}
		expect(store.participants.some(p => p.previousContracts !== undefined)).toBe(true);
	});

	it('leaves earlier CERs out unless asked, and nothing else changes', () => {
		const without = generateCaseload(300, T);
		const withContracts = generateCaseload(300, T, undefined, {previousContracts: true});
		expect(without.participants.some(p => p.previousContracts !== undefined)).toBe(false);
		const stripped = withContracts.participants.map(({previousContracts: _, ...rest}) => rest);
		expect(stripped).toEqual(without.participants);
	});
});
