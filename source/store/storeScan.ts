// `report` straight from the store file's bytes. The profile of `report` at
// 10,000 participants: JSON.parse built 250,000 objects and as many strings
// (names, labels, notes…) that the triage never reads, and the garbage collector
// then walked them all; the checks and the facts walked them twice more. Here
// one pass over the bytes checks each participant and reads only what the rules
// need — states, types and dates, each date read once, as a day number — into
// reusable arrays (facts.ts DatedRecords); no object is built per step or event.
//
// Only the usual layout is read this way: the schema's keys once each, without
// escapes; dates as "YYYY-MM-DD"; escapes only in the texts the rules never read
// (names, labels, notes…). A participant written any other way (an escape in an
// id, a key in another spelling…) is handed to JSON.parse on its own and then
// checked like any parsed store (storeCheck.ts). The answer is
// undefined — take the usual path — as soon as something is wrong, so that the
// usual path gives its French message. The bytes are accepted only when they are
// `head [p1, …, pn] tail` with every pi a JSON object and head/tail valid around
// the array (storeBytes.ts parseAround): the file is then valid JSON, and the
// counts are those of openStore + triage (test/store/readTriage.test.ts).
import {dayOfIsoFields, type Day} from '../domain/calendar.js';
import {computeFacts, type DatedRecords, emptyRecords, factsOfRecords, type KeyDays, NO_DAY, type ParticipantFacts} from '../domain/facts.js';
import type {Participant, Snooze} from '../domain/model.js';
import type {Settings} from '../domain/settings.js';
import {QueueBuilder, referentFilter, type TriageOptions, type TriageQueues} from '../domain/triage.js';
import {EVENT_TYPES, type EventType, EXIT_TYPES, PLAN_STATES, type PlanState, STEP_STATES, type StepState} from '../domain/vocabulary.js';
import {STORE_VERSION} from './storeBasics.js';
import {BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE, skipNested, skipSpace} from './jsonBytes.js';
import {parseAround, participantsOpen} from './storeBytes.js';
import {checkSettings, isCheckedParticipant} from './storeCheck.js';

const DASH = 0x2d;
const ZERO = 0x30;
/** a position meaning "not the plain layout": the participant goes through JSON.parse */
const UNSURE = -1;

/** What a participant field holds, as far as the scan is concerned. */
const enum Field {
	Id,
	Referent,
	RomeCode,
	Text,
	Date,
	Exit,
	NonIntegration,
	Integration,
	StandbySince,
	FirstAppointment,
	ContractEnd,
	Rsa,
	Extension,
	PlanState,
	ExitType,
	Steps,
	Events,
	Snoozes,
	/** a field the rules do not read yet and the scan does not parse: the participant goes through JSON.parse */
	Unsure,
}

// Every key of participantSchema (test/store/storeScan.test.ts keeps them equal).
export const PARTICIPANT_KEYS: ReadonlyArray<readonly [string, Field]> = [
	['id', Field.Id],
	['referent', Field.Referent],
	['name', Field.Text],
	['gender', Field.Text],
	['birthDate', Field.Date],
	['commune', Field.Text],
	['integrationCriterion', Field.Text],
	['rsa', Field.Rsa],
	['franceTravailId', Field.Text],
	['franceTravailAgency', Field.Text],
	['cafNumber', Field.Text],
	['prescriber', Field.Text],
	['firstAppointment', Field.FirstAppointment],
	['integrationDate', Field.Integration],
	['planState', Field.PlanState],
	['contractStart', Field.Date],
	['contractEnd', Field.ContractEnd],
	['romeCode', Field.RomeCode],
	['extension', Field.Extension],
	['standbySince', Field.StandbySince],
	['exitDate', Field.Exit],
	['exitType', Field.ExitType],
	['exitReason', Field.Text],
	['nonIntegrationDate', Field.NonIntegration],
	['nonIntegrationReason', Field.Text],
	['orientationDate', Field.Date],
	['previousContracts', Field.Unsure],
	['standbyReason', Field.Text],
	['exitValidatedOn', Field.Date],
	['exitLettersSentOn', Field.Date],
	['exitProofReceivedOn', Field.Date],
	['exitClosedOn', Field.Date],
	['steps', Field.Steps],
	['events', Field.Events],
	['snoozes', Field.Snoozes],
];
const STEP_KEYS = ['label', 'type', 'start', 'end', 'state'] as const;
const EVENT_KEYS = ['date', 'type', 'note'] as const;
const SNOOZE_KEYS = ['indicator', 'reason', 'until', 'since'] as const;

