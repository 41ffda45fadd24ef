// A fast, zod-free check of a parsed store: the profile of `report` at 10,000
// participants showed zod's parse (a copy of every object, a refine per date)
// and zod's module load as its two largest costs after JSON.parse itself.
// The check is compiled from the field tables (domain/fields.ts), like the zod
// schemas, and accepts only what storeSchema accepts AND returns unchanged, apart
// from the defaults it fills in place (rsa false, steps/events [], step type '')
// and equal strings it shares (step states, event types). A field the tables do
// not know (a newer version's) is accepted and kept, as zod keeps it.
// Anything else — a missing setting (zod would fill a default), null, a wrong
// type, an impossible date — makes it answer false, and the caller then runs
// zod, which gives the French messages.
//
// `latin1`: the JSON was parsed from the file's bytes read as Latin-1 (readStore.ts,
// a third of the cost of decoding UTF-8 into a two-byte string): every character
// ≥ 0x80 is then one byte of UTF-8, and each string holding one is decoded here,
// vocabulary values included, so the result equals the UTF-8 parse. A field the
// tables do not know is not decoded: the check answers false and the caller
// parses the file again as UTF-8.
import {parseIsoDate} from '../domain/calendar.js';
import {type FieldSpec, type FieldTable, PARTICIPANT_FIELDS} from '../domain/fields.js';
import type {Participant} from '../domain/model.js';
import type {StoreData} from './schema.js';
import {STORE_VERSION} from './storeBasics.js';

type SettingKind = 'positive' | 'nonnegative' | 'date' | 'workingDays' | 'percent';
/**
 * Every setting must be present (a missing one takes zod's default, so zod handles
 * that file), except those of DEFAULTED_SETTINGS.
 */
export const SETTING_FIELDS: Readonly<Record<string, SettingKind>> = {
	idleDays: 'positive',
	longIdleDays: 'positive',
	contractSoonDays: 'positive',
	contractDueDays: 'positive',
	contractFarMonths: 'positive',
	noEventDays: 'positive',
	noInterviewDays: 'positive',
	intensiveMonths: 'positive',
	intensiveInterviewGapDays: 'positive',
	interviewGapDays: 'positive',
	longStandbyMonths: 'positive',
	maxParcoursMonths: 'positive',
	renewalMonths: 'positive',
	contractStockDeadline: 'date',
	nextCellule: 'date',
	preparationWorkingDays: 'nonnegative',
	workingDays: 'workingDays',
	integrationRateTarget: 'percent',
	protocolStart: 'date',
};
const OPTIONAL_SETTINGS = new Set(['nextCellule']);
/**
 * Settings added after stores were written (bilan, issue 17): a store without them
 * is filled in place with zod's default, as participants' defaults are, so that
 * every existing store keeps the fast path.
 */
const DEFAULTED_SETTINGS: Readonly<Record<string, unknown>> = {contractStockDeadline: '2026-12-31', integrationRateTarget: 70, protocolStart: '2021-01-01'};
const WORKING_DAYS = new Set(['ouvrables', 'ouvres']);

const NON_ASCII = /[^\u0000-\u007f]/;
// A caseload repeats its accented texts (communes, labels, notes): 200,000 such
// strings but 5,000 distinct ones at 10,000 participants; each is decoded once.
const decoded = new Map<string, string>();
/** `text` as UTF-8 when it was read as Latin-1 and holds a non-ASCII character. */
export function utf8(text: string, latin1: boolean): string {
	if (!latin1 || !NON_ASCII.test(text)) return text;
	let result = decoded.get(text);
	if (result === undefined) {
		result = Buffer.from(text, 'latin1').toString('utf8');
		if (decoded.size >= 50_000) decoded.clear();
		decoded.set(text, result);
	}
	return result;
}

