// Reads every sheet of an import file into records, checking every cell, and
// collects every fault instead of stopping at the first: the user fixes the file once.
// Which column fills which field, and what its values must be, comes from the field
// tables (domain/fields.ts, through columns.ts).
import {type Day, isoFromDay} from '../domain/calendar.js';
import type {FieldTable, ScalarField} from '../domain/fields.js';
import type {ParcoursEvent, Step} from '../domain/model.js';
import {matchVocabulary} from '../domain/text.js';
import {EVENT_TYPES, STEP_STATES, exitTypeOfReason} from '../domain/vocabulary.js';
import {ERROR_PROBLEM, type Plain, displayPlain, isCellError, parseBoolean, parseDate, parseText} from './cells.js';
import {type ColumnSpec, type ListSheet, OWNER_COLUMN, PARTICIPANTS_SHEET, type SheetLayouts, headerKey, listSheetOf, sheetKey, sheetLayouts} from './columns.js';
import type {Fault} from './faults.js';
import type {SheetRow, SheetSource} from './readSheets.js';
import {stateFromDates, visualCourseId} from './visualCourse.js';

export type Layout = 'visual-course' | 'exchange';

/** Participant fields read from one row; a key present with `undefined` means "column present, cell blank". */
export type ParticipantValues = Record<string, unknown>;

export interface ParticipantRecord {
	readonly id: string;
	readonly values: ParticipantValues;
	readonly sheet?: string;
	readonly row: number;
}

export interface StepRecord {
	readonly participantId: string;
	readonly step: Step;
	/** false when the file has no Type column: the stored type is kept */
	readonly hasType: boolean;
	/** the state was worked out from the dates (no state given): it does not undo a stored "Interrompue" */
	readonly stateDerived: boolean;
	/** from the "dernière étape" columns of a participant row: matches any stored step with its label and start */
	readonly lastStep: boolean;
	readonly sheet?: string;
	readonly row: number;
}

export interface EventRecord {
	readonly participantId: string;
	readonly event: ParcoursEvent;
	/** false when the file has no Note column: the stored note is kept */
	readonly hasNote: boolean;
	readonly sheet?: string;
	readonly row: number;
}

/** An item of a list sheet other than Étapes and Événements (CER précédents…). */
export interface ListRecord {
	/** the participant's list it belongs to (previousContracts…) */
	readonly field: string;
	readonly participantId: string;
	readonly item: Record<string, unknown>;
	readonly sheet?: string;
	readonly row: number;
}

export interface ImportBatch {
	layout: Layout;
	readonly participants: ParticipantRecord[];
	readonly steps: StepRecord[];
	readonly events: EventRecord[];
	readonly lists: ListRecord[];
	/** the lists of the file's sheets (their counts are shown even when nothing changed) */
	readonly listsRead: Set<string>;
	readonly faults: Fault[];
	readonly warnings: string[];
	/** where each participant id was first read (duplicate detection across sheets) */
	readonly participantRows: Map<string, {sheet?: string; row: number}>;
	/**
	 * ids holding an invisible character (U+00A0, U+200B, a control): refused by
	 * checkReferences unless the store holds that exact id (its own export coming back)
	 */
	readonly hiddenIds: HiddenId[];
}

/** An id that could pass for another, where it was read, and its first invisible character (U+XXXX). */
export interface HiddenId {
	readonly fault: Fault;
	readonly id: string;
}

/**
 * matchVocabulary folds every word of the vocabulary on each call: remember the
 * answer per distinct cell text (a column holds few), so 180,000 events cost 6 lookups.
 */
