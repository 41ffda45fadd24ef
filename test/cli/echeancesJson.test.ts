// `echeances --json` writes its text item by item: it must be exactly
// JSON.stringify of the §7 object, whatever the ids, referent and snoozes.
import {describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {listEcheances} from '../../source/domain/echeances/index.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {echeancesJson, echeancesJsonText} from '../../source/commands/echeancesText.js';

const T = toDay('2026-11-22');

describe('echeancesJsonText', () => {
	it('is JSON.stringify(echeancesJson(list), null, 2) plus a newline', () => {
		const {participants} = generateCaseload(200, T, 5, {previousContracts: true});
		participants[0]!.id = 'ID "guillemets" \\ é\u0001';
		participants[1]!.snoozes = [{indicator: 'rdv.next', reason: 'Vu', until: '2026-12-31'}];
		participants[2]!.snoozes = [{indicator: 'parcours.renewal', reason: 'Vu', until: '2026-12-31'}];
		for (const referent of [undefined, 'Référent « cité » "x"']) {
			const list = listEcheances(participants, {today: T, until: T + 60, settings: DEFAULT_SETTINGS});
			const shaped = {...list, referent};
			expect(shaped.items.some(item => item.snooze !== undefined)).toBe(true);
			expect(echeancesJsonText(shaped)).toBe(JSON.stringify(echeancesJson(shaped), null, 2) + '\n');
		}
		const empty = listEcheances([], {today: T, until: T, settings: DEFAULT_SETTINGS});
		expect(echeancesJsonText(empty)).toBe(JSON.stringify(echeancesJson(empty), null, 2) + '\n');
	});
});
