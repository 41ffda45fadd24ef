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

		it(`refuses what openStore refuses, with the same message (${how})`, async () => {
			const cases = [
				'{"version": 1, "participants": [ {"id": "A"',
				JSON.stringify({version: 1, participants: [{id: 'A', name: 'X', steps: [{label: 'a', start: '2026-02-30', state: 'Prévue'}]}]}),
				'[1, 2, 3]',
				JSON.stringify({version: 2, participants: []}),
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