/** Keys as UTF-8 bytes, looked up by length first. */
class KeyTable {
	private readonly keys: readonly Uint8Array[];
	constructor(keys: readonly string[]) {
		// scanObject tracks the keys seen in two 32-bit masks
		if (keys.length > 64) throw new Error(`KeyTable: ${keys.length} keys, 64 at most`);
		this.keys = keys.map(key => Buffer.from(key, 'utf8'));
	}

	get size(): number {
		return this.keys.length;
	}

	/** Position of the key spelled by bytes[start, end), -1 when unknown; `hint` is tried first (keys come in order). */
	find(bytes: Uint8Array, start: number, end: number, hint: number): number {
		if (hint < this.keys.length && sameBytes(bytes, start, end, this.keys[hint]!)) return hint;
		for (let k = 0; k < this.keys.length; k++) if (sameBytes(bytes, start, end, this.keys[k]!)) return k;
		return -1;
	}
}

function sameBytes(bytes: Uint8Array, start: number, end: number, word: Uint8Array): boolean {
	if (end - start !== word.length) return false;
	for (let k = 0; k < word.length; k++) if (bytes[start + k] !== word[k]) return false;
	return true;
}

/** A closed vocabulary matched on the bytes of a value. */
class WordTable<W extends string> {
	private readonly bytes: readonly Uint8Array[];
	constructor(private readonly words: readonly W[]) {
		this.bytes = words.map(word => Buffer.from(word, 'utf8'));
	}

	find(bytes: Uint8Array, start: number, end: number): W | undefined {
		for (let w = 0; w < this.bytes.length; w++) if (sameBytes(bytes, start, end, this.bytes[w]!)) return this.words[w];
		return undefined;
	}
}

const PARTICIPANT_TABLE = new KeyTable(PARTICIPANT_KEYS.map(([key]) => key));
const PARTICIPANT_FIELDS = PARTICIPANT_KEYS.map(([, field]) => field);
const STEP_TABLE = new KeyTable(STEP_KEYS);
const EVENT_TABLE = new KeyTable(EVENT_KEYS);
const SNOOZE_TABLE = new KeyTable(SNOOZE_KEYS);
const STEP_WORDS = new WordTable<StepState>(STEP_STATES);
const EVENT_WORDS = new WordTable<EventType>(EVENT_TYPES);
const PLAN_WORDS = new WordTable<PlanState>(PLAN_STATES);
const EXIT_WORDS = new WordTable(EXIT_TYPES);

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

const DATE_LENGTH = 12; // the quotes included

/** One participant read from bytes: the fields the rules read. */
class Person {
	id = '';
	referent: string | undefined;
	romeCode: string | undefined;
	rsa = false;
	extension: boolean | undefined;
	planState: PlanState | undefined;
	snoozes: Snooze[] | undefined;
	exit: Day | undefined;
	nonIntegration: Day | undefined;
	integration: Day | undefined;
	standbySince: Day | undefined;
	firstAppointment: Day | undefined;
	contractEnd: Day | undefined;
	readonly records: DatedRecords = emptyRecords();

	reset(): void {
		this.id = '';
		this.referent = this.romeCode = this.extension = this.planState = this.snoozes = undefined;
		this.rsa = false;
		this.exit = this.nonIntegration = this.integration = this.standbySince = this.firstAppointment = this.contractEnd = undefined;
		this.records.stepCount = this.records.eventCount = 0;
	}

	/** The participant the indicators see: the fields they read (report shows only ids). */
	participant(): Participant {
		const participant: Participant = {id: this.id, name: '', rsa: this.rsa, steps: [], events: []};
		if (this.referent !== undefined) participant.referent = this.referent;
		if (this.romeCode !== undefined) participant.romeCode = this.romeCode;
		if (this.extension !== undefined) participant.extension = this.extension;
		if (this.planState !== undefined) participant.planState = this.planState;
		if (this.snoozes !== undefined) participant.snoozes = this.snoozes;
		return participant;
	}

	keyDays(): KeyDays {
		return {
			exit: this.exit,
			nonIntegration: this.nonIntegration,
			integration: this.integration,
			standbySince: this.standbySince,
			firstAppointment: this.firstAppointment,
			contractEnd: this.contractEnd,
		};
	}
}

