import {describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {demoCaseload} from '../../source/domain/demoCaseload.js';
import {INDICATOR_IDS} from '../../source/domain/indicators.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {indicatorResult, triage} from '../../source/domain/triage.js';
import {rowText} from '../../source/ui/QueueScreen.js';
import {dashboardIndexOf, dashboardRows, filterQueueRows, longestId, nextQueue, queueColumns, queueRows, searchIndex, STEP_QUEUES} from '../../source/ui/screenData.js';

const T = toDay('2026-11-22');
const demo = demoCaseload(T);
const result = triage(demo, {today: T, settings: DEFAULT_SETTINGS, hideSnoozed: true});
const search = searchIndex(demo);

describe('queue table', () => {
	it('narrows the whole queue to a filter as building it filtered would (the screen builds it once per triage)', () => {
		for (const id of INDICATOR_IDS) {
			const indicator = indicatorResult(result, id)!;
			const whole = queueRows(result, indicator, '', search);
			for (const filter of ['', 'a', 'DEMO-01', 'é', 'zzz']) {
				expect(filterQueueRows(whole, filter, search)).toEqual(queueRows(result, indicator, filter, search));
			}
		}
	});


	it('fits every indicator’s columns in 80 and 200 columns, with the figure heading and the name', () => {
		for (const id of INDICATOR_IDS) {
			const indicator = indicatorResult(result, id)!;
			for (const width of [80, 200]) {
				const columns = queueColumns(indicator, {width, showReferent: true, nameOf: p => p.name, idWidth: longestId(indicator)});
				expect(columns[0]!.header).toBe('Bénéficiaire');
				// a steps queue counts days per step (its status line says which): « Jours »
				expect(columns.at(-1)!.header).toBe(STEP_QUEUES[id] === undefined ? indicator.definition.figure.label : 'Jours');
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

describe('steps queues', () => {
	it('have a row per step to fix, with the step, most overdue first; the other steps of the person are not rows', () => {
		const today = toDay('2026-11-22');
		const people = [
			{id: 'P1', name: 'UN', referent: 'R', rsa: false, integrationDate: '2026-01-05', events: [], steps: [
				{label: 'Atelier CV', type: '', start: '2026-11-20', state: 'Prévue' as const},
				{label: 'Formation', type: '', start: '2026-06-01', end: '2026-07-01', state: 'Terminée' as const},
				{label: 'Immersion', type: '', start: '2026-11-02', state: 'Prévue' as const},
			]},
			{id: 'P2', name: 'DEUX', referent: 'R', rsa: false, integrationDate: '2026-01-05', events: [], steps: [{label: 'Stage', type: '', start: '2026-11-10', state: 'Prévue' as const}]},
		];
		const caseload = triage(people, {today, settings: DEFAULT_SETTINGS, hideSnoozed: true});
		const rows = queueRows(caseload, indicatorResult(caseload, 'steps.to-start')!, '', searchIndex(people));
		expect(rows.map(row => [row.participant.id, row.step?.step.label, row.step?.figure])).toEqual([
			['P1', 'Immersion', 20],
			['P2', 'Stage', 12],
			['P1', 'Atelier CV', 2],
		]);
		// the index is the stored one: what an edit changes
		expect(rows[0]!.step!.index).toBe(2);
	});

	it('an empty queue offers the next one of its section that has people, wrapping round', () => {
		const next = nextQueue(result, 'steps.after-exit');
		expect(next?.definition.section).toBe('rectifier');
		expect(next?.entries.length).toBeGreaterThan(0);
		expect(nextQueue(result, 'caseload.intake')?.definition.id).toBe('caseload.active');
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
