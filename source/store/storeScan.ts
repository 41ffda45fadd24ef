// `report` straight from the store file's bytes. The profile of `report` at
// 10,000 participants: JSON.parse built 250,000 objects and as many strings
// (names, labels, notes…) that the triage never reads, and the garbage collector
// then walked them all; the checks and the facts walked them twice more. Here
// one pass over the bytes checks each participant and reads only what the rules
// need — states, types and dates, each date read once, as a day number — into
// reusable arrays (facts.ts DatedRecords); no object is built per step or event.
// (Measured again for issue 13 at 10,000: −36 % of CPU and −38 % of memory against
// the usual reading; see README, « Banc d'essai ».)
//
// The reader is compiled from the field tables (domain/fields.ts): each field's
// kind says how its value is checked, its `triage` use what is kept of it (a value
// handed to the indicators, a key day, a step's or event's column).
//
// Only the usual layout is read this way: the tables' keys once each, without
// escapes; dates as "YYYY-MM-DD"; escapes only in the texts the rules never read
// (names, labels, notes…). A participant written any other way (an escape in an
// id, a key in another spelling, a field this version does not know…) is handed
// to JSON.parse on its own and then checked like any parsed store (storeCheck.ts).
// The answer is undefined — take the usual path — as soon as something is wrong
// (a value refused, two participants with one id…), so that the usual path gives
// its French message. The bytes are accepted only when they are
// `head [p1, …, pn] tail` with every pi a JSON object and head/tail valid around
// the array (storeBytes.ts parseAround): the file is then valid JSON, and the
// counts are those of openStore + triage (test/store/readTriage.test.ts).
import {type Day, dayOfIsoFields} from '../domain/calendar.js';
import {computeFacts, type DatedRecords, emptyRecords, factsOfRecords, type KeyDays, keyDaysFromSlots, NO_DAY, type ParticipantFacts} from '../domain/facts.js';
import {type FieldSpec, type FieldTable, PARTICIPANT_FIELDS, type RecordColumn} from '../domain/fields.js';
import type {Participant} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {QueueBuilder, referentFilter, type TriageOptions, type TriageQueues} from '../domain/triage.js';
import {READ_AS_CURRENT, storedVersion} from './migrations.js';
import {BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE, skipNested, skipSpace} from './jsonBytes.js';
import {parseAround, participantsOpen} from './storeBytes.js';
import {checkSettings, STORE_CHECK, StoreCheck} from './storeCheck.js';

const DASH = 0x2d;
const ZERO = 0x30;
/** a position meaning "not the plain layout": the participant goes through JSON.parse */
const UNSURE = -1;
const DATE_LENGTH = 12; // the quotes included

/** How a field's value is read: checked only, or kept (on the record being built, as a key day, in a column). */
const enum Code {
	/** a text the rules never read: any valid JSON string */
	Text,
	/** a text they read: without escapes, decoded onto the target record */
	TextValue,
	Date,
	DateValue,
	DateDay,
	DateColumn,
	Boolean,
	BooleanValue,
	Word,
	WordValue,
	WordColumn,
	/** a list the rules never read: each item checked */
	List,
	/** a list handed to the indicators: each item built as an object */
	ListValues,
	/** a list read item by item into DatedRecords */
	ListRecords,
}

/** Keys as UTF-8 bytes. */
class KeyTable {
	private readonly keys: readonly Uint8Array[];
	constructor(keys: readonly string[]) {
		this.keys = keys.map(key => Buffer.from(key, 'utf8'));
	}

	/** Position of the key spelled by bytes[start, end), -1 when unknown; `hint` is tried first (keys come in order). */
	find(bytes: Uint8Array, start: number, end: number, hint: number): number {
		const keys = this.keys;
		if (hint < keys.length && sameBytes(bytes, start, end, keys[hint]!)) return hint;
		for (let k = 0; k < keys.length; k++) if (sameBytes(bytes, start, end, keys[k]!)) return k;
		return -1;
	}
}

function sameBytes(bytes: Uint8Array, start: number, end: number, word: Uint8Array): boolean {
	if (end - start !== word.length) return false;
	for (let k = 0; k < word.length; k++) if (bytes[start + k] !== word[k]) return false;
	return true;
}

/** A closed vocabulary matched on the bytes of a value. */
class WordTable {
	private readonly bytes: readonly Uint8Array[];
	constructor(private readonly words: readonly string[]) {
		this.bytes = words.map(word => Buffer.from(word, 'utf8'));
	}

