// Every indicator of REFERENTIEL §4 on hand-built cases, at its boundaries:
// the day before, the day of, and the day after each threshold.
import {describe, expect, it} from 'vitest';
import {addMonths, isoFromDay, toDay} from '../../source/domain/calendar.js';
import {generateCaseload} from '../../source/bench/caseload.js';
import {computeFacts} from '../../source/domain/facts.js';
import {INDICATOR_IDS, INDICATORS} from '../../source/domain/indicators.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {counted, idsIn, inOrder, person} from '../helpers/caseload.js';

const T = '2026-11-22';
const t = toDay(T);
/** the date `n` days after T (negative: before) */
const d = (n: number) => isoFromDay(t + n);
/** the date `n` months after T (negative: before) */
const m = (n: number) => isoFromDay(addMonths(t, n));

describe('the indicator table', () => {
	it('has the 27 ids of the référentiel, in its order', () => {
		expect(INDICATOR_IDS).toEqual([
			'caseload.intake', 'caseload.active', 'caseload.standby',
			'duration.lt6', 'duration.6to12', 'duration.12to18', 'duration.18to24', 'duration.gte24',
			'duration.gte24-no-extension',
			'steps.to-finish', 'steps.to-start', 'steps.after-exit', 'plan.provisional-integrated',
			'steps.none', 'steps.idle30', 'steps.idle60',
			'rsa.no-contract', 'rsa.contract-expired', 'rsa.contract-lt15', 'rsa.contract-lt30', 'rsa.contract-gt1month',
			'followup.no-rome', 'followup.no-event30', 'followup.no-interview30', 'followup.rhythm-late',
			'followup.two-absences', 'standby.long',
		]);
	});

	it('puts a file in order in no alert', () => {
		const p = inOrder(T);
		const alerts = INDICATOR_IDS.filter(id => counted(p, id, T)).sort();
		expect(alerts).toEqual(['caseload.active', 'duration.lt6']);
	});
});

describe('status on day T (§3)', () => {
	it('intake until the integration day, active from it', () => {
		const p = person({firstAppointment: d(-20), integrationDate: T});
		expect(counted(p, 'caseload.intake', d(-1))).toBe(true);
		expect(counted(p, 'caseload.active', d(-1))).toBe(false);
		expect(counted(p, 'caseload.active', T)).toBe(true);
		expect(counted(p, 'caseload.intake', T)).toBe(false);
	});

	it('closed from the exit day or the non-integration day, not before', () => {
		const exited = inOrder(T, {exitDate: d(1)});
		expect(counted(exited, 'caseload.active', T)).toBe(true);
		expect(counted(exited, 'caseload.active', d(1))).toBe(false);
		const refused = person({firstAppointment: d(-30), nonIntegrationDate: T});
		expect(counted(refused, 'caseload.intake', d(-1))).toBe(true);
		expect(counted(refused, 'caseload.intake', T)).toBe(false);
	});

	it('standby from its first day, only for active people', () => {
		const p = inOrder(T, {standbySince: T});
		expect(counted(p, 'caseload.standby', d(-1))).toBe(false);
		expect(counted(p, 'caseload.standby', T)).toBe(true);
		const intake = person({firstAppointment: d(-5), standbySince: d(-2)});
		expect(counted(intake, 'caseload.standby', T)).toBe(false);
	});
});

