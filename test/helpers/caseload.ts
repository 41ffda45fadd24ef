// Hand-built caseloads for the tests: a participant with sensible blanks, and a
// shortcut to the ids an indicator counts on a given day.
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS, type Settings} from '../../source/domain/settings.js';
import {triage} from '../../source/domain/triage.js';

let counter = 0;

export function person(overrides: Partial<Participant> = {}): Participant {
	counter++;
	return {
		id: `P${counter}`,
		name: `TESTARD Personne${counter}`,
		referent: 'LEBRUN Ana',
		rsa: false,
		steps: [],
		events: [],
		...overrides,
	};
}

/** An active participant with a current step and a recent interview: in no alert. */
export function inOrder(today: string, overrides: Partial<Participant> = {}): Participant {
	const t = toDay(today);
	return person({
		integrationDate: isoFromDay(t - 100),
		romeCode: 'K2204',
		steps: [{label: 'Formation', type: 'Formation', start: isoFromDay(t - 50), end: isoFromDay(t + 50), state: 'En cours'}],
		events: [{date: isoFromDay(t - 3), type: 'Entretien individuel'}],
		...overrides,
	});
}

export function idsIn(
	participants: Participant[],
	indicatorId: string,
	today: string,
	options: {settings?: Settings; referent?: string; hideSnoozed?: boolean} = {},
): string[] {
	const result = triage(participants, {
		today: toDay(today),
		settings: options.settings ?? DEFAULT_SETTINGS,
		referent: options.referent,
		hideSnoozed: options.hideSnoozed,
	});
	const indicator = result.indicators.find(i => i.definition.id === indicatorId);
	if (!indicator) throw new Error(`unknown indicator ${indicatorId}`);
	return indicator.entries.map(e => e.id);
}

/** Is this one participant counted in the indicator on that day? */
export function counted(p: Participant, indicatorId: string, today: string, settings?: Settings): boolean {
	return idsIn([p], indicatorId, today, {settings}).includes(p.id);
}
