// report --json is written one indicator at a time (no 50,000-person string);
// the text must stay exactly what JSON.stringify(…, null, 2) printed.
import {describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {reportJson, reportJsonChunks} from '../../source/commands/report.js';
import {toDay} from '../../source/domain/calendar.js';
import {triage} from '../../source/domain/triage.js';

const T = toDay('2026-11-22');

describe('report --json text', () => {
	it('is JSON.stringify with two-space indent, for all and for one referent', () => {
		const store = generateCaseload(500, T);
		const referent = store.participants[0]!.referent;
		for (const options of [{}, {referent}, {referent: 'PERSONNE Inconnue'}]) {
			const result = triage(store.participants, {today: T, settings: store.settings, ...options});
			expect([...reportJsonChunks(result)].join('')).toBe(JSON.stringify(reportJson(result), null, 2) + '\n');
		}
	});
});
