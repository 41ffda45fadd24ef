// Every kind of REFERENTIEL §7 at its boundaries: who has the item, its due day
// (month-end clamping, 29 February), and late the day after it, not on it.
import {describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../../source/domain/calendar.js';
import {ECHEANCE_KIND_IDS, echeanceLabel, type EcheanceKind, participantEcheances} from '../../../source/domain/echeances/index.js';
import type {Participant} from '../../../source/domain/model.js';
import {DEFAULT_SETTINGS, type Settings} from '../../../source/domain/settings.js';
import {person} from '../../helpers/caseload.js';

/** The items of one kind of `p` on day `today`: due day (ISO) and late flag. */
function itemsOf(p: Participant, kind: EcheanceKind, today: string, settings: Settings = DEFAULT_SETTINGS) {
	return participantEcheances(p, toDay(today), settings)
		.filter(item => item.kind === kind)
		.map(item => ({due: isoFromDay(item.due), late: item.late}));
}

/** The one item of `kind` (its due day), or undefined when `p` has none on that day. */
function dueOf(p: Participant, kind: EcheanceKind, today: string): string | undefined {
	const items = itemsOf(p, kind, today);
	expect(items.length).toBeLessThanOrEqual(1);
	return items[0]?.due;
}

function lateOn(p: Participant, kind: EcheanceKind, today: string): boolean {
	const items = itemsOf(p, kind, today);
	expect(items.length).toBe(1);
	return items[0]!.late;
}

describe('the kinds of §7', () => {
	it('are the 13 of the table, in its order, with their French labels', () => {
		expect(ECHEANCE_KIND_IDS).toEqual([
			'rdv.next', 'rdv.planned', 'cer.sign', 'cer.stock', 'cer.end', 'parcours.renewal', 'parcours.limit',
			'standby.review', 'step.start', 'step.end', 'exit.letters', 'exit.proof', 'exit.close',
		]);
		expect(echeanceLabel('exit.close')).toBe('Dossier de sortie à clôturer (3 mois)');
		expect(echeanceLabel('cer.sign')).toBe("Contrat d'engagement à signer (1 mois après l'orientation)");
	});
});

describe('rdv.next', () => {
	it('is due integration + 15 days without contact, late the day after', () => {
		const p = person({integrationDate: '2026-11-01'});
		expect(dueOf(p, 'rdv.next', '2026-11-01')).toBe('2026-11-16');
		expect(lateOn(p, 'rdv.next', '2026-11-16')).toBe(false);
		expect(lateOn(p, 'rdv.next', '2026-11-17')).toBe(true);
	});

	it('follows the last contact: + 15 days before the 3-month mark, + 30 days from it', () => {
		// integrated 22/08: the 3 months end on 22/11
		const intensive = person({integrationDate: '2026-08-22', events: [{date: '2026-11-06', type: 'Entretien individuel'}]});
		expect(dueOf(intensive, 'rdv.next', '2026-11-10')).toBe('2026-11-21');
		const monthly = person({integrationDate: '2026-08-22', events: [{date: '2026-11-07', type: 'Atelier collectif'}]});
		expect(dueOf(monthly, 'rdv.next', '2026-11-10')).toBe('2026-12-07');
	});

	it('integrated on 30/11: the 3 months end on the last day of February (clamped)', () => {
		// 30/11/2026 + 3 months = 28/02/2027; a contact on 12/02 + 15 = 27/02 < 28/02 keeps 15 days
		const p = person({integrationDate: '2026-11-30', events: [{date: '2027-02-12', type: 'Entretien individuel'}]});
		expect(dueOf(p, 'rdv.next', '2027-02-12')).toBe('2027-02-27');
		const q = person({integrationDate: '2026-11-30', events: [{date: '2027-02-13', type: 'Entretien individuel'}]});
		expect(dueOf(q, 'rdv.next', '2027-02-13')).toBe('2027-03-15');
	});

	it('is kept beside a planned contact, and left out on standby, in intake and once exited', () => {
		const p = person({integrationDate: '2026-11-01', events: [{date: '2026-11-20', type: 'Entretien individuel'}]});
		expect(dueOf(p, 'rdv.next', '2026-11-18')).toBe('2026-11-16');
		expect(itemsOf(p, 'rdv.planned', '2026-11-18')).toEqual([{due: '2026-11-20', late: false}]);
		expect(dueOf({...p, standbySince: '2026-11-10'}, 'rdv.next', '2026-11-18')).toBeUndefined();
		expect(dueOf({...p, standbySince: '2026-11-19'}, 'rdv.next', '2026-11-18')).toBe('2026-11-16');
		expect(dueOf(p, 'rdv.next', '2026-10-31')).toBeUndefined();
		expect(dueOf({...p, exitDate: '2026-11-18'}, 'rdv.next', '2026-11-18')).toBeUndefined();
	});
});

describe('rdv.planned', () => {
	it('lists each interview or workshop after T, never late; not other events, not closed files', () => {
		const p = person({
			firstAppointment: '2026-11-01',
			events: [
				{date: '2026-11-22', type: 'Entretien individuel'},
				{date: '2026-11-23', type: 'Entretien individuel'},
				{date: '2026-11-24', type: 'Contact téléphonique'},
				{date: '2026-12-01', type: 'Atelier collectif'},
			],
		});
		expect(itemsOf(p, 'rdv.planned', '2026-11-22')).toEqual([
			{due: '2026-11-23', late: false},
			{due: '2026-12-01', late: false},
		]);
		expect(itemsOf({...p, nonIntegrationDate: '2026-11-22'}, 'rdv.planned', '2026-11-22')).toEqual([]);
	});
});

describe('cer.sign', () => {
	const oriented = (overrides: Partial<Participant> = {}) => person({rsa: true, firstAppointment: '2026-01-20', orientationDate: '2026-01-31', ...overrides});

	it('is due a month after the orientation, clamped: 31/01 → 28/02, 29/02 in a leap year', () => {
		expect(dueOf(oriented(), 'cer.sign', '2026-02-01')).toBe('2026-02-28');
		expect(dueOf(oriented({orientationDate: '2028-01-31'}), 'cer.sign', '2028-02-01')).toBe('2028-02-29');
		expect(dueOf(oriented({orientationDate: '2028-02-29'}), 'cer.sign', '2028-03-01')).toBe('2028-03-29');
		expect(lateOn(oriented(), 'cer.sign', '2026-02-28')).toBe(false);
		expect(lateOn(oriented(), 'cer.sign', '2026-03-01')).toBe(true);
	});

	it('ends when a CER, current or previous, starts on or after the orientation; a CER without start never does', () => {
		expect(dueOf(oriented({contractStart: '2026-01-31', contractEnd: '2026-07-30'}), 'cer.sign', '2026-02-10')).toBeUndefined();
		expect(dueOf(oriented({contractStart: '2026-01-30', contractEnd: '2026-07-29'}), 'cer.sign', '2026-02-10')).toBe('2026-02-28');
		expect(dueOf(oriented({contractEnd: '2026-07-29'}), 'cer.sign', '2026-02-10')).toBe('2026-02-28');
		const renewed = oriented({
			previousContracts: [{start: '2026-02-15', end: '2026-08-14'}],
			contractStart: undefined,
			contractEnd: '2027-02-14',
		});
		expect(dueOf(renewed, 'cer.sign', '2026-09-01')).toBeUndefined();
		expect(dueOf(oriented({previousContracts: [{end: '2026-08-14'}]}), 'cer.sign', '2026-02-10')).toBe('2026-02-28');
	});

	it('only for RSA beneficiaries with an orientation, while the file is open', () => {
		expect(dueOf(oriented({rsa: false}), 'cer.sign', '2026-02-10')).toBeUndefined();
		expect(dueOf(oriented({orientationDate: undefined}), 'cer.sign', '2026-02-10')).toBeUndefined();
		expect(dueOf(oriented({nonIntegrationDate: '2026-02-10'}), 'cer.sign', '2026-02-10')).toBeUndefined();
		expect(dueOf(oriented({nonIntegrationDate: '2026-02-11'}), 'cer.sign', '2026-02-10')).toBe('2026-02-28');
	});
});

describe('cer.stock', () => {
	it('RSA without CER end nor orientation: due on the stock deadline (setting, default 31/12/2026)', () => {
		const p = person({rsa: true, integrationDate: '2026-03-01'});
		expect(itemsOf(p, 'cer.stock', '2026-12-31')).toEqual([{due: '2026-12-31', late: false}]);
		expect(itemsOf(p, 'cer.stock', '2027-01-01')).toEqual([{due: '2026-12-31', late: true}]);
		expect(dueOf(p, 'cer.stock', '2026-06-01')).toBe('2026-12-31');
		const settings = {...DEFAULT_SETTINGS, contractStockDeadline: '2027-06-30'};
		expect(itemsOf(p, 'cer.stock', '2027-01-01', settings)).toEqual([{due: '2027-06-30', late: false}]);
	});

	it('not with a CER end, not with an orientation (cer.sign then), not without RSA', () => {
		const p = person({rsa: true, integrationDate: '2026-03-01'});
		expect(dueOf({...p, contractEnd: '2026-09-01'}, 'cer.stock', '2026-06-01')).toBeUndefined();
		expect(dueOf({...p, orientationDate: '2026-02-01'}, 'cer.stock', '2026-06-01')).toBeUndefined();
		expect(dueOf({...p, rsa: false}, 'cer.stock', '2026-06-01')).toBeUndefined();
		expect(dueOf({...p, exitDate: '2026-06-01'}, 'cer.stock', '2026-06-01')).toBeUndefined();
	});
});

describe('cer.end', () => {
	it('due on the CER end, late the day after', () => {
		const p = person({rsa: true, integrationDate: '2026-03-01', contractStart: '2026-05-23', contractEnd: '2026-11-21'});
		expect(itemsOf(p, 'cer.end', '2026-11-21')).toEqual([{due: '2026-11-21', late: false}]);
		expect(itemsOf(p, 'cer.end', '2026-11-22')).toEqual([{due: '2026-11-21', late: true}]);
		expect(dueOf({...p, rsa: false}, 'cer.end', '2026-11-22')).toBeUndefined();
	});

	it('the renewal of §2: 23/05/2026→21/11/2026 renewed by 6 months is due 21/05/2027', () => {
		const renewed = person({
			rsa: true,
			integrationDate: '2026-03-01',
			orientationDate: '2026-05-10',
			previousContracts: [{start: '2026-05-23', end: '2026-11-21'}],
			contractStart: '2026-11-22',
			contractEnd: '2027-05-21',
		});
		expect(itemsOf(renewed, 'cer.end', '2026-11-22')).toEqual([{due: '2027-05-21', late: false}]);
		// signed after the orientation (the previous CER started 23/05 ≥ 10/05): nothing left to sign
		expect(dueOf(renewed, 'cer.sign', '2026-11-22')).toBeUndefined();
		expect(dueOf(renewed, 'cer.stock', '2026-11-22')).toBeUndefined();
	});
});

describe('parcours.renewal', () => {
	it('the first integration + 6k months on or after T, never late', () => {
		const p = person({integrationDate: '2026-05-31'});
		expect(itemsOf(p, 'parcours.renewal', '2026-05-31')).toEqual([{due: '2026-11-30', late: false}]);
		expect(dueOf(p, 'parcours.renewal', '2026-11-29')).toBe('2026-11-30');
		expect(dueOf(p, 'parcours.renewal', '2026-11-30')).toBe('2026-11-30');
		// 31/05 + 12 months = 31/05, not 30/05
		expect(itemsOf(p, 'parcours.renewal', '2026-12-01')).toEqual([{due: '2027-05-31', late: false}]);
		expect(dueOf(p, 'parcours.renewal', '2027-06-01')).toBe('2027-11-30');
	});

	it('integrated on 31/08: the renewal falls on the last day of February', () => {
		expect(dueOf(person({integrationDate: '2026-08-31'}), 'parcours.renewal', '2027-01-15')).toBe('2027-02-28');
		expect(dueOf(person({integrationDate: '2027-08-31'}), 'parcours.renewal', '2028-01-15')).toBe('2028-02-29');
	});

	it('only for active files', () => {
		const p = person({integrationDate: '2026-05-31'});
		expect(dueOf(p, 'parcours.renewal', '2026-05-30')).toBeUndefined();
		expect(dueOf({...p, exitDate: '2026-09-01'}, 'parcours.renewal', '2026-09-01')).toBeUndefined();
		// on standby the parcours still runs
		expect(dueOf({...p, standbySince: '2026-08-01'}, 'parcours.renewal', '2026-09-01')).toBe('2026-11-30');
	});
});

describe('parcours.limit', () => {
	it('integration + 24 months, late the day after; not with an extension', () => {
		const p = person({integrationDate: '2024-02-29'});
		expect(itemsOf(p, 'parcours.limit', '2026-02-28')).toEqual([{due: '2026-02-28', late: false}]);
		expect(itemsOf(p, 'parcours.limit', '2026-03-01')).toEqual([{due: '2026-02-28', late: true}]);
		expect(dueOf(p, 'parcours.limit', '2024-03-01')).toBe('2026-02-28');
		expect(dueOf({...p, extension: true}, 'parcours.limit', '2026-03-01')).toBeUndefined();
		expect(dueOf({...p, exitDate: '2026-01-31'}, 'parcours.limit', '2026-03-01')).toBeUndefined();
	});
});

describe('standby.review', () => {
	it('standby start + 2 months (31/12 → 28/02), late the day after', () => {
		const p = person({integrationDate: '2026-06-01', standbySince: '2026-12-31'});
		expect(itemsOf(p, 'standby.review', '2027-02-28')).toEqual([{due: '2027-02-28', late: false}]);
		expect(itemsOf(p, 'standby.review', '2027-03-01')).toEqual([{due: '2027-02-28', late: true}]);
		expect(dueOf(p, 'standby.review', '2026-12-30')).toBeUndefined();
	});
});

describe('step.start and step.end', () => {
	const steps: Participant['steps'] = [
		{label: 'Immersion en logistique', type: 'PMSMP', start: '2026-11-23', end: '2026-12-04', state: 'Prévue'},
		{label: 'Atelier CV', type: 'Atelier', start: '2026-11-23', state: 'Prévue'},
		{label: 'Remise à niveau', type: 'Formation', start: '2026-09-01', end: '2026-11-21', state: 'En cours'},
		{label: 'CACES', type: 'Formation', start: '2026-06-01', end: '2026-07-01', state: 'Terminée'},
		{label: 'CDD', type: 'Emploi', start: '2026-05-01', end: '2026-05-20', state: 'Interrompue'},
	];
	const p = person({integrationDate: '2026-04-01', steps});

	it('one step.start per planned step, due its start', () => {
		expect(itemsOf(p, 'step.start', '2026-11-23')).toEqual([
			{due: '2026-11-23', late: false},
			{due: '2026-11-23', late: false},
		]);
		expect(itemsOf(p, 'step.start', '2026-11-24').every(item => item.late)).toBe(true);
	});

	it('one step.end per planned or current step with an end, due its end', () => {
		expect(itemsOf(p, 'step.end', '2026-11-21')).toEqual([
			{due: '2026-11-21', late: false},
			{due: '2026-12-04', late: false},
		]);
		expect(itemsOf(p, 'step.end', '2026-11-22')).toEqual([
			{due: '2026-11-21', late: true},
			{due: '2026-12-04', late: false},
		]);
	});

	it('none once the file is closed', () => {
		expect(itemsOf({...p, exitDate: '2026-11-22'}, 'step.end', '2026-11-22')).toEqual([]);
		expect(itemsOf({...p, exitDate: '2026-11-22'}, 'step.start', '2026-11-22')).toEqual([]);
	});
});

describe('exit.letters, exit.proof, exit.close', () => {
	const exited = (overrides: Partial<Participant> = {}) =>
		person({
			integrationDate: '2017-06-01',
			exitDate: '2019-01-15',
			exitType: 'Positive',
			exitReason: 'CDI',
			exitValidatedOn: '2019-02-07',
			...overrides,
		});

	it('the example of §7: a cellule of 07/02/2019 → file closed by 06/05/2019', () => {
		expect(itemsOf(exited(), 'exit.close', '2019-05-06')).toEqual([{due: '2019-05-06', late: false}]);
		expect(itemsOf(exited(), 'exit.close', '2019-05-07')).toEqual([{due: '2019-05-06', late: true}]);
		expect(itemsOf(exited(), 'exit.proof', '2019-05-07')).toEqual([{due: '2019-05-06', late: true}]);
		expect(itemsOf(exited(), 'exit.letters', '2019-03-07')).toEqual([{due: '2019-03-07', late: false}]);
		expect(itemsOf(exited(), 'exit.letters', '2019-03-08')).toEqual([{due: '2019-03-07', late: true}]);
	});

	it('month ends: a cellule of 30/11 → letters by 30/12, file by the day before 28/02 (29/02 in a leap year)', () => {
		const p = exited({exitValidatedOn: '2026-11-30'});
		expect(dueOf(p, 'exit.letters', '2026-12-01')).toBe('2026-12-30');
		// addMonths(30/11, 3) is clamped to 28/02, then a day less (§7: addMonths(v, 3) − 1 day)
		expect(dueOf(p, 'exit.close', '2026-12-01')).toBe('2027-02-27');
		expect(dueOf(exited({exitValidatedOn: '2027-11-30'}), 'exit.close', '2027-12-01')).toBe('2028-02-28');
		// 31/10 + 3 months = 31/01, minus a day
		expect(dueOf(exited({exitValidatedOn: '2026-10-31'}), 'exit.close', '2026-11-01')).toBe('2027-01-30');
		// 31/12 + 1 month = 31/01; 31/01 + 1 month = 28/02
		expect(dueOf(exited({exitValidatedOn: '2026-12-31'}), 'exit.letters', '2027-01-01')).toBe('2027-01-31');
		expect(dueOf(exited({exitValidatedOn: '2027-01-31'}), 'exit.letters', '2027-02-01')).toBe('2027-02-28');
	});

	it('each stops with its own date, all stop once the file is closed', () => {
		expect(dueOf(exited({exitLettersSentOn: '2019-02-20'}), 'exit.letters', '2019-03-01')).toBeUndefined();
		expect(dueOf(exited({exitLettersSentOn: '2019-02-20'}), 'exit.close', '2019-03-01')).toBe('2019-05-06');
		expect(dueOf(exited({exitProofReceivedOn: '2019-03-01'}), 'exit.proof', '2019-03-01')).toBeUndefined();
		const closed = exited({exitClosedOn: '2019-04-01'});
		for (const kind of ['exit.letters', 'exit.proof', 'exit.close'] as const) expect(dueOf(closed, kind, '2019-04-02')).toBeUndefined();
	});

	it('the proof only for a positive exit; nothing before the cellule validated the exit', () => {
		expect(dueOf(exited({exitType: 'Dynamique'}), 'exit.proof', '2019-03-01')).toBeUndefined();
		expect(dueOf(exited({exitType: 'Dynamique'}), 'exit.close', '2019-03-01')).toBe('2019-05-06');
		expect(dueOf(exited({exitValidatedOn: undefined}), 'exit.close', '2019-03-01')).toBeUndefined();
	});
});

describe("one person's échéances (the fiche)", () => {
	it('all of them, whatever the horizon, by due day then kind in the table order', () => {
		const p = person({
			id: 'F-1',
			rsa: true,
			integrationDate: '2026-05-31',
			contractStart: '2026-06-01',
			contractEnd: '2026-11-30',
			events: [{date: '2026-11-15', type: 'Entretien individuel'}],
		});
		const items = participantEcheances(p, toDay('2026-11-22'), DEFAULT_SETTINGS);
		expect(items.map(item => [item.kind, isoFromDay(item.due)])).toEqual([
			['cer.end', '2026-11-30'],
			['parcours.renewal', '2026-11-30'],
			['rdv.next', '2026-12-15'],
			['parcours.limit', '2028-05-31'],
		]);
	});
});
