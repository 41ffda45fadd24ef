// The bytes the dashboard scans and parses when it opens on a base (snapshot.ts):
// whatever the rows' texts and however often the buffer grows, they are the store
// file those rows make, byte for byte.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {StoreFileWriter} from '../../../source/store/postgres/snapshot.js';

describe('StoreFileWriter', () => {
	it('writes head, rows and tail as one store file, growing from any reserve', () => {
		fc.assert(
			fc.property(fc.array(fc.string({unit: 'binary'}), {maxLength: 30}), fc.integer({min: 1, max: 64}), (texts, reserved) => {
				const rows = texts.map(text => JSON.stringify({id: text, note: `${text} é’😀`}));
				const writer = new StoreFileWriter('{"version":2,"settings":{},"participants":[', reserved);
				for (const row of rows) expect(writer.row(row)).toBeNull();
				const expected = `{"version":2,"settings":{},"participants":[${rows.join(',')}]}`;
				const bytes = writer.end();
				expect(bytes.equals(Buffer.from(expected, 'utf8'))).toBe(true);
				expect(JSON.parse(bytes.toString('utf8'))).toEqual(JSON.parse(expected));
			}),
		);
	});
});
