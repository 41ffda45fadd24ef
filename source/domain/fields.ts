// The caseload model's fields (REFERENTIEL §2, §5.2, §5.4): one entry per field.
// Everything that knows a participant's fields is derived from these tables:
// the zod schemas and the TypeScript types (model.ts), the quick store check
// (store/storeCheck.ts), the byte scanner of `report` (store/storeScan.ts), the
// import and export columns and sheets (io/columns.ts, io/exchangeWorkbook.ts,
// io/parseImport.ts), the French labels of the journal and the edits
// (edits/format.ts) and the key dates of the rules (facts.ts). Adding a plain field
// is adding one entry here (test/domain/fields.test.ts shows each of them carry it).
//
// No zod here: the store check and the scanner read these tables without loading zod.
import type {DatedRecords, KeyDays} from './facts.js';
import {EVENT_TYPES, EXIT_REASONS, EXIT_TYPES, NON_INTEGRATION_REASONS, PLAN_STATES, STANDBY_REASONS, STEP_STATES} from './vocabulary.js';

/** What the triage (the indicators and report's byte scanner) reads of a field, and what for. */
export type TriageUse =
	/** handed to the indicators as it is */
	| {readonly as: 'value'; readonly for: string}
	/** a date the rules of §3 read as a day, into KeyDays[day] */
	| {readonly as: 'day'; readonly day: keyof KeyDays; readonly for: string}
	/** a list the rules read item by item, its length in DatedRecords[count] (steps, events) */
	| {readonly as: 'records'; readonly count: 'stepCount' | 'eventCount'; readonly for: string}
	/** a field of such a list's items, into DatedRecords[column] (a date as a day) */
	| {readonly as: 'record'; readonly column: RecordColumn; readonly for: string};

export type RecordColumn = Exclude<keyof DatedRecords, 'stepCount' | 'eventCount'>;

/** Where a scalar field is found in spreadsheets (headers are matched without case, accents, spaces or punctuation). */
export interface ColumnNames {
	/** the exchange workbook's column: written by `export --echange` and read back; absent, the field is not exported */
	readonly exchange?: string;
	/** the Visual Course extraction's names for it (000_…, section VIII) */
	readonly visualCourse?: readonly string[];
	/** other spellings users type, read on import */
	readonly aliases?: readonly string[];
	/** a required field an import may leave out: it is then worked out (why, in words) */
	readonly derivedOnImport?: string;
}

interface Common {
	/** French, as the journal, the edits and messages name the field */
	readonly label: string;
	/** present in every record (an import row or a stored record without it is refused) */
	readonly required?: boolean;
	readonly triage?: TriageUse;
}

export interface TextField extends Common, ColumnNames {
	readonly kind: 'text';
	/** the record's identity: never empty, unique among its siblings (participant ids) */
	readonly identifies?: boolean;
	/** compared and shown as words: runs of spaces typed in a spreadsheet become one */
	readonly words?: boolean;
	/** values offered on screen and matched on import (case, accents ignored); other text is kept as typed */
	readonly offered?: readonly string[];
	/** what a missing value reads as */
	readonly default?: string;
}

/** A calendar date, stored "YYYY-MM-DD". */
export interface DateField extends Common, ColumnNames {
	readonly kind: 'date';
}

export interface BooleanField extends Common, ColumnNames {
	readonly kind: 'boolean';
	/** what a missing value (or a blank cell) reads as */
	readonly default?: boolean;
}

/** One of a closed list of values (an import refuses anything else). */
export interface VocabularyField extends Common, ColumnNames {
	readonly kind: 'vocabulary';
	readonly values: readonly string[];
}

/** A list of records, each described by its own table. */
export interface ListField extends Common {
	readonly kind: 'list';
	readonly item: FieldTable;
	/** the exchange workbook's sheet for it (one row per item, after an `ID bénéficiaire` column); absent, not exported */
	readonly sheet?: string;
	/** a missing list reads as empty */
	readonly default?: readonly [];
	/** the item field the list is kept in order of (oldest first): an imported item is inserted at its place */
	readonly orderBy?: string;
}

export type ScalarField = TextField | DateField | BooleanField | VocabularyField;
export type FieldSpec = ScalarField | ListField;
export type FieldTable = Readonly<Record<string, FieldSpec>>;

// ---------------------------------------------------------------------------
// The tables

