// The 27 indicators of REFERENTIEL §4, one small pure function each. A function
// returns the figure that makes the person urgent (days left, idle days, months…)
// when the person is counted, and undefined otherwise.
import {addMonths, type Day} from './calendar.js';
import {contactReference, nextContactDue} from './contactRhythm.js';
import type {ParticipantFacts} from './facts.js';
import type {Settings} from './settings.js';

export const SECTIONS = [
	{id: 'effectifs', label: 'Effectifs'},
	{id: 'rectifier', label: 'Parcours à rectifier'},
	{id: 'inactivite', label: 'Inactivité'},
	{id: 'rsa', label: 'RSA / CER'},
	{id: 'suivi', label: 'Suivi'},
] as const;
export type SectionId = (typeof SECTIONS)[number]['id'];

/** urgent: to fix before the cellule; watch: to keep an eye on; info: a head count. */
export type Severity = 'urgent' | 'watch' | 'info';

export interface Figure {
	/** column heading in a queue */
	readonly label: string;
	readonly unit: 'jours' | 'mois' | 'absences';
	/** most urgent first: 'asc' when a small figure is urgent (days left) */
	readonly order: 'asc' | 'desc';
}

export interface IndicatorDefinition {
	readonly id: string;
	readonly label: string;
	/**
	 * The label for a narrow screen (the 80-column dashboard, a fiche): at most 28
	 * characters, and still telling the indicator apart from every other one.
	 */
	readonly shortLabel: string;
	readonly section: SectionId;
	readonly severity: Severity;
	readonly figure: Figure;
	readonly measure: (facts: ParticipantFacts, settings: Settings) => number | undefined;
	/**
	 * True when the indicator may count a person whose parcours is closed (exited or
	 * not integrated on day T). The others answer undefined for closed people, and the
	 * triage does not ask them (40 % of a store that keeps years of exits).
	 */
	readonly countsClosed?: true;
}

const MONTHS_IN_PARCOURS: Figure = {label: 'Mois en parcours', unit: 'mois', order: 'desc'};
const DAYS_LEFT: Figure = {label: 'Jours restants', unit: 'jours', order: 'asc'};

function since(day: Day | undefined, today: Day): number {
	return day === undefined ? 0 : today - day;
}

function activeMonths(f: ParticipantFacts): number | undefined {
	return f.active ? f.months! : undefined;
}

function duration(min: number, max: number) {
	return (f: ParticipantFacts): number | undefined =>
		f.active && f.months! >= min && f.months! < max ? f.months : undefined;
}

function openRsa(f: ParticipantFacts): boolean {
	return !f.closed && f.participant.rsa;
}

function daysLeftOnContract(f: ParticipantFacts): number | undefined {
	return openRsa(f) && f.contractEnd !== undefined ? f.contractEnd - f.today : undefined;
}

