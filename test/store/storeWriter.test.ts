// The store is written participant by participant (a 50,000-person store as one
// string took an import past 1 GB): the bytes must be exactly JSON.stringify's.
import {readFileSync} from 'node:fs';
import fc from 'fast-check';
import {afterAll, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {demoCaseload} from '../../source/domain/demoCaseload.js';
import {emptyStore, type StoreData} from '../../source/store/schema.js';
import {storeJsonPieces, writeStoreAtomic} from '../../source/store/storeWriter.js';
import {TempDir} from '../io/importHelpers.js';

const dir = new TempDir();
afterAll(() => dir.remove());

describe('writing the store participant by participant', () => {
	it('writes the bytes JSON.stringify(data, null, 1) would, for the demo, an empty store and odd texts', async () => {
		const demo: StoreData = {...emptyStore(), participants: demoCaseload(toDay('2026-11-22'))};
		for (const data of [demo, emptyStore()]) {
			const file = dir.file('store.json');
			await writeStoreAtomic(file, data);
			expect(readFileSync(file, 'utf8')).toBe(JSON.stringify(data, null, 1));
		}
		fc.assert(
			fc.property(fc.array(fc.record({id: fc.string(), name: fc.string({unit: 'binary'}), note: fc.option(fc.string({unit: 'grapheme'}))}), {maxLength: 5}), people => {
				const data = {...emptyStore(), participants: people.map(p => ({...p, rsa: false, steps: [], events: [{date: '2026-01-02', type: 'Autre', note: p.name}]}))} as unknown as StoreData;
				expect([...storeJsonPieces(data)].join('')).toBe(JSON.stringify(data, null, 1));
			}),
		);
	});
});