function cachedMatcher<T extends string>(vocabulary: readonly T[]): (input: string) => T | undefined {
	const cache = new Map<string, T | undefined>();
	return input => {
		if (cache.has(input)) return cache.get(input);
		const match = matchVocabulary(vocabulary, input);
		if (cache.size < 10_000) cache.set(input, match);
		return match;
	};
}
const matchers = new WeakMap<readonly string[], (input: string) => string | undefined>();
/** The matcher of a vocabulary of the field tables (one per vocabulary, its answers cached). */
function matcherOf(vocabulary: readonly string[]): (input: string) => string | undefined {
	let matcher = matchers.get(vocabulary);
	if (matcher === undefined) matchers.set(vocabulary, (matcher = cachedMatcher(vocabulary)));
	return matcher;
}
const matchStepState = matcherOf(STEP_STATES) as (input: string) => Step['state'] | undefined;
const matchEventType = matcherOf(EVENT_TYPES) as (input: string) => ParcoursEvent['type'] | undefined;

/** ISO text of a day, remembered: files repeat the same dates many times. */
const isoCache = new Map<Day, string>();
function isoOf(day: Day): string {
	let iso = isoCache.get(day);
	if (iso === undefined) {
		iso = isoFromDay(day);
		if (isoCache.size < 100_000) isoCache.set(day, iso);
	}
	return iso;
}

/** How far down a sheet the header row is looked for (Visual Course puts a title above it). */
const HEADER_SEARCH_ROWS = 20;

interface MappedColumn {
	readonly index: number;
	readonly spec: ColumnSpec;
	/** the header as written in the file, for messages */
	readonly header: string;
}

interface SheetContext {
	readonly batch: ImportBatch;
	readonly layouts: SheetLayouts;
	readonly sheet?: string;
	readonly date1904: boolean;
	readonly today: Day;
}

function isBlank(values: readonly Plain[]): boolean {
	for (const value of values) if (value !== undefined) return false;
	return true;
}

function headerKeys(values: readonly Plain[]): string[] {
	const keys: string[] = [];
	for (let i = 0; i < values.length; i++) keys.push(typeof values[i] === 'string' ? headerKey(values[i] as string) : '');
	return keys;
}

/** A sheet holds participants, or one of their lists (the list's field: steps, events, previousContracts…). */
type SheetKind = {readonly participants: true} | {readonly list: ListSheet};
const PARTICIPANTS: SheetKind = {participants: true};

/** A row is the header row when it names at least two known columns, one of them identifying people. */
function looksLikeHeader(layouts: SheetLayouts, keys: readonly string[]): boolean {
	let known = 0;
	let identifying = false;
	for (const key of keys) {
		if (key === '') continue;
		const field = layouts.participantIndex.get(key)?.field ?? layouts.lists.find(list => list.index.has(key))?.index.get(key)?.field;
		if (field !== undefined) known++;
		if (field === 'id' || field === 'name' || field === OWNER_COLUMN.field) identifying = true;
	}
	return known >= 2 && identifying;
}

function kindFromName(layouts: SheetLayouts, name: string | undefined): SheetKind | undefined {
	if (name === undefined) return undefined;
	const key = sheetKey(name);
	if (key === sheetKey(PARTICIPANTS_SHEET)) return PARTICIPANTS;
	const list = layouts.lists.find(sheet => sheetKey(sheet.name) === key);
	return list === undefined ? undefined : {list};
}

/**
 * An unnamed sheet (a CSV) by its headers: a list when it has `ID bénéficiaire` and
 * the first required field of the list's items (Étapes: Libellé; Événements: Date;
 * CER précédents: Fin), in table order; else participants.
 */
function kindFromHeaders(layouts: SheetLayouts, keys: readonly string[]): SheetKind {
	if (!keys.includes(headerKey(OWNER_COLUMN.names[0]!))) return PARTICIPANTS;
	for (const list of layouts.lists) {
		const first = list.required[1];
		if (first !== undefined && keys.some(key => list.index.get(key)?.field === first)) return {list};
	}
	return PARTICIPANTS;
}

