// The columns of the two import layouts (REFERENTIEL §5.2): which field each header
// fills, how its cells are read, and the synonyms users actually type.
// The first name of each column is the one the exchange workbook writes.
import type {Participant, Step, ParcoursEvent} from '../domain/model.js';
import {foldText} from '../domain/text.js';

export type CellKind = 'text' | 'date' | 'boolean';

export interface ColumnSpec<F extends string> {
	readonly field: F;
	readonly names: readonly string[];
	readonly kind: CellKind;
}

/** Participant fields plus the three "dernière étape" columns of the Visual Course layout. */
export type ParticipantField =
	| Exclude<keyof Participant, 'steps' | 'events' | 'snoozes'>
	| 'lastStepLabel'
	| 'lastStepStart'
	| 'lastStepEnd';
export type StepField = keyof Step | 'participantId';
export type EventField = keyof ParcoursEvent | 'participantId';

const text = 'text' as const;
const date = 'date' as const;
const boolean = 'boolean' as const;

export const PARTICIPANT_COLUMNS: ReadonlyArray<ColumnSpec<ParticipantField>> = [
	{field: 'id', names: ['ID', 'Identifiant'], kind: text},
	{field: 'referent', names: ['Responsable', 'Référent', 'Référente', 'Référent·e'], kind: text},
	{field: 'name', names: ['Bénéficiaire', 'Nom Prénom', 'Nom et prénom', 'Nom'], kind: text},
	{field: 'gender', names: ['Genre', 'Sexe'], kind: text},
	{field: 'birthDate', names: ['Date de naissance', 'Né(e) le'], kind: date},
	{field: 'commune', names: ['Commune de résidence', 'Commune'], kind: text},
	{field: 'integrationCriterion', names: ['Critère Intégration', "Critère d'intégration", 'Critère d’intégration'], kind: text},
	{field: 'rsa', names: ['RSA', 'Bénéficiaire RSA'], kind: boolean},
	{
		field: 'franceTravailId',
		names: ['Id. France Travail', 'Id. Pôle Emploi', 'Identifiant France Travail', 'Identifiant Pôle Emploi', 'N° France Travail', 'N° Pôle Emploi'],
		kind: text,
	},
	{field: 'franceTravailAgency', names: ['Agence France Travail', 'Agence Pôle Emploi'], kind: text},
	{field: 'cafNumber', names: ['N° CAF', 'Numéro CAF', 'Num CAF'], kind: text},
	{field: 'prescriber', names: ['Prescripteur', 'Prescripteur·rice'], kind: text},
	{field: 'firstAppointment', names: ['Date 1er RDV', 'Date du 1er RDV', 'Date premier RDV', 'Date du premier RDV'], kind: date},
	{field: 'integrationDate', names: ['Date intégration', "Date d'intégration", 'Date d’intégration'], kind: date},
	{field: 'planState', names: ['État parcours', 'État du parcours'], kind: text},
	{field: 'contractStart', names: ['Date de début CER', 'Début CER'], kind: date},
	{field: 'contractEnd', names: ['Date de fin CER', 'Fin CER'], kind: date},
	{field: 'romeCode', names: ['Code ROME', 'ROME'], kind: text},
	{field: 'lastStepLabel', names: ['Dernière étape terminée ou en cours', 'Dernière étape'], kind: text},
	{field: 'lastStepStart', names: ['Date de début étape', 'Début étape'], kind: date},
	{field: 'lastStepEnd', names: ['Date de fin étape', 'Fin étape'], kind: date},
	{field: 'extension', names: ['Prolong° parcours', 'Prolongation parcours', 'Prolongation du parcours', 'Prolongation'], kind: boolean},
	{field: 'standbySince', names: ['Veille depuis', 'En veille depuis'], kind: date},
	{field: 'exitDate', names: ['Date de sortie'], kind: date},
	{field: 'exitType', names: ['Type de sortie'], kind: text},
	{field: 'exitReason', names: ['Motif de sortie'], kind: text},
	{field: 'nonIntegrationDate', names: ['Date de non-intégration', 'Date de non intégration'], kind: date},
	{field: 'nonIntegrationReason', names: ['Motif de non-intégration', 'Motif de non intégration'], kind: text},
];

export const STEP_COLUMNS: ReadonlyArray<ColumnSpec<StepField>> = [
	{field: 'participantId', names: ['ID bénéficiaire', 'ID'], kind: text},
	{field: 'label', names: ['Libellé', 'Étape'], kind: text},
	{field: 'type', names: ['Type', "Type d'étape"], kind: text},
	{field: 'start', names: ['Début', 'Date de début'], kind: date},
	{field: 'end', names: ['Fin', 'Date de fin'], kind: date},
	{field: 'state', names: ['État', "État de l'étape"], kind: text},
];

export const EVENT_COLUMNS: ReadonlyArray<ColumnSpec<EventField>> = [
	{field: 'participantId', names: ['ID bénéficiaire', 'ID'], kind: text},
	{field: 'date', names: ['Date'], kind: date},
	{field: 'type', names: ['Type', "Type d'événement"], kind: text},
	{field: 'note', names: ['Note', 'Commentaire'], kind: text},
];

export type SheetKind = 'participants' | 'steps' | 'events';

/** The exchange workbook's sheet names. */
export const SHEET_NAMES: Record<SheetKind, string> = {
	participants: 'Bénéficiaires',
	steps: 'Étapes',
	events: 'Événements',
};

/**
 * A header reduced to what identifies it: no case, accents, spaces or punctuation
 * (`  N° CAF ` → `ncaf`, `Id. Pôle Emploi` → `idpoleemploi`).
 */
export function headerKey(header: string): string {
	return foldText(header).replace(/[^a-z0-9]/g, '');
}

/** Sheet names are compared the same way (`etapes` = `Étapes`). */
export const sheetKey = headerKey;

export function columnIndex<F extends string>(columns: ReadonlyArray<ColumnSpec<F>>): Map<string, ColumnSpec<F>> {
	const index = new Map<string, ColumnSpec<F>>();
	for (const column of columns) for (const name of column.names) index.set(headerKey(name), column);
	return index;
}
