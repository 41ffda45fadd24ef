// Reads every sheet of an import file into records, checking every cell, and
// collects every fault instead of stopping at the first: the user fixes the file once.
import {type Day, isoFromDay} from '../domain/calendar.js';
import type {Participant, ParcoursEvent, Step} from '../domain/model.js';
import {matchVocabulary} from '../domain/text.js';
import {
	EVENT_TYPES,
	EXIT_REASONS,
	EXIT_TYPES,
	NON_INTEGRATION_REASONS,
	PLAN_STATES,
	STEP_STATES,
} from '../domain/vocabulary.js';
import {ERROR_PROBLEM, type Plain, displayPlain, isCellError, parseBoolean, parseDate, parseText} from './cells.js';
import {
	type ColumnSpec,
	EVENT_COLUMNS,
	PARTICIPANT_COLUMNS,
	type ParticipantField,
	SHEET_NAMES,
	STEP_COLUMNS,
	type SheetKind,
	columnIndex,
	headerKey,
	sheetKey,
} from './columns.js';
import type {Fault} from './faults.js';
import type {SheetRow, SheetSource} from './readSheets.js';
import {stateFromDates, visualCourseId} from './visualCourse.js';

export type Layout = 'visual-course' | 'exchange';

/** Participant fields read from one row; a key present with `undefined` means "column present, cell blank". */
export type ParticipantValues = Partial<Record<Exclude<keyof Participant, 'steps' | 'events' | 'snoozes'>, unknown>>;

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

export interface ImportBatch {
	layout: Layout;
	readonly participants: ParticipantRecord[];
	readonly steps: StepRecord[];
	readonly events: EventRecord[];
	readonly faults: Fault[];
	readonly warnings: string[];
	/** where each participant id was first read (duplicate detection across sheets) */
	readonly participantRows: Map<string, {sheet?: string; row: number}>;
}

const PARTICIPANT_INDEX = columnIndex(PARTICIPANT_COLUMNS);
const STEP_INDEX = columnIndex(STEP_COLUMNS);
const EVENT_INDEX = columnIndex(EVENT_COLUMNS);
const ALL_REASONS = [...EXIT_REASONS.positive, ...EXIT_REASONS.dynamique, ...EXIT_REASONS.autres];
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
const matchStepState = cachedMatcher(STEP_STATES);
const matchEventType = cachedMatcher(EVENT_TYPES);
const matchPlanState = cachedMatcher(PLAN_STATES);
const matchExitType = cachedMatcher(EXIT_TYPES);
const matchExitReason = cachedMatcher(ALL_REASONS);
const matchNonIntegrationReason = cachedMatcher(NON_INTEGRATION_REASONS);

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

interface MappedColumn<F extends string> {
	readonly index: number;
	readonly spec: ColumnSpec<F>;
	/** the header as written in the file, for messages */
	readonly header: string;
}