function mapColumns(
	context: SheetContext,
	headerRow: SheetRow,
	index: ReadonlyMap<string, ColumnSpec>,
	required: readonly string[],
): MappedColumn[] | undefined {
	const mapped: MappedColumn[] = [];
	const seen = new Set<string>();
	const where = context.sheet === undefined ? '' : `, feuille « ${context.sheet} »`;
	headerRow.values.forEach((value, i) => {
		if (value === undefined) return;
		const header = displayPlain(value);
		const spec = index.get(headerKey(header));
		if (spec === undefined) {
			context.batch.warnings.push(`colonne « ${header} »${where} inconnue : ignorée.`);
		} else if (seen.has(spec.field)) {
			context.batch.warnings.push(`colonne « ${header} »${where} en double : seule la première est lue.`);
		} else {
			seen.add(spec.field);
			mapped.push({index: i, spec, header});
		}
	});
	let complete = true;
	for (const field of required) {
		if (seen.has(field)) continue;
		const spec = [...index.values()].find(column => column.field === field)!;
		context.batch.faults.push({
			sheet: context.sheet,
			row: headerRow.number,
			column: spec.names[0],
			problem: 'colonne obligatoire absente de la ligne d’en-têtes',
		});
		complete = false;
	}
	return complete ? mapped : undefined;
}

/** Reads one cell of a mapped column; records a fault and returns `invalid` when it cannot be read. */
const invalid = Symbol('invalid');

function readCell(context: SheetContext, row: SheetRow, column: MappedColumn): string | boolean | Day | undefined | typeof invalid {
	const raw = row.values[column.index];
	// an error cell (#N/A…) is a fault in any column: read as a blank, it would erase the stored value
	if (isCellError(raw)) {
		fault(context, row, column.header, raw, ERROR_PROBLEM);
		return invalid;
	}
	if (column.spec.kind === 'text') return parseText(raw);
	const parsed = column.spec.kind === 'date' ? parseDate(raw, context.date1904) : parseBoolean(raw);
	if (parsed.ok) return parsed.value;
	fault(context, row, column.header, raw, parsed.problem);
	return invalid;
}

