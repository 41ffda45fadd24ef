// A fast, zod-free check of a parsed store: the profile of `report` at 10,000
// participants showed zod's parse (a copy of every object, a refine per date)
// and zod's module load as its two largest costs after JSON.parse itself.
// The check accepts only what storeSchema accepts AND returns unchanged, apart
// from the defaults it fills in place (rsa false, steps/events [], step type '')
// and equal strings it shares (step states, event types).
// Anything else — an unknown key (zod would strip it), a missing setting (zod
// would fill a default), null, a wrong type, an impossible date — makes it
// answer false, and the caller then runs zod, which gives the French messages.
// test/store/storeCheck.test.ts keeps the key lists below equal to the schemas.
//
// `latin1`: the JSON was parsed from the file's bytes read as Latin-1 (readStore.ts,
// a third of the cost of decoding UTF-8 into a two-byte string): every character
// ≥ 0x80 is then one byte of UTF-8, and each string holding one is decoded here,
// vocabulary values included, so the result equals the UTF-8 parse.
import {parseIsoDate} from '../domain/calendar.js';
import {EVENT_TYPES, EXIT_TYPES, PLAN_STATES, STEP_STATES} from '../domain/vocabulary.js';
import type {Participant} from '../domain/model.js';
import type {StoreData} from './schema.js';
import {STORE_VERSION} from './storeBasics.js';

type Kind = 'string' | 'id' | 'date' | 'boolean' | 'planState' | 'exitType' | 'contracts' | 'steps' | 'events' | 'snoozes';

export const PARTICIPANT_FIELDS: Readonly<Record<string, Kind>> = {
	id: 'id',
	referent: 'string',
	name: 'string',
	gender: 'string',
	birthDate: 'date',
	commune: 'string',
	integrationCriterion: 'string',
	rsa: 'boolean',
	franceTravailId: 'string',
	franceTravailAgency: 'string',
	cafNumber: 'string',
	prescriber: 'string',
	firstAppointment: 'date',
	integrationDate: 'date',
	planState: 'planState',
	contractStart: 'date',
	contractEnd: 'date',
	romeCode: 'string',
	extension: 'boolean',
	standbySince: 'date',
	exitDate: 'date',
	exitType: 'exitType',
	exitReason: 'string',
	nonIntegrationDate: 'date',
	nonIntegrationReason: 'string',
	orientationDate: 'date',
	previousContracts: 'contracts',
	standbyReason: 'string',
	exitValidatedOn: 'date',
	exitLettersSentOn: 'date',
	exitProofReceivedOn: 'date',
	exitClosedOn: 'date',
	steps: 'steps',
	events: 'events',
	snoozes: 'snoozes',
};
export const STEP_FIELDS = ['label', 'type', 'start', 'end', 'state'] as const;
export const EVENT_FIELDS = ['date', 'type', 'note'] as const;
export const SNOOZE_FIELDS = ['indicator', 'reason', 'until', 'since'] as const;

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

/** The four vocabularies of the model, each value keyed by its text as it comes out of JSON.parse. */
export interface Vocabularies {
	readonly stepStates: ReadonlyMap<unknown, string>;
	readonly eventTypes: ReadonlyMap<unknown, string>;
	readonly planStates: ReadonlyMap<unknown, string>;
	readonly exitTypes: ReadonlyMap<unknown, string>;
}

// Step states and event types are also replaced by the vocabulary's own string
// (same text): JSON.parse gives every event its own copy of "Entretien individuel",
// so each `type === 'Entretien individuel'` in the triage compared 20 characters;
// with one shared string it compares pointers (and 180,000 copies are freed).
function keyedBy(key: (value: string) => string): Vocabularies {
	const map = (values: readonly string[]) => new Map<unknown, string>(values.map(value => [key(value), value]));
	return {stepStates: map(STEP_STATES), eventTypes: map(EVENT_TYPES), planStates: map(PLAN_STATES), exitTypes: map(EXIT_TYPES)};
}

const BY_TEXT = keyedBy(value => value);
/** keyed by each value's UTF-8 bytes read as Latin-1 ('PrÃ©vue' → 'Prévue') */
const BY_LATIN1 = keyedBy(value => Buffer.from(value, 'utf8').toString('latin1'));

export function vocabularies(latin1: boolean): Vocabularies {
	return latin1 ? BY_LATIN1 : BY_TEXT;
}

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

function checkSteps(steps: unknown, latin1: boolean): boolean {
	if (!Array.isArray(steps)) return false;
	const states = vocabularies(latin1).stepStates;
	for (let s = 0; s < steps.length; s++) {
		const step: unknown = steps[s];
		if (!isPlainObject(step)) return false;
		for (const key in step) {
			if (key !== 'label' && key !== 'type' && key !== 'start' && key !== 'end' && key !== 'state') return false;
		}
		const state = states.get(step.state);
		if (typeof step.label !== 'string' || !isDate(step.start) || state === undefined) return false;
		step.state = state;
		if (latin1) step.label = utf8(step.label, true);
		if ('end' in step && !isDate(step.end)) return false;
		if (!('type' in step)) step.type = '';
		else if (typeof step.type !== 'string') return false;
		else if (latin1) step.type = utf8(step.type, true);
	}
	return true;
}

