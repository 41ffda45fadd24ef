// The list of §7: late items and those due by the horizon, in due / kind / id
// order, snoozed ones kept and marked; the week groups of the text list.
import {describe, expect, it} from 'vitest';
import {generateCaseload} from '../../../source/bench/caseload.js';
import {isoFromDay, toDay} from '../../../source/domain/calendar.js';
import {
	ECHEANCE_KIND_IDS,
	type EcheanceList,
	echeancesOfFacts,
	endOfWeek,
	groupEcheances,
	listEcheances,
	visibleEcheances,
} from '../../../source/domain/echeances/index.js';
import type {Participant} from '../../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../../source/domain/settings.js';
import {triage} from '../../../source/domain/triage.js';
import {person} from '../../helpers/caseload.js';

const T = toDay('2026-11-18'); // a Wednesday
const d = (n: number) => isoFromDay(T + n);

const rows = (list: EcheanceList) => list.items.map(item => [isoFromDay(item.due), item.kind, item.participant.id, item.late]);

describe('listEcheances', () => {
	// B and A have a CER ending the same day; A also a step ending then
	const a = person({id: 'A', rsa: true, integrationDate: d(-40), contractEnd: d(3), extension: true,
		events: [{date: d(-5), type: 'Entretien individuel'}],
		steps: [{label: 'Formation', type: 'Formation', start: d(-30), end: d(3), state: 'En cours'}]});
	const b = person({id: 'B', rsa: true, integrationDate: d(-40), contractEnd: d(3), extension: true,
		events: [{date: d(-20), type: 'Entretien individuel'}]});

	it('keeps late items and those due by the horizon, in due, kind (§7 table), id order', () => {
		const list = listEcheances([b, a], {today: T, until: T + 10, settings: DEFAULT_SETTINGS});
		expect(rows(list)).toEqual([
			// B: integrated 40 days ago (15-day rhythm), last interview 20 days ago: due 5 days ago
			[d(-5), 'rdv.next', 'B', true],
			[d(3), 'cer.end', 'A', false],
			[d(3), 'cer.end', 'B', false],
			[d(3), 'step.end', 'A', false],
			[d(10), 'rdv.next', 'A', false],
		]);
		// the horizon's day is in, the next day out
		expect(rows(listEcheances([a], {today: T, until: T + 9, settings: DEFAULT_SETTINGS})).map(r => r[1])).toEqual(['cer.end', 'step.end']);
	});

	it('keeps late items whatever the horizon', () => {
		const list = listEcheances([b], {today: T, until: T, settings: DEFAULT_SETTINGS});
		expect(rows(list)).toEqual([[d(-5), 'rdv.next', 'B', true]]);
	});

	it('keeps to one referent, case and accents aside', () => {
		const c = {...b, id: 'C', referent: 'MARTEL Inès'};
		const list = listEcheances([b, c], {today: T, until: T + 10, settings: DEFAULT_SETTINGS, referent: 'martel ines'});
		expect(new Set(list.items.map(item => item.participant.id))).toEqual(new Set(['C']));
	});

	it('marks what a snooze names, up to and including its last day; an indicator snooze hides no échéance', () => {
		const snoozed: Participant = {
			...a,
			snoozes: [
				{indicator: 'cer.end', reason: 'Renouvellement en cours', until: d(2)},
				{indicator: 'rsa.contract-lt15', reason: 'Vu', until: d(30)},
			],
		};
		const on = (day: number) => listEcheances([snoozed], {today: T + day, until: T + 10, settings: DEFAULT_SETTINGS}).items;
		const cer = (day: number) => on(day).find(item => item.kind === 'cer.end')!;
		expect(cer(2).snooze).toMatchObject({reason: 'Renouvellement en cours'});
		expect(cer(3).snooze).toBeUndefined();
		expect(on(0).filter(item => item.snooze !== undefined).map(item => item.kind)).toEqual(['cer.end']);
		expect(visibleEcheances(on(0)).map(item => item.kind)).toEqual(['step.end', 'rdv.next']);
	});

	it('sorts the same whatever the order of the store (ids ascending or not)', () => {
		const {participants} = generateCaseload(300, T, 12, {previousContracts: true});
		const options = {today: T, until: T + 60, settings: DEFAULT_SETTINGS};
		const inOrder = listEcheances(participants, options);
		const shuffled = [...participants].reverse();
		shuffled.splice(10, 0, ...shuffled.splice(100, 20));
		expect(rows(listEcheances(shuffled, options))).toEqual(rows(inOrder));
		// and that order is §7's: due, then kind in the table, then id
		const keys = inOrder.items.map(item => [item.due, ECHEANCE_KIND_IDS.indexOf(item.kind), item.participant.id] as const);
		for (let i = 1; i < keys.length; i++) {
			const [a, b] = [keys[i - 1]!, keys[i]!];
			expect(a[0] < b[0] || (a[0] === b[0] && (a[1] < b[1] || (a[1] === b[1] && a[2] <= b[2])))).toBe(true);
		}
	});

	it('gives the same list from a triage’s facts as from the participants', () => {
		const {participants} = generateCaseload(300, T, 11, {previousContracts: true});
		const options = {today: T, until: T + 28, settings: DEFAULT_SETTINGS};
		const fromFacts = echeancesOfFacts(triage(participants, options).facts.values(), options);
		const fromRecords = listEcheances(participants, options);
		expect(rows(fromFacts)).toEqual(rows(fromRecords));
		expect(fromRecords.items.length).toBeGreaterThan(100);
	});
});

describe('groupEcheances', () => {
	it('late, this week (to Sunday), next week (Monday to Sunday), then up to the horizon', () => {
		expect(isoFromDay(endOfWeek(T))).toBe('2026-11-22');
		expect(isoFromDay(endOfWeek(toDay('2026-11-22')))).toBe('2026-11-22'); // a Sunday ends its own week
		expect(isoFromDay(endOfWeek(toDay('2026-11-23')))).toBe('2026-11-29'); // a Monday starts one
		const item = (due: number) => ({participant: person(), kind: 'rdv.next' as const, due: T + due, late: due < 0});
		const groups = groupEcheances([item(-1), item(0), item(4), item(5), item(11), item(12), item(20)], T, T + 28);
		expect(groups.map(g => [g.label, g.items.map(i => i.due - T)])).toEqual([
			['En retard', [-1]],
			['Cette semaine', [0, 4]],
			['Semaine prochaine', [5, 11]],
			["D'ici le 16/12", [12, 20]],
		]);
	});
});