/** The first character of an id that cannot be seen or looks like a plain space (U+200B, U+00A0, a control), as U+XXXX. */
function invisibleIn(id: string): string | undefined {
	const char = /[\p{C}\p{Z}]/u.exec(id.replaceAll(' ', ''))?.[0];
	return char === undefined ? undefined : `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

function fault(context: SheetContext, row: SheetRow, column: string, raw: Plain | string, problem: string): void {
	context.batch.faults.push(faultAt(context, row, column, raw, problem));
}

/** A fault at this cell, said in French with its sheet, row and column. */
function faultAt(context: SheetContext, row: SheetRow, column: string, raw: Plain | string, problem: string): Fault {
	return {sheet: context.sheet, row: row.number, column, value: typeof raw === 'string' ? raw : displayPlain(raw), problem};
}

function oneOf(words: readonly string[]): string {
	return words.slice(0, -1).join(', ') + ' ou ' + words[words.length - 1];
}

interface ParticipantSheetState {
	/** where each id was first seen, across all participant sheets of the file */
	readonly firstRowById: Map<string, {sheet?: string; row: number}>;
}

/**
 * A cell's value as the model keeps it (the column's field in the tables): a date
 * as ISO text, a blank as the field's default, a text as words or matched to the
 * values offered, a vocabulary value matched — or `invalid`, its fault recorded.
 */
function modelValue(context: SheetContext, row: SheetRow, column: MappedColumn, value: string | boolean | Day | undefined): unknown {
	const model: ScalarField | undefined = column.spec.model;
	if (value === undefined) return model !== undefined && 'default' in model ? model.default : undefined;
	if (column.spec.kind === 'date') return isoOf(value as Day);
	if (model?.kind === 'text') {
		let text = value as string;
		// names are compared and shown as words: runs of spaces typed by hand become one
		if (model.words) text = text.replace(/\s+/g, ' ');
		if (model.offered !== undefined) text = matcherOf(model.offered)(text) ?? text;
		return text;
	}
	if (model?.kind === 'vocabulary') {
		const word = matcherOf(model.values)(value as string);
		if (word !== undefined) return word;
		fault(context, row, column.header, value as string, `valeur inconnue (attendu ${oneOf(model.values)})`);
		return invalid;
	}
	return value;
}

function readParticipantRow(
	context: SheetContext,
	row: SheetRow,
	columns: MappedColumn[],
	headers: ByField,
	layout: Layout,
	state: ParticipantSheetState,
): void {
	const values: ParticipantValues = {};
	let lastStepLabel: string | undefined;
	let lastStepStart: Day | undefined;
	let lastStepEnd: Day | undefined;
	let ok = true;
	let birthDay: Day | undefined;
	for (const column of columns) {
		const field = column.spec.field;
		const value = readCell(context, row, column);
		if (value === invalid) {
			ok = false;
			continue;
		}
		switch (field) {
			case 'lastStepLabel':
				lastStepLabel = value as string | undefined;
				continue;
			case 'lastStepStart':
				lastStepStart = value as Day | undefined;
				continue;
			case 'lastStepEnd':
				lastStepEnd = value as Day | undefined;
				continue;
			case 'birthDate':
				birthDay = value as Day | undefined;
				break;
			default:
				break;
		}
		const kept = modelValue(context, row, column, value);
		if (kept === invalid) ok = false;
		else values[field] = kept;
	}
	const name = values.name as string | undefined;
	if (name === undefined) {
		fault(context, row, headers.name!.header, '', 'nom du bénéficiaire manquant');
		ok = false;
	}
	let id: string | undefined;
	if (layout === 'exchange') {
		id = values.id as string | undefined;
		if (id === undefined) {
			fault(context, row, headers.id!.header, '', 'identifiant manquant');
			ok = false;
		} else {
			const hidden = invisibleIn(id);
			if (hidden !== undefined) {
				const problem = `identifiant avec un caractère invisible (${hidden}) : il semblerait identique à un autre sans l’être. Retirez-le.`;
				// a fault only if the store does not hold this very id (checkReferences)
				context.batch.hiddenIds.push({id, fault: faultAt(context, row, headers.id!.header, id, problem)});
			}
		}
	} else if (name !== undefined) {
		id = visualCourseId(name, birthDay);
	}
	delete values.id;
	// an extraction gives the motive alone: « CDI » is a Positive exit (§2's lists)
	if (layout === 'visual-course' && values.exitType === undefined && typeof values.exitReason === 'string') {
		const type = exitTypeOfReason(values.exitReason);
		if (type !== undefined) values.exitType = type;
	}
	if (id !== undefined) {
		const first = state.firstRowById.get(id);
		if (first !== undefined) {
			const column = layout === 'exchange' ? headers.id!.header : headers.name!.header;
			const where = first.sheet === context.sheet ? `ligne ${first.row}` : `feuille « ${first.sheet ?? ''} », ligne ${first.row}`;
			const problem =
				layout === 'exchange' ? `identifiant en double (déjà ${where})` : `même bénéficiaire (nom et date de naissance) déjà ${where}`;
			fault(context, row, column, layout === 'exchange' ? id : (name ?? ''), problem);
			ok = false;
		} else state.firstRowById.set(id, {sheet: context.sheet, row: row.number});
	}
	// The "dernière étape" columns make one step.
	if (lastStepLabel !== undefined || lastStepStart !== undefined) {
		if (lastStepLabel === undefined) {
			fault(context, row, headers.lastStepLabel?.header ?? 'Dernière étape terminée ou en cours', '', 'libellé de l’étape manquant (une date de début est donnée)');
			ok = false;
		} else if (lastStepStart === undefined) {
			fault(context, row, headers.lastStepStart?.header ?? 'Date de début étape', '', 'date de début de l’étape manquante');
			ok = false;
		} else if (ok && id !== undefined) {
			const step: Step = {label: lastStepLabel, type: '', start: isoOf(lastStepStart), state: stateFromDates(lastStepStart, lastStepEnd, context.today)};
			if (lastStepEnd !== undefined) step.end = isoOf(lastStepEnd);
			context.batch.steps.push({participantId: id, step, hasType: false, stateDerived: true, lastStep: true, sheet: context.sheet, row: row.number});
		}
	}
	if (ok && id !== undefined) context.batch.participants.push({id, values, sheet: context.sheet, row: row.number});
}

type ByField = Readonly<Record<string, MappedColumn | undefined>>;

function byField(columns: readonly MappedColumn[]): ByField {
	const map: Record<string, MappedColumn> = {};
	for (const column of columns) map[column.spec.field] = column;
	return map;
}

/** Reads the cells of `columns` into `got`; false when one of them is invalid (its fault recorded). */
function readCells(context: SheetContext, row: SheetRow, columns: readonly MappedColumn[], got: Record<string, unknown>): boolean {
	let ok = true;
	for (const column of columns) {
		const value = readCell(context, row, column);
		if (value === invalid) ok = false;
		else got[column.spec.field] = value;
	}
	return ok;
}

/** A required cell of this row, or undefined with a fault naming its column when it is blank. */
function required<T>(context: SheetContext, row: SheetRow, got: Record<string, unknown>, fields: ByField, field: string, problem: string): T | undefined {
	const value = got[field] as T | undefined;
	if (value === undefined && field in got) fault(context, row, fields[field]!.header, '', problem);
	return value;
}

function readStepRow(context: SheetContext, row: SheetRow, columns: readonly MappedColumn[], fields: ByField): void {
	const got: Record<string, unknown> = {};
	let ok = readCells(context, row, columns, got);
	// a blank required cell is reported here; the row is then dropped by the check below
	const participantId = required<string>(context, row, got, fields, 'participantId', 'identifiant du bénéficiaire manquant');
	const label = required<string>(context, row, got, fields, 'label', 'libellé de l’étape manquant');
	const start = required<Day>(context, row, got, fields, 'start', 'date de début manquante');
	const end = got.end as Day | undefined;
	const stateText = got.state as string | undefined;
	const state = stateText === undefined ? undefined : matchStepState(stateText);
	if (stateText !== undefined && state === undefined) {
		fault(context, row, fields.state!.header, stateText, `état d’étape inconnu (attendu ${oneOf(STEP_STATES)})`);
		ok = false;
	}
	if (!ok || participantId === undefined || label === undefined || start === undefined) return;
	const step: Step = {
		label,
		type: (got.type as string | undefined) ?? '',
		start: isoOf(start),
		state: state ?? stateFromDates(start, end, context.today),
	};
	if (end !== undefined) step.end = isoOf(end);
	context.batch.steps.push({
		participantId,
		step,
		hasType: fields.type !== undefined,
		stateDerived: state === undefined,
		lastStep: false,
		sheet: context.sheet,
		row: row.number,
	});
}

function readEventRow(context: SheetContext, row: SheetRow, columns: readonly MappedColumn[], fields: ByField): void {
	const got: Record<string, unknown> = {};
	let ok = readCells(context, row, columns, got);
	const participantId = required<string>(context, row, got, fields, 'participantId', 'identifiant du bénéficiaire manquant');
	const date = required<Day>(context, row, got, fields, 'date', 'date manquante');
	const typeText = got.type as string | undefined;
	const type = typeText === undefined ? undefined : matchEventType(typeText);
	if (typeText === undefined && 'type' in got) {
		fault(context, row, fields.type!.header, '', `type d’événement manquant (attendu ${oneOf(EVENT_TYPES)})`);
		ok = false;
	} else if (typeText !== undefined && type === undefined) {
		fault(context, row, fields.type!.header, typeText, `type d’événement inconnu (attendu ${oneOf(EVENT_TYPES)})`);
		ok = false;
	}
	if (!ok || participantId === undefined || date === undefined || type === undefined) return;
	const event: ParcoursEvent = {date: isoOf(date), type};
	const note = got.note as string | undefined;
	if (note !== undefined) event.note = note;
	context.batch.events.push({participantId, event, hasNote: fields.note !== undefined, sheet: context.sheet, row: row.number});
}

/** An item of a list sheet other than Étapes and Événements, read field by field as the tables say. */
function readListRow(context: SheetContext, row: SheetRow, list: ListSheet, columns: readonly MappedColumn[], fields: ByField): void {
	const got: Record<string, unknown> = {};
	let ok = readCells(context, row, columns, got);
	const participantId = required<string>(context, row, got, fields, OWNER_COLUMN.field, 'identifiant du bénéficiaire manquant');
	const item: Record<string, unknown> = {};
	for (const column of columns) {
		const field = column.spec.field;
		// a cell that could not be read is not in `got` (its fault is recorded)
		if (field === OWNER_COLUMN.field || !(field in got)) continue;
		const value = modelValue(context, row, column, got[field] as string | boolean | Day | undefined);
		if (value === invalid) ok = false;
		else if (value !== undefined) item[field] = value;
		else if (list.required.includes(field)) {
			fault(context, row, column.header, '', 'valeur obligatoire manquante');
			ok = false;
		}
	}
	if (!ok || participantId === undefined) return;
	context.batch.lists.push({field: list.field, participantId, item, sheet: context.sheet, row: row.number});
}

/** Reads one sheet: 'read' when it was recognised (its faults recorded), 'no-header' when it is not a known layout. */
async function readSheet(context: SheetContext, source: SheetSource, exchangeWorkbook: boolean): Promise<'read' | 'no-header'> {
	let header: SheetRow | undefined;
	let kind: SheetKind | undefined = kindFromName(context.layouts, source.name);
	let searched = 0;
	let rowReader: ((row: SheetRow) => void) | undefined;
	const sheetContext: SheetContext = {...context, sheet: source.name, date1904: source.date1904()};
	for await (const rows of source.rows) {
		for (const row of rows) {
			if (rowReader !== undefined) {
				if (!isBlank(row.values)) rowReader(row);
				continue;
			}
			if (header !== undefined || isBlank(row.values)) continue;
			if (searched++ >= HEADER_SEARCH_ROWS) continue; // keep draining the stream
			const keys = headerKeys(row.values);
			if (!looksLikeHeader(context.layouts, keys)) continue;
			header = row;
			kind ??= kindFromHeaders(context.layouts, keys);
			rowReader = sheetReader(sheetContext, row, kind, keys, exchangeWorkbook);
			if (rowReader === undefined) rowReader = () => {}; // faults recorded; still drain the rows
		}
	}
	if (header !== undefined) return 'read';
	if (kind === undefined) return 'no-header';
	// A sheet named like an exchange sheet must have its headers.
	context.batch.faults.push({sheet: source.name, problem: noHeaderProblem(kind)});
	return 'read';
}

function noHeaderProblem(kind: SheetKind | undefined): string {
	const examples = kind !== undefined && 'list' in kind ? `« ${OWNER_COLUMN.names[0]} », « ${kind.list.columns[1]?.names[0] ?? 'Date'} »` : '« Bénéficiaire », « Date de naissance », « ID »';
	return `aucune ligne d’en-têtes reconnue dans les ${HEADER_SEARCH_ROWS} premières lignes (attendu par exemple ${examples}…)`;
}

function sheetReader(
	context: SheetContext,
	headerRow: SheetRow,
	kind: SheetKind,
	keys: readonly string[],
	exchangeWorkbook: boolean,
): ((row: SheetRow) => void) | undefined {
	const {layouts} = context;
	if (!('list' in kind)) {
		const hasId = keys.some(key => layouts.participantIndex.get(key)?.field === 'id');
		const layout: Layout = hasId || exchangeWorkbook ? 'exchange' : 'visual-course';
		if (layout === 'exchange') context.batch.layout = 'exchange';
		const required = layout === 'exchange' ? ['id', 'name'] : ['name'];
		const columns = mapColumns(context, headerRow, layouts.participantIndex, required);
		if (columns === undefined) return undefined;
		const state: ParticipantSheetState = {firstRowById: context.batch.participantRows};
		const headers = byField(columns);
		return row => readParticipantRow(context, row, columns, headers, layout, state);
	}
	const {list} = kind;
	const columns = mapColumns(context, headerRow, list.index, list.required);
	if (columns === undefined) return undefined;
	context.batch.layout = 'exchange';
	context.batch.listsRead.add(list.field);
	const fields = byField(columns);
	// steps and events have their own readers: a state worked out from dates, a note column that may be absent…
	if (list.field === 'steps') return row => readStepRow(context, row, columns, fields);
	if (list.field === 'events') return row => readEventRow(context, row, columns, fields);
	return row => readListRow(context, row, list, columns, fields);
}

/**
 * Reads all sheets. A workbook with a sheet named like one of the exchange workbook's
 * (`Bénéficiaires`, `Étapes`, `Événements`, `CER précédents`) is an exchange workbook
 * (its other sheets are ignored with a warning); otherwise every sheet is read by its
 * headers (the Visual Course extraction, a CSV). `table`: the model's fields (tests
 * pass a table with a field added).
 */
export async function parseImport(sheets: AsyncIterable<SheetSource>, today: Day, table?: FieldTable): Promise<ImportBatch> {
	const batch: ImportBatch = {
		layout: 'visual-course',
		participants: [],
		steps: [],
		events: [],
		lists: [],
		listsRead: new Set(),
		faults: [],
		warnings: [],
		participantRows: new Map(),
		hiddenIds: [],
	};
	const layouts = sheetLayouts(table);
	const context: SheetContext = {batch, layouts, date1904: false, today};
	let used = 0;
	let seenExchangeSheet = false;
	const ignored: Array<string | undefined> = [];
	for await (const source of sheets) {
		// issue 12: a hidden sheet is read like the others, and said
		if (source.hidden) batch.warnings.push(`feuille « ${source.name ?? ''} » masquée dans le classeur : lue comme les autres.`);
		const named = kindFromName(layouts, source.name) !== undefined;
		if (named) seenExchangeSheet = true;
		if (seenExchangeSheet && !named) {
			ignored.push(source.name);
			for await (const _rows of source.rows); // drain
			continue;
		}
		if ((await readSheet(context, source, seenExchangeSheet)) === 'read') used++;
		else ignored.push(source.name);
	}
	if (used === 0) {
		// Nothing recognised: say why, for the one sheet or for the whole file.
		const names = [PARTICIPANTS_SHEET, ...layouts.lists.map(list => list.name)].join(', ');
		if (ignored.length === 1) batch.faults.push({sheet: ignored[0], problem: noHeaderProblem(undefined)});
		else batch.faults.push({problem: `aucune feuille reconnue : attendu une extraction Visual Course ou un classeur d’échange (feuilles ${names}).`});
	} else {
		for (const name of ignored) batch.warnings.push(`feuille « ${name ?? ''} » non reconnue : ignorée.`);
	}
	return batch;
}

/**
 * Steps, events and other list items must belong to someone in the file or
 * already in the store; an id with an invisible character must be one the store
 * already holds, exactly (otherwise it would make a look-alike second person).
 */
export function checkReferences(batch: ImportBatch, storeIds: ReadonlySet<string>): void {
	for (const hidden of batch.hiddenIds) if (!storeIds.has(hidden.id)) batch.faults.push(hidden.fault);
	// Every id read from the file counts, even on a faulty row: its own fault says what to fix.
	const check = (record: StepRecord | EventRecord | ListRecord) => {
		if (batch.participantRows.has(record.participantId) || storeIds.has(record.participantId)) return;
		batch.faults.push({
			sheet: record.sheet,
			row: record.row,
			column: OWNER_COLUMN.names[0],
			value: record.participantId,
			problem: 'bénéficiaire inconnu (ni dans le fichier ni dans le fichier de suivi)',
		});
	};
	for (const record of batch.steps) check(record);
	for (const record of batch.events) check(record);
	for (const record of batch.lists) check(record);
}