// A caseload repeats its dates a lot: each text is checked once per process.
const validDates = new Set<string>();
export function isDate(value: unknown): boolean {
	if (typeof value !== 'string') return false;
	if (validDates.has(value)) return true;
	if (parseIsoDate(value) === undefined) return false;
	if (validDates.size > 200_000) validDates.clear();
	validDates.add(value);
	return true;
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const enum Kind {
	Text,
	Date,
	Boolean,
	Vocabulary,
	List,
}

/** One field of a table, compiled for the check. */
interface CheckedField {
	readonly kind: Kind;
	/** text that must not be empty (an id) */
	readonly nonEmpty: boolean;
	/**
	 * A vocabulary's values keyed by their text as JSON.parse gives it, as is and as
	 * UTF-8 read as Latin-1 ('PrÃ©vue' → 'Prévue'). Step states and event types are
	 * also replaced by the vocabulary's own string (same text): JSON.parse gives every
	 * event its own copy of "Entretien individuel", so each comparison in the triage
	 * compared 20 characters; with one shared string it compares pointers.
	 */
	readonly words?: {readonly plain: ReadonlyMap<unknown, string>; readonly latin1: ReadonlyMap<unknown, string>};
	readonly item?: CheckedTable;
}

/** A field table compiled for the check. */
class CheckedTable {
	/** one Map lookup per field of a record (the field names are interned strings) */
	readonly fields = new Map<string, CheckedField>();
	readonly required: string[] = [];
	/** defaults to fill in, as functions: each record gets its own empty list */
	readonly defaults: Array<readonly [string, () => unknown]> = [];

	constructor(table: FieldTable) {
		for (const [key, field] of Object.entries(table)) {
			this.fields.set(key, compileField(field));
			if (field.required) this.required.push(key);
			if ('default' in field && field.default !== undefined) {
				const value = field.default;
				this.defaults.push([key, Array.isArray(value) ? () => [] : () => value]);
			}
		}
	}

	/** True when `record` is a record of this table as zod would return it; defaults filled in place. */
	check(record: unknown, latin1: boolean): boolean {
		if (!isPlainObject(record)) return false;
		for (const key in record) {
			const field = this.fields.get(key);
			if (field === undefined) {
				// kept as it is; in Latin-1, undecoded: the caller parses again as UTF-8
				if (latin1 || key === '__proto__') return false;
				continue;
			}
			if (!checkField(record, key, field, latin1)) return false;
		}
		const {required, defaults} = this;
		for (let r = 0; r < required.length; r++) if (!(required[r]! in record)) return false;
		for (let d = 0; d < defaults.length; d++) {
			const [key, value] = defaults[d]!;
			if (!(key in record)) record[key] = value();
		}
		return true;
	}
}

function compileField(field: FieldSpec): CheckedField {
	switch (field.kind) {
		case 'text':
			return {kind: Kind.Text, nonEmpty: field.identifies === true};
		case 'date':
			return {kind: Kind.Date, nonEmpty: false};
		case 'boolean':
			return {kind: Kind.Boolean, nonEmpty: false};
		case 'vocabulary': {
			const keyed = (key: (value: string) => string) => new Map<unknown, string>(field.values.map(value => [key(value), value]));
			const words = {plain: keyed(value => value), latin1: keyed(value => Buffer.from(value, 'utf8').toString('latin1'))};
			return {kind: Kind.Vocabulary, nonEmpty: false, words};
		}
		case 'list':
			return {kind: Kind.List, nonEmpty: false, item: new CheckedTable(field.item)};
	}
}

/** Checks one field of a record; in Latin-1 mode, stores its UTF-8 text back. */
function checkField(record: Record<string, unknown>, key: string, field: CheckedField, latin1: boolean): boolean {
	const value = record[key];
	switch (field.kind) {
		case Kind.Text:
			if (typeof value !== 'string' || (field.nonEmpty && value.length === 0)) return false;
			if (latin1) record[key] = utf8(value, true);
			return true;
		case Kind.Date:
			return isDate(value);
		case Kind.Boolean:
			return typeof value === 'boolean';
		case Kind.Vocabulary: {
			const text = (latin1 ? field.words!.latin1 : field.words!.plain).get(value);
			if (text === undefined) return false;
			record[key] = text;
			return true;
		}
		case Kind.List: {
			if (!Array.isArray(value)) return false;
			const item = field.item!;
			// indexed loops throughout: this runs once, mostly before the JIT has optimised it
			for (let i = 0; i < value.length; i++) if (!item.check(value[i], latin1)) return false;
			return true;
		}
	}
}

export function checkSettings(settings: unknown): boolean {
	if (!isPlainObject(settings)) return false;
	for (const [key, kind] of Object.entries(SETTING_FIELDS)) {
		const value = settings[key];
		if (!(key in settings)) {
			if (OPTIONAL_SETTINGS.has(key)) continue;
			if (!Object.hasOwn(DEFAULTED_SETTINGS, key)) return false;
			settings[key] = DEFAULTED_SETTINGS[key];
			continue;
		}
		if (!isSetting(value, kind)) return false;
	}
	// a setting this version does not know is kept, as zod keeps it
	return !('__proto__' in settings && Object.hasOwn(settings, '__proto__'));
}

function isSetting(value: unknown, kind: SettingKind): boolean {
	switch (kind) {
		case 'date':
			return isDate(value);
		case 'workingDays':
			return WORKING_DAYS.has(value as string);
		case 'percent':
			return typeof value === 'number' && value >= 0 && value <= 100;
		default:
			return isCount(value, kind === 'positive' ? 1 : 0);
	}
}

function isCount(value: unknown, min: number): boolean {
	return typeof value === 'number' && Number.isSafeInteger(value) && value >= min;
}

/** The check of stores whose participants are described by `table`. */
export class StoreCheck {
	private readonly participants: CheckedTable;

	constructor(readonly table: FieldTable = PARTICIPANT_FIELDS) {
		this.participants = new CheckedTable(table);
	}

	/** True when `value` is one participant exactly as the participant schema would return it (defaults filled in place). */
	isCheckedParticipant(value: unknown): value is Participant {
		return this.participants.check(value, false);
	}

	/**
	 * True when `data` (parsed JSON, already migrated) is a store exactly as storeSchema
	 * would return it; the participants' missing defaults are filled in place. False
	 * means "ask zod": it may still be a valid store that zod would normalise.
	 * `latin1`: `data` was parsed from Latin-1 text without \u escapes; its strings
	 * are decoded as UTF-8 in place (on false, parse the file again as UTF-8).
	 */
	isCheckedStore(data: unknown, latin1 = false): data is StoreData {
		if (!isPlainObject(data)) return false;
		for (const key in data) {
			// a top-level key this version does not know is kept (not in Latin-1: undecoded)
			if (key !== 'version' && key !== 'settings' && key !== 'participants' && (latin1 || key === '__proto__')) return false;
		}
		if (data.version !== STORE_VERSION || !checkSettings(data.settings)) return false;
		if (latin1 && !Object.keys(data.settings as object).every(key => Object.hasOwn(SETTING_FIELDS, key))) return false;
		const participants = data.participants;
		if (!Array.isArray(participants)) return false;
		const table = this.participants;
		for (let p = 0; p < participants.length; p++) if (!table.check(participants[p], latin1)) return false;
		return true;
	}
}

/** The check of the model's own tables. */
export const STORE_CHECK = new StoreCheck();

export function isCheckedParticipant(value: unknown): value is Participant {
	return STORE_CHECK.isCheckedParticipant(value);
}

export function isCheckedStore(data: unknown, latin1 = false): data is StoreData {
	return STORE_CHECK.isCheckedStore(data, latin1);
}