	find(bytes: Uint8Array, start: number, end: number): string | undefined {
		for (let w = 0; w < this.bytes.length; w++) if (sameBytes(bytes, start, end, this.bytes[w]!)) return this.words[w];
		return undefined;
	}
}

/**
 * One field, compiled. A class with every member set, so that the reading loop
 * sees one shape of field (the profile showed the loads of a field's code and slot
 * slowed by objects of several shapes).
 */
class ScanField {
	constructor(
		readonly key: string,
		readonly code: Code,
		readonly required: boolean,
		/** a text that must not be empty (the id) */
		readonly nonEmpty: boolean,
		/** KeyDays position (DateDay) or DatedRecords column (DateColumn, WordColumn); -1 otherwise */
		readonly slot: number,
		readonly words: WordTable | undefined,
		readonly item: ScanTable | undefined,
		/** ListRecords: the position of DatedRecords' count for this list in the plan's counts; -1 otherwise */
		readonly count: number,
		/** what a missing value reads as on the participant the indicators see */
		readonly fill: (() => unknown) | undefined,
	) {}
}

/** How the fields of a table are read. */
type Mode = 'participant' | 'check' | 'values' | 'records';

/** A field table compiled for the scan. */
class ScanTable {
	readonly keys: KeyTable;
	readonly fields: ScanField[] = [];
	readonly requiredCount: number;
	/**
	 * The participant the indicators see, before its fields are read: every field
	 * the scan sets, in table order, with its default (a copy of one object is
	 * cheaper than adding its fields one by one); lists get their own array after.
	 */
	readonly template: Readonly<Record<string, unknown>> = {};
	/** fields whose missing value is an empty list */
	readonly listFills: ScanField[];
	/** columns an item may leave unset (a step's end): reset before each item */
	readonly optionalColumns: ScanField[];

	constructor(
		readonly id: number,
		table: FieldTable,
		mode: Mode,
		plan: ScanPlan,
	) {
		const keys = Object.keys(table);
		this.keys = new KeyTable(keys);
		for (const key of keys) this.fields.push(compileField(key, table[key]!, mode, plan));
		this.requiredCount = this.fields.filter(field => field.required).length;
		const template: Record<string, unknown> = {};
		for (const field of this.fields) {
			const isValue = field.code === Code.TextValue || field.code === Code.DateValue || field.code === Code.BooleanValue || field.code === Code.WordValue || field.code === Code.ListValues;
			if (!isValue && field.fill === undefined) continue;
			const value = field.fill?.();
			template[field.key] = Array.isArray(value) ? undefined : value;
		}
		this.template = template;
		this.listFills = this.fields.filter(field => Array.isArray(field.fill?.()));
		this.optionalColumns = this.fields.filter(field => !field.required && (field.code === Code.DateColumn || field.code === Code.WordColumn));
	}
}

/** Everything compiled from a table: the participant reader, the key days, the record columns. */
class ScanPlan {
	readonly tables: ScanTable[] = [];
	readonly dayNames: Array<keyof KeyDays> = [];
	/** DatedRecords' columns of days, of words, and its counts, as the fields name them */
	readonly dayColumns: RecordColumn[] = [];
	readonly wordColumns: RecordColumn[] = [];
	readonly countNames: Array<'stepCount' | 'eventCount'> = [];
	readonly participant: ScanTable;
	/** the key days read, as KeyDays */
	readonly keyDays: (days: ReadonlyArray<Day | undefined>) => KeyDays;

	constructor(table: FieldTable) {
		this.participant = this.table(table, 'participant');
		this.keyDays = keyDaysFromSlots(this.dayNames);
	}

	table(table: FieldTable, mode: Mode): ScanTable {
		// the id is known before the fields are compiled: nested tables come after
		const id = this.tables.length;
		this.tables.push(undefined as unknown as ScanTable);
		const compiled = new ScanTable(id, table, mode, this);
		this.tables[id] = compiled;
		return compiled;
	}

	column(columns: RecordColumn[], name: RecordColumn): number {
		const known = columns.indexOf(name);
		if (known >= 0) return known;
		columns.push(name);
		return columns.length - 1;
	}
}

