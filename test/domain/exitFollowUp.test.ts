// The exit procedure of 004_… (issue 16, point 4): the four follow-up dates as an
// edit, the exits a cellule validates, the « Sorties à clôturer » queue; and
// snoozes naming an échéance kind (§7, point 3).
import {describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import {selectCellule} from '../../source/domain/cellule.js';
import {celluleExits} from '../../source/domain/celluleExits.js';
import {echeanceSummary, exitsToClose, listEcheances, participantEcheances, visibleEcheances} from '../../source/domain/echeances/index.js';
import {type EditResult, recordExitFollowUp, snoozeIndicator, unsnoozeIndicator, validateExit} from '../../source/domain/edits/index.js';
import {computeFacts} from '../../source/domain/facts.js';
import type {Participant} from '../../source/domain/model.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {person} from '../helpers/caseload.js';

const T = toDay('2026-11-18'); // a Wednesday
const d = (n: number) => isoFromDay(T + n);

function ok(result: EditResult) {
	if (!result.ok) throw new Error(result.error);
	return result;
}
function error(result: EditResult): string {
	if (result.ok) throw new Error(`expected a refusal, got ${result.description}`);
	return result.error;
}

const exited = (overrides: Partial<Participant> = {}) =>
	person({integrationDate: d(-300), exitDate: d(-20), exitType: 'Positive', exitReason: 'CDI', ...overrides});

describe('recordExitFollowUp', () => {
	it('records the four dates, in French in the journal line, typed or as days', () => {
		const validated = ok(recordExitFollowUp(exited(), {exitValidatedOn: '05/11/2026'}, T));
		expect(validated.participant.exitValidatedOn).toBe('2026-11-05');
		expect(validated.description).toBe('Suivi de sortie : validée en cellule le 05/11/2026');
		const all = ok(
			recordExitFollowUp(validated.participant, {exitLettersSentOn: T - 2, exitProofReceivedOn: '2026-11-17', exitClosedOn: T}, T),
		);
		expect(all.participant).toMatchObject({
			exitValidatedOn: '2026-11-05',
			exitLettersSentOn: d(-2),
			exitProofReceivedOn: d(-1),
			exitClosedOn: d(0),
		});
		expect(all.description).toBe(
			'Suivi de sortie : courriers envoyés le 16/11/2026 ; justificatif reçu le 17/11/2026 ; dossier clôturé le 18/11/2026',
		);
	});

	it('leaves the dates not given, clears a blank one, and says when nothing changed', () => {
		const p = exited({exitValidatedOn: d(-10), exitLettersSentOn: d(-5)});
		const cleared = ok(recordExitFollowUp(p, {exitLettersSentOn: ''}, T));
		expect('exitLettersSentOn' in cleared.participant).toBe(false);
		expect(cleared.participant.exitValidatedOn).toBe(d(-10));
		expect(cleared.description).toBe('Suivi de sortie : courriers envoyés : date effacée');
		const same = ok(recordExitFollowUp(p, {exitLettersSentOn: d(-5)}, T));
		expect(same.participant).toBe(p);
	});

	it('refuses a person without exit, a date to come, an impossible date', () => {
		expect(error(recordExitFollowUp(person({integrationDate: d(-100)}), {exitValidatedOn: T}, T))).toContain('Aucune sortie enregistrée');
		expect(error(recordExitFollowUp(exited(), {exitValidatedOn: T + 1}, T))).toBe(
			'Validée en cellule le 19/11/2026 : date à venir (aujourd’hui au plus tard, 18/11/2026).',
		);
		expect(error(recordExitFollowUp(exited(), {exitValidatedOn: '31/02/2026'}, T))).toContain('« 31/02/2026 » n’est pas une date possible');
	});

	it('asks a proof of positive exits only', () => {
		const dynamic = exited({exitType: 'Dynamique', exitReason: 'CDD < 6 mois', exitValidatedOn: d(-10)});
		expect(error(recordExitFollowUp(dynamic, {exitProofReceivedOn: T}, T))).toBe(
			'Justificatif de sortie : seulement pour une sortie positive (sortie « Dynamique »).',
		);
	});

	it('keeps the procedure in order: letters and closure after the validation, closure after the letters', () => {
		expect(error(recordExitFollowUp(exited(), {exitLettersSentOn: T}, T))).toContain('la sortie n’est pas validée en cellule');
		const validated = exited({exitValidatedOn: d(-10)});
		expect(error(recordExitFollowUp(validated, {exitLettersSentOn: d(-11)}, T))).toBe(
			'Courriers envoyés le 07/11/2026 : avant la validation en cellule (08/11/2026).',
		);
		expect(error(recordExitFollowUp(validated, {exitClosedOn: T}, T))).toContain('les courriers de sortie ne sont pas enregistrés comme envoyés');
		// clearing the validation of a file whose letters are sent would leave them unexplained
		expect(error(recordExitFollowUp({...validated, exitLettersSentOn: d(-2)}, {exitValidatedOn: null}, T))).toContain(
			'la sortie n’est pas validée en cellule',
		);
		// a file closed without the proof of a positive exit says so
		const closed = ok(recordExitFollowUp({...validated, exitLettersSentOn: d(-2)}, {exitClosedOn: T}, T));
		expect(closed.description).toBe('Suivi de sortie : dossier clôturé le 18/11/2026 (sans justificatif de sortie positive)');
	});

	it('stops the exit.* échéances once the file is closed', () => {
		const validated = ok(validateExit(exited(), T - 10, T)).participant;
		// letters a month after the cellule, proof and closure three months after (§7 order on the same day)
		expect(participantEcheances(validated, T, DEFAULT_SETTINGS).map(item => item.kind)).toEqual(['exit.letters', 'exit.proof', 'exit.close']);
		const closed = ok(recordExitFollowUp(validated, {exitLettersSentOn: T, exitClosedOn: T}, T)).participant;
		expect(participantEcheances(closed, T, DEFAULT_SETTINGS)).toEqual([]);
	});
});

describe('celluleExits: what one action validates after a cellule', () => {
	// the « Sorties » sheet of the cellule of 18/11: exits from 18/10 to 18/11
	const inSheet = exited({id: 'A', name: 'ARNAUD Léa', exitDate: d(-3)});
	const validatedBefore = exited({id: 'B', name: 'BRUN Théo', exitDate: d(-25), exitValidatedOn: d(-20)});
	const tooOld = exited({id: 'C', name: 'CARON Max', exitDate: d(-40)});
	const otherReferent = exited({id: 'D', name: 'DUVAL Eva', exitDate: d(-2), referent: 'MARTEL Inès'});
	const stillIn = person({id: 'E', integrationDate: d(-100)});
	const caseload = [inSheet, validatedBefore, tooOld, otherReferent, stillIn];

	it('is the Sorties sheet of that cellule, minus the exits validated already', () => {
		const exits = celluleExits({participants: caseload, settings: DEFAULT_SETTINGS, meeting: T});
		const sheet = selectCellule({participants: caseload, settings: DEFAULT_SETTINGS, meeting: T}).exits.map(f => f.participant.id);
		expect(sheet).toEqual(['A', 'B', 'D']);
		expect(exits.toValidate.map(p => p.id)).toEqual(['A', 'D']);
		expect(exits.alreadyValidated.map(p => p.id)).toEqual(['B']);
		expect(isoFromDay(exits.since)).toBe('2026-10-18');
	});

	it('keeps to the référent·e chosen, as the workbook does', () => {
		const exits = celluleExits({participants: caseload, settings: DEFAULT_SETTINGS, meeting: T, referent: 'martel ines'});
		expect(exits.toValidate.map(p => p.id)).toEqual(['D']);
	});
});

describe('the « Suivi des sorties » rows of a cellule', () => {
	it('are the cellule’s exits and the validated files still open, or closed since the previous cellule', () => {
		const caseload = [
			exited({id: 'A', name: 'ARNAUD Léa', exitDate: d(-3)}),
			exited({id: 'B', name: 'BRUN Théo', exitDate: d(-90), exitValidatedOn: d(-80)}),
			exited({id: 'C', name: 'CARON Max', exitDate: d(-90), exitValidatedOn: d(-80), exitLettersSentOn: d(-70), exitClosedOn: d(-10)}),
			exited({id: 'D', name: 'DUVAL Eva', exitDate: d(-90), exitValidatedOn: d(-80), exitLettersSentOn: d(-70), exitClosedOn: d(-40)}),
			exited({id: 'E', name: 'ESTEVE Noé', exitDate: d(-90)}),
		];
		const selection = selectCellule({participants: caseload, settings: DEFAULT_SETTINGS, meeting: T});
		expect(selection.exitFollowUp.map(f => f.participant.id)).toEqual(['A', 'B', 'C']);
	});
});

describe('exitsToClose: the « Sorties à clôturer » queue', () => {
	it('lists validated exits not closed, by closure due date then id, a snooze of exit.close hiding one', () => {
		const caseload = [
			exited({id: 'Z', exitValidatedOn: d(-10)}),
			exited({id: 'Y', exitValidatedOn: d(-100)}),
			exited({id: 'X', exitValidatedOn: d(-10)}),
			exited({id: 'W', exitValidatedOn: d(-50), exitLettersSentOn: d(-40), exitClosedOn: d(-1)}),
			exited({id: 'V'}),
			exited({id: 'U', exitValidatedOn: d(-30), snoozes: [{indicator: 'exit.close', reason: 'Pièces attendues', until: d(5)}]}),
		];
		const list = exitsToClose(caseload.map(p => computeFacts(p, T)), DEFAULT_SETTINGS);
		// validated 100 days ago: due 11/11 (three months after 10/08, minus a day), late
		expect(list.map(e => [e.participant.id, isoFromDay(e.due), e.late, e.snooze !== undefined])).toEqual([
			['Y', '2026-11-09', true, false],
			['U', '2027-01-18', false, true],
			['X', '2027-02-07', false, false],
			['Z', '2027-02-07', false, false],
		]);
	});
});

describe('a snooze names an indicator or an échéance kind (§7)', () => {
	const rsa = person({id: 'R', rsa: true, integrationDate: d(-40), contractEnd: d(3), extension: true, events: [{date: d(-2), type: 'Entretien individuel'}]});

	it('z accepts an échéance kind: the item is hidden up to and including its end day', () => {
		const result = ok(snoozeIndicator(rsa, {indicator: 'cer.end', reason: 'Renouvellement signé, en attente de saisie', until: d(7)}, T));
		expect(result.description).toBe('Échéance « Fin du CER » mise en attente jusqu’au 25/11/2026 : Renouvellement signé, en attente de saisie');
		const visible = (day: number) => visibleEcheances(listEcheances([result.participant], {today: T + day, until: T + 40, settings: DEFAULT_SETTINGS}).items).map(i => i.kind);
		expect(visible(0)).not.toContain('cer.end');
		expect(visible(7)).not.toContain('cer.end');
		expect(visible(8)).toContain('cer.end');
		expect(ok(unsnoozeIndicator(result.participant, 'cer.end')).description).toBe('Échéance « Fin du CER » réactivée');
	});

	it('still refuses a name that is neither', () => {
		expect(error(snoozeIndicator(rsa, {indicator: 'cer.nope', reason: 'x', until: d(1)}, T))).toBe('Indicateur ou échéance « cer.nope » inconnu.');
	});
});

describe('echeanceSummary: the dashboard line', () => {
	const items = (p: Participant[]) => listEcheances(p, {today: T, until: T + 60, settings: DEFAULT_SETTINGS}).items;
	// late rdv.next (due d(-5)), cer.end on Sunday d(4); the renewal is beyond the horizon
	const a = person({id: 'A', rsa: true, integrationDate: d(-40), contractEnd: d(4), extension: true, events: [{date: d(-20), type: 'Entretien individuel'}]});

	it('counts late, this week (to Sunday), and due by the cellule, late included; snoozed ones left out', () => {
		const all = items([a]);
		expect(all.map(i => [i.kind, isoFromDay(i.due)])).toEqual([
			['rdv.next', d(-5)],
			['cer.end', d(4)],
		]);
		expect(echeanceSummary(all, T, T + 4)).toEqual({late: 1, thisWeek: 1, cellule: T + 4, beforeCellule: 2});
		expect(echeanceSummary(all, T, T + 3)).toMatchObject({beforeCellule: 1});
		// no cellule, or a past one: no count before it
		expect(echeanceSummary(all, T, undefined)).toEqual({late: 1, thisWeek: 1, cellule: undefined, beforeCellule: undefined});
		expect(echeanceSummary(all, T, T - 1).beforeCellule).toBeUndefined();
		const snoozed = {...a, snoozes: [{indicator: 'rdv.next', reason: 'Hospitalisé', until: d(10)}]};
		expect(echeanceSummary(items([snoozed]), T, T + 4)).toMatchObject({late: 0, thisWeek: 1, beforeCellule: 1});
	});
});