export const STEP_FIELDS = {
	label: {kind: 'text', required: true, label: 'Libellé', exchange: 'Libellé', aliases: ['Étape']},
	type: {kind: 'text', default: '', label: 'Type', exchange: 'Type', aliases: ["Type d'étape"]},
	start: {
		kind: 'date',
		required: true,
		label: 'Début',
		exchange: 'Début',
		aliases: ['Date de début'],
		triage: {as: 'record', column: 'stepStarts', for: 'a step is started, current, to start (§3, steps.*)'},
	},
	end: {
		kind: 'date',
		label: 'Fin',
		exchange: 'Fin',
		aliases: ['Date de fin'],
		triage: {as: 'record', column: 'stepEnds', for: 'a step is current, to finish, after the exit (steps.*)'},
	},
	state: {
		kind: 'vocabulary',
		values: STEP_STATES,
		required: true,
		label: 'État',
		exchange: 'État',
		aliases: ["État de l'étape"],
		derivedOnImport: 'without the column, the state is worked out from the dates (Terminée, Prévue, En cours)',
		triage: {as: 'record', column: 'stepStates', for: 'steps.to-start, steps.to-finish, steps.after-exit'},
	},
} as const satisfies FieldTable;

export const EVENT_FIELDS = {
	date: {
		kind: 'date',
		required: true,
		label: 'Date',
		exchange: 'Date',
		triage: {as: 'record', column: 'eventDates', for: 'last event, interview and contact (followup.*)'},
	},
	type: {
		kind: 'vocabulary',
		values: EVENT_TYPES,
		required: true,
		label: 'Type',
		exchange: 'Type',
		aliases: ["Type d'événement"],
		triage: {as: 'record', column: 'eventTypes', for: 'interviews, contacts and absences (followup.*)'},
	},
	note: {kind: 'text', label: 'Note', exchange: 'Note', aliases: ['Commentaire']},
} as const satisfies FieldTable;

export const SNOOZE_FIELDS = {
	indicator: {kind: 'text', required: true, label: 'Alerte'},
	reason: {kind: 'text', required: true, label: 'Raison'},
	until: {kind: 'date', required: true, label: 'Jusqu’au'},
	since: {kind: 'date', label: 'Depuis'},
} as const satisfies FieldTable;

export const PREVIOUS_CONTRACT_FIELDS = {
	start: {kind: 'date', label: 'Début', exchange: 'Début', aliases: ['Date de début', 'Début CER']},
	end: {kind: 'date', required: true, label: 'Fin', exchange: 'Fin', aliases: ['Date de fin', 'Fin CER']},
} as const satisfies FieldTable;

