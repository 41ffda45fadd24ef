// Adding a plain field to the model is one entry in the field table: every reader
// and writer derived from it carries the field — zod, the quick store check, the
// byte scanner of `report`, the exchange workbook out and back in, the journal's
// labels. The model's own table is left alone: a copy with four fields added is
// handed to each derivation, and the same data read with the model's own table
// shows the difference (the fields are then only kept, unchecked).
import {readFileSync} from 'node:fs';
import ExcelJS from 'exceljs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {generateCaseload} from '../../source/bench/caseload.js';
import {diffParticipants} from '../../source/domain/edits/diff.js';
import {fieldLabel} from '../../source/domain/edits/format.js';
import {type FieldTable, PARTICIPANT_FIELDS, type RecordOf} from '../../source/domain/fields.js';
import {participantSchema, recordSchema} from '../../source/domain/model.js';
import {writeExchangeWorkbook} from '../../source/io/exchangeWorkbook.js';
import {importFile} from '../../source/io/importFile.js';
import {STORE_CHECK, StoreCheck} from '../../source/store/storeCheck.js';
import {scanStore, StoreScanner} from '../../source/store/storeScan.js';
import {TempDir, TODAY} from '../io/importHelpers.js';

const ADDED = {
	interpreter: {kind: 'boolean', label: 'Interprète nécessaire', exchange: 'Interprète'},
	mentor: {kind: 'text', label: 'Parrain ou marraine', exchange: 'Parrain ou marraine', aliases: ['Parrain']},
	rehousedOn: {kind: 'date', label: 'Relogé·e le', exchange: 'Relogé le'},
	mobility: {kind: 'vocabulary', values: ['Permis B', 'Transports en commun', 'Aucune'], label: 'Mobilité', exchange: 'Mobilité'},
} as const satisfies FieldTable;

/** The model's table with four fields added: the one entry each a developer would write. */
const TABLE = {...PARTICIPANT_FIELDS, ...ADDED} as const satisfies FieldTable;
type Extended = RecordOf<typeof TABLE>;

const VALUES = {interpreter: true, mentor: 'GARNIER Odile', rehousedOn: '2026-09-14', mobility: 'Transports en commun'} as const;

function storeWith(values: Record<string, unknown>): Record<string, any> {
	const store = JSON.parse(JSON.stringify(generateCaseload(12, TODAY, 5)));
	for (const p of store.participants.slice(0, 6)) Object.assign(p, values);
	return store;
}

let dir: TempDir;
beforeEach(() => {
	dir = new TempDir();
});
afterEach(() => dir.remove());

describe('a field added to the field table', () => {
	it('is typed: the record type of the table has it', () => {
		const person: Extended = {id: 'F-1', name: 'TESTE Jade', rsa: false, steps: [], events: [], ...VALUES};
		// @ts-expect-error a value outside the vocabulary does not type-check
		const wrong: Extended = {...person, mobility: 'Vélo'};
		expect(wrong.mobility).toBe('Vélo');
	});

	it('is checked by zod: the value kept, a wrong one refused (the model’s own schema only keeps it)', () => {
		const schema = recordSchema(TABLE);
		const person = {id: 'F-1', name: 'TESTE Jade', ...VALUES};
		expect(schema.parse(person)).toMatchObject(VALUES);
		for (const wrong of [{interpreter: 'oui'}, {rehousedOn: '2026-02-30'}, {mobility: 'Vélo'}, {mentor: 7}]) {
			expect(schema.safeParse({...person, ...wrong}).success, JSON.stringify(wrong)).toBe(false);
			expect(participantSchema.safeParse({...person, ...wrong}).success).toBe(true);
		}
	});

	it('is checked by the quick store check, which gives what zod gives', () => {
		const check = new StoreCheck(TABLE);
		const store = storeWith(VALUES);
		expect(check.isCheckedStore(store)).toBe(true);
		expect(store.participants[0]).toMatchObject(VALUES);
		const wrong = storeWith({...VALUES, rehousedOn: '14/09/2026'});
		expect(check.isCheckedStore(structuredClone(wrong))).toBe(false);
		expect(STORE_CHECK.isCheckedStore(structuredClone(wrong))).toBe(true);
	});

	it('is read by the byte scanner itself (without JSON.parse), a wrong value leaving the file to the usual path', () => {
		const scanner = new StoreScanner(TABLE);
		const bytes = Buffer.from(JSON.stringify(storeWith(VALUES), null, 1));
		expect(scanner.scan(bytes, {today: TODAY})?.parsedAlone).toBe(0);
		// the model's own scanner does not know these keys: those six participants go through JSON.parse
		expect(scanStore(bytes, {today: TODAY})?.parsedAlone).toBe(6);
		const wrong = Buffer.from(JSON.stringify(storeWith({...VALUES, interpreter: 'oui'}), null, 1));
		expect(scanner.scan(wrong, {today: TODAY})).toBeUndefined();
	});

	it('goes out in the exchange workbook, under its column, and comes back in an empty store exactly', async () => {
		const people = storeWith(VALUES).participants as Extended[];
		const file = dir.file('echange.xlsx');
		await writeExchangeWorkbook(people, file, {table: TABLE});
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file);
		const headers = workbook.getWorksheet('Bénéficiaires')!.getRow(1).values as unknown[];
		for (const column of ['Interprète', 'Parrain ou marraine', 'Relogé le', 'Mobilité']) expect(headers).toContain(column);

		const storePath = dir.file('caseload.json');
		await importFile(file, {storePath, today: TODAY, table: TABLE});
		const stored = JSON.parse(readFileSync(storePath, 'utf8')).participants;
		expect(stored).toEqual(JSON.parse(JSON.stringify(people)));
		expect(stored[0]).toMatchObject(VALUES);
	});

	it('is named in French in the journal and the conflict messages', () => {
		expect(fieldLabel('mentor', TABLE)).toBe('Parrain ou marraine');
		const before = {id: 'F-1', name: 'TESTE Jade', rsa: false, steps: [], events: []};
		const changes = diffParticipants(before, {...before, ...VALUES} as never, TABLE);
		expect(changes.map(change => change.label).sort()).toEqual(['Interprète nécessaire', 'Mobilité', 'Parrain ou marraine', 'Relogé·e le']);
	});
});