interface SheetContext {
	readonly batch: ImportBatch;
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

/** A row is the header row when it names at least two known columns, one of them identifying people. */
function looksLikeHeader(keys: readonly string[]): boolean {
	let known = 0;
	let identifying = false;
	for (const key of keys) {
		if (key === '') continue;
		if (PARTICIPANT_INDEX.has(key) || STEP_INDEX.has(key) || EVENT_INDEX.has(key)) known++;
		const field = PARTICIPANT_INDEX.get(key)?.field ?? STEP_INDEX.get(key)?.field;
		if (field === 'id' || field === 'name' || field === 'participantId') identifying = true;
	}
	return known >= 2 && identifying;
}

function kindFromName(name: string | undefined): SheetKind | undefined {
	if (name === undefined) return undefined;
	const key = sheetKey(name);
	for (const kind of Object.keys(SHEET_NAMES) as SheetKind[]) if (sheetKey(SHEET_NAMES[kind]) === key) return kind;
	return undefined;
}

function kindFromHeaders(keys: readonly string[]): SheetKind {
	const set = new Set(keys);
	const has = (index: Map<string, ColumnSpec<string>>, field: string) => keys.some(key => index.get(key)?.field === field);
	if (set.has('idbeneficiaire') && has(STEP_INDEX, 'label')) return 'steps';
	if (set.has('idbeneficiaire') && has(EVENT_INDEX, 'date')) return 'events';
	return 'participants';
}

function mapColumns<F extends string>(
	context: SheetContext,
	headerRow: SheetRow,
	index: Map<string, ColumnSpec<F>>,
	required: readonly F[],
): Array<MappedColumn<F>> | undefined {
	const mapped: Array<MappedColumn<F>> = [];
	const seen = new Set<F>();
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

function readCell<F extends string>(
	context: SheetContext,
	row: SheetRow,
	column: MappedColumn<F>,
): string | boolean | Day | undefined | typeof invalid {
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

function fault(context: SheetContext, row: SheetRow, column: string, raw: Plain | string, problem: string): void {
	context.batch.faults.push({
		sheet: context.sheet,
		row: row.number,
		column,
		value: typeof raw === 'string' ? raw : displayPlain(raw),
		problem,
	});
}

function oneOf(words: readonly string[]): string {
	return words.slice(0, -1).join(', ') + ' ou ' + words[words.length - 1];
}

interface ParticipantSheetState {
	/** where each id was first seen, across all participant sheets of the file */
	readonly firstRowById: Map<string, {sheet?: string; row: number}>;
}

function readParticipantRow(
	context: SheetContext,
	row: SheetRow,
	columns: Array<MappedColumn<ParticipantField>>,
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
		if (column.spec.kind === 'date') values[field] = value === undefined ? undefined : isoOf(value as Day);
		else values[field] = value;
	}
	if (values.rsa === undefined && 'rsa' in values) values.rsa = false;
	// Names are compared and shown as words: runs of spaces typed by hand become one.
	if (typeof values.name === 'string') values.name = values.name.replace(/\s+/g, ' ');
	if (typeof values.referent === 'string') values.referent = values.referent.replace(/\s+/g, ' ');
	if (typeof values.planState === 'string') {
		const state = matchPlanState(values.planState);
		if (state === undefined) {
			fault(context, row, headers.planState!.header, values.planState, `état de parcours inconnu (attendu ${oneOf(PLAN_STATES)})`);
			ok = false;
		} else values.planState = state;
	}
	if (typeof values.exitType === 'string') {
		const type = matchExitType(values.exitType);
		if (type === undefined) {
			fault(context, row, headers.exitType!.header, values.exitType, `type de sortie inconnu (attendu ${oneOf(EXIT_TYPES)})`);
			ok = false;
		} else values.exitType = type;
	}
	if (typeof values.exitReason === 'string') values.exitReason = matchExitReason(values.exitReason) ?? values.exitReason;
	if (typeof values.nonIntegrationReason === 'string') {
		values.nonIntegrationReason = matchNonIntegrationReason(values.nonIntegrationReason) ?? values.nonIntegrationReason;
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
		}
	} else if (name !== undefined) {
		id = visualCourseId(name, birthDay);
	}
	delete values.id;
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

type ByField = Readonly<Record<string, MappedColumn<string> | undefined>>;

function byField(columns: ReadonlyArray<MappedColumn<string>>): ByField {
	const map: Record<string, MappedColumn<string>> = {};
	for (const column of columns) map[column.spec.field] = column;
	return map;
}

/** Reads the cells of `columns` into `got`; false when one of them is invalid (its fault recorded). */
function readCells(context: SheetContext, row: SheetRow, columns: ReadonlyArray<MappedColumn<string>>, got: Record<string, unknown>): boolean {
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

function readStepRow(context: SheetContext, row: SheetRow, columns: ReadonlyArray<MappedColumn<string>>, fields: ByField): void {
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

function readEventRow(context: SheetContext, row: SheetRow, columns: ReadonlyArray<MappedColumn<string>>, fields: ByField): void {
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

const REQUIRED: Record<SheetKind, readonly string[]> = {
	participants: ['name'],
	steps: ['participantId', 'label', 'start'],
	events: ['participantId', 'date', 'type'],
};

/** Reads one sheet: 'read' when it was recognised (its faults recorded), 'no-header' when it is not a known layout. */
async function readSheet(context: SheetContext, source: SheetSource, exchangeWorkbook: boolean): Promise<'read' | 'no-header'> {
	let header: SheetRow | undefined;
	let kind: SheetKind | undefined = kindFromName(source.name);
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
			if (!looksLikeHeader(keys)) continue;
			header = row;
			kind ??= kindFromHeaders(keys);
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
	const examples = kind === 'steps' || kind === 'events' ? '« ID bénéficiaire », « Date »' : '« Bénéficiaire », « Date de naissance », « ID »';
	return `aucune ligne d’en-têtes reconnue dans les ${HEADER_SEARCH_ROWS} premières lignes (attendu par exemple ${examples}…)`;
}

function sheetReader(
	context: SheetContext,
	headerRow: SheetRow,
	kind: SheetKind,
	keys: readonly string[],
	exchangeWorkbook: boolean,
): ((row: SheetRow) => void) | undefined {
	if (kind === 'participants') {
		const hasId = keys.some(key => PARTICIPANT_INDEX.get(key)?.field === 'id');
		const layout: Layout = hasId || exchangeWorkbook ? 'exchange' : 'visual-course';
		if (layout === 'exchange') context.batch.layout = 'exchange';
		const required = layout === 'exchange' ? (['id', 'name'] as const) : (['name'] as const);
		const columns = mapColumns(context, headerRow, PARTICIPANT_INDEX, required);
		if (columns === undefined) return undefined;
		const state: ParticipantSheetState = {firstRowById: context.batch.participantRows};
		const headers = byField(columns);
		return row => readParticipantRow(context, row, columns, headers, layout, state);
	}
	const index = (kind === 'steps' ? STEP_INDEX : EVENT_INDEX) as Map<string, ColumnSpec<string>>;
	const columns = mapColumns(context, headerRow, index, REQUIRED[kind]);
	if (columns === undefined) return undefined;
	context.batch.layout = 'exchange';
	const fields = byField(columns);
	return kind === 'steps' ? row => readStepRow(context, row, columns, fields) : row => readEventRow(context, row, columns, fields);
}

/**
 * Reads all sheets. A workbook with a sheet named `Bénéficiaires`, `Étapes` or `Événements`
 * is an exchange workbook (its other sheets are ignored with a warning); otherwise every
 * sheet is read by its headers (the Visual Course extraction, a CSV).
 */
export async function parseImport(sheets: AsyncIterable<SheetSource>, today: Day): Promise<ImportBatch> {
	const batch: ImportBatch = {layout: 'visual-course', participants: [], steps: [], events: [], faults: [], warnings: [], participantRows: new Map()};
	const context: SheetContext = {batch, date1904: false, today};
	let used = 0;
	let seenExchangeSheet = false;
	const ignored: Array<string | undefined> = [];
	for await (const source of sheets) {
		// issue 12: a hidden sheet is read like the others, and said
		if (source.hidden) batch.warnings.push(`feuille « ${source.name ?? ''} » masquée dans le classeur : lue comme les autres.`);
		const named = kindFromName(source.name) !== undefined;
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
		if (ignored.length === 1) batch.faults.push({sheet: ignored[0], problem: noHeaderProblem(undefined)});
		else batch.faults.push({problem: 'aucune feuille reconnue : attendu une extraction Visual Course ou un classeur d’échange (feuilles Bénéficiaires, Étapes, Événements).'});
	} else {
		for (const name of ignored) batch.warnings.push(`feuille « ${name ?? ''} » non reconnue : ignorée.`);
	}
	return batch;
}

/** Steps and events must belong to someone in the file or already in the store. */
export function checkReferences(batch: ImportBatch, storeIds: ReadonlySet<string>): void {
	// Every id read from the file counts, even on a faulty row: its own fault says what to fix.
	const check = (record: StepRecord | EventRecord, column: string) => {
		if (batch.participantRows.has(record.participantId) || storeIds.has(record.participantId)) return;
		batch.faults.push({
			sheet: record.sheet,
			row: record.row,
			column,
			value: record.participantId,
			problem: 'bénéficiaire inconnu (ni dans le fichier ni dans le fichier de suivi)',
		});
	};
	for (const record of batch.steps) check(record, 'ID bénéficiaire');
	for (const record of batch.events) check(record, 'ID bénéficiaire');
}