function compileField(key: string, field: FieldSpec, mode: Mode, plan: ScanPlan): ScanField {
	const use = mode === 'participant' ? field.triage?.as : mode === 'values' ? 'value' : mode === 'records' ? (field.triage?.as === 'record' ? 'record' : undefined) : undefined;
	const required = field.required === true;
	const fill = mode !== 'participant' ? undefined : fillOf(field, use === 'value');
	const make = (code: Code, slot = -1, words?: WordTable, item?: ScanTable, count = -1) =>
		new ScanField(key, code, required, field.kind === 'text' && field.identifies === true, slot, words, item, count, fill);
	const unsupported = () => new Error(`storeScan: le champ « ${key} » (${field.kind}) ne peut être lu comme « ${use} »`);
	switch (field.kind) {
		case 'text':
			if (use === 'record' || use === 'day' || use === 'records') throw unsupported();
			return make(use === 'value' ? Code.TextValue : Code.Text);
		case 'date':
			if (use === 'records') throw unsupported();
			if (use === 'day' && field.triage?.as === 'day') {
				plan.dayNames.push(field.triage.day);
				return make(Code.DateDay, plan.dayNames.length - 1);
			}
			if (use === 'record' && field.triage?.as === 'record') return make(Code.DateColumn, plan.column(plan.dayColumns, field.triage.column));
			return make(use === 'value' ? Code.DateValue : Code.Date);
		case 'boolean':
			if (use !== undefined && use !== 'value') throw unsupported();
			return make(use === 'value' ? Code.BooleanValue : Code.Boolean);
		case 'vocabulary': {
			const words = new WordTable(field.values);
			if (use === 'record' && field.triage?.as === 'record') return make(Code.WordColumn, plan.column(plan.wordColumns, field.triage.column), words);
			if (use === 'day' || use === 'records') throw unsupported();
			return make(use === 'value' ? Code.WordValue : Code.Word, -1, words);
		}
		case 'list':
			if (use === 'value') return make(Code.ListValues, -1, undefined, plan.table(field.item, 'values'));
			if (use === 'records' && field.triage?.as === 'records') {
				plan.countNames.push(field.triage.count);
				return make(Code.ListRecords, -1, undefined, plan.table(field.item, 'records'), plan.countNames.length - 1);
			}
			if (use !== undefined) throw unsupported();
			return make(Code.List, -1, undefined, plan.table(field.item, 'check'));
	}
}

/** What a participant the indicators see holds when the field is missing from the file. */
function fillOf(field: FieldSpec, read: boolean): (() => unknown) | undefined {
	if ('default' in field && field.default !== undefined) {
		const value = field.default;
		return Array.isArray(value) ? () => [] : () => value;
	}
	// the type asks for it; the rules never read it (report shows only ids)
	if (field.required && !read) return field.kind === 'list' ? () => [] : field.kind === 'boolean' ? () => false : () => '';
	return undefined;
}

/**
 * Index just after the string opening at `i` when it holds no escape (and no
 * control character, which JSON forbids), else UNSURE.
 */
function plainStringEnd(bytes: Uint8Array, i: number): number {
	if (bytes[i] !== QUOTE) return UNSURE;
	const n = bytes.length;
	for (let j = i + 1; j < n; j++) {
		const b = bytes[j]!;
		if (b === QUOTE) return j + 1;
		if (b === BACKSLASH || b < 0x20) return UNSURE;
	}
	return UNSURE;
}

const HEX = new Uint8Array(256);
for (const c of '0123456789abcdefABCDEF') HEX[c.charCodeAt(0)] = 1;
// the characters JSON allows after a backslash, besides u
const ESCAPES = new Uint8Array(256);
for (const c of '"\\/bfnrt') ESCAPES[c.charCodeAt(0)] = 1;

/**
 * Index just after the JSON string opening at `i`, escapes allowed (a note with
 * quotes or line breaks), or UNSURE when it is not a valid JSON string: for the
 * texts the rules never read, whose value is not needed.
 */
function textEnd(bytes: Uint8Array, i: number): number {
	if (bytes[i] !== QUOTE) return UNSURE;
	const n = bytes.length;
	for (let j = i + 1; j < n; j++) {
		const b = bytes[j]!;
		if (b === QUOTE) return j + 1;
		if (b < 0x20) return UNSURE;
		if (b === BACKSLASH) {
			const e = bytes[++j]!;
			if (e === 0x75) {
				if (!(HEX[bytes[j + 1]!] && HEX[bytes[j + 2]!] && HEX[bytes[j + 3]!] && HEX[bytes[j + 4]!])) return UNSURE;
				j += 4;
			} else if (!ESCAPES[e]) {
				return UNSURE;
			}
		}
	}
	return UNSURE;
}