/** Every field of a participant, in the order of the exchange workbook's columns. */
export const PARTICIPANT_FIELDS = {
	id: {
		kind: 'text',
		identifies: true,
		required: true,
		label: 'Identifiant',
		exchange: 'ID',
		aliases: ['Identifiant'],
		triage: {as: 'value', for: 'who is in each queue'},
	},
	referent: {
		kind: 'text',
		words: true,
		label: 'Référent·e',
		exchange: 'Responsable',
		visualCourse: ['Responsable'],
		aliases: ['Référent', 'Référente', 'Référent·e'],
		triage: {as: 'value', for: 'the --referent filter'},
	},
	name: {
		kind: 'text',
		required: true,
		words: true,
		label: 'Nom',
		exchange: 'Bénéficiaire',
		visualCourse: ['Bénéficiaire'],
		aliases: ['Nom Prénom', 'Nom et prénom', 'Nom'],
	},
	gender: {kind: 'text', label: 'Genre', exchange: 'Genre', visualCourse: ['Genre'], aliases: ['Sexe']},
	birthDate: {kind: 'date', label: 'Date de naissance', exchange: 'Date de naissance', visualCourse: ['Date de naissance'], aliases: ['Né(e) le']},
	commune: {kind: 'text', label: 'Commune', exchange: 'Commune de résidence', visualCourse: ['Commune de résidence'], aliases: ['Commune']},
	integrationCriterion: {
		kind: 'text',
		label: 'Critère d’intégration',
		exchange: 'Critère Intégration',
		visualCourse: ['Critère Intégration'],
		aliases: ["Critère d'intégration"],
	},
	rsa: {
		kind: 'boolean',
		default: false,
		label: 'RSA',
		exchange: 'RSA',
		visualCourse: ['RSA'],
		aliases: ['Bénéficiaire RSA'],
		triage: {as: 'value', for: 'rsa.*'},
	},
	franceTravailId: {
		kind: 'text',
		label: 'Identifiant France Travail',
		exchange: 'Id. France Travail',
		visualCourse: ['Id. Pôle Emploi', 'Id. France Travail'],
		aliases: ['Identifiant France Travail', 'Identifiant Pôle Emploi', 'N° France Travail', 'N° Pôle Emploi'],
	},
	franceTravailAgency: {kind: 'text', label: 'Agence France Travail', exchange: 'Agence France Travail', visualCourse: ['Agence Pôle Emploi']},
	cafNumber: {kind: 'text', label: 'N° CAF', exchange: 'N° CAF', visualCourse: ['N° CAF'], aliases: ['Numéro CAF', 'Num CAF']},
	prescriber: {kind: 'text', label: 'Prescripteur', exchange: 'Prescripteur', aliases: ['Prescripteur·rice']},
	orientationDate: {kind: 'date', label: 'Date d’orientation', exchange: "Date d'orientation", aliases: ["Date de l'orientation"]},
	firstAppointment: {
		kind: 'date',
		label: 'Date du 1er RDV',
		exchange: 'Date 1er RDV',
		aliases: ['Date du 1er RDV', 'Date premier RDV', 'Date du premier RDV'],
		triage: {as: 'day', day: 'firstAppointment', for: 'the intake queues'},
	},
	integrationDate: {
		kind: 'date',
		label: 'Date d’intégration',
		exchange: 'Date intégration',
		visualCourse: ['Date intégration'],
		aliases: ["Date d'intégration"],
		triage: {as: 'day', day: 'integration', for: 'intake or active, months in parcours (§3)'},
	},
	planState: {
		kind: 'vocabulary',
		values: PLAN_STATES,
		label: 'État du parcours',
		exchange: 'État parcours',
		aliases: ['État du parcours'],
		triage: {as: 'value', for: 'plan.provisional-integrated'},
	},
	contractStart: {kind: 'date', label: 'Début du CER', exchange: 'Date de début CER', visualCourse: ['Date de début CER'], aliases: ['Début CER']},
	contractEnd: {
		kind: 'date',
		label: 'Fin du CER',
		exchange: 'Date de fin CER',
		visualCourse: ['Date de fin CER'],
		aliases: ['Fin CER'],
		triage: {as: 'day', day: 'contractEnd', for: 'rsa.contract-*'},
	},
	romeCode: {kind: 'text', label: 'Code ROME', exchange: 'Code ROME', aliases: ['ROME'], triage: {as: 'value', for: 'followup.no-rome'}},
	extension: {
		kind: 'boolean',
		label: 'Prolongation',
		exchange: 'Prolong° parcours',
		visualCourse: ['Prolong° parcours'],
		aliases: ['Prolongation parcours', 'Prolongation du parcours', 'Prolongation'],
		triage: {as: 'value', for: 'duration.gte24-no-extension'},
	},
	standbySince: {
		kind: 'date',
		label: 'En veille depuis',
		exchange: 'Veille depuis',
		aliases: ['En veille depuis'],
		triage: {as: 'day', day: 'standbySince', for: 'caseload.standby, standby.long'},
	},
	standbyReason: {kind: 'text', offered: STANDBY_REASONS, label: 'Motif de veille', exchange: 'Motif de veille'},
	exitDate: {
		kind: 'date',
		label: 'Date de sortie',
		exchange: 'Date de sortie',
		visualCourse: ['Date de sortie'],
		triage: {as: 'day', day: 'exit', for: 'closed and exited (§3), steps.after-exit'},
	},
	exitType: {kind: 'vocabulary', values: EXIT_TYPES, label: 'Type de sortie', exchange: 'Type de sortie'},
	exitReason: {
		kind: 'text',
		offered: [...EXIT_REASONS.positive, ...EXIT_REASONS.dynamique, ...EXIT_REASONS.autres],
		label: 'Motif de sortie',
		exchange: 'Motif de sortie',
		visualCourse: ['Motif de sortie'],
	},
	exitValidatedOn: {kind: 'date', label: 'Sortie validée en cellule le', exchange: 'Sortie validée en cellule le'},
	exitLettersSentOn: {kind: 'date', label: 'Courriers de sortie envoyés le', exchange: 'Courriers de sortie envoyés le'},
	exitProofReceivedOn: {kind: 'date', label: 'Justificatif de sortie reçu le', exchange: 'Justificatif de sortie reçu le'},
	exitClosedOn: {kind: 'date', label: 'Dossier clôturé le', exchange: 'Dossier clôturé le'},
	nonIntegrationDate: {
		kind: 'date',
		label: 'Date de non-intégration',
		exchange: 'Date de non-intégration',
		aliases: ['Date de non intégration'],
		triage: {as: 'day', day: 'nonIntegration', for: 'closed (§3)'},
	},
	nonIntegrationReason: {
		kind: 'text',
		offered: NON_INTEGRATION_REASONS,
		label: 'Motif de non-intégration',
		exchange: 'Motif de non-intégration',
		aliases: ['Motif de non intégration'],
	},
	steps: {
		kind: 'list',
		item: STEP_FIELDS,
		default: [],
		label: 'Étapes',
		sheet: 'Étapes',
		triage: {as: 'records', count: 'stepCount', for: 'steps.*, last step activity (§3)'},
	},
	events: {
		kind: 'list',
		item: EVENT_FIELDS,
		default: [],
		label: 'Événements',
		sheet: 'Événements',
		triage: {as: 'records', count: 'eventCount', for: 'followup.*'},
	},
	// after Étapes and Événements: the exchange workbook's fourth sheet (§5.4)
	previousContracts: {kind: 'list', item: PREVIOUS_CONTRACT_FIELDS, orderBy: 'end', label: 'CER précédents', sheet: 'CER précédents'},
	snoozes: {kind: 'list', item: SNOOZE_FIELDS, label: 'Mises en attente', triage: {as: 'value', for: 'alerts put on hold leave their queue'}},
} as const satisfies FieldTable;