describe('duration in parcours (full months)', () => {
	const cases: Array<[string, number, string]> = [
		['duration.lt6', -6, 'duration.6to12'],
		['duration.6to12', -12, 'duration.12to18'],
		['duration.12to18', -18, 'duration.18to24'],
		['duration.18to24', -24, 'duration.gte24'],
	];
	for (const [below, months, from] of cases) {
		it(`${below} the day before ${-months} months, ${from} on the day`, () => {
			const p = inOrder(T, {integrationDate: isoFromDay(addMonths(t, months) + 1)});
			expect(counted(p, below, T)).toBe(true);
			expect(counted(p, from, T)).toBe(false);
			const q = inOrder(T, {integrationDate: m(months)});
			expect(counted(q, from, T)).toBe(true);
			expect(counted(q, below, T)).toBe(false);
		});
	}

	it('31 August + 6 months: the last day of February starts the 6th month', () => {
		const p = inOrder('2027-02-28', {integrationDate: '2026-08-31'});
		expect(counted(p, 'duration.lt6', '2027-02-27')).toBe(true);
		expect(counted(p, 'duration.6to12', '2027-02-28')).toBe(true);
	});

	it('integrated on 29 February: a year later on 28 February', () => {
		const p = inOrder('2029-02-28', {integrationDate: '2028-02-29'});
		expect(counted(p, 'duration.12to18', '2029-02-28')).toBe(true);
		expect(counted(p, 'duration.6to12', '2029-02-27')).toBe(true);
	});

	it('≥ 24 months without extension, unless extended', () => {
		const p = inOrder(T, {integrationDate: m(-24)});
		expect(counted(p, 'duration.gte24-no-extension', T)).toBe(true);
		expect(counted(p, 'duration.gte24-no-extension', d(-1))).toBe(false);
		expect(counted({...p, extension: true}, 'duration.gte24-no-extension', T)).toBe(false);
		expect(counted({...p, extension: true}, 'duration.gte24', T)).toBe(true);
	});

	it('the 24-month threshold comes from the settings', () => {
		const settings = {...DEFAULT_SETTINGS, maxParcoursMonths: 30};
		const p = inOrder(T, {integrationDate: m(-25)});
		expect(counted(p, 'duration.gte24', T, settings)).toBe(false);
		expect(counted(p, 'duration.18to24', T, settings)).toBe(true);
	});
});

describe('parcours à rectifier', () => {
	it("'En cours' step whose end is past → to finish, from the day after its end", () => {
		const p = inOrder(T, {steps: [{label: 'CDD', type: 'Emploi', start: d(-60), end: T, state: 'En cours'}]});
		expect(counted(p, 'steps.to-finish', T)).toBe(false);
		expect(counted(p, 'steps.to-finish', d(1))).toBe(true);
		const done = {...p, steps: [{...p.steps[0]!, state: 'Terminée' as const}]};
		expect(counted(done, 'steps.to-finish', d(1))).toBe(false);
	});

	it("'Prévue' step whose start has come → to start, until its end has passed", () => {
		const p = inOrder(T, {steps: [{label: 'PMSMP', type: 'PMSMP', start: T, end: d(10), state: 'Prévue'}]});
		expect(counted(p, 'steps.to-start', d(-1))).toBe(false);
		expect(counted(p, 'steps.to-start', T)).toBe(true);
		expect(counted(p, 'steps.to-start', d(10))).toBe(true);
		expect(counted(p, 'steps.to-start', d(11))).toBe(false);
		expect(counted(p, 'steps.to-finish', d(11))).toBe(true);
		const open = {...p, steps: [{...p.steps[0]!, end: undefined}]};
		expect(counted(open, 'steps.to-start', d(400))).toBe(true);
	});

	it('closed files leave the step queues', () => {
		const p = person({
			firstAppointment: d(-40),
			nonIntegrationDate: d(-1),
			steps: [{label: 'Atelier', type: 'Atelier', start: d(-30), end: d(-20), state: 'Prévue'}],
		});
		expect(counted(p, 'steps.to-finish', T)).toBe(false);
		expect(counted(p, 'steps.to-start', T)).toBe(false);
	});

	it('after an exit: a step not finished, without end, or ending after the exit', () => {
		const base = inOrder(T, {exitDate: d(-10), exitType: 'Positive', exitReason: 'CDI'});
		const step = {label: 'CDI', type: 'Emploi', start: d(-60), end: d(-10), state: 'Terminée' as const};
		expect(counted({...base, steps: [step]}, 'steps.after-exit', T)).toBe(false);
		expect(counted({...base, steps: [{...step, end: d(-9)}]}, 'steps.after-exit', T)).toBe(true);
		expect(counted({...base, steps: [{...step, end: undefined}]}, 'steps.after-exit', T)).toBe(true);
		expect(counted({...base, steps: [{...step, state: 'En cours'}]}, 'steps.after-exit', T)).toBe(true);
		expect(counted({...base, steps: [{...step, state: 'Interrompue'}]}, 'steps.after-exit', T)).toBe(false);
		// not yet exited on the day before the exit
		expect(counted({...base, steps: [{...step, end: d(-9)}]}, 'steps.after-exit', d(-11))).toBe(false);
	});

	it("'Prévisionnel' plan of an integrated person", () => {
		const p = inOrder(T, {planState: 'Prévisionnel'});
		expect(counted(p, 'plan.provisional-integrated', T)).toBe(true);
		expect(counted({...p, planState: 'Validé'}, 'plan.provisional-integrated', T)).toBe(false);
		expect(counted({...p, planState: undefined}, 'plan.provisional-integrated', T)).toBe(false);
		const intake = person({firstAppointment: d(-5), planState: 'Prévisionnel'});
		expect(counted(intake, 'plan.provisional-integrated', T)).toBe(false);
	});
});

