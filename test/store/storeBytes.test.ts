// Reading a store participant by participant must give exactly what JSON.parse
// gives, or step aside (undefined) so that the whole text is parsed as before.
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {openStore, StoreError} from '../../source/store/openStore.js';
import {readStoreData} from '../../source/store/readStore.js';
import {parseStoreBytes} from '../../source/store/storeBytes.js';

const store = generateCaseload(40, toDay('2026-11-22'), 3);
const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('parsing a store file participant by participant', () => {
	it('gives what JSON.parse gives, whatever the layout', () => {
		for (const text of [
			JSON.stringify(store, null, 1),
			JSON.stringify(store),
			JSON.stringify(store, null, '\t'),
			JSON.stringify({participants: store.participants, settings: store.settings, version: 1}, null, 2),
			'{"version":1,"participants":[]}',
			' \r\n{ "participants" : [ { "id" : "A}\\"{", "name" : "[x]" } ] , "version" : 1 } \n',
		]) {
			expect(parseStoreBytes(bytes(text))).toEqual(JSON.parse(text));
		}
	});

	it('keeps accents and curly apostrophes intact', () => {
		const text = JSON.stringify({version: 1, participants: [{id: 'É’1', name: 'ÉLODIE Zoé · d’Arc', events: []}]});
		expect(parseStoreBytes(bytes(text))).toEqual(JSON.parse(text));
	});

	it('steps aside for anything it is not sure about', () => {
		for (const text of [
			'',
			'{"version": 1, "participants": [ {"id": "A"',
			'{"version": 1, "participants": [{"id": "A"},]}',
			'{"version": 1, "participants": [{"id": "A"} {"id": "B"}]}',
			'{"version": 1, "participants": [{"id": "A"}]} trailing',
			'{"version": 1, "participants": [1, 2]}',
			'{"version": 1, "participants": {}}',
			'{"participants": [{"id": "A"}], "participants": []}',
			'{"participants": [{"id": "A"}], "particip\\u0061nts": []}',
			'[1, 2, 3]',
			'\uFEFF{"version": 1, "participants": []}',
			'{"version": 1}',
		]) {
			expect(parseStoreBytes(bytes(text)), text).toBeUndefined();
		}
	});
});

describe('the read-only store reader (report)', () => {
	let dir: string;
	beforeEach(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'plie-read-'));
	});
	afterEach(() => rmSync(dir, {recursive: true, force: true}));

	async function message(read: Promise<unknown>): Promise<string> {
		try {
			await read;
		} catch (error) {
			expect(error).toBeInstanceOf(StoreError);
			return (error as Error).message;
		}
		throw new Error('the file was accepted');
	}

	// a small file is parsed whole; a limit of 0 makes it go participant by participant
	for (const wholeTextLimit of [undefined, 0]) {
		const how = wholeTextLimit === 0 ? 'participant by participant' : 'whole';
		it(`reads the same store as openStore (${how})`, async () => {
			const file = path.join(dir, 'caseload.json');
			writeFileSync(file, JSON.stringify(store, null, 1));
			expect(await readStoreData(file, {wholeTextLimit})).toEqual((await openStore(file)).data);
			writeFileSync(file, JSON.stringify({participants: [{id: 'A', name: 'TESTARD Léa', surnom: 'x'}]}));
			expect(await readStoreData(file, {wholeTextLimit})).toEqual((await openStore(file)).data);
		});

		it(`reads accents, emoji and broken UTF-8 as openStore does (${how})`, async () => {
			const accented = structuredClone(store);
			const first = accented.participants[0]!;
			Object.assign(first, {
				name: 'ÉLODIE Zoé · d’Arc 🙂',
				commune: 'Saint-Apollinaire',
				planState: 'Prévisionnel',
				exitType: 'Réduction des freins',
				snoozes: [{indicator: 'steps.idle30', reason: 'Arrêt maladie jusqu’au 3 décembre', until: '2026-12-03'}],
			});
			first.steps.push({label: 'Atelier « CV » à Chenôve', type: 'Formation', start: '2026-10-01', state: 'Terminée'});
			first.events.push({date: '2026-10-02', type: 'Absence injustifiée', note: 'prévenue ✓'});
			const file = path.join(dir, 'accents.json');
			const text = JSON.stringify(accented, null, 1);
			const broken = Buffer.concat([
				Buffer.from(text.slice(0, text.indexOf('Saint-Apollinaire'))),
				Buffer.from([0xc3, 0x28, 0xff, 0xf0, 0x9f, 0x99]), // invalid sequences inside a string
				Buffer.from(text.slice(text.indexOf('Saint-Apollinaire'))),
			]);
			for (const content of [
				bytes(text),
				broken,
				bytes(text.replace('Zoé', 'Zo\\u00e9')), // an escaped accent
				bytes(JSON.stringify(generateCaseload(5, toDay('2026-11-22'), 9))), // maybe pure ASCII
				bytes(JSON.stringify({version: 1, participants: [{id: 'A', name: 'TESTARD Léa', planState: 'Validé'}]})),
			]) {
				writeFileSync(file, content);
				const expected = (await openStore(file)).data;
				expect(await readStoreData(file, {wholeTextLimit})).toEqual(expected);
			}
			expect(JSON.stringify((await readStoreData(file, {wholeTextLimit})).participants)).toContain('TESTARD Léa');
		});

		it(`refuses what openStore refuses, with the same message (${how})`, async () => {
			const cases = [
				'{"version": 1, "participants": [ {"id": "A"',
				JSON.stringify({version: 1, participants: [{id: 'A', name: 'X', steps: [{label: 'a', start: '2026-02-30', state: 'Prévue'}]}]}),
				'[1, 2, 3]',
				JSON.stringify({version: 3, participants: []}), // newer than this plie-triage
				'',
			];
			for (const text of cases) {
				const file = path.join(dir, 'bad.json');
				writeFileSync(file, text);
				expect(await message(readStoreData(file, {wholeTextLimit}))).toBe(await message(openStore(file)));
			}
			const missing = path.join(dir, 'missing.json');
			expect(await message(readStoreData(missing, {wholeTextLimit}))).toBe(await message(openStore(missing)));
			expect(await message(readStoreData(dir, {wholeTextLimit}))).toBe(await message(openStore(dir)));
		});
	}
});
