// Each edit a référent makes from the keyboard: the new participant, the journal
// line, and the French refusals. Edits never mutate the participant they are given.
import {describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import {
	ALL_EXIT_REASONS,
	addStep,
	editStep,
	endStandby,
	type EditResult,
	finishStep,
	interruptStep,
	parseTypedDate,
	recordAbsence,
	recordEvent,
	recordExit,
	recordExitClosingSteps,
	recordInterview,
	recordNonIntegration,
	followingContract,
	renewContract,
	renewContractWith,
	setContract,
	setRomeCode,
	snoozeIndicator,
	startStep,
	stepRef,
	setStandby,
	standbyWish,
	startStandby,
	unsnoozeIndicator,
} from '../../source/domain/edits/index.js';
import type {Participant} from '../../source/domain/model.js';
import {counted, idsIn, person} from '../helpers/caseload.js';

const TODAY = '2026-11-22';
const T = toDay(TODAY);

function ok(result: EditResult): {participant: Participant; description: string} {
	if (!result.ok) throw new Error(`refused: ${result.error}`);
	return result;
}

function error(result: EditResult): string {
	if (result.ok) throw new Error(`accepted: ${result.description}`);
	return result.error;
}

function frozen(p: Participant): Participant {
	return structuredClone(p);
}

const planned = {label: 'Atelier CV', type: 'Atelier', start: '2026-11-16', state: 'Prévue' as const};

function withPlannedStep(overrides: Partial<Participant> = {}): Participant {
	return person({integrationDate: '2026-06-01', steps: [planned], ...overrides});
}

describe('typed dates', () => {
	it('reads dd/mm/yyyy, d/m/yyyy and ISO, and refuses impossible dates', () => {
		expect(parseTypedDate('22/11/2026')).toBe(T);
		expect(parseTypedDate(' 2/3/2026 ')).toBe(toDay('2026-03-02'));
		expect(parseTypedDate('2026-11-22')).toBe(T);
		expect(parseTypedDate('30/02/2026')).toBeUndefined();
		expect(parseTypedDate('29/02/2028')).toBe(toDay('2028-02-29'));
		expect(parseTypedDate('22-11-2026')).toBeUndefined();
	});

	it('reads dd/mm without the year against today: this year, or next year for a field that looks ahead once the day has passed', () => {
		// without today, the year is required (nothing guessed)
		expect(parseTypedDate('27/11')).toBeUndefined();
		expect(parseTypedDate('27/11', {today: T})).toBe(toDay('2026-11-27'));
		expect(parseTypedDate('15/11', {today: T})).toBe(toDay('2026-11-15'));
		expect(parseTypedDate(' 5/1 ', {today: T})).toBe(toDay('2026-01-05'));
		// an end, a due date, the next cellule: the first such day from today on
		expect(parseTypedDate('27/11', {today: T, ahead: true})).toBe(toDay('2026-11-27'));
		expect(parseTypedDate('22/11', {today: T, ahead: true})).toBe(T);
		expect(parseTypedDate('15/11', {today: T, ahead: true})).toBe(toDay('2027-11-15'));
		expect(parseTypedDate('05/01', {today: T, ahead: true})).toBe(toDay('2027-01-05'));
		// 29/02: only in a leap year (2028 looking ahead from 2027)
		expect(parseTypedDate('29/02', {today: T})).toBeUndefined();
		expect(parseTypedDate('29/02', {today: toDay('2027-03-01'), ahead: true})).toBe(toDay('2028-02-29'));
		expect(parseTypedDate('31/11', {today: T})).toBeUndefined();
		expect(parseTypedDate('27/13', {today: T})).toBeUndefined();
	});
});

describe('step states (d, t, i)', () => {
	it('d puts a planned step under way, and the participant leaves "Prévue → En cours"', () => {
		const p = withPlannedStep();
		const before = frozen(p);
		expect(counted(p, 'steps.to-start', TODAY)).toBe(true);
		const {participant, description} = ok(startStep(p, stepRef(planned)));
		expect(participant.steps[0]).toEqual({...planned, state: 'En cours'});
		expect(counted(participant, 'steps.to-start', TODAY)).toBe(false);
		expect(description).toBe('Étape « Atelier CV » (16/11/2026) : Prévue → En cours');
		expect(p).toEqual(before);
	});

	it('t finishes a step with no end today, and leaves a past end alone', () => {
		const p = withPlannedStep();
		expect(ok(finishStep(p, stepRef(planned), T)).participant.steps[0]).toEqual({...planned, state: 'Terminée', end: TODAY});
		const past = withPlannedStep({steps: [{...planned, end: '2026-11-20', state: 'En cours'}]});
		expect(counted(past, 'steps.to-finish', TODAY)).toBe(true);
		const finished = ok(finishStep(past, stepRef(planned), T)).participant;
		expect(finished.steps[0]).toMatchObject({state: 'Terminée', end: '2026-11-20'});
		expect(counted(finished, 'steps.to-finish', TODAY)).toBe(false);
	});

	it('t brings a future end back to today; an end of today is kept', () => {
		const future = withPlannedStep({steps: [{...planned, end: '2026-12-31', state: 'En cours'}]});
		expect(ok(finishStep(future, stepRef(planned), T)).participant.steps[0]!.end).toBe(TODAY);
		const endsToday = withPlannedStep({steps: [{...planned, end: TODAY, state: 'En cours'}]});
		const result = ok(finishStep(endsToday, stepRef(planned), T));
		expect(result.participant.steps[0]).toMatchObject({state: 'Terminée', end: TODAY});
		expect(result.description).toBe('Étape « Atelier CV » (16/11/2026) : En cours → Terminée');
	});

	it('t refuses to finish a step that has not started yet (its end would precede its start)', () => {
		const p = withPlannedStep({steps: [{...planned, start: '2026-12-01'}]});
		expect(error(finishStep(p, {label: 'Atelier CV', start: '2026-12-01'}, T))).toContain('ne peut pas finir avant');
	});

	it('i interrupts a step with today as its end', () => {
		const p = withPlannedStep({steps: [{...planned, end: '2026-12-20', state: 'En cours'}]});
		const result = ok(interruptStep(p, stepRef(planned), T));
		expect(result.participant.steps[0]).toMatchObject({state: 'Interrompue', end: TODAY});
		expect(result.description).toContain('En cours → Interrompue, fin le 22/11/2026');
	});

	it('a step already in the asked state changes nothing', () => {
		const p = withPlannedStep({steps: [{...planned, state: 'En cours'}]});
		expect(ok(startStep(p, stepRef(planned))).participant).toEqual(p);
	});

	it('an unknown step is refused (it may have been changed meanwhile)', () => {
		const p = withPlannedStep();
		expect(error(startStep(p, {label: 'Atelier CV', start: '2026-11-17'}))).toContain('introuvable');
	});

	it('only the step named by label and start changes', () => {
		const other = {label: 'Atelier CV', type: 'Atelier', start: '2026-10-01', end: '2026-10-02', state: 'Terminée' as const};
		const p = withPlannedStep({steps: [other, planned]});
		const after = ok(startStep(p, stepRef(planned))).participant;
		expect(after.steps).toEqual([other, {...planned, state: 'En cours'}]);
	});
});

describe('step form', () => {
	it('edits dates, label and type in place', () => {
		const p = withPlannedStep({steps: [{label: 'Avant', type: '', start: '2026-01-01', state: 'Prévue'}, planned]});
		const result = ok(editStep(p, stepRef(planned), {label: 'Atelier lettre', type: 'Atelier collectif', start: '17/11/2026', end: '30/11/2026'}));
		expect(result.participant.steps[1]).toEqual({label: 'Atelier lettre', type: 'Atelier collectif', start: '2026-11-17', end: '2026-11-30', state: 'Prévue'});
		expect(result.participant.steps[0]!.label).toBe('Avant');
	});

	it('an end the same day as the start is accepted, the day before is refused', () => {
		const p = withPlannedStep();
		expect(ok(editStep(p, stepRef(planned), {end: '16/11/2026'})).participant.steps[0]!.end).toBe('2026-11-16');
		expect(error(editStep(p, stepRef(planned), {end: '15/11/2026'}))).toBe(
			'Étape « Atelier CV » : la fin (15/11/2026) précède le début (16/11/2026).',
		);
	});

	it('blank end removes it; impossible dates and blank labels are refused in French', () => {
		const p = withPlannedStep({steps: [{...planned, end: '2026-12-01'}]});
		expect(ok(editStep(p, stepRef(planned), {end: ''})).participant.steps[0]!.end).toBeUndefined();
		expect(error(editStep(p, stepRef(planned), {start: '31/11/2026'}))).toBe(
			'Date de début : « 31/11/2026 » n’est pas une date possible (jj/mm/aaaa).',
		);
		expect(error(editStep(p, stepRef(planned), {label: '  '}))).toBe('Libellé de l’étape : à renseigner.');
		expect(error(editStep(p, stepRef(planned), {state: 'finie'}))).toContain('État « finie » inconnu');
	});

	it('the state is matched without regard to case or accents', () => {
		const p = withPlannedStep();
		expect(ok(editStep(p, stepRef(planned), {state: ' TERMINEE ', end: TODAY})).participant.steps[0]!.state).toBe('Terminée');
	});

	it('adds a step (Prévue by default), refusing a second step with the same label and start', () => {
		const p = withPlannedStep();
		const result = ok(addStep(p, {label: 'Immersion', type: 'PMSMP', start: '01/12/2026', end: '05/12/2026'}));
		expect(result.participant.steps).toEqual([planned, {label: 'Immersion', type: 'PMSMP', start: '2026-12-01', end: '2026-12-05', state: 'Prévue'}]);
		expect(result.description).toBe('Étape « Immersion » (01/12/2026) ajoutée');
		expect(error(addStep(p, {label: 'Atelier CV', start: '16/11/2026'}))).toBe('Étape « Atelier CV » (16/11/2026) existe déjà.');
		expect(error(addStep(p, {label: 'Sans date', start: ''}))).toBe('Date de début : à renseigner (jj/mm/aaaa).');
		expect(p.steps).toHaveLength(1);
	});
});

describe('events (e, a, form)', () => {
	it('e records an individual interview today: the participant leaves "sans entretien depuis 30 jours"', () => {
		const p = person({integrationDate: '2026-01-01', events: [{date: '2026-09-01', type: 'Entretien individuel'}]});
		expect(counted(p, 'followup.no-interview30', TODAY)).toBe(true);
		const result = ok(recordInterview(p, T));
		expect(result.participant.events.at(-1)).toEqual({date: TODAY, type: 'Entretien individuel'});
		expect(result.description).toBe('Événement « Entretien individuel » du 22/11/2026 ajouté');
		expect(counted(result.participant, 'followup.no-interview30', TODAY)).toBe(false);
		expect(p.events).toHaveLength(1);
	});

	it('a records an unjustified absence: the second one puts the participant before the cellule', () => {
		const p = person({integrationDate: '2026-01-01', events: [{date: '2026-11-10', type: 'Absence injustifiée'}]});
		expect(counted(p, 'followup.two-absences', TODAY)).toBe(false);
		const after = ok(recordAbsence(p, T)).participant;
		expect(counted(after, 'followup.two-absences', TODAY)).toBe(true);
	});

	it('the form takes any type of the list, a date and a note; the same type twice the same day is refused', () => {
		const p = person();
		const result = ok(recordEvent(p, {type: 'contact telephonique', date: '20/11/2026', note: '  rappel CV  '}));
		expect(result.participant.events).toEqual([{date: '2026-11-20', type: 'Contact téléphonique', note: 'rappel CV'}]);
		expect(error(recordEvent(result.participant, {type: 'Contact téléphonique', date: '2026-11-20'}))).toBe(
			'Un événement « Contact téléphonique » du 20/11/2026 est déjà enregistré.',
		);
		expect(error(recordEvent(p, {type: 'Visite', date: TODAY}))).toContain('Type d’événement « Visite » inconnu');
		expect(error(recordEvent(p, {type: 'Autre', date: '32/01/2026'}))).toContain('n’est pas une date possible');
	});
});

describe('contract, ROME, standby', () => {
	const rsa = (overrides: Partial<Participant> = {}) => person({rsa: true, integrationDate: '2026-01-01', ...overrides});

	it('sets CER start and end; an end before the start is refused', () => {
		const result = ok(setContract(rsa(), {start: '01/12/2026', end: '31/05/2027'}));
		expect(result.participant).toMatchObject({contractStart: '2026-12-01', contractEnd: '2027-05-31'});
		expect(result.description).toBe('CER : du 01/12/2026 au 31/05/2027');
		expect(error(setContract(rsa({contractStart: '2026-12-01'}), {end: '30/11/2026'}))).toBe(
			'CER : la fin (30/11/2026) précède le début (01/12/2026).',
		);
		expect(error(setContract(rsa(), {end: '29/02/2027'}))).toContain('« 29/02/2027 » n’est pas une date possible');
	});

	it('clearing the end puts an RSA participant back in "RSA sans date de contrat"', () => {
		const p = rsa({contractStart: '2026-06-01', contractEnd: '2026-12-01'});
		const after = ok(setContract(p, {end: null})).participant;
		expect(after.contractEnd).toBeUndefined();
		expect(after.contractStart).toBe('2026-06-01');
		expect(counted(after, 'rsa.no-contract', TODAY)).toBe(true);
	});

	it('renews as REFERENTIEL §2 says: 23/05/2026→21/11/2026 by 6 months gives 22/11/2026→21/05/2027, the old CER kept', () => {
		const p = rsa({contractStart: '2026-05-23', contractEnd: '2026-11-21'});
		const result = ok(renewContract(p, 6));
		expect(result.participant).toMatchObject({
			contractStart: '2026-11-22',
			contractEnd: '2027-05-21',
			previousContracts: [{start: '2026-05-23', end: '2026-11-21'}],
		});
		expect(result.description).toBe('CER renouvelé pour 6 mois : du 22/11/2026 au 21/05/2027 (précédent du 23/05/2026 au 21/11/2026)');
		// the older ones stay first, in order
		const again = ok(renewContract(result.participant, 12)).participant;
		expect(again.previousContracts).toEqual([
			{start: '2026-05-23', end: '2026-11-21'},
			{start: '2026-11-22', end: '2027-05-21'},
		]);
		expect(again).toMatchObject({contractStart: '2027-05-22', contractEnd: '2028-05-21'});
		expect(error(renewContract(rsa(), 6))).toContain('Pas de date de fin de CER');
	});

	it('a renewal at the ends of months: addMonths from the new start (day clamped), minus one day', () => {
		const renewal = (end: string, months: number) => {
			const next = followingContract(toDay(end), months);
			return [isoFromDay(next.start), isoFromDay(next.end)];
		};
		expect(renewal('2026-11-30', 6)).toEqual(['2026-12-01', '2027-05-31']);
		expect(renewal('2026-08-31', 6)).toEqual(['2026-09-01', '2027-02-28']);
		expect(renewal('2026-12-31', 12)).toEqual(['2027-01-01', '2027-12-31']);
		// 31/08 + 6 months is clamped to the end of February (29th in 2028), the day before is the 28th
		expect(renewal('2027-08-30', 6)).toEqual(['2027-08-31', '2028-02-28']);
		expect(renewal('2028-01-30', 1)).toEqual(['2028-01-31', '2028-02-28']);
		expect(renewal('2028-02-28', 12)).toEqual(['2028-02-29', '2029-02-27']);
	});

	it('a renewal without a known start keeps the old end alone; typed dates must follow the old end', () => {
		const p = rsa({contractEnd: '2026-11-21'});
		expect(ok(renewContract(p, 6)).participant.previousContracts).toEqual([{end: '2026-11-21'}]);
		const typed = ok(renewContractWith(p, {start: '01/12/2026', end: '31/05/2027'}));
		expect(typed.participant).toMatchObject({contractStart: '2026-12-01', contractEnd: '2027-05-31', previousContracts: [{end: '2026-11-21'}]});
		expect(error(renewContractWith(p, {start: '21/11/2026', end: '31/05/2027'}))).toContain('doit commencer après la fin du CER actuel (21/11/2026)');
		expect(error(renewContractWith(p, {start: '01/12/2026', end: '30/11/2026'}))).toContain('la fin (30/11/2026) précède le début');
	});

	it('a renewed expired contract leaves "RSA dont le CER est échu"', () => {
		const p = rsa({contractEnd: '2026-11-01'});
		expect(counted(p, 'rsa.contract-expired', TODAY)).toBe(true);
		expect(counted(ok(renewContract(p, 6)).participant, 'rsa.contract-expired', TODAY)).toBe(false);
	});

	it('sets the ROME code (upper-cased), refuses a malformed one, blank removes it', () => {
		const p = person({integrationDate: '2026-01-01'});
		expect(counted(p, 'followup.no-rome', TODAY)).toBe(true);
		const withCode = ok(setRomeCode(p, ' m1607 ')).participant;
		expect(withCode.romeCode).toBe('M1607');
		expect(counted(withCode, 'followup.no-rome', TODAY)).toBe(false);
		expect(error(setRomeCode(p, 'M160'))).toContain('une lettre et quatre chiffres');
		expect('romeCode' in ok(setRomeCode(withCode, '')).participant).toBe(false);
	});

	it('v starts a standby on a day with a reason (matched to the five offered, other text kept), and ends it', () => {
		const p = person({integrationDate: '2026-01-01'});
		const onStandby = ok(startStandby(p, {since: T, reason: ' sante '}));
		expect(onStandby.participant).toMatchObject({standbySince: TODAY, standbyReason: 'Santé'});
		expect(onStandby.description).toBe('Mise en veille le 22/11/2026 : Santé');
		expect(counted(onStandby.participant, 'caseload.standby', TODAY)).toBe(true);
		expect(ok(startStandby(p, {since: '15/11/2026', reason: 'Garde d’enfant'})).participant).toMatchObject({standbySince: '2026-11-15', standbyReason: 'Garde d’enfant'});
		expect(error(startStandby(onStandby.participant, {since: T}))).toBe('Déjà en veille depuis le 22/11/2026.');
		expect(error(startStandby(p, {since: '31/11/2026'}))).toContain('n’est pas une date possible');
		// ending it removes the day and the reason; the journal line keeps both
		const back = ok(endStandby(onStandby.participant));
		expect('standbySince' in back.participant || 'standbyReason' in back.participant).toBe(false);
		expect(back.description).toBe('Fin de la veille commencée le 22/11/2026 (Santé)');
		// `v` as an intention: the wish is read on the version the screen shows; met already, nothing changes
		expect(standbyWish(p)).toBe('start');
		expect(standbyWish(onStandby.participant)).toBe('end');
		expect(ok(setStandby(p, 'start', T)).participant.standbySince).toBe(TODAY);
		expect(ok(setStandby(onStandby.participant, 'start', T)).participant).toBe(onStandby.participant);
		expect('standbySince' in ok(setStandby(onStandby.participant, 'end', T)).participant).toBe(false);
		expect(ok(setStandby(p, 'end', T)).participant).toBe(p);
		expect(error(endStandby(p))).toBe('Pas en veille.');
	});

	it('v is an intention: asking for a standby already started (or ended) changes nothing', () => {
		const since = person({integrationDate: '2026-01-01', standbySince: '2026-11-01'});
		const again = ok(setStandby(since, 'start', T));
		expect(again.participant).toEqual(since);
		expect(again.description).toBe('Déjà en veille depuis le 01/11/2026');
		const none = person({integrationDate: '2026-01-01'});
		expect(ok(setStandby(none, 'end', T)).participant).toEqual(none);
	});
});

describe('exit and non-integration', () => {
	it('records an exit with type and motive from the lists', () => {
		const p = person({integrationDate: '2025-01-01', steps: [{...planned, end: '2026-11-20', state: 'Terminée'}]});
		const result = ok(recordExit(p, {date: '22/11/2026', type: 'positive', reason: 'cdi'}));
		expect(result.participant).toMatchObject({exitDate: TODAY, exitType: 'Positive', exitReason: 'CDI'});
		expect(result.description).toBe('Sortie le 22/11/2026 : Positive — CDI');
		expect(counted(result.participant, 'caseload.active', TODAY)).toBe(false);
	});

	it('closes the steps an exit leaves open at its date, in the same change (x, « clore les étapes »)', () => {
		const p = person({
			integrationDate: '2025-01-01',
			steps: [
				{label: 'Formation', type: '', start: '2026-01-10', end: '2026-03-01', state: 'Terminée'},
				{label: 'Atelier', type: '', start: '2026-09-01', state: 'En cours'},
				{label: 'Stage', type: '', start: '2026-10-01', end: '2026-11-10', state: 'Prévue'},
				{label: 'Emploi', type: '', start: '2026-08-01', state: 'Terminée'},
				{label: 'Immersion', type: '', start: '2026-12-01', state: 'Prévue'},
			],
		});
		const result = ok(recordExitClosingSteps(p, {date: '20/11/2026', type: 'Positive', reason: 'CDI'}, 'Terminée'));
		expect(result.participant.steps).toEqual([
			{label: 'Formation', type: '', start: '2026-01-10', end: '2026-03-01', state: 'Terminée'},
			{label: 'Atelier', type: '', start: '2026-09-01', end: '2026-11-20', state: 'Terminée'},
			// an end already before the exit is kept
			{label: 'Stage', type: '', start: '2026-10-01', end: '2026-11-10', state: 'Terminée'},
			// finished without an end: it ends at the exit
			{label: 'Emploi', type: '', start: '2026-08-01', end: '2026-11-20', state: 'Terminée'},
			// planned after the exit: never ended before it began, left for the user (said)
			{label: 'Immersion', type: '', start: '2026-12-01', state: 'Prévue'},
		]);
		expect(result.description).toBe(
			'Sortie le 20/11/2026 : Positive — CDI ; 3 étapes closes (Terminée) au 20/11/2026 ; 1 étape prévue après la sortie laissée telle quelle',
		);
		const withoutLater = {...p, steps: p.steps.slice(0, 4)};
		expect(counted(ok(recordExitClosingSteps(withoutLater, {date: '20/11/2026', type: 'Positive', reason: 'CDI'}, 'Terminée')).participant, 'steps.after-exit', TODAY)).toBe(false);
		expect(counted(ok(recordExit(p, {date: '20/11/2026', type: 'Positive', reason: 'CDI'})).participant, 'steps.after-exit', TODAY)).toBe(true);
		// not asked: the exit alone
		expect(ok(recordExitClosingSteps(p, {date: '20/11/2026', type: 'Positive', reason: 'CDI'}, undefined)).participant.steps).toEqual(p.steps);
		const interrupted = ok(recordExitClosingSteps(p, {date: '20/11/2026', type: 'Autre', reason: 'Santé'}, 'Interrompue'));
		expect(interrupted.participant.steps[1]).toMatchObject({state: 'Interrompue', end: '2026-11-20'});
	});

	it('refuses unknown types and motives, and an exit before the integration', () => {
		const p = person({integrationDate: '2026-06-01'});
		expect(error(recordExit(p, {date: TODAY, type: 'Bonne', reason: 'CDI'}))).toContain('Type de sortie « Bonne » inconnu');
		expect(error(recordExit(p, {date: TODAY, type: 'Autre', reason: 'Vacances'}))).toContain('Motif de sortie « Vacances » inconnu');
		expect(error(recordExit(p, {date: '31/05/2026', type: 'Autre', reason: 'Santé'}))).toContain('antérieure à l’intégration');
		expect(ok(recordExit(p, {date: '01/06/2026', type: 'Autre', reason: 'Santé'})).participant.exitDate).toBe('2026-06-01');
		expect(ALL_EXIT_REASONS).toContain('Suivi PLIE + 30 mois');
	});

	it('records a non-integration for someone in intake, with a motive of the list', () => {
		const p = person({firstAppointment: '2026-10-01'});
		expect(counted(p, 'caseload.intake', TODAY)).toBe(true);
		const result = ok(recordNonIntegration(p, {date: '22/11/2026', reason: 'absence aux rendez-vous'}, T));
		expect(result.participant).toMatchObject({nonIntegrationDate: TODAY, nonIntegrationReason: 'Absence aux rendez-vous'});
		expect(counted(result.participant, 'caseload.intake', TODAY)).toBe(false);
		expect(error(recordNonIntegration(p, {date: '30/09/2026', reason: 'Déménagement'}, T))).toContain('antérieure au 1er rendez-vous');
		expect(error(recordNonIntegration(p, {date: TODAY, reason: 'Fatigue'}, T))).toContain('inconnu');
	});

	it('refuses a non-integration for someone integrated by today, not for an integration still to come', () => {
		expect(error(recordNonIntegration(person({integrationDate: TODAY}), {date: TODAY, reason: 'Déménagement'}, T))).toContain(
			'enregistrez une sortie',
		);
		expect(ok(recordNonIntegration(person({integrationDate: '2026-11-23'}), {date: TODAY, reason: 'Déménagement'}, T)).participant.nonIntegrationDate).toBe(TODAY);
	});
});

describe('snooze (z)', () => {
	it('hides one indicator for one participant until the end date, the dashboard count drops', () => {
		const p = withPlannedStep();
		const other = withPlannedStep();
		const result = ok(snoozeIndicator(p, {indicator: 'steps.to-start', reason: 'attend la convention', until: '30/11/2026'}, T));
		expect(result.participant.snoozes).toEqual([{indicator: 'steps.to-start', reason: 'attend la convention', until: '2026-11-30', since: TODAY}]);
		const everyone = [result.participant, other];
		expect(idsIn(everyone, 'steps.to-start', TODAY, {hideSnoozed: true})).toEqual([other.id]);
		expect(idsIn(everyone, 'steps.to-start', TODAY)).toHaveLength(2); // report keeps counting it
		expect(idsIn(everyone, 'steps.to-start', '2026-12-01', {hideSnoozed: true})).toHaveLength(2); // expired
	});

	it('refuses an unknown indicator, a blank reason, a past end; today is accepted', () => {
		const p = person();
		expect(error(snoozeIndicator(p, {indicator: 'steps.nope', reason: 'x', until: TODAY}, T))).toContain('inconnu');
		expect(error(snoozeIndicator(p, {indicator: 'steps.none', reason: ' ', until: TODAY}, T))).toContain('à renseigner');
		expect(error(snoozeIndicator(p, {indicator: 'steps.none', reason: 'x', until: '21/11/2026'}, T))).toContain('déjà passée');
		expect(ok(snoozeIndicator(p, {indicator: 'steps.none', reason: 'x', until: TODAY}, T)).participant.snoozes).toHaveLength(1);
	});

	it('snoozing the same indicator again replaces the earlier snooze; unsnooze removes it', () => {
		const first = ok(snoozeIndicator(person(), {indicator: 'steps.none', reason: 'a', until: '2026-12-01'}, T)).participant;
		const second = ok(snoozeIndicator(first, {indicator: 'steps.none', reason: 'b', until: '2026-12-15'}, T)).participant;
		expect(second.snoozes).toEqual([{indicator: 'steps.none', reason: 'b', until: '2026-12-15', since: TODAY}]);
		expect('snoozes' in ok(unsnoozeIndicator(second, 'steps.none')).participant).toBe(false);
		expect(error(unsnoozeIndicator(person(), 'steps.none'))).toContain('non mise en attente');
	});
});