describe('inactivity', () => {
	it('no started step: a step planned after T does not count', () => {
		const p = inOrder(T, {steps: [{label: 'Formation', type: 'Formation', start: d(1), state: 'Prévue'}]});
		expect(counted(p, 'steps.none', T)).toBe(true);
		expect(counted(p, 'steps.none', d(1))).toBe(false);
	});

	it('idle for more than 30 / 60 days after the last step ended', () => {
		const ended = (n: number) =>
			inOrder(T, {steps: [{label: 'Atelier', type: 'Atelier', start: d(-200), end: d(-n), state: 'Terminée'}]});
		expect(counted(ended(30), 'steps.idle30', T)).toBe(false);
		expect(counted(ended(31), 'steps.idle30', T)).toBe(true);
		expect(counted(ended(60), 'steps.idle60', T)).toBe(false);
		expect(counted(ended(61), 'steps.idle60', T)).toBe(true);
		expect(counted(ended(61), 'steps.idle30', T)).toBe(true);
	});

	it('a step without end counts from its start; a current step is activity today', () => {
		const noEnd = inOrder(T, {steps: [{label: 'Atelier', type: 'Atelier', start: d(-31), state: 'Terminée'}]});
		expect(counted(noEnd, 'steps.idle30', T)).toBe(true);
		const current = inOrder(T, {steps: [{label: 'CDD', type: 'Emploi', start: d(-300), state: 'En cours'}]});
		expect(counted(current, 'steps.idle30', T)).toBe(false);
		expect(counted(current, 'steps.none', T)).toBe(false);
	});
});

describe('RSA and the CER', () => {
	const rsa = (contractEnd?: string) => inOrder(T, {rsa: true, contractStart: d(-150), contractEnd});

	it('no contract end date', () => {
		expect(counted(rsa(undefined), 'rsa.no-contract', T)).toBe(true);
		expect(counted({...rsa(undefined), rsa: false}, 'rsa.no-contract', T)).toBe(false);
		const intake = person({rsa: true, firstAppointment: d(-3)});
		expect(counted(intake, 'rsa.no-contract', T)).toBe(true);
	});

	it('expired the day after its end', () => {
		expect(counted(rsa(T), 'rsa.contract-expired', T)).toBe(false);
		expect(counted(rsa(d(-1)), 'rsa.contract-expired', T)).toBe(true);
	});

	it('less than 15 / 30 days left, the last day included', () => {
		expect(counted(rsa(T), 'rsa.contract-lt15', T)).toBe(true);
		expect(counted(rsa(d(14)), 'rsa.contract-lt15', T)).toBe(true);
		expect(counted(rsa(d(15)), 'rsa.contract-lt15', T)).toBe(false);
		expect(counted(rsa(d(15)), 'rsa.contract-lt30', T)).toBe(true);
		expect(counted(rsa(d(29)), 'rsa.contract-lt30', T)).toBe(true);
		expect(counted(rsa(d(30)), 'rsa.contract-lt30', T)).toBe(false);
		expect(counted(rsa(d(-1)), 'rsa.contract-lt30', T)).toBe(false);
	});

	it('more than a month left', () => {
		expect(counted(rsa(m(1)), 'rsa.contract-gt1month', T)).toBe(false);
		expect(counted(rsa(isoFromDay(addMonths(t, 1) + 1)), 'rsa.contract-gt1month', T)).toBe(true);
	});

	it('closed files leave the RSA queues', () => {
		expect(counted({...rsa(d(3)), exitDate: d(-1)}, 'rsa.contract-lt15', T)).toBe(false);
	});

	it('the queue is sorted by days left, the most urgent first', () => {
		const a = rsa(d(20));
		const b = rsa(d(2));
		const c = rsa(d(9));
		expect(idsIn([a, b, c], 'rsa.contract-lt30', T)).toEqual([b.id, c.id, a.id]);
	});
});

