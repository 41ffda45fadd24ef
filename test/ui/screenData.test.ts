import {describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {demoCaseload} from '../../source/domain/demoCaseload.js';
import {INDICATOR_IDS} from '../../source/domain/indicators.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {indicatorResult, triage} from '../../source/domain/triage.js';
import {rowText} from '../../source/ui/QueueScreen.js';
import {dashboardIndexOf, dashboardRows, longestId, queueColumns, queueRows, searchIndex} from '../../source/ui/screenData.js';

const T = toDay('2026-11-22');
const demo = demoCaseload(T);
const result = triage(demo, {today: T, settings: DEFAULT_SETTINGS, hideSnoozed: true});
const search = searchIndex(demo);

describe('queue table', () => {
	it('fits every indicator’s columns in 80 and 200 columns, with the figure heading and the name', () => {
		for (const id of INDICATOR_IDS) {
			const indicator = indicatorResult(result, id)!;
			for (const width of [80, 200]) {
				const columns = queueColumns(indicator, {width, showReferent: true, nameOf: p => p.name, idWidth: longestId(indicator)});
				expect(columns[0]!.header).toBe('Bénéficiaire');
				expect(columns.at(-1)!.header).toBe(indicator.definition.figure.label);
				for (const row of queueRows(result, indicator, '', search)) {
					expect(rowText(columns, row, true).length).toBeLessThanOrEqual(width);
				}
			}
		}
	});

	it('filters on name or id without regard to accents or case', () => {
		const active = indicatorResult(result, 'caseload.active')!;
		const someone = queueRows(result, active, '', search)[3]!.participant;
		const accentless = someone.name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
		expect(queueRows(result, active, accentless, search).map(r => r.participant.id)).toContain(someone.id);
		expect(queueRows(result, active, someone.id.toLowerCase(), search).map(r => r.participant.id)).toEqual([someone.id]);
		expect(queueRows(result, active, 'zzzz-personne', search)).toEqual([]);
	});
});

describe('dashboard rows', () => {
	it('lists the 27 indicators in section order and finds each one’s place', () => {
		const rows = dashboardRows(result, '');
		expect(rows).toHaveLength(INDICATOR_IDS.length);
		for (const [index, row] of rows.entries()) expect(dashboardIndexOf(row.indicator.definition.id)).toBe(index);
		expect(dashboardRows(result, 'echeance').every(row => row.section === 'rsa')).toBe(true);
	});
});
