// The closed vocabularies of REFERENTIEL §2, spelled as the screens show them.
import {foldText} from './text.js';

export const STEP_STATES = ['Prévue', 'En cours', 'Terminée', 'Interrompue'] as const;
export type StepState = (typeof STEP_STATES)[number];

export const EVENT_TYPES = [
	'Entretien individuel',
	'Atelier collectif',
	'Contact téléphonique',
	'Absence injustifiée',
	'Absence justifiée',
	'Autre',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export const PLAN_STATES = ['Prévisionnel', 'Validé'] as const;
export type PlanState = (typeof PLAN_STATES)[number];

export const EXIT_TYPES = ['Positive', 'Dynamique', 'Réduction des freins', 'Autre'] as const;
export type ExitType = (typeof EXIT_TYPES)[number];

/** Exit motives offered on screen, grouped as in the seeds. */
export const EXIT_REASONS: Record<'positive' | 'dynamique' | 'autres', readonly string[]> = {
	positive: [
		'CDI',
		'CDD ≥ 6 mois',
		'Contrat aidé > 1 an',
		"Création d'entreprise",
		'Alternance',
		'Formation qualifiante (titre ou diplôme obtenu)',
		'Intérim ≥ 6 mois',
		'CDDI > 12 mois',
	],
	dynamique: ['CDD < 6 mois', 'CDI < mi-temps', 'Contrat aidé < 1 an', 'Formation non qualifiante', 'Autre emploi'],
	autres: [
		"Non-respect du contrat d'engagement",
		'Suivi PLIE + 30 mois',
		'Santé',
		'Autre accompagnement plus adapté',
		'Déménagement',
		'À la demande du participant',
		'Indisponible pour recherche d’emploi',
		'Maternité',
		'Situation administrative incompatible',
		'Autre',
	],
};

/**
 * The exit type a motive implies: a motive of §2's positive list makes a Positive
 * exit, of the dynamique list a Dynamique one. The « autres » list serves both
 * Réduction des freins and Autre, so its motives imply nothing.
 */
export function exitTypeOfReason(reason: string): ExitType | undefined {
	const folded = foldText(reason);
	if (EXIT_REASONS.positive.some(word => foldText(word) === folded)) return 'Positive';
	if (EXIT_REASONS.dynamique.some(word => foldText(word) === folded)) return 'Dynamique';
	return undefined;
}

/** The 17 non-integration motives of the Visual Course report (000_…, II.3). */
export const NON_INTEGRATION_REASONS = [
	'Absence aux rendez-vous',
	'Congé parental',
	'Décès',
	'Démarches préconisées non effectuées',
	'Déménagement',
	'En emploi',
	"En recherche directe d'emploi",
	'Indisponible',
	'Non intéressé·e par la démarche',
	'Parcours prématuré',
	"Relève d'un accompagnement spécifique",
	'Réorientation',
	'Réorientation vers un ASI',
	"Réside hors zone d'intervention",
	'Retour en formation initiale',
	'Sur un autre dispositif',
	"Un parcours n'est pas nécessaire",
] as const;

/** Why an accompaniment is paused (REFERENTIEL §2, version 2): offered by `v`; other text is kept (« Autre », précisez). */
export const STANDBY_REASONS = [
	'En étape emploi ou formation',
	'À la demande du bureau insertion',
	'Santé',
	'Indisponibilité momentanée',
	'Autre',
] as const;

/** Step states that still need action (a step in these states is "open"). */
export const OPEN_STEP_STATES: readonly StepState[] = ['Prévue', 'En cours'];
