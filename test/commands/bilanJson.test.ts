// bilan --json is written a table at a time, a row per line: its value must be
// exactly bilanJson's, whatever the caseload (empty tables and rows included).
import {describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {bilanJsonChunks} from '../../source/commands/bilan.js';
import {toDay} from '../../source/domain/calendar.js';
import {bilanJson, computeBilan} from '../../source/domain/bilan/index.js';

const T = toDay('2026-11-22');

describe('bilan --json text', () => {
	it('parses to bilanJson, for all, for one referent and for nobody', () => {
		const store = generateCaseload(400, T);
		const referent = store.participants[0]!.referent;
		for (const options of [{}, {referent}, {referent: 'PERSONNE Inconnue'}]) {
			const bilan = computeBilan(store.participants, {from: toDay('2025-11-23'), to: T, settings: store.settings, ...options});
			const text = [...bilanJsonChunks(bilan)].join('');
			expect(JSON.parse(text)).toEqual(bilanJson(bilan));
			expect(text.endsWith('}\n')).toBe(true);
		}
	});
	it('keeps one row per line, two-space indents around them, and an empty table as []', () => {
		// before the protocol start (2021), the cumul of integrations has no row
		const bilan = computeBilan([], {from: toDay('2019-01-01'), to: toDay('2019-01-31'), settings: generateCaseload(1, T).settings});
		const text = [...bilanJsonChunks(bilan)].join('');
		expect(text).toContain('\n        {"id":"integres","label":"Nombre d’intégrations","count":0,"participants":[]},\n');
		expect(text).toContain('"id": "cumul-integrations",\n      "title": ');
		expect(text).toMatch(/"id": "cumul-integrations",\n.*\n {6}"rows": \[\]\n/);
		expect(JSON.parse(text)).toEqual(bilanJson(bilan));
	});
});
