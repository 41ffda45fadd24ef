// The columns and sheets of the two import layouts (REFERENTIEL §5.2, §5.4), derived
// from the field tables (domain/fields.ts): which field each header fills, how its
// cells are read, and the synonyms users actually type. The first name of each
// column is the one the exchange workbook writes.
import {type FieldTable, isListField, type ListField, PARTICIPANT_FIELDS, type ScalarField} from '../domain/fields.js';
import {foldText} from '../domain/text.js';

export type CellKind = 'text' | 'date' | 'boolean';

export interface ColumnSpec {
	/** the field filled: a key of the table, or participantId / lastStep* */
	readonly field: string;
	readonly names: readonly string[];
	readonly kind: CellKind;
	/** the model's field, for what its values must be (absent for the owner and "dernière étape" columns) */
	readonly model?: ScalarField;
}

/** A sheet of the exchange workbook holding one list of the participants (Étapes, Événements, CER précédents). */
export interface ListSheet {
	/** the participant's list it fills */
	readonly field: string;
	readonly name: string;
	readonly list: ListField;
	/** `ID bénéficiaire` first, then the items' fields */
	readonly columns: readonly ColumnSpec[];
	readonly index: ReadonlyMap<string, ColumnSpec>;
	/** fields a row must have (the owner included) */
	readonly required: readonly string[];
}

/** The column naming the participant an item belongs to, on every list sheet. */
export const OWNER_COLUMN: ColumnSpec = {field: 'participantId', names: ['ID bénéficiaire', 'ID'], kind: 'text'};

/**
 * The Visual Course extraction's "dernière étape" columns: one step given on the
 * participant's row (read into a step, never written).
 */
const LAST_STEP_COLUMNS: readonly ColumnSpec[] = [
	{field: 'lastStepLabel', names: ['Dernière étape terminée ou en cours', 'Dernière étape'], kind: 'text'},
	{field: 'lastStepStart', names: ['Date de début étape', 'Début étape'], kind: 'date'},
	{field: 'lastStepEnd', names: ['Date de fin étape', 'Fin étape'], kind: 'date'},
];

export const PARTICIPANTS_SHEET = 'Bénéficiaires';

/**
 * A header reduced to what identifies it: no case, accents, spaces or punctuation
 * (`  N° CAF ` → `ncaf`, `Id. Pôle Emploi` → `idpoleemploi`).
 */
export function headerKey(header: string): string {
	return foldText(header).replace(/[^a-z0-9]/g, '');
}

/** Sheet names are compared the same way (`etapes` = `Étapes`). */
export const sheetKey = headerKey;

export function columnIndex(columns: readonly ColumnSpec[]): Map<string, ColumnSpec> {
	const index = new Map<string, ColumnSpec>();
	for (const column of columns) for (const name of column.names) if (!index.has(headerKey(name))) index.set(headerKey(name), column);
	return index;
}

function cellKind(field: ScalarField): CellKind {
	return field.kind === 'vocabulary' ? 'text' : field.kind;
}

/** The scalar fields of `table` that a spreadsheet may hold, the exchange name first. */
function scalarColumns(table: FieldTable): ColumnSpec[] {
	const columns: ColumnSpec[] = [];
	for (const [key, field] of Object.entries(table)) {
		if (isListField(field)) continue;
		const names = [...new Set([field.exchange, ...(field.visualCourse ?? []), ...(field.aliases ?? [])].filter(name => name !== undefined))];
		if (names.length > 0) columns.push({field: key, names, kind: cellKind(field), model: field});
	}
	return columns;
}

/** Everything the import and the exchange workbook know of the sheets of one model. */
export interface SheetLayouts {
	readonly table: FieldTable;
	/** every column a participant row may have (Visual Course's "dernière étape" included) */
	readonly participantColumns: readonly ColumnSpec[];
	readonly participantIndex: ReadonlyMap<string, ColumnSpec>;
	/** the columns `export --echange` writes on Bénéficiaires */
	readonly exported: readonly ColumnSpec[];
	/** the list sheets, in table order */
	readonly lists: readonly ListSheet[];
}

function listSheet(field: string, list: ListField): ListSheet {
	const columns = [OWNER_COLUMN, ...scalarColumns(list.item)];
	// a column the import can do without (the step's state, from its dates) is not asked for
	const required = [OWNER_COLUMN.field, ...Object.keys(list.item).filter(key => {
		const item = list.item[key]!;
		return item.required === true && !('derivedOnImport' in item && item.derivedOnImport !== undefined);
	})];
	return {field, name: list.sheet!, list, columns, index: columnIndex(columns), required};
}

const layouts = new WeakMap<FieldTable, SheetLayouts>();

/** The sheets of the model described by `table` (computed once per table). */
export function sheetLayouts(table: FieldTable = PARTICIPANT_FIELDS): SheetLayouts {
	let known = layouts.get(table);
	if (known === undefined) {
		const scalars = scalarColumns(table);
		const participantColumns = [...scalars, ...LAST_STEP_COLUMNS];
		const lists: ListSheet[] = [];
		for (const [key, field] of Object.entries(table)) if (isListField(field) && field.sheet !== undefined) lists.push(listSheet(key, field));
		known = {
			table,
			participantColumns,
			participantIndex: columnIndex(participantColumns),
			exported: scalars.filter(column => column.model?.exchange !== undefined),
			lists,
		};
		layouts.set(table, known);
	}
	return known;
}

/** The list sheet filling `field` (steps, events…) in `layouts`. */
export function listSheetOf(layouts: SheetLayouts, field: string): ListSheet | undefined {
	return layouts.lists.find(sheet => sheet.field === field);
}