/** Day of the "YYYY-MM-DD" string at `i`, or undefined when it is not exactly that. */
function dateAt(bytes: Uint8Array, i: number): Day | undefined {
	if (bytes[i] !== QUOTE || bytes[i + 11] !== QUOTE || bytes[i + 5] !== DASH || bytes[i + 8] !== DASH) return undefined;
	const year = digit(bytes, i + 1) * 1000 + digit(bytes, i + 2) * 100 + digit(bytes, i + 3) * 10 + digit(bytes, i + 4);
	const month = digit(bytes, i + 6) * 10 + digit(bytes, i + 7);
	const day = digit(bytes, i + 9) * 10 + digit(bytes, i + 10);
	return dayOfIsoFields(year, month, day);
}

function digit(bytes: Uint8Array, i: number): number {
	const value = bytes[i]! - ZERO;
	return value >= 0 && value <= 9 ? value : NaN;
}

function booleanAt(bytes: Uint8Array, i: number): boolean | undefined {
	// t r u e / f a l s e
	if (bytes[i] === 0x74 && bytes[i + 1] === 0x72 && bytes[i + 2] === 0x75 && bytes[i + 3] === 0x65) return true;
	if (bytes[i] === 0x66 && bytes[i + 1] === 0x61 && bytes[i + 2] === 0x6c && bytes[i + 3] === 0x73 && bytes[i + 4] === 0x65) return false;
	return undefined;
}

/** One reading of a store's participants: the state of the participant, step or event being read. */
class ScanRun {
	/** seen[table.id][k] === the object's stamp when its key k was read (a key twice: JSON.parse keeps the last) */
	private readonly seen: Int32Array[];
	private stamp = 0;
	/** the record being built: the participant the indicators see, or an item of a list handed to them */
	private target: Record<string, unknown> = {};
	private readonly days: Array<Day | undefined>;
	readonly records: DatedRecords = emptyRecords();
	/** DatedRecords' columns of days and of words, by the plan's column numbers (one element kind each) */
	private readonly dayColumns: Day[][];
	private readonly wordColumns: string[][];
	/** the number of items read so far in each list read into DatedRecords, by the plan's count numbers */
	private readonly counts: number[];
	/** the position of the step or event being read in its columns */
	private item = 0;

	constructor(private readonly plan: ScanPlan) {
		this.seen = plan.tables.map(table => new Int32Array(table.fields.length));
		this.days = plan.dayNames.map(() => undefined);
		const records = this.records as unknown as Record<RecordColumn, unknown[]>;
		this.dayColumns = plan.dayColumns.map(name => records[name] as Day[]);
		this.wordColumns = plan.wordColumns.map(name => records[name] as string[]);
		this.counts = plan.countNames.map(() => 0);
	}

	/** Reads the participant object at `i`; the index after its '}', or UNSURE. */
	participant(bytes: Buffer, i: number): number {
		this.target = {...this.plan.participant.template};
		this.days.fill(undefined);
		const counts = this.counts;
		counts.fill(0);
		const table = this.plan.participant;
		const end = this.object(bytes, i, table);
		if (end === UNSURE) return UNSURE;
		const records = this.records as unknown as Record<string, number>;
		const {countNames} = this.plan;
		for (let c = 0; c < countNames.length; c++) records[countNames[c]!] = counts[c]!;
		const {target} = this;
		const fills = table.listFills;
		for (let f = 0; f < fills.length; f++) if (target[fills[f]!.key] === undefined) target[fills[f]!.key] = [];
		return end;
	}

	/** The participant just read, as the indicators see it: the fields they read (report shows only ids). */
	read(): Participant {
		return this.target as Participant;
	}

	keyDays(): KeyDays {
		return this.plan.keyDays(this.days);
	}

