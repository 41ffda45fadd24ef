// `report`'s quick reading of the store (triageStoreFile) must give, for ANY file,
// exactly what the usual path gives: parseStoreText (zod, migrations) followed by
// the triage — the same queues, or the same StoreError with the same French
// message. These tests only look from outside (a file in, queues or a message
// out), so they hold whatever the quick path does inside.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {generateCaseload, storeText} from '../../source/bench/caseload.js';
import {type Day, isoFromDay, toDay} from '../../source/domain/calendar.js';
import {demoCaseload, demoNextCellule} from '../../source/domain/demoCaseload.js';
import {PARTICIPANT_FIELDS} from '../../source/domain/fields.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';
import {type TriageQueues, triage} from '../../source/domain/triage.js';
import {openStore, parseStoreText, StoreError} from '../../source/store/openStore.js';
import {triageStoreFile} from '../../source/store/readTriage.js';

// parsed JSON, freely reshaped by the mutations below
type J = any;

// the report's scope (today, referent, hideSnoozed), whatever the module names it
type ReportOptions = Parameters<typeof triageStoreFile>[1];

const BASE = toDay('2026-11-22');
const iso = isoFromDay;

const dir = mkdtempSync(path.join(tmpdir(), 'plie-readtriage-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

let fileCount = 0;
function writeStore(content: string | Uint8Array): string {
	const file = path.join(dir, `caseload-${++fileCount}.json`);
	writeFileSync(file, content, {mode: 0o600});
	return file;
}

interface Queues {
	today: number;
	referent?: string;
	indicators: Array<{
		id: string;
		entries: Array<{id: string; figure: number}>;
		snoozed: Array<{id: string; figure: number; reason: string; until: string}>;
	}>;
}
type Outcome = {queues: Queues} | {error: string};

function normalise(result: TriageQueues): Queues {
	return {
		today: result.today,
		referent: result.referent,
		indicators: result.indicators.map(indicator => ({
			id: indicator.definition.id,
			entries: indicator.entries.map(({id, figure}) => ({id, figure})),
			snoozed: indicator.snoozed.map(({id, figure, reason, until}) => ({id, figure, reason, until})),
		})),
	};
}

function asOutcome(error: unknown): Outcome {
	if (error instanceof StoreError) return {error: error.message};
	throw error;
}

/** The usual path: the file's text through parseStoreText (zod, migrations), then the triage. */
function slowPath(file: string, options: ReportOptions): Outcome {
	const text = readFileSync(file, 'utf8');
	try {
		const data = parseStoreText(file, text);
		return {queues: normalise(triage(data.participants, {...options, settings: data.settings}))};
	} catch (error) {
		return asOutcome(error);
	}
}

async function quickPath(file: string, options: ReportOptions, wholeTextLimit: number | undefined): Promise<Outcome> {
	try {
		return {queues: normalise(await triageStoreFile(file, options, wholeTextLimit === undefined ? {} : {wholeTextLimit}))};
	} catch (error) {
		return asOutcome(error);
	}
}

// the default (whole text parsed at once), and low enough that the file is parsed participant by participant
const LIMITS = [undefined, 1000, 1] as const;

type Kind = 'queues' | 'error';

/**
 * Writes `content` and checks that the quick path gives the slow path's outcome
 * under every option set and every parsing limit; returns the slow outcomes.
 */
async function expectSame(content: string | Uint8Array, optionSets: readonly ReportOptions[], kind?: Kind): Promise<Outcome[]> {
	const file = writeStore(content);
	const outcomes: Outcome[] = [];
	try {
		for (const options of optionSets) {
			const slow = slowPath(file, options);
			if (kind !== undefined) expect(Object.keys(slow), `the usual path should give ${kind}`).toEqual([kind]);
			for (const limit of LIMITS) {
				const quick = await quickPath(file, options, limit);
				expect(quick, `options ${JSON.stringify(options)}, wholeTextLimit ${limit}`).toEqual(slow);
			}
			outcomes.push(slow);
		}
	} finally {
		rmSync(file, {force: true});
	}
	return outcomes;
}

function unaccented(text: string): string {
	return text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

/** The option sets a report may be run with: all, snoozed hidden, a referent spelled otherwise, nobody's referent. */
function optionSets(today: Day, referents: readonly string[]): ReportOptions[] {
	const sets: ReportOptions[] = [{today}, {today, hideSnoozed: true}, {today, referent: 'PERSONNE Inconnue'}];
	for (const [i, referent] of referents.entries()) {
		sets.push({today, referent: unaccented(referent).toLowerCase(), hideSnoozed: i % 2 === 0});
		sets.push({today, referent: `  ${unaccented(referent).toUpperCase().replace(' ', '   ')} `, hideSnoozed: i % 2 === 1});
	}
	return sets;
}

function referentsOf(store: J): string[] {
	const participants: unknown = store?.participants;
	if (!Array.isArray(participants)) return [];
	const referents = participants.map((p: J) => (typeof p === 'object' && p !== null ? p.referent : undefined));
	return [...new Set<string>(referents.filter((r: unknown): r is string => typeof r === 'string'))];
}

function caseload(size: number, seed: number): J {
	return structuredClone(generateCaseload(size, BASE, seed));
}

function demoStore(today: Day): J {
	return structuredClone({
		version: 1,
		settings: {...DEFAULT_SETTINGS, nextCellule: demoNextCellule(today)},
		participants: demoCaseload(today),
	});
}

/** Counted entries over all indicators: a valid store must give some, else the comparison says little. */
function entryCount(outcome: Outcome): number {
	if (!('queues' in outcome)) return 0;
	return outcome.queues.indicators.reduce((sum, indicator) => sum + indicator.entries.length + indicator.snoozed.length, 0);
}

// ---- layouts ---------------------------------------------------------------

function reversedKeys(value: J): J {
	if (Array.isArray(value)) return value.map(reversedKeys);
	if (typeof value !== 'object' || value === null) return value;
	return Object.fromEntries(Object.entries(value).reverse().map(([key, inner]) => [key, reversedKeys(inner)]));
}

const LAYOUTS: ReadonlyArray<readonly [string, (store: J) => string]> = [
	['indent 1 (our writer)', store => storeText(store)],
	['compact', store => JSON.stringify(store)],
	['indent 2', store => JSON.stringify(store, null, 2)],
	['CRLF line ends', store => JSON.stringify(store, null, 1).replace(/\n/g, '\r\n')],
	['tabs', store => JSON.stringify(store, null, '\t')],
	['every key order reversed (participants first, steps before id)', store => JSON.stringify(reversedKeys(store), null, 1)],
];

// ---- accented and escaped texts ----------------------------------------------

const ACTIVE_INDICATORS = ['caseload.active', 'followup.no-rome', 'followup.no-interview30', 'steps.to-finish', 'rsa.no-contract'];

/** The same caseload with non-ASCII text in every string field, ids and referents included, and snoozes. */
function accented(source: J, today: Day): J {
	const store = structuredClone(source);
	const referents = new Map<string, string>();
	for (const [i, p] of (store.participants as J[]).entries()) {
		p.id = `PLIÉ-${p.id}-ñ`;
		if (p.referent !== undefined) {
			if (!referents.has(p.referent)) referents.set(p.referent, `Ç${referents.size}é ${p.referent} Œ`);
			p.referent = referents.get(p.referent);
		}
		p.name = `${p.name} Ævar-Zoë ’ 😀`;
		p.gender = 'Féminin';
		p.commune = 'Saint-Étienne-du-Rouvray';
		p.integrationCriterion = 'Résident QPV « prioritaire »';
		p.franceTravailId = `${p.franceTravailId ?? '1234567'}É`;
		p.franceTravailAgency = 'Agence Évreux – Nétreville';
		p.cafNumber = 'N° 1234567';
		p.prescriber = 'Département · CCAS';
		if (p.exitReason !== undefined) p.exitReason = `${p.exitReason} — précisé`;
		if (p.nonIntegrationReason !== undefined) p.nonIntegrationReason = `${p.nonIntegrationReason} — précisé`;
		// blank ROME codes the triage must see as blank: a lone no-break space, other Unicode spaces
		p.romeCode = ['\u00a0', `K2204é`, ' \u2003\u3000 ', 'N1103', '\u00a0\u00a0'][i % 5];
		for (const step of p.steps) {
			step.label = `${step.label} — Hébergé “chez l’employeur”`;
			step.type = `${step.type}é`;
		}
		for (const event of p.events) event.note = 'Entretien à Évreux “ok” 😀 ½';
		if (i % 3 === 0) {
			p.snoozes = [
				...ACTIVE_INDICATORS.map((indicator, k) => ({
					indicator,
					reason: `Déjà vu — attente nº${k} 😀`,
					until: iso(today + 5 + k),
					since: iso(today - 5),
				})),
				{indicator: 'followup.no-event30', reason: 'Expirée é', until: iso(today - 3)},
				{indicator: 'suivi.inconnu-é', reason: 'Indicateur inconnu', until: iso(today + 30)},
			];
		}
	}
	return store;
}

/** Strings with JSON escapes: quotes, backslashes, new lines, a tab, a control character. */
function escaped(source: J): J {
	const store = structuredClone(source);
	for (const [i, p] of (store.participants as J[]).entries()) {
		p.name = `${p.name} "dit \\ Lulu"\n\tligne 2 \u0001`;
		if (i % 2 === 0) p.id = `${p.id}"\\`;
		if (p.referent !== undefined) p.referent = `${p.referent}\t`;
		for (const event of p.events) event.note = 'a "b" \\ c\r\nd';
		for (const step of p.steps) step.label = `${step.label} \\n "x"`;
	}
	return store;
}

/** `text` with its accented letters (first one only, or all) written as \u escapes. */
function withUnicodeEscapes(text: string, all: boolean): string {
	const escape = (char: string) => [...char].map(c => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
	if (!all) return text.replace(/é/, escape);
	return text.replace(/[^\u0000-\u007f]/gu, escape);
}

describe('triageStoreFile on valid stores gives the usual path’s queues', () => {
	const todays = [BASE, BASE - 200, BASE + 45, toDay('2027-03-01')];

	it('on generated caseloads, in every layout, on several days', async () => {
		for (const [size, seed] of [
			[12, 1],
			[30, 7],
		] as const) {
			const store = caseload(size, seed);
			for (const [name, write] of LAYOUTS) {
				for (const today of todays) {
					const outcomes = await expectSame(write(store), optionSets(today, referentsOf(store)), 'queues');
					expect(entryCount(outcomes[0]!), name).toBeGreaterThan(0);
				}
			}
		}
	});

	it('on the demo caseload, pure ASCII once its accents are escaped', async () => {
		const store = demoStore(BASE);
		const text = storeText(store);
		for (const content of [text, withUnicodeEscapes(text, true), withUnicodeEscapes(text, false)]) {
			const outcomes = await expectSame(content, optionSets(BASE, referentsOf(store)), 'queues');
			// the demo hits every indicator
			expect(outcomes[0]).toMatchObject({queues: {indicators: expect.any(Array)}});
			const queues = (outcomes[0] as {queues: Queues}).queues;
			expect(queues.indicators.filter(indicator => indicator.entries.length === 0).map(indicator => indicator.id)).toEqual([]);
		}
		const ascii = withUnicodeEscapes(text, true);
		expect(/[^\u0000-\u007f]/.test(ascii)).toBe(false);
	});

	it('with non-ASCII text in every string field (ids, referents, ROME codes, snooze reasons)', async () => {
		for (const [source, today] of [
			[caseload(20, 3), BASE],
			[demoStore(BASE - 30), BASE - 30],
		] as const) {
			const store = accented(source, today);
			for (const [name, write] of LAYOUTS) {
				const outcomes = await expectSame(write(store), optionSets(today, referentsOf(store)), 'queues');
				const queues = (outcomes[0] as {queues: Queues}).queues;
				expect(queues.indicators.some(indicator => indicator.snoozed.length > 0), name).toBe(true);
				// the lone no-break space counts as no ROME code
				const noRome = queues.indicators.find(indicator => indicator.id === 'followup.no-rome')!;
				expect([...noRome.entries, ...noRome.snoozed].some(entry => entry.id.startsWith('PLIÉ-')), name).toBe(true);
			}
			const text = storeText(store);
			await expectSame(withUnicodeEscapes(text, false), optionSets(today, referentsOf(store)), 'queues');
			await expectSame(withUnicodeEscapes(text, true), optionSets(today, referentsOf(store)), 'queues');
		}
	});

	it('a participant whose only ROME code is a no-break space is in followup.no-rome, as on the usual path', async () => {
		const store = caseload(3, 11);
		for (const p of store.participants) {
			p.integrationDate = iso(BASE - 100);
			delete p.exitDate;
			delete p.nonIntegrationDate;
			p.romeCode = '\u00a0';
		}
		for (const text of [storeText(store), storeText(store).replace('\u00a0', '\\u00a0')]) {
			const [outcome] = await expectSame(text, [{today: BASE}], 'queues');
			const noRome = (outcome as {queues: Queues}).queues.indicators.find(indicator => indicator.id === 'followup.no-rome')!;
			expect(noRome.entries.map(entry => entry.id).sort()).toEqual(store.participants.map((p: J) => p.id).sort());
		}
	});

	it('with JSON escapes in strings (quotes, backslashes, new lines, \\u escapes, surrogate pairs)', async () => {
		const store = escaped(accented(caseload(10, 5), BASE));
		const text = storeText(store);
		await expectSame(text, optionSets(BASE, referentsOf(store)), 'queues');
		await expectSame(text.replace(/😀/gu, '\\ud83d\\ude00'), optionSets(BASE, referentsOf(store)), 'queues');
		await expectSame(withUnicodeEscapes(text, false), optionSets(BASE, referentsOf(store)), 'queues');
	});

	it('with a UTF-8 byte order mark at the start (whatever the usual path makes of it)', async () => {
		const store = accented(caseload(5, 2), BASE);
		await expectSame(`\ufeff${storeText(store)}`, optionSets(BASE, referentsOf(store)));
		await expectSame(`\ufeff${JSON.stringify(caseload(5, 2))}`, [{today: BASE}]);
	});

	it('with invalid UTF-8 bytes inside strings (names, ids, referents)', async () => {
		const store = caseload(6, 4);
		store.participants[0].name = 'NAME_MARK';
		store.participants[1].id = 'ID_MARK';
		store.participants[2].referent = 'REF_MARK';
		store.participants[3].romeCode = 'ROME_MARK';
		let bytes = Buffer.from(storeText(store), 'utf8');
		for (const [mark, bad] of [
			['NAME_MARK', [0x41, 0xe9, 0x42]],
			['ID_MARK', [0x49, 0xe2, 0x82]],
			['REF_MARK', [0xc3, 0x52, 0xff]],
			['ROME_MARK', [0xc2]],
		] as const) {
			const at = bytes.indexOf(mark);
			bytes = Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at + mark.length)]);
		}
		await expectSame(bytes, [...optionSets(BASE, referentsOf(store)), {today: BASE, referent: '\ufffdR\ufffd'}], 'queues');
	});

	it('with a store of no participants, and with settings changed', async () => {
		await expectSame(storeText({version: 2, settings: {...DEFAULT_SETTINGS}, participants: []}), [{today: BASE}], 'queues');
		const store = caseload(15, 9);
		store.settings = {...store.settings, idleDays: 10, longIdleDays: 20, noEventDays: 7, maxParcoursMonths: 6, workingDays: 'ouvres'};
		await expectSame(storeText(store), optionSets(BASE, referentsOf(store)), 'queues');
	});
});

// ---- mutations: what a hand-edited, damaged or old file may hold ---------------

interface At {
	readonly p: number;
	readonly s: number;
	readonly e: number;
}

const isObject = (value: unknown): boolean => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The participant at `at` (added when there is none); a loose object when an earlier mutation broke the list. */
function participantAt(store: J, at: At): J {
	const participants = store.participants;
	if (!Array.isArray(participants)) return {};
	if (participants.length === 0) participants.push({id: 'AJOUT-1', name: 'AJOUT Personne', referent: 'LEBRUN Ana'});
	const p = participants[at.p % participants.length];
	return isObject(p) ? p : {};
}

function settingsOf(store: J): J {
	return isObject(store.settings) ? store.settings : {};
}

function stepAt(store: J, at: At): J {
	const p = participantAt(store, at);
	if (!Array.isArray(p.steps) || p.steps.length === 0) {
		p.steps = [{label: 'Atelier CV', type: 'Atelier', start: iso(BASE - 20), end: iso(BASE + 20), state: 'En cours'}];
	}
	const step = p.steps[at.s % p.steps.length];
	return isObject(step) ? step : {};
}

function eventAt(store: J, at: At): J {
	const p = participantAt(store, at);
	if (!Array.isArray(p.events) || p.events.length === 0) p.events = [{date: iso(BASE - 4), type: 'Entretien individuel'}];
	const event = p.events[at.e % p.events.length];
	return isObject(event) ? event : {};
}

function snoozeAt(store: J, at: At): J {
	const p = participantAt(store, at);
	if (!Array.isArray(p.snoozes) || p.snoozes.length === 0) {
		p.snoozes = [{indicator: 'followup.no-rome', reason: 'Projet en cours', until: iso(BASE + 10), since: iso(BASE - 10)}];
	}
	return isObject(p.snoozes[0]) ? p.snoozes[0] : {};
}

type StoreMutation = (store: J, at: At) => void;

const replaceParticipant =
	(value: unknown): StoreMutation =>
	(s, at) => {
		if (Array.isArray(s.participants) && s.participants.length > 0) s.participants[at.p % s.participants.length] = value;
	};

// every date of a participant, as the field tables list them (version 2's included)
const PARTICIPANT_DATES = Object.entries(PARTICIPANT_FIELDS)
	.filter(([, field]) => field.kind === 'date')
	.map(([key]) => key);

function previousContractAt(store: J, at: At): J {
	const p = participantAt(store, at);
	if (!Array.isArray(p.previousContracts) || p.previousContracts.length === 0) {
		p.previousContracts = [{start: iso(BASE - 400), end: iso(BASE - 220)}];
	}
	return isObject(p.previousContracts[0]) ? p.previousContracts[0] : {};
}

const BAD_DATES: readonly unknown[] = [
	'2026-02-30',
	'2025-02-29',
	'1900-02-29',
	'2026-04-31',
	'2026-13-01',
	'2026-00-10',
	'2026-01-00',
	'',
	'2026-1-05',
	'2026-01-05 ',
	'2026/01/05',
	'0099-01-01',
	'٢٠٢٦-٠١-٠٥',
	20260105,
	null,
	true,
	['2026-01-05'],
	{},
];
// odd but real dates: both paths must accept them alike
const ODD_DATES: readonly string[] = ['2024-02-29', '2000-02-29', '0100-01-01', '9999-12-31', '1970-01-01', '1969-12-31'];

const DATE_MUTATIONS: ReadonlyArray<readonly [string, StoreMutation]> = [...BAD_DATES, ...ODD_DATES].flatMap(value => {
	const shown = JSON.stringify(value);
	return [
		...PARTICIPANT_DATES.map(field => [`participant.${field} = ${shown}`, (s: J, at: At) => void (participantAt(s, at)[field] = value)] as const),
		[`step.start = ${shown}`, (s: J, at: At) => void (stepAt(s, at).start = value)] as const,
		[`step.end = ${shown}`, (s: J, at: At) => void (stepAt(s, at).end = value)] as const,
		[`event.date = ${shown}`, (s: J, at: At) => void (eventAt(s, at).date = value)] as const,
		[`snooze.until = ${shown}`, (s: J, at: At) => void (snoozeAt(s, at).until = value)] as const,
		[`snooze.since = ${shown}`, (s: J, at: At) => void (snoozeAt(s, at).since = value)] as const,
		[`previousContract.end = ${shown}`, (s: J, at: At) => void (previousContractAt(s, at).end = value)] as const,
		[`settings.nextCellule = ${shown}`, (s: J) => void (settingsOf(s).nextCellule = value)] as const,
	];
});

const set =
	(target: (s: J, at: At) => J, key: string, value: unknown): StoreMutation =>
	(s, at) =>
		void (target(s, at)[key] = value);
const remove =
	(target: (s: J, at: At) => J, key: string): StoreMutation =>
	(s, at) =>
		void delete target(s, at)[key];

const OTHER_MUTATIONS: ReadonlyArray<readonly [string, StoreMutation]> = [
	// missing required fields
	['no participant id', remove(participantAt, 'id')],
	['empty participant id', set(participantAt, 'id', '')],
	['no name', remove(participantAt, 'name')],
	['no step label', remove(stepAt, 'label')],
	['no step start', remove(stepAt, 'start')],
	['no step state', remove(stepAt, 'state')],
	['no step type (default)', remove(stepAt, 'type')],
	['no step end', remove(stepAt, 'end')],
	['no event date', remove(eventAt, 'date')],
	['no event type', remove(eventAt, 'type')],
	['no snooze reason', remove(snoozeAt, 'reason')],
	['no snooze indicator', remove(snoozeAt, 'indicator')],
	['no snooze until', remove(snoozeAt, 'until')],
	['no rsa (default)', remove(participantAt, 'rsa')],
	['no steps (default)', remove(participantAt, 'steps')],
	['no events (default)', remove(participantAt, 'events')],
	// vocabularies
	['unknown step state', set(stepAt, 'state', 'Terminé')],
	['step state in lower case', set(stepAt, 'state', 'terminée')],
	['step state decomposed (NFD)', set(stepAt, 'state', 'Terminée'.normalize('NFD'))],
	['step state with a space', set(stepAt, 'state', 'En cours ')],
	['unknown event type', set(eventAt, 'type', 'Entretien')],
	['event type decomposed (NFD)', set(eventAt, 'type', 'Absence injustifiée'.normalize('NFD'))],
	['unknown plan state', set(participantAt, 'planState', 'Valide')],
	['plan state Prévisionnel', set(participantAt, 'planState', 'Prévisionnel')],
	['plan state null', set(participantAt, 'planState', null)],
	['unknown exit type', set(participantAt, 'exitType', 'positive')],
	['exit type Réduction des freins', set(participantAt, 'exitType', 'Réduction des freins')],
	// wrong types
	['rsa "oui"', set(participantAt, 'rsa', 'oui')],
	['rsa null', set(participantAt, 'rsa', null)],
	['rsa 1', set(participantAt, 'rsa', 1)],
	['extension 1', set(participantAt, 'extension', 1)],
	['extension false', set(participantAt, 'extension', false)],
	['extension null', set(participantAt, 'extension', null)],
	['steps {}', set(participantAt, 'steps', {})],
	['steps null', set(participantAt, 'steps', null)],
	['events null', set(participantAt, 'events', null)],
	['events "x"', set(participantAt, 'events', 'x')],
	['snoozes {}', set(participantAt, 'snoozes', {})],
	['snoozes null', set(participantAt, 'snoozes', null)],
	['snoozes []', set(participantAt, 'snoozes', [])],
	['a step that is an array', (s, at) => void (participantAt(s, at).steps = [[]])],
	['a step that is null', (s, at) => void (participantAt(s, at).steps = [null])],
	['an event that is a string', (s, at) => void (participantAt(s, at).events = ['Entretien individuel'])],
	['a snooze that is a number', (s, at) => void (participantAt(s, at).snoozes = [3])],
	['name 5', set(participantAt, 'name', 5)],
	['id 5', set(participantAt, 'id', 5)],
	['referent 5', set(participantAt, 'referent', 5)],
	['referent null', set(participantAt, 'referent', null)],
	['no referent', remove(participantAt, 'referent')],
	['romeCode 0', set(participantAt, 'romeCode', 0)],
	['romeCode lone no-break space', set(participantAt, 'romeCode', '\u00a0')],
	['romeCode empty', set(participantAt, 'romeCode', '')],
	['gender true', set(participantAt, 'gender', true)],
	['commune []', set(participantAt, 'commune', [])],
	['cafNumber 123', set(participantAt, 'cafNumber', 123)],
	['exitReason null', set(participantAt, 'exitReason', null)],
	['nonIntegrationReason 1', set(participantAt, 'nonIntegrationReason', 1)],
	['integrationCriterion false', set(participantAt, 'integrationCriterion', false)],
	['franceTravailId 7', set(participantAt, 'franceTravailId', 7)],
	['franceTravailAgency null', set(participantAt, 'franceTravailAgency', null)],
	['prescriber {}', set(participantAt, 'prescriber', {})],
	['step label null', set(stepAt, 'label', null)],
	['step type 5', set(stepAt, 'type', 5)],
	['event note 5', set(eventAt, 'note', 5)],
	['event note null', set(eventAt, 'note', null)],
	['snooze reason 5', set(snoozeAt, 'reason', 5)],
	['snooze indicator null', set(snoozeAt, 'indicator', null)],
	['a participant that is an array', replaceParticipant([])],
	['a participant that is a string', replaceParticipant('PLIE-000001')],
	['a participant that is null', replaceParticipant(null)],
	// version 2's fields
	['standbyReason 3', set(participantAt, 'standbyReason', 3)],
	['standbyReason free text', set(participantAt, 'standbyReason', 'Garde d’enfant')],
	['previousContracts {}', set(participantAt, 'previousContracts', {})],
	['a previous contract without end', remove(previousContractAt, 'end')],
	['a previous contract without start', remove(previousContractAt, 'start')],
	['a previous contract with an unknown key', set(previousContractAt, 'avenant', true)],
	// unknown keys (a newer version's: kept)
	['unknown top-level key', s => void (s.exportedAt = '2026-11-01')],
	['unknown participant key', set(participantAt, 'telephone', '06 00 00 00 00')],
	['unknown participant key holding a bad date', set(participantAt, 'reviewDate', '2026-02-30')],
	['unknown participant key holding an object', set(participantAt, 'history', {referent: 'x', exitDate: '2026-02-30'})],
	['unknown step key', set(stepAt, 'comment', 'à revoir')],
	['unknown event key', set(eventAt, 'duration', 30)],
	['unknown snooze key', set(snoozeAt, 'by', 'MARTEL Inès')],
	['unknown setting', s => void (settingsOf(s).colour = 'bleu')],
	// settings
	['no settings', s => void delete s.settings],
	['settings null', s => void (s.settings = null)],
	['settings []', s => void (s.settings = [])],
	['settings {}', s => void (s.settings = {})],
	['a setting missing', s => void delete settingsOf(s).idleDays],
	['a setting as text', s => void (settingsOf(s).idleDays = '30')],
	['a setting at 0', s => void (settingsOf(s).noEventDays = 0)],
	['a setting negative', s => void (settingsOf(s).preparationWorkingDays = -1)],
	['a setting fractional', s => void (settingsOf(s).contractSoonDays = 1.5)],
	['a setting changed', s => void (settingsOf(s).longIdleDays = 45)],
	['preparationWorkingDays 0', s => void (settingsOf(s).preparationWorkingDays = 0)],
	['workingDays unknown', s => void (settingsOf(s).workingDays = 'ouvré')],
	// versions
	['no version (migrated)', s => void delete s.version],
	['version 0 (migrated)', s => void (s.version = 0)],
	['version "1"', s => void (s.version = '1')],
	['version 1 (read as current)', s => void (s.version = 1)],
	['version 2', s => void (s.version = 2)],
	['version 3 (newer: refused)', s => void (s.version = 3)],
	['version 999', s => void (s.version = 999)],
	['version -1', s => void (s.version = -1)],
	['version 0.5', s => void (s.version = 0.5)],
	['version null', s => void (s.version = null)],
	// participants
	['participants []', s => void (s.participants = [])],
	['participants {}', s => void (s.participants = {})],
	['participants null', s => void (s.participants = null)],
	['participants "x"', s => void (s.participants = 'x')],
	['no participants', s => void delete s.participants],
	// duplicated ids in different referents' files
	[
		'a participant copied into another referent’s file',
		(s, at) => {
			if (!Array.isArray(s.participants)) return;
			const p = participantAt(s, at);
			const others = s.participants.filter((q: J) => isObject(q) && q.referent !== p.referent);
			const copy = structuredClone(others[0] ?? p);
			copy.id = p.id;
			s.participants.push(copy);
		},
	],
];

const STORE_MUTATIONS: ReadonlyArray<readonly [string, StoreMutation]> = [...DATE_MUTATIONS, ...OTHER_MUTATIONS];

type TextMutation = (text: string) => string | Uint8Array;

const TEXT_MUTATIONS: ReadonlyArray<readonly [string, TextMutation]> = [
	['empty file', () => ''],
	['only spaces', () => ' \n\t '],
	['truncated at the middle', t => t.slice(0, Math.floor(t.length / 2))],
	['truncated before the last brace', t => t.slice(0, t.lastIndexOf('}'))],
	['truncated by one byte in a multibyte character', t => {
		const bytes = Buffer.from(t, 'utf8');
		const at = bytes.findIndex(b => b >= 0xc0);
		return at < 0 ? bytes.subarray(0, bytes.length - 1) : bytes.subarray(0, at + 1);
	}],
	['trailing garbage', t => `${t}x`],
	['trailing brace', t => `${t}}`],
	['trailing second document', t => `${t}\n{}`],
	['trailing white space', t => `${t}\n\n \t\r\n`],
	['leading white space', t => `\r\n\t  ${t}`],
	['a byte order mark', t => `\ufeff${t}`],
	['a no-break space as white space', t => t.replace('{', '{\u00a0')],
	['a raw tab inside a string', t => t.replace(/"name": ?"/, '$&\t')],
	['a raw control character inside a string', t => t.replace(/"name": ?"/, '$&\u0001')],
	['spaces around every colon and comma', t => t.replace(/":/g, '" \t:\r\n ').replace(/,(\s*)"/g, ' ,$1"')],
	['participants key duplicated, empty last', t => t.replace(/\}\s*$/, ', "participants": []}')],
	['participants key duplicated, empty first', t => t.replace('{', '{"participants": [], ')],
	['participants key duplicated, broken last', t => t.replace(/\}\s*$/, ', "participants": [{"id": 5}]}')],
	['participants key written with an escape', t => t.replace('"participants"', '"p\\u0061rticipants"')],
	['participants key escaped, plus an empty one', t => t.replace('"participants"', '"p\\u0061rticipants"').replace('{', '{"participants": [], ')],
	['extra top-level keys before and after', t => t.replace('{', '{"a": [1, {"participants": []}], "b": "\\"participants\\": [", ').replace(/\}\s*$/, ', "z": {"x": null}, "n": -1.5e3}')],
	['a "__proto__" key in a participant', t => t.replace(/"name":/, '"__proto__": {"referent": "x", "exitDate": "2026-02-30"}, "name":')],
	['a "__proto__" key at the top', t => t.replace('{', '{"__proto__": {"version": 2}, ')],
	['a "__proto__" key in the settings', t => t.replace(/"idleDays":/, '"__proto__": {"idleDays": 1}, "idleDays":')],
	['a nested participants key inside a participant', t => t.replace(/"name":/, '"extra": {"participants": [{"id": 1}]}, "name":')],
	['a setting written with an exponent', t => t.replace(/"idleDays": ?30/, '"idleDays": 3e1')],
	['a setting written as 30.0', t => t.replace(/"idleDays": ?30/, '"idleDays": 30.0')],
	['a setting written as 1E400', t => t.replace(/"idleDays": ?30/, '"idleDays": 1E400')],
	['a setting written as -0', t => t.replace(/"preparationWorkingDays": ?5/, '"preparationWorkingDays": -0')],
	['the version written as 1.0', t => t.replace(/"version": ?1/, '"version": 1.0')],
	['the version written as 1e0', t => t.replace(/"version": ?1/, '"version": 1e0')],
	['a duplicate key in a participant, bad value first', t => t.replace(/"name": ?/, '"name": 5, $&')],
	['a duplicate key in a participant, bad value last', t => t.replace(/"name": ?"(?:[^"\\]|\\.)*"/, '$&, "name": 5')],
	['a duplicate id in a participant', t => t.replace(/"id": ?"(?:[^"\\]|\\.)*"/, '$&, "id": "DOUBLE-Ω"')],
	['a duplicate date in a participant, bad first', t => t.replace(/"id": ?/, '"exitDate": "2026-02-30", $&')],
	['a duplicate date in a participant, bad last', t => t.replace(/"steps": ?/, '"exitDate": "2026-02-30", $&')],
	['a comma too many in the participants', t => t.replace(/\]\s*\}\s*$/, ',]}')],
	['a missing comma between participants', t => t.replace(/\}\s*,\s*\{/, '} {')],
	['a \\u escape in a note', t => t.replace(/"label": ?"/, '$&\\u00e9\\ud83d\\ude00')],
];

function text(store: J): string {
	return storeText(store);
}

describe('triageStoreFile on broken or unusual stores gives the usual path’s outcome', () => {
	const today = BASE;

	it('an impossible or odd date in each date field', async () => {
		const base = accented(caseload(6, 21), today);
		for (const [name, mutate] of DATE_MUTATIONS) {
			for (const p of [0, 4]) {
				const store = structuredClone(base);
				mutate(store, {p, s: p, e: p + 1});
				const bad = BAD_DATES.some(value => name.endsWith(`= ${JSON.stringify(value)}`));
				// a date that does not exist is refused wherever it is
				const [outcome] = await expectSame(text(store), [{today}, {today, referent: referentsOf(base)[1], hideSnoozed: true}], bad ? 'error' : 'queues');
				if (bad) expect((outcome as {error: string}).error, name).toContain('Le fichier n’a pas été modifié');
			}
		}
	}, 120_000);

	it('a missing field, an unknown vocabulary value, a wrong type, an unknown key, odd settings or versions', async () => {
		const base = caseload(6, 22);
		for (const [name, mutate] of OTHER_MUTATIONS) {
			for (const source of [base, accented(base, today)]) {
				const store = structuredClone(source);
				mutate(store, {p: 2, s: 1, e: 3});
				try {
					await expectSame(text(store), optionSets(today, referentsOf(source)).slice(0, 4));
				} catch (error) {
					throw new Error(`${name}: ${(error as Error).message}`);
				}
			}
		}
	});

	it('the usual path’s verdicts on a few of them, so that the comparison means something', async () => {
		const base = caseload(4, 23);
		const verdict = async (mutate: StoreMutation) => {
			const store = structuredClone(base);
			mutate(store, {p: 1, s: 0, e: 0});
			const [outcome] = await expectSame(text(store), [{today}]);
			return Object.keys(outcome!)[0];
		};
		expect(await verdict(s => void (s.version = 999))).toBe('error');
		expect(await verdict(s => void delete s.version)).toBe('queues');
		expect(await verdict(s => void delete s.settings)).toBe('queues');
		expect(await verdict(s => void (settingsOf(s).colour = 'bleu'))).toBe('queues');
		expect(await verdict(set(participantAt, 'telephone', '06'))).toBe('queues');
		expect(await verdict(set(stepAt, 'state', 'Terminé'))).toBe('error');
		expect(await verdict(set(participantAt, 'rsa', 'oui'))).toBe('error');
		expect(await verdict(s => void (s.participants = {}))).toBe('error');
	});

	it('damaged text: truncated, trailing garbage, empty, duplicated keys, odd numbers and white space', async () => {
		for (const source of [caseload(5, 24), accented(caseload(5, 25), today)]) {
			for (const [write] of [[text], [(s: J) => JSON.stringify(s)]] as const) {
				for (const [name, mutate] of TEXT_MUTATIONS) {
					try {
						await expectSame(mutate(write(source)), optionSets(today, referentsOf(source)).slice(0, 4));
					} catch (error) {
						throw new Error(`${name}: ${(error as Error).message}`);
					}
				}
			}
		}
	});

	it('an old file that is a bare list of participants, or not an object at all', async () => {
		const participants = caseload(3, 26).participants;
		for (const content of [JSON.stringify(participants), 'null', '1', '"caseload"', '[]', 'true']) {
			await expectSame(content, [{today}], 'error');
		}
		await expectSame(JSON.stringify({participants}), [{today}], 'queues');
	});

	it('a participant copied into another referent’s file under the same id: refused by both paths, whatever the referent, the id named', async () => {
		const store = caseload(4, 27);
		const [mine, theirs] = referentsOf(store);
		const original = store.participants.find((p: J) => p.referent === mine);
		const copy = {...structuredClone(original), referent: theirs, romeCode: undefined};
		store.participants.push(copy);
		const outcomes = await expectSame(text(store), [{today, referent: mine}, {today, referent: theirs}, {today}], 'error');
		for (const outcome of outcomes) {
			expect((outcome as {error: string}).error).toContain(`« ${original.id} » (bénéficiaires n°${store.participants.indexOf(original) + 1}, n°${store.participants.length})`);
		}
	});

	it('a missing file and a folder: the same messages as openStore', async () => {
		const missing = path.join(dir, 'absent.json');
		const folder = path.join(dir, 'dossier.json');
		mkdirSync(folder);
		for (const file of [missing, folder]) {
			const usual = await openStore(file).then(
				() => undefined,
				(error: unknown) => asOutcome(error),
			);
			expect(usual).toMatchObject({error: expect.stringContaining(file)});
			for (const limit of LIMITS) expect(await quickPath(file, {today}, limit)).toEqual(usual);
		}
	});
});

describe('triageStoreFile on random caseloads with random damage', () => {
	const LAYOUT_COUNT = LAYOUTS.length;

	it('gives the usual path’s outcome', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.record({
					size: fc.integer({min: 1, max: 6}),
					seed: fc.integer({min: 0, max: 1_000_000}),
					todayOffset: fc.integer({min: -400, max: 400}),
					layout: fc.integer({min: 0, max: LAYOUT_COUNT - 1}),
					accents: fc.boolean(),
					storeMutations: fc.array(fc.integer({min: 0, max: STORE_MUTATIONS.length - 1}), {maxLength: 2}),
					textMutation: fc.option(fc.integer({min: 0, max: TEXT_MUTATIONS.length - 1}), {freq: 4}),
					at: fc.record({p: fc.nat(20), s: fc.nat(20), e: fc.nat(40)}),
					referent: fc.integer({min: 0, max: 3}),
					hideSnoozed: fc.boolean(),
					limit: fc.constantFrom(undefined, 1, 1000),
				}),
				async input => {
					const today = BASE + input.todayOffset;
					let store = caseload(input.size, input.seed);
					if (input.accents) store = accented(store, today);
					for (const m of input.storeMutations) STORE_MUTATIONS[m]![1](store, input.at);
					let content: string | Uint8Array = LAYOUTS[input.layout]![1](store);
					if (input.textMutation !== null) content = TEXT_MUTATIONS[input.textMutation]![1](content);
					const referents = referentsOf(structuredClone(store));
					const referent =
						input.referent === 0 || referents.length === 0
							? undefined
							: input.referent === 3
								? 'inconnu'
								: unaccented(referents[(input.referent - 1) % referents.length]!).toLowerCase();
					const options: ReportOptions = {today, referent, hideSnoozed: input.hideSnoozed};
					const file = writeStore(content);
					try {
						expect(await quickPath(file, options, input.limit)).toEqual(slowPath(file, options));
					} finally {
						rmSync(file, {force: true});
					}
				},
			),
			{numRuns: 300},
		);
	});
});