// the participant being read: module state, like the step and event below
let reading = new Person();
// id and name are required
const keyBit = (name: string) => 1 << PARTICIPANT_KEYS.findIndex(([key]) => key === name);
const PARTICIPANT_REQUIRED = keyBit('id') | keyBit('name');

function readParticipantKey(bytes: Buffer, key: number, i: number): number {
	return scanField(bytes, i, PARTICIPANT_FIELDS[key]!, reading);
}

/** Reads the participant object at `i` into `into`; the index after its '}', or UNSURE. */
function scanParticipant(bytes: Buffer, i: number, into: Person): number {
	reading = into;
	into.reset();
	const end = scanObject(bytes, i, PARTICIPANT_TABLE, readParticipantKey, PARTICIPANT_REQUIRED);
	// an empty id goes through JSON.parse and the check, which refuse it
	return end === UNSURE || into.id === '' ? UNSURE : end;
}

/** Reads one field's value at `i`; the index after it, or UNSURE. */
function scanField(bytes: Buffer, i: number, field: Field, person: Person): number {
	switch (field) {
		case Field.Id:
		case Field.Referent:
		case Field.RomeCode: {
			const end = plainStringEnd(bytes, i);
			if (end === UNSURE) return UNSURE;
			const text = bytes.toString('utf8', i + 1, end - 1);
			if (field === Field.Id) person.id = text;
			else if (field === Field.Referent) person.referent = text;
			else person.romeCode = text;
			return end;
		}
		case Field.Text:
			return textEnd(bytes, i);
		case Field.Date:
			return dateAt(bytes, i) === undefined ? UNSURE : i + DATE_LENGTH;
		case Field.Exit:
		case Field.NonIntegration:
		case Field.Integration:
		case Field.StandbySince:
		case Field.FirstAppointment:
		case Field.ContractEnd: {
			const day = dateAt(bytes, i);
			if (day === undefined) return UNSURE;
			if (field === Field.Exit) person.exit = day;
			else if (field === Field.NonIntegration) person.nonIntegration = day;
			else if (field === Field.Integration) person.integration = day;
			else if (field === Field.StandbySince) person.standbySince = day;
			else if (field === Field.FirstAppointment) person.firstAppointment = day;
			else person.contractEnd = day;
			return i + DATE_LENGTH;
		}
		case Field.Rsa:
		case Field.Extension: {
			const value = booleanAt(bytes, i);
			if (value === undefined) return UNSURE;
			if (field === Field.Rsa) person.rsa = value;
			else person.extension = value;
			return i + (value ? 4 : 5);
		}
		case Field.PlanState:
		case Field.ExitType: {
			const end = plainStringEnd(bytes, i);
			if (end === UNSURE) return UNSURE;
			if (field === Field.PlanState) {
				person.planState = PLAN_WORDS.find(bytes, i + 1, end - 1);
				if (person.planState === undefined) return UNSURE;
			} else if (EXIT_WORDS.find(bytes, i + 1, end - 1) === undefined) {
				return UNSURE;
			}
			return end;
		}
		case Field.Steps:
			return scanList(bytes, i, scanStep);
		case Field.Events:
			return scanList(bytes, i, scanEvent);
		case Field.Snoozes:
			person.snoozes = [];
			return scanList(bytes, i, scanSnooze);
		case Field.Unsure:
			return UNSURE;
	}
}

function booleanAt(bytes: Uint8Array, i: number): boolean | undefined {
	// t r u e / f a l s e
	if (bytes[i] === 0x74 && bytes[i + 1] === 0x72 && bytes[i + 2] === 0x75 && bytes[i + 3] === 0x65) return true;
	if (bytes[i] === 0x66 && bytes[i + 1] === 0x61 && bytes[i + 2] === 0x6c && bytes[i + 3] === 0x73 && bytes[i + 4] === 0x65) return false;
	return undefined;
}

/** Reads an array of objects at `i` with `scanItem`; the index after its ']', or UNSURE. */
function scanList(bytes: Buffer, i: number, scanItem: (bytes: Buffer, i: number) => number): number {
	if (bytes[i] !== OPEN_BRACKET) return UNSURE;
	i = skipSpace(bytes, i + 1);
	if (bytes[i] === CLOSE_BRACKET) return i + 1;
	for (;;) {
		i = scanItem(bytes, i);
		if (i === UNSURE) return UNSURE;
		i = skipSpace(bytes, i);
		if (bytes[i] === CLOSE_BRACKET) return i + 1;
		if (bytes[i] !== COMMA) return UNSURE;
		i = skipSpace(bytes, i + 1);
	}
}