	/**
	 * Reads the members of the object at `i` with the fields of `table`; the index
	 * after '}', or UNSURE (also when a required key is missing, a key comes twice or
	 * is unknown).
	 */
	private object(bytes: Buffer, i: number, table: ScanTable): number {
		if (bytes[i] !== OPEN_BRACE) return UNSURE;
		i = skipSpace(bytes, i + 1);
		const stamp = ++this.stamp;
		const seen = this.seen[table.id]!;
		let required = 0;
		if (bytes[i] === CLOSE_BRACE) return table.requiredCount === 0 ? i + 1 : UNSURE;
		let hint = 0;
		for (;;) {
			const keyEnd = plainStringEnd(bytes, i);
			if (keyEnd === UNSURE) return UNSURE;
			const key = table.keys.find(bytes, i + 1, keyEnd - 1, hint);
			if (key < 0 || seen[key] === stamp) return UNSURE;
			seen[key] = stamp;
			const field = table.fields[key]!;
			if (field.required) required++;
			hint = key + 1;
			i = skipSpace(bytes, keyEnd);
			if (bytes[i] !== COLON) return UNSURE;
			i = skipSpace(bytes, i + 1);
			i = field.code >= Code.List ? this.list(bytes, i, field) : this.value(bytes, i, field);
			if (i === UNSURE) return UNSURE;
			i = skipSpace(bytes, i);
			if (bytes[i] === CLOSE_BRACE) return required === table.requiredCount ? i + 1 : UNSURE;
			if (bytes[i] !== COMMA) return UNSURE;
			i = skipSpace(bytes, i + 1);
		}
	}

	/** Reads one field's value at `i`; the index after it, or UNSURE. */
	private value(bytes: Buffer, i: number, field: ScanField): number {
		switch (field.code) {
			case Code.Text:
				return textEnd(bytes, i);
			case Code.TextValue: {
				const end = plainStringEnd(bytes, i);
				if (end === UNSURE || (field.nonEmpty && end === i + 2)) return UNSURE;
				this.target[field.key] = bytes.toString('utf8', i + 1, end - 1);
				return end;
			}
			case Code.Date:
			case Code.DateValue:
			case Code.DateDay:
			case Code.DateColumn: {
				const day = dateAt(bytes, i);
				if (day === undefined) return UNSURE;
				if (field.code === Code.DateDay) this.days[field.slot] = day;
				else if (field.code === Code.DateColumn) this.dayColumns[field.slot]![this.item] = day;
				else if (field.code === Code.DateValue) this.target[field.key] = bytes.toString('latin1', i + 1, i + DATE_LENGTH - 1);
				return i + DATE_LENGTH;
			}
			case Code.Boolean:
			case Code.BooleanValue: {
				const value = booleanAt(bytes, i);
				if (value === undefined) return UNSURE;
				if (field.code === Code.BooleanValue) this.target[field.key] = value;
				return i + (value ? 4 : 5);
			}
			case Code.Word:
			case Code.WordValue:
			case Code.WordColumn: {
				const end = plainStringEnd(bytes, i);
				if (end === UNSURE) return UNSURE;
				const word = field.words!.find(bytes, i + 1, end - 1);
				if (word === undefined) return UNSURE;
				if (field.code === Code.WordValue) this.target[field.key] = word;
				else if (field.code === Code.WordColumn) this.wordColumns[field.slot]![this.item] = word;
				return end;
			}
			default:
				return this.list(bytes, i, field);
		}
	}

	/** Reads an array of objects at `i`; the index after its ']', or UNSURE. */
	private list(bytes: Buffer, i: number, field: ScanField): number {
		if (bytes[i] !== OPEN_BRACKET) return UNSURE;
		const values: Array<Record<string, unknown>> | undefined = field.code === Code.ListValues ? [] : undefined;
		if (values !== undefined) this.target[field.key] = values;
		i = skipSpace(bytes, i + 1);
		if (bytes[i] === CLOSE_BRACKET) return i + 1;
		for (;;) {
			i = this.listItem(bytes, i, field, values);
			if (i === UNSURE) return UNSURE;
			i = skipSpace(bytes, i);
			if (bytes[i] === CLOSE_BRACKET) return i + 1;
			if (bytes[i] !== COMMA) return UNSURE;
			i = skipSpace(bytes, i + 1);
		}
	}

	private listItem(bytes: Buffer, i: number, field: ScanField, values: Array<Record<string, unknown>> | undefined): number {
		const table = field.item!;
		if (values !== undefined) {
			// an item of a list the indicators read whole (snoozes): built as an object
			const owner = this.target;
			const item: Record<string, unknown> = {};
			this.target = item;
			const end = this.object(bytes, i, table);
			this.target = owner;
			values.push(item);
			return end;
		}
		if (field.count < 0) return this.object(bytes, i, table);
		// a step or an event: its columns at the next position
		const position = this.counts[field.count]!;
		this.item = position;
		const optional = table.optionalColumns;
		for (let c = 0; c < optional.length; c++) {
			const column = optional[c]!;
			if (column.code === Code.DateColumn) this.dayColumns[column.slot]![position] = NO_DAY;
			else this.wordColumns[column.slot]![position] = '';
		}
		const end = this.object(bytes, i, table);
		if (end !== UNSURE) this.counts[field.count] = position + 1;
		return end;
	}
}