describe('follow-up', () => {
	it('integrated without ROME code (blank counts as none)', () => {
		expect(counted(inOrder(T, {romeCode: '  '}), 'followup.no-rome', T)).toBe(true);
		expect(counted(inOrder(T, {romeCode: undefined}), 'followup.no-rome', T)).toBe(true);
		expect(counted(inOrder(T), 'followup.no-rome', T)).toBe(false);
	});

	it('no event in the last 30 days; events after T are plans', () => {
		const at = (n: number) => inOrder(T, {events: [{date: d(n), type: 'Contact téléphonique'}]});
		expect(counted(at(-30), 'followup.no-event30', T)).toBe(false);
		expect(counted(at(-31), 'followup.no-event30', T)).toBe(true);
		expect(counted(at(5), 'followup.no-event30', T)).toBe(true);
	});

	it('no individual interview in the last 30 days', () => {
		const p = inOrder(T, {
			events: [
				{date: d(-31), type: 'Entretien individuel'},
				{date: d(-2), type: 'Atelier collectif'},
				{date: d(3), type: 'Entretien individuel'},
			],
		});
		expect(counted(p, 'followup.no-interview30', T)).toBe(true);
		expect(counted(p, 'followup.no-event30', T)).toBe(false);
		expect(counted(p, 'followup.no-interview30', d(-1))).toBe(false);
	});

	it('interview rhythm: 15 days in the first 3 months', () => {
		const p = inOrder(T, {integrationDate: d(-40), events: [{date: d(-15), type: 'Entretien individuel'}]});
		expect(counted(p, 'followup.rhythm-late', T)).toBe(false);
		expect(counted(p, 'followup.rhythm-late', d(1))).toBe(true);
	});

	it('interview rhythm: 30 days once the next contact would fall after the first 3 months', () => {
		// integrated 22/08: the first 3 months end on 22/11. R + 15 before 22/11 keeps the
		// 15-day rhythm; R + 15 on 22/11 or later moves to 30 days (§4 nextContactDue)
		const integrationDate = '2026-08-22';
		const intensive = person({integrationDate, events: [{date: '2026-11-06', type: 'Atelier collectif'}]});
		expect(counted(intensive, 'followup.rhythm-late', '2026-11-21')).toBe(false);
		expect(counted(intensive, 'followup.rhythm-late', '2026-11-22')).toBe(true);
		const monthly = person({integrationDate, events: [{date: '2026-11-07', type: 'Entretien individuel'}]});
		expect(counted(monthly, 'followup.rhythm-late', '2026-11-23')).toBe(false);
		expect(counted(monthly, 'followup.rhythm-late', '2026-12-07')).toBe(false);
		expect(counted(monthly, 'followup.rhythm-late', '2026-12-08')).toBe(true);
		const late = inOrder(T, {integrationDate: m(-5), events: [{date: d(-31), type: 'Entretien individuel'}]});
		expect(counted(late, 'followup.rhythm-late', T)).toBe(true);
	});

	it('interview rhythm: once late, late until a contact (the 3-month mark does not clear it)', () => {
		// due 16/11 (01/11 + 15); on 23/11 the old rule's 30-day gap would have cleared it
		const p = person({integrationDate: '2026-08-22', events: [{date: '2026-11-01', type: 'Entretien individuel'}]});
		for (const day of ['2026-11-17', '2026-11-23', '2026-12-02', '2027-01-15']) expect(counted(p, 'followup.rhythm-late', day), day).toBe(true);
		expect(counted(p, 'followup.rhythm-late', '2026-11-16')).toBe(false);
		// a phone call is not a contact; an interview is, from its day on
		const called = {...p, events: [...p.events, {date: '2026-12-01', type: 'Contact téléphonique' as const}]};
		expect(counted(called, 'followup.rhythm-late', '2026-12-02')).toBe(true);
		const met = {...p, events: [...p.events, {date: '2026-12-01', type: 'Entretien individuel' as const}]};
		expect(counted(met, 'followup.rhythm-late', '2026-11-30')).toBe(true);
		expect(counted(met, 'followup.rhythm-late', '2026-12-01')).toBe(false);
		expect(counted(met, 'followup.rhythm-late', '2026-12-31')).toBe(false);
		expect(counted(met, 'followup.rhythm-late', '2027-01-01')).toBe(true);
	});

	it('interview rhythm: without contact, counted from integration; not on standby', () => {
		const p = inOrder(T, {integrationDate: d(-16), events: [{date: d(-1), type: 'Contact téléphonique'}]});
		expect(counted(p, 'followup.rhythm-late', T)).toBe(true);
		expect(counted(p, 'followup.rhythm-late', d(-1))).toBe(false);
		expect(counted({...p, standbySince: d(-5)}, 'followup.rhythm-late', T)).toBe(false);
	});

	it('interview rhythm: R is the later of integration and the last contact (an intake interview does not count)', () => {
		const p = person({integrationDate: d(-10), events: [{date: d(-14), type: 'Entretien individuel'}]});
		// due integration + 15 = T + 5, not (intake interview) + 15 = T + 1
		expect(counted(p, 'followup.rhythm-late', d(5))).toBe(false);
		expect(counted(p, 'followup.rhythm-late', d(6))).toBe(true);
	});

	it('interview rhythm: a planned interview is not a contact yet', () => {
		const p = person({integrationDate: d(-40), events: [{date: d(-20), type: 'Entretien individuel'}, {date: d(3), type: 'Entretien individuel'}]});
		expect(counted(p, 'followup.rhythm-late', T)).toBe(true);
		expect(counted(p, 'followup.rhythm-late', d(3))).toBe(false);
	});

	it('two unjustified absences after the last contact', () => {
		const p = inOrder(T, {
			events: [
				{date: d(-20), type: 'Absence injustifiée'},
				{date: d(-12), type: 'Entretien individuel'},
				{date: d(-8), type: 'Absence injustifiée'},
				{date: d(-1), type: 'Absence justifiée'},
			],
		});
		expect(counted(p, 'followup.two-absences', T)).toBe(false);
		const q = {...p, events: [...p.events, {date: T, type: 'Absence injustifiée' as const}]};
		expect(counted(q, 'followup.two-absences', T)).toBe(true);
		expect(counted(q, 'followup.two-absences', d(-1))).toBe(false);
		const noContact = person({firstAppointment: d(-40), events: [
			{date: d(-30), type: 'Absence injustifiée'},
			{date: d(-20), type: 'Absence injustifiée'},
		]});
		expect(counted(noContact, 'followup.two-absences', T)).toBe(true);
	});

	it('standby for more than 2 months', () => {
		const p = inOrder(T, {standbySince: m(-2)});
		expect(counted(p, 'standby.long', T)).toBe(false);
		expect(counted(p, 'standby.long', d(1))).toBe(true);
	});
});