/**
 * Reads the members of the object at `i`, calling `read` with each key's position
 * in `table`; the index after '}', or UNSURE (also when a key of `required`, one
 * bit per position, is missing, or a key comes twice: JSON.parse keeps the last one).
 */
function scanObject(bytes: Buffer, i: number, table: KeyTable, read: (bytes: Buffer, key: number, i: number) => number, required: number): number {
	if (bytes[i] !== OPEN_BRACE) return UNSURE;
	i = skipSpace(bytes, i + 1);
	if (bytes[i] === CLOSE_BRACE) return UNSURE; // required keys missing
	// keys seen, one bit each: positions 0–31 in `seen`, 32–63 in `seenHigh` (KeyTable allows 64)
	let seen = 0;
	let seenHigh = 0;
	let hint = 0;
	for (;;) {
		const keyEnd = plainStringEnd(bytes, i);
		if (keyEnd === UNSURE) return UNSURE;
		const key = table.find(bytes, i + 1, keyEnd - 1, hint);
		if (key < 0) return UNSURE;
		if (key < 32) {
			if ((seen & (1 << key)) !== 0) return UNSURE;
			seen |= 1 << key;
		} else {
			if ((seenHigh & (1 << (key - 32))) !== 0) return UNSURE;
			seenHigh |= 1 << (key - 32);
		}
		hint = key + 1;
		i = skipSpace(bytes, keyEnd);
		if (bytes[i] !== COLON) return UNSURE;
		i = read(bytes, key, skipSpace(bytes, i + 1));
		if (i === UNSURE) return UNSURE;
		i = skipSpace(bytes, i);
		if (bytes[i] === CLOSE_BRACE) return (seen & required) === required ? i + 1 : UNSURE;
		if (bytes[i] !== COMMA) return UNSURE;
		i = skipSpace(bytes, i + 1);
	}
}

// The step and event being read: module state rather than an object per item
// (the scan is synchronous and never re-entered).
// step keys: label 0, type 1, start 2, end 3, state 4 (label, start and state required)
const STEP_REQUIRED = (1 << 0) | (1 << 2) | (1 << 4);
let stepStart = NO_DAY;
let stepEnd = NO_DAY;
let stepState: StepState | undefined;

function readStepKey(bytes: Buffer, key: number, i: number): number {
	switch (key) {
		case 0:
		case 1:
			return textEnd(bytes, i);
		case 2:
		case 3: {
			const day = dateAt(bytes, i);
			if (day === undefined) return UNSURE;
			if (key === 2) stepStart = day;
			else stepEnd = day;
			return i + DATE_LENGTH;
		}
		default: {
			const end = plainStringEnd(bytes, i);
			if (end === UNSURE) return UNSURE;
			stepState = STEP_WORDS.find(bytes, i + 1, end - 1);
			return stepState === undefined ? UNSURE : end;
		}
	}
}

function scanStep(bytes: Buffer, i: number): number {
	stepEnd = NO_DAY;
	const end = scanObject(bytes, i, STEP_TABLE, readStepKey, STEP_REQUIRED);
	if (end === UNSURE) return UNSURE;
	const {records} = reading;
	const s = records.stepCount++;
	records.stepStates[s] = stepState!;
	records.stepStarts[s] = stepStart;
	records.stepEnds[s] = stepEnd;
	return end;
}

// event keys: date 0, type 1, note 2 (date and type required)
const EVENT_REQUIRED = (1 << 0) | (1 << 1);
let eventDate = NO_DAY;
let eventType: EventType | undefined;

function readEventKey(bytes: Buffer, key: number, i: number): number {
	if (key === 0) {
		const day = dateAt(bytes, i);
		if (day === undefined) return UNSURE;
		eventDate = day;
		return i + DATE_LENGTH;
	}
	if (key === 2) return textEnd(bytes, i);
	const end = plainStringEnd(bytes, i);
	if (end === UNSURE) return UNSURE;
	eventType = EVENT_WORDS.find(bytes, i + 1, end - 1);
	return eventType === undefined ? UNSURE : end;
}