// ---------------------------------------------------------------------------
// The TypeScript types of a table's records (model.ts names them)

type ValueOf<F> = F extends {readonly kind: 'text' | 'date'}
	? string
	: F extends {readonly kind: 'boolean'}
		? boolean
		: F extends {readonly kind: 'vocabulary'; readonly values: ReadonlyArray<infer V>}
			? V
			: F extends {readonly kind: 'list'; readonly item: infer T}
				? Array<RecordOf<T>>
				: never;

/** Always there once read: required, or filled with its default. */
type Present<F> = F extends {readonly required: true} ? true : F extends {readonly default: unknown} ? true : false;
/** Must be given on input (defaults are filled in). */
type Given<F> = F extends {readonly required: true} ? true : false;

type Flat<T> = {[K in keyof T]: T[K]};

/** A record of table T as read (defaults filled in). */
export type RecordOf<T> = Flat<
	{-readonly [K in keyof T as Present<T[K]> extends true ? K : never]: ValueOf<T[K]>} & {
		-readonly [K in keyof T as Present<T[K]> extends true ? never : K]?: ValueOf<T[K]>;
	}
>;

type InputValueOf<F> = F extends {readonly kind: 'list'; readonly item: infer T} ? Array<InputOf<T>> : ValueOf<F>;

/** A record of table T as it may be given (fields with a default may be left out). */
export type InputOf<T> = Flat<
	{-readonly [K in keyof T as Given<T[K]> extends true ? K : never]: InputValueOf<T[K]>} & {
		-readonly [K in keyof T as Given<T[K]> extends true ? never : K]?: InputValueOf<T[K]>;
	}
>;

// ---------------------------------------------------------------------------
// Small readings of a table

export function isListField(field: FieldSpec): field is ListField {
	return field.kind === 'list';
}

/** The key of the field that identifies a record (participants: `id`). */
export function identifyingKey(table: FieldTable): string | undefined {
	return Object.keys(table).find(key => {
		const field = table[key]!;
		return field.kind === 'text' && field.identifies === true;
	});
}

/** French label of each field of `table`. */
export function labelsOf(table: FieldTable): ReadonlyMap<string, string> {
	const labels = new Map<string, string>();
	for (const [key, field] of Object.entries(table)) labels.set(key, field.label);
	return labels;
}

/** The fields of `table` the rules read as key days, as [field, KeyDays name] pairs. */
export function keyDayFields(table: FieldTable): ReadonlyArray<readonly [string, keyof KeyDays]> {
	const pairs: Array<readonly [string, keyof KeyDays]> = [];
	for (const [key, field] of Object.entries(table)) if (field.triage?.as === 'day') pairs.push([key, field.triage.day]);
	return pairs;
}