export type ReportScope = Omit<TriageOptions, 'settings'>;

/** What the scan gives: the queues, and the settings they were counted with. */
export interface ScannedStore {
	readonly queues: TriageQueues;
	readonly settings: Settings;
	/** participants JSON.parse had to read (an unusual layout): few, or the scan gains little */
	readonly parsedAlone: number;
}

/** The byte scanner of the stores whose participants `table` describes. */
export class StoreScanner {
	private readonly plan: ScanPlan;
	private readonly check: StoreCheck;

	constructor(readonly table: FieldTable = PARTICIPANT_FIELDS) {
		this.plan = new ScanPlan(table);
		this.check = table === PARTICIPANT_FIELDS ? STORE_CHECK : new StoreCheck(table);
	}

	/**
	 * The participant object at `start` parsed by JSON.parse and checked like a parsed
	 * store; undefined when it is not valid (then the whole file takes the usual path).
	 */
	private parsedParticipant(bytes: Buffer, start: number, end: number): Participant | undefined {
		let value: unknown;
		try {
			value = JSON.parse(bytes.toString('utf8', start, end));
		} catch {
			return undefined;
		}
		return this.check.isCheckedParticipant(value) ? value : undefined;
	}

	/** The facts of everyone in scope, in store order; undefined when unsure (or when two participants share an id). */
	private participants(bytes: Buffer, open: number, options: ReportScope): {facts: ParticipantFacts[]; close: number; parsedAlone: number} | undefined {
		const inScope = referentFilter(options.referent);
		const facts: ParticipantFacts[] = [];
		const run = new ScanRun(this.plan);
		const ids = new Set<string>();
		let parsedAlone = 0;
		let i = skipSpace(bytes, open + 1);
		if (bytes[i] === CLOSE_BRACKET) return {facts, close: i, parsedAlone};
		for (;;) {
			if (bytes[i] !== OPEN_BRACE) return undefined;
			let end = run.participant(bytes, i);
			let id: string;
			if (end !== UNSURE) {
				const participant = run.read();
				id = participant.id;
				if (inScope(participant.referent)) facts.push(factsOfRecords(participant, run.keyDays(), run.records, options.today));
			} else {
				end = skipNested(bytes, i);
				if (end < 0) return undefined;
				const participant = this.parsedParticipant(bytes, i, end);
				if (participant === undefined) return undefined;
				parsedAlone++;
				id = participant.id;
				if (inScope(participant.referent)) facts.push(computeFacts(participant, options.today));
			}
			// two participants with one id: the usual path refuses the file and names them
			if (ids.has(id)) return undefined;
			ids.add(id);
			i = skipSpace(bytes, end);
			if (bytes[i] === CLOSE_BRACKET) return {facts, close: i, parsedAlone};
			if (bytes[i] !== COMMA) return undefined;
			i = skipSpace(bytes, i + 1);
		}
	}

	/**
	 * The queues of the store held in `bytes`, read in one pass; undefined whenever
	 * the usual path must decide (not a current store, a value the schema refuses,
	 * a layout this reader does not know).
	 */
	scan(bytes: Buffer, options: ReportScope): ScannedStore | undefined {
		const open = participantsOpen(bytes);
		if (open < 0) return undefined;
		const scanned = this.participants(bytes, open, options);
		if (scanned === undefined) return undefined;
		const rest = parseAround(bytes, open, scanned.close);
		if (rest === undefined || !READ_AS_CURRENT.has(storedVersion(rest)) || !checkSettings(rest.settings)) return undefined;
		const settings = rest.settings as Settings;
		const queues = new QueueBuilder({...options, settings});
		for (const f of scanned.facts) queues.add(f);
		return {queues: queues.finish(), settings, parsedAlone: scanned.parsedAlone};
	}
}

/** The scanner of the model's own tables (compiled once; each scan keeps its state in its own ScanRun). */
const SCANNER = new StoreScanner();

/** The queues of the store held in `bytes`; see StoreScanner.scan. */
export function scanStore(bytes: Buffer, options: ReportScope): ScannedStore | undefined {
	return SCANNER.scan(bytes, options);
}