describe('scope and snoozes', () => {
	it('filters by referent, ignoring case and accents', () => {
		const a = inOrder(T, {referent: 'MARTEL Inès', romeCode: undefined});
		const b = inOrder(T, {referent: 'ROUVRAY Karim', romeCode: undefined});
		expect(idsIn([a, b], 'followup.no-rome', T, {referent: 'martel ines'})).toEqual([a.id]);
		expect(idsIn([a, b], 'followup.no-rome', T).sort()).toEqual([a.id, b.id].sort());
	});

	it('a snoozed alert leaves the queue until its end date, when asked', () => {
		const p = inOrder(T, {romeCode: undefined, snoozes: [{indicator: 'followup.no-rome', reason: 'Projet en cours', until: d(7)}]});
		expect(idsIn([p], 'followup.no-rome', T, {hideSnoozed: true})).toEqual([]);
		expect(idsIn([p], 'followup.no-rome', T)).toEqual([p.id]);
		expect(idsIn([p], 'followup.no-rome', d(8), {hideSnoozed: true})).toEqual([p.id]);
	});
});

describe('closed files', () => {
	// the triage asks a closed person only the indicators marked countsClosed
	it('are counted by no other indicator, whatever the day', () => {
		const {participants} = generateCaseload(1500, t);
		let closed = 0;
		for (const day of [t - 400, t - 30, t, t + 200]) {
			for (const p of participants) {
				const facts = computeFacts(p, day);
				if (!facts.closed) continue;
				closed++;
				for (const indicator of INDICATORS) {
					if (indicator.countsClosed) continue;
					expect(indicator.measure(facts, DEFAULT_SETTINGS), `${indicator.id} ${p.id}`).toBeUndefined();
				}
			}
		}
		expect(closed).toBeGreaterThan(1000);
	});
});

describe('short labels (narrow screens)', () => {
	it('are at most 28 characters and tell every indicator apart', () => {
		const shorts = INDICATORS.map(indicator => indicator.shortLabel);
		for (const short of shorts) expect(short.length).toBeLessThanOrEqual(28);
		expect(new Set(shorts).size).toBe(INDICATORS.length);
		// the two step queues the issue found ambiguous once cut
		expect(INDICATORS.find(i => i.id === 'steps.to-start')!.shortLabel).not.toBe(INDICATORS.find(i => i.id === 'steps.to-finish')!.shortLabel);
	});
});