function scanEvent(bytes: Buffer, i: number): number {
	const end = scanObject(bytes, i, EVENT_TABLE, readEventKey, EVENT_REQUIRED);
	if (end === UNSURE) return UNSURE;
	const {records} = reading;
	const e = records.eventCount++;
	records.eventTypes[e] = eventType!;
	records.eventDates[e] = eventDate;
	return end;
}

// snooze keys: indicator 0, reason 1, until 2, since 3 (the first three required)
const SNOOZE_REQUIRED = (1 << 0) | (1 << 1) | (1 << 2);
let snooze: {indicator: string; reason: string; until: string; since?: string} = {indicator: '', reason: '', until: ''};

function readSnoozeKey(bytes: Buffer, key: number, i: number): number {
	if (key >= 2) {
		if (dateAt(bytes, i) === undefined) return UNSURE;
		const text = bytes.toString('latin1', i + 1, i + DATE_LENGTH - 1);
		if (key === 2) snooze.until = text;
		else snooze.since = text;
		return i + DATE_LENGTH;
	}
	const end = plainStringEnd(bytes, i);
	if (end === UNSURE) return UNSURE;
	const text = bytes.toString('utf8', i + 1, end - 1);
	if (key === 0) snooze.indicator = text;
	else snooze.reason = text;
	return end;
}

/** Reads one snoozed alert into the participant's snoozes (kept whole: the triage reads them). */
function scanSnooze(bytes: Buffer, i: number): number {
	snooze = {indicator: '', reason: '', until: ''};
	const end = scanObject(bytes, i, SNOOZE_TABLE, readSnoozeKey, SNOOZE_REQUIRED);
	if (end !== UNSURE) reading.snoozes!.push(snooze);
	return end;
}

/**
 * The participant object at `start` parsed by JSON.parse and checked like a parsed
 * store; undefined when it is not valid (then the whole file takes the usual path).
 */
function parsedParticipant(bytes: Buffer, start: number, end: number): Participant | undefined {
	let value: unknown;
	try {
		value = JSON.parse(bytes.toString('utf8', start, end));
	} catch {
		return undefined;
	}
	return isCheckedParticipant(value) ? value : undefined;
}

/** The facts of everyone in scope, in store order; undefined when unsure. */
function scanParticipants(bytes: Buffer, open: number, options: ReportScope): {facts: ParticipantFacts[]; close: number; parsedAlone: number} | undefined {
	const inScope = referentFilter(options.referent);
	const facts: ParticipantFacts[] = [];
	const person = new Person();
	let parsedAlone = 0;
	let i = skipSpace(bytes, open + 1);
	if (bytes[i] === CLOSE_BRACKET) return {facts, close: i, parsedAlone};
	for (;;) {
		if (bytes[i] !== OPEN_BRACE) return undefined;
		let end = scanParticipant(bytes, i, person);
		if (end !== UNSURE) {
			if (inScope(person.referent)) facts.push(factsOfRecords(person.participant(), person.keyDays(), person.records, options.today));
		} else {
			end = skipNested(bytes, i);
			if (end < 0) return undefined;
			const participant = parsedParticipant(bytes, i, end);
			if (participant === undefined) return undefined;
			parsedAlone++;
			if (inScope(participant.referent)) facts.push(computeFacts(participant, options.today));
		}
		i = skipSpace(bytes, end);
		if (bytes[i] === CLOSE_BRACKET) return {facts, close: i, parsedAlone};
		if (bytes[i] !== COMMA) return undefined;
		i = skipSpace(bytes, i + 1);
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

/**
 * The queues of the store held in `bytes`, read in one pass; undefined whenever
 * the usual path must decide (not a current store, a value the schema refuses,
 * a layout this reader does not know).
 */
export function scanStore(bytes: Buffer, options: ReportScope): ScannedStore | undefined {
	const open = participantsOpen(bytes);
	if (open < 0) return undefined;
	const scanned = scanParticipants(bytes, open, options);
	if (scanned === undefined) return undefined;
	const rest = parseAround(bytes, open, scanned.close);
	if (rest === undefined || rest.version !== STORE_VERSION || !checkSettings(rest.settings)) return undefined;
	const settings = rest.settings as Settings;
	const queues = new QueueBuilder({...options, settings});
	for (const f of scanned.facts) queues.add(f);
	return {queues: queues.finish(), settings, parsedAlone: scanned.parsedAlone};
}
