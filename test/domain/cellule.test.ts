import {describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import {type CelluleSelection, renewalDue, selectCellule} from '../../source/domain/cellule.js';
import type {ParticipantFacts} from '../../source/domain/facts.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {indicatorResult} from '../../source/domain/triage.js';
import {celluleCaseload, EXPECTED, MEETING} from './celluleCaseload.fixture.js';

const names = (list: readonly ParticipantFacts[]) => list.map(f => f.participant.name);

function select(extra: {since?: string; referent?: string} = {}): CelluleSelection {
	return selectCellule({
		participants: celluleCaseload(),
		settings: DEFAULT_SETTINGS,
		meeting: toDay(MEETING),
		since: extra.since === undefined ? undefined : toDay(extra.since),
		referent: extra.referent,
	});
}

describe('selectCellule on a hand-built caseload', () => {
	const selection = select();

	it('dates the window from one month before the meeting to one month after', () => {
		expect(isoFromDay(selection.since)).toBe('2026-11-08');
		expect(isoFromDay(selection.nextMeeting)).toBe('2027-01-08');
		expect(isoFromDay(selection.dueDate)).toBe('2026-12-02');
	});

	it('puts each person in the sheets they belong to, sorted by name', () => {
		expect(names(selection.entries)).toEqual(EXPECTED['Entrées']);
		expect(selection.renewals.map(r => r.facts.participant.name)).toEqual(EXPECTED.Renouvellements);
		expect(names(selection.exits)).toEqual(EXPECTED.Sorties);
		expect(selection.situations.map(s => s.facts.participant.name)).toEqual(EXPECTED['Situations à évoquer']);
		expect(names(selection.longParcours)).toEqual(EXPECTED['Parcours +18 mois']);
		expect(names(selection.standby)).toEqual(EXPECTED.Veilles);
		expect(names(selection.roster)).toEqual(EXPECTED['Liste nominative']);
	});

	it('gives the renewal period that ends before the next meeting', () => {
		const periods = selection.renewals.map(r => [r.facts.participant.name, isoFromDay(r.periodEnd), r.periodMonths]);
		expect(periods).toEqual([
			['EVRARD Zoé', '2026-12-20', 6],
			['FABRE Noé', '2026-12-10', 12],
		]);
	});

	it('writes the reasons in words', () => {
		const reasons = new Map(selection.situations.map(s => [s.facts.participant.name, s]));
		expect(reasons.get('LAMBERT Rémi')!.reasons).toEqual(['CER échu depuis le 22/11/2026']);
		expect(reasons.get('MOREAU Jade')!.reasons).toEqual(['2 absences injustifiées depuis le dernier contact du 25/11/2026']);
		expect(reasons.get('NOEL Tom')!.reasons).toEqual(['En parcours depuis 26 mois sans prolongation']);
		expect(reasons.get('PERRIN Ugo')!.reasons).toEqual(['Aucune étape depuis le 01/09/2026 (98 jours au 08/12/2026)']);
		expect(reasons.get('QUENTIN Rose')!.reasons).toEqual(["Aucune étape depuis l'intégration du 01/09/2026 (98 jours au 08/12/2026)"]);
		expect(reasons.get('ROUX Lina')!.reasons).toEqual(['En veille depuis le 01/09/2026 (3 mois)']);
		const vidal = reasons.get('VIDAL Sara')!.reasons;
		expect(vidal).toHaveLength(2);
		expect(vidal[0]).toBe('CER échu depuis le 30/11/2026');
		expect(vidal[1]).toMatch(/^Rythme d'entretiens non tenu : dernier contact le 20\/10\/2026, 49 jours au 08\/12\/2026/);
	});

	it('lists an acknowledged alert apart, with its reason and end date', () => {
		const thomas = selection.situations.find(s => s.facts.participant.name === 'THOMAS Eli')!;
		expect(thomas.reasons).toEqual([]);
		expect(thomas.snoozed).toEqual([
			"CER échu depuis le 01/11/2026 — en attente jusqu'au 31/12/2026 : Renouvellement en cours au Département",
		]);
	});

	it('counts the indicators on the meeting day', () => {
		expect(isoFromDay(selection.triage.today)).toBe(MEETING);
		expect(indicatorResult(selection.triage, 'caseload.intake')!.entries.length).toBe(4);
		expect(indicatorResult(selection.triage, 'caseload.active')!.entries.length).toBe(17);
		expect(indicatorResult(selection.triage, 'rsa.contract-expired')!.snoozed.map(e => e.id)).toEqual(['p19']);
	});
});

describe('scope and window', () => {
	it('keeps one referent’s people only (case and accents ignored)', () => {
		const selection = select({referent: 'rouvray karim'});
		expect(names(selection.roster)).toEqual(['YVON Karl']);
		expect(selection.situations).toEqual([]);
		expect(selection.referent).toBe('ROUVRAY Karim'); // as the caseload spells it
	});

	it('takes entries and exits from --since on', () => {
		const selection = select({since: '2026-11-16'});
		expect(names(selection.entries)).toEqual(['ARNAUD Léa']);
		expect(names(selection.exits)).toEqual(['JOLY Marc']);
		expect(names(select({since: '2026-11-21'}).exits)).toEqual([]);
	});
});

describe('renewalDue', () => {
	const due = (integration: string, meeting: string, months = 6) => {
		const result = renewalDue(toDay(integration), toDay(meeting), toDay(meeting) + 31, months);
		return result && [isoFromDay(result.periodEnd), result.periodMonths];
	};

	it('finds the period of 6, 12, 18… months from integration ending in [meeting, next meeting)', () => {
		expect(due('2025-06-15', '2026-12-08')).toEqual(['2026-12-15', 18]);
		expect(due('2026-06-08', '2026-12-08')).toEqual(['2026-12-08', 6]);
		expect(due('2026-06-07', '2026-12-08')).toBeUndefined();
	});

	it('follows the renewal setting', () => {
		expect(due('2026-09-15', '2026-12-08', 3)).toEqual(['2026-12-15', 3]);
	});

	it('keeps month ends as date-fns does (31/08 + 6 months = 28/02)', () => {
		expect(due('2026-08-31', '2027-02-10')).toEqual(['2027-02-28', 6]);
	});
});