export const INDICATORS: readonly IndicatorDefinition[] = [
	{
		id: 'caseload.intake',
		label: "Effectif en phase d'accueil",
		shortLabel: "Phase d'accueil",
		section: 'effectifs',
		severity: 'info',
		figure: {label: 'Jours depuis le 1er RDV', unit: 'jours', order: 'desc'},
		measure: f => (f.status === 'intake' ? since(f.firstAppointment, f.today) : undefined),
	},
	{
		id: 'caseload.active',
		label: 'File active en parcours',
		shortLabel: 'File active',
		section: 'effectifs',
		severity: 'info',
		figure: MONTHS_IN_PARCOURS,
		measure: activeMonths,
	},
	{
		id: 'caseload.standby',
		label: 'Dont en veille',
		shortLabel: 'Dont en veille',
		section: 'effectifs',
		severity: 'info',
		figure: {label: 'Jours en veille', unit: 'jours', order: 'desc'},
		measure: f => (f.standby ? since(f.standbySince, f.today) : undefined),
	},
	{
		id: 'duration.lt6',
		label: 'En parcours depuis moins de 6 mois',
		shortLabel: 'Parcours < 6 mois',
		section: 'effectifs',
		severity: 'info',
		figure: MONTHS_IN_PARCOURS,
		measure: duration(0, 6),
	},
	{
		id: 'duration.6to12',
		label: 'En parcours depuis 6 à 12 mois',
		shortLabel: 'Parcours 6 à 12 mois',
		section: 'effectifs',
		severity: 'info',
		figure: MONTHS_IN_PARCOURS,
		measure: duration(6, 12),
	},
	{
		id: 'duration.12to18',
		label: 'En parcours depuis 12 à 18 mois',
		shortLabel: 'Parcours 12 à 18 mois',
		section: 'effectifs',
		severity: 'info',
		figure: MONTHS_IN_PARCOURS,
		measure: duration(12, 18),
	},
	{
		id: 'duration.18to24',
		label: 'En parcours depuis 18 à 24 mois',
		shortLabel: 'Parcours 18 à 24 mois',
		section: 'effectifs',
		severity: 'watch',
		figure: MONTHS_IN_PARCOURS,
		measure: (f, s) => duration(18, s.maxParcoursMonths)(f),
	},
	{
		id: 'duration.gte24',
		label: 'En parcours depuis plus de 24 mois',
		shortLabel: 'Parcours > 24 mois',
		section: 'effectifs',
		severity: 'watch',
		figure: MONTHS_IN_PARCOURS,
		measure: (f, s) => duration(s.maxParcoursMonths, Infinity)(f),
	},
	{
		id: 'duration.gte24-no-extension',
		label: 'Plus de 24 mois sans prolongation',
		shortLabel: '> 24 mois sans prolongation',
		section: 'effectifs',
		severity: 'urgent',
		figure: MONTHS_IN_PARCOURS,
		measure: (f, s) =>
			f.active && f.months! >= s.maxParcoursMonths && f.participant.extension !== true ? f.months : undefined,
	},
	{
		id: 'steps.to-finish',
		label: "Étapes 'Prévue' ou 'En cours' → 'Terminée'",
		shortLabel: 'Étapes à terminer',
		section: 'rectifier',
		severity: 'urgent',
		figure: {label: 'Jours depuis la fin', unit: 'jours', order: 'desc'},
		measure: f => (f.stepsToFinish > 0 ? since(f.oldestOverdueEnd, f.today) : undefined),
	},
	{
		id: 'steps.to-start',
		label: "Étapes 'Prévue' → 'En cours'",
		shortLabel: 'Étapes à démarrer',
		section: 'rectifier',
		severity: 'urgent',
		figure: {label: 'Jours depuis le début', unit: 'jours', order: 'desc'},
		measure: f => (f.stepsToStart > 0 ? since(f.earliestDueStart, f.today) : undefined),
	},
	{
		id: 'steps.after-exit',
		label: 'Étape non terminée ou fin > date de sortie',
		shortLabel: 'Étapes ouvertes après sortie',
		section: 'rectifier',
		severity: 'urgent',
		figure: {label: 'Jours depuis la sortie', unit: 'jours', order: 'desc'},
		measure: f => (f.exited && f.stepsAfterExit > 0 ? since(f.exitDay, f.today) : undefined),
		countsClosed: true,
	},
	{
		id: 'plan.provisional-integrated',
		label: "Parcours 'Prévisionnel' alors qu'intégré",
		shortLabel: 'Prévisionnel mais intégré',
		section: 'rectifier',
		severity: 'urgent',
		figure: MONTHS_IN_PARCOURS,
		measure: f => (f.active && f.participant.planState === 'Prévisionnel' ? f.months : undefined),
	},
	{
		id: 'steps.none',
		label: 'Sans étape de parcours',
		shortLabel: 'Sans étape',
		section: 'inactivite',
		severity: 'watch',
		figure: {label: "Jours depuis l'intégration", unit: 'jours', order: 'desc'},
		measure: f => (f.active && f.startedSteps === 0 ? since(f.integration, f.today) : undefined),
	},
	{
		id: 'steps.idle30',
		label: 'Sans étape depuis plus de 30 jours',
		shortLabel: 'Sans étape depuis > 30 j',
		section: 'inactivite',
		severity: 'watch',
		figure: {label: 'Jours sans étape', unit: 'jours', order: 'desc'},
		measure: (f, s) => idleDays(f, s.idleDays),
	},
	{
		id: 'steps.idle60',
		label: 'Sans étape depuis plus de 60 jours',
		shortLabel: 'Sans étape depuis > 60 j',
		section: 'inactivite',
		severity: 'urgent',
		figure: {label: 'Jours sans étape', unit: 'jours', order: 'desc'},
		measure: (f, s) => idleDays(f, s.longIdleDays),
	},
	{
		id: 'rsa.no-contract',
		label: 'RSA sans date de contrat',
		shortLabel: 'RSA sans contrat',
		section: 'rsa',
		severity: 'urgent',
		figure: {label: "Jours depuis l'entrée", unit: 'jours', order: 'desc'},
		measure: f =>
			openRsa(f) && f.contractEnd === undefined ? since(f.integration ?? f.firstAppointment, f.today) : undefined,
	},
	{
		id: 'rsa.contract-expired',
		label: 'RSA dont le CER est échu',
		shortLabel: 'RSA, CER échu',
		section: 'rsa',
		severity: 'urgent',
		figure: {label: 'Jours depuis l’échéance', unit: 'jours', order: 'desc'},
		measure: f => {
			const left = daysLeftOnContract(f);
			return left !== undefined && left < 0 ? -left : undefined;
		},
	},
	{
		id: 'rsa.contract-lt15',
		label: 'RSA, échéance du CER < 15 jours',
		shortLabel: 'RSA, fin de CER < 15 j',
		section: 'rsa',
		severity: 'urgent',
		figure: DAYS_LEFT,
		measure: (f, s) => {
			const left = daysLeftOnContract(f);
			return left !== undefined && left >= 0 && left < s.contractSoonDays ? left : undefined;
		},
	},
	{
		id: 'rsa.contract-lt30',
		label: 'RSA, échéance du CER < 30 jours',
		shortLabel: 'RSA, fin de CER < 30 j',
		section: 'rsa',
		severity: 'watch',
		figure: DAYS_LEFT,
		measure: (f, s) => {
			const left = daysLeftOnContract(f);
			return left !== undefined && left >= 0 && left < s.contractDueDays ? left : undefined;
		},
	},
	{
		id: 'rsa.contract-gt1month',
		label: 'RSA, échéance du CER > 1 mois',
		shortLabel: 'RSA, fin de CER > 1 mois',
		section: 'rsa',
		severity: 'info',
		figure: DAYS_LEFT,
		measure: (f, s) =>
			openRsa(f) && f.contractEnd !== undefined && f.contractEnd > addMonths(f.today, s.contractFarMonths)
				? f.contractEnd - f.today
				: undefined,
	},
	{
		id: 'followup.no-rome',
		label: 'Intégrés sans code ROME',
		shortLabel: 'Sans code ROME',
		section: 'suivi',
		severity: 'watch',
		figure: MONTHS_IN_PARCOURS,
		measure: f => (f.active && (f.participant.romeCode ?? '').trim() === '' ? f.months : undefined),
	},
	{
		id: 'followup.no-event30',
		label: 'Sans événement de parcours depuis 30 jours',
		shortLabel: 'Sans événement depuis 30 j',
		section: 'suivi',
		severity: 'watch',
		figure: {label: 'Jours sans événement', unit: 'jours', order: 'desc'},
		measure: (f, s) => withoutSince(f, f.lastEvent, s.noEventDays),
	},
	{
		id: 'followup.no-interview30',
		label: 'Sans entretien individuel depuis 30 jours',
		shortLabel: 'Sans entretien depuis 30 j',
		section: 'suivi',
		severity: 'watch',
		figure: {label: 'Jours sans entretien', unit: 'jours', order: 'desc'},
		measure: (f, s) => withoutSince(f, f.lastInterview, s.noInterviewDays),
	},
	{
		id: 'followup.rhythm-late',
		label: "Rythme d'entretiens non tenu",
		shortLabel: 'Rythme non tenu',
		section: 'suivi',
		severity: 'urgent',
		figure: {label: 'Jours depuis le dernier contact', unit: 'jours', order: 'desc'},
		measure: (f, s) => {
			if (!f.active || f.standby) return undefined;
			// late once T passes nextContactDue, and until a contact (contactRhythm.ts)
			if (!(f.today > nextContactDue(f.integration!, f.lastContact, s))) return undefined;
			return f.today - contactReference(f.integration!, f.lastContact);
		},
	},
	{
		id: 'followup.two-absences',
		label: 'Deux absences injustifiées : à présenter en cellule',
		shortLabel: '2 absences injustifiées',
		section: 'suivi',
		severity: 'urgent',
		figure: {label: 'Absences injustifiées', unit: 'absences', order: 'desc'},
		measure: f => (!f.closed && f.absencesSinceContact >= 2 ? f.absencesSinceContact : undefined),
	},
	{
		id: 'standby.long',
		label: 'En veille depuis plus de 2 mois',
		shortLabel: 'Veille > 2 mois',
		section: 'suivi',
		severity: 'urgent',
		figure: {label: 'Jours en veille', unit: 'jours', order: 'desc'},
		measure: (f, s) =>
			f.standby && f.today > addMonths(f.standbySince!, s.longStandbyMonths) ? f.today - f.standbySince! : undefined,
	},
];

function idleDays(f: ParticipantFacts, threshold: number): number | undefined {
	if (!f.active || f.startedSteps === 0 || f.currentSteps > 0) return undefined;
	const idle = f.today - f.lastStepActivity!;
	return idle > threshold ? idle : undefined;
}

/** Active and nothing in [T − days, T]; the figure is the days since the last one (or since integration). */
function withoutSince(f: ParticipantFacts, last: Day | undefined, days: number): number | undefined {
	if (!f.active) return undefined;
	if (last !== undefined && last >= f.today - days) return undefined;
	return f.today - (last ?? f.integration!);
}

export const INDICATOR_IDS: readonly string[] = INDICATORS.map(indicator => indicator.id);

const BY_ID = new Map(INDICATORS.map(indicator => [indicator.id, indicator]));
export function indicatorById(id: string): IndicatorDefinition | undefined {
	return BY_ID.get(id);
}