function checkContracts(contracts: unknown): boolean {
	if (!Array.isArray(contracts)) return false;
	for (const contract of contracts) {
		if (!isPlainObject(contract)) return false;
		for (const key in contract) if (key !== 'start' && key !== 'end') return false;
		if (!isDate(contract.end) || ('start' in contract && !isDate(contract.start))) return false;
	}
	return true;
}

function checkEvents(events: unknown, latin1: boolean): boolean {
	if (!Array.isArray(events)) return false;
	const types = vocabularies(latin1).eventTypes;
	for (let e = 0; e < events.length; e++) {
		const event: unknown = events[e];
		if (!isPlainObject(event)) return false;
		for (const key in event) if (key !== 'date' && key !== 'type' && key !== 'note') return false;
		const type = types.get(event.type);
		if (!isDate(event.date) || type === undefined) return false;
		event.type = type;
		if ('note' in event) {
			if (typeof event.note !== 'string') return false;
			if (latin1) event.note = utf8(event.note, true);
		}
	}
	return true;
}

function checkSnoozes(snoozes: unknown, latin1: boolean): boolean {
	if (!Array.isArray(snoozes)) return false;
	for (const snooze of snoozes) {
		if (!isPlainObject(snooze)) return false;
		for (const key in snooze) if (key !== 'indicator' && key !== 'reason' && key !== 'until' && key !== 'since') return false;
		if (typeof snooze.indicator !== 'string' || typeof snooze.reason !== 'string' || !isDate(snooze.until)) return false;
		if ('since' in snooze && !isDate(snooze.since)) return false;
		if (latin1) {
			snooze.indicator = utf8(snooze.indicator, true);
			snooze.reason = utf8(snooze.reason, true);
		}
	}
	return true;
}

// one Map lookup per field of a person (the field names are interned strings)
const PARTICIPANT_KINDS = new Map<string, Kind>(Object.entries(PARTICIPANT_FIELDS));

/** Checks one field of a person; in Latin-1 mode, stores its UTF-8 text back. */
function checkField(participant: Record<string, unknown>, key: string, kind: Kind, latin1: boolean): boolean {
	const value = participant[key];
	switch (kind) {
		case 'string':
		case 'id': {
			if (typeof value !== 'string' || (kind === 'id' && value.length === 0)) return false;
			if (latin1) participant[key] = utf8(value, true);
			return true;
		}
		case 'date':
			return isDate(value);
		case 'boolean':
			return typeof value === 'boolean';
		case 'planState':
		case 'exitType': {
			const vocabulary = kind === 'planState' ? vocabularies(latin1).planStates : vocabularies(latin1).exitTypes;
			const text = vocabulary.get(value);
			if (text === undefined) return false;
			if (latin1) participant[key] = text;
			return true;
		}
		case 'contracts':
			return checkContracts(value);
		case 'steps':
			return checkSteps(value, latin1);
		case 'events':
			return checkEvents(value, latin1);
		case 'snoozes':
			return checkSnoozes(value, latin1);
	}
}

/** True when `value` is one participant exactly as participantSchema would return it (defaults filled in place). */
export function isCheckedParticipant(value: unknown): value is Participant {
	return checkParticipant(value, false);
}

function checkParticipant(participant: unknown, latin1: boolean): boolean {
	if (!isPlainObject(participant)) return false;
	for (const key in participant) {
		const kind = PARTICIPANT_KINDS.get(key);
		if (kind === undefined || !checkField(participant, key, kind, latin1)) return false;
	}
	if (typeof participant.id !== 'string' || typeof participant.name !== 'string') return false;
	if (!('rsa' in participant)) participant.rsa = false;
	if (!('steps' in participant)) participant.steps = [];
	if (!('events' in participant)) participant.events = [];
	return true;
}

export function checkSettings(settings: unknown): boolean {
	if (!isPlainObject(settings)) return false;
	for (const key in settings) if (!Object.hasOwn(SETTING_FIELDS, key)) return false;
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
	return true;
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

/**
 * True when `data` (parsed JSON, already migrated) is a store exactly as storeSchema
 * would return it; the participants' missing defaults are filled in place. False
 * means "ask zod": it may still be a valid store that zod would normalise.
 * `latin1`: `data` was parsed from Latin-1 text without \u escapes; its strings
 * are decoded as UTF-8 in place (on false, parse the file again as UTF-8).
 */
export function isCheckedStore(data: unknown, latin1 = false): data is StoreData {
	if (!isPlainObject(data)) return false;
	for (const key in data) if (key !== 'version' && key !== 'settings' && key !== 'participants') return false;
	if (data.version !== STORE_VERSION || !checkSettings(data.settings)) return false;
	const participants = data.participants;
	if (!Array.isArray(participants)) return false;
	// indexed loops throughout: this runs once, mostly before the JIT has optimised it
	for (let p = 0; p < participants.length; p++) if (!checkParticipant(participants[p], latin1)) return false;
	return true;
}
