// Damaged and hostile workbooks: each is refused with a French message naming
// the file (and the sheet, row, column where there is one), the store untouched —
// or, for damage that changes nothing read, imported exactly. No library English.
import {readFileSync} from 'node:fs';
import {crc32, deflateRawSync} from 'node:zlib';
import fc from 'fast-check';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ImportFileError, ImportRejectedError} from '../../source/io/faults.js';
import {importFile} from '../../source/io/importFile.js';
import {type ZipEntry, zipBytes} from '../helpers/zipWriter.js';
import {TODAY, TempDir, readStore, writeStore} from './importHelpers.js';
import {type WorkbookParts, row, workbookBytes, workbookEntries} from './xlsxParts.js';

let dir: TempDir;
let store: string;
let storeBytes: Buffer;
beforeAll(() => {
	dir = new TempDir();
});
afterAll(() => dir.remove());
beforeEach(() => {
	store = dir.file('caseload.json');
	writeStore(store, [{id: 'S-1', name: 'SAVTUR Jules', rsa: false, steps: [], events: []}]);
	storeBytes = readFileSync(store);
});

const PEOPLE: WorkbookParts = {
	sharedStrings: '<si><t>LÉVÊQUE Aurélien</t></si><si><t>MARTEL Inès</t></si>',
	sheets: [
		{
			name: 'Bénéficiaires',
			rows:
				row(1, ['ID', 'Responsable', 'Bénéficiaire', 'Date de naissance']) +
				'<row r="2"><c r="A2" t="inlineStr"><is><t>E-1</t></is></c><c r="B2" t="s"><v>1</v></c><c r="C2" t="s"><v>0</v></c><c r="D2" s="1"><v>31118</v></c></row>' +
				row(3, ['E-2', 'MARTEL Inès', 'ΑΘΑΝΑΣΙΟΥ Ελένη « l’aînée »', '12/03/1985']),
		},
	],
};

/** Library words that must never reach a user (yauzl, zlib, saxes, Node). */
const LIBRARY_TEXT = /FILE_ENDED|\binvalid\b|\bunexpected\b|\bundefined\b|Cannot read|too many|not enough|signature|distance|\bstream\b|Error:|\n\s+at /;

/** Imports `bytes`; returns the refusal's message (checked French, file named, store untouched), or undefined when imported. */
async function attempt(name: string, bytes: Buffer): Promise<string | undefined> {
	const file = dir.write(name, bytes);
	const error = await importFile(file, {storePath: store, today: TODAY}).then(
		() => undefined,
		(caught: unknown) => caught,
	);
	if (error === undefined) return undefined;
	if (!(error instanceof ImportFileError || error instanceof ImportRejectedError)) throw error;
	expect(error.message).toContain(name);
	expect(error.message).not.toMatch(LIBRARY_TEXT);
	expect(readFileSync(store)).toEqual(storeBytes);
	return error.message;
}

async function refusal(name: string, bytes: Buffer): Promise<string> {
	const message = await attempt(name, bytes);
	expect(message, 'the file should have been refused').toBeDefined();
	return message!;
}

/** The workbook's entries with one of them replaced. */
function withEntry(parts: WorkbookParts, name: string, change: (entry: ZipEntry) => ZipEntry): ZipEntry[] {
	return workbookEntries(parts).map(entry => (entry.name === name ? change(entry) : entry));
}

const SHEET = 'xl/worksheets/sheet1.xml';

describe('damage to the zip', () => {
	it('imports the intact workbook (the reference for what follows)', async () => {
		expect(await attempt('intact.xlsx', workbookBytes(PEOPLE))).toBeUndefined();
		expect(readStore(store).participants.map(p => p.name)).toEqual(['SAVTUR Jules', 'LÉVÊQUE Aurélien', 'ΑΘΑΝΑΣΙΟΥ Ελένη « l’aînée »']);
	});

	it('refuses a stored part whose bytes were altered (CRC-32 checked)', async () => {
		const entries = withEntry(PEOPLE, SHEET, entry => {
			const data = Buffer.from(entry.data as string, 'utf8');
			const altered = Buffer.from(data);
			altered[altered.indexOf('E-2')] = 'F'.charCodeAt(0);
			return {...entry, method: 'store', data, rawData: altered};
		});
		expect(await refusal('crc.xlsx', zipBytes(entries))).toMatch(/crc\.xlsx : feuille « Bénéficiaires » : données abîmées \(partie xl\/worksheets\/sheet1\.xml : somme de contrôle CRC-32 fausse\)/);
	});

	it('refuses a zip without its end record, and any truncation of it', async () => {
		expect(await refusal('sans-fin.xlsx', workbookBytes(PEOPLE, {noEndRecord: true}))).toMatch(/sans-fin\.xlsx : la fin de l’archive est introuvable : fichier tronqué/);
		const whole = workbookBytes(PEOPLE);
		for (const length of [0.25, 0.5, 0.9, 0.99].map(share => Math.floor(whole.length * share)).concat([whole.length - 1])) {
			expect(await refusal(`coupé-${length}.xlsx`, whole.subarray(0, length))).toMatch(/tronqué|ce n’est pas un classeur|le fichier est vide/);
		}
	});

	it('refuses a zip without workbook.xml (a Word file, an archive renamed .xlsx)', async () => {
		const entries = workbookEntries(PEOPLE).filter(entry => entry.name !== 'xl/workbook.xml');
		expect(await refusal('sans-classeur.xlsx', zipBytes(entries))).toMatch(/sans-classeur\.xlsx : ce n’est pas un classeur Excel \(\.xlsx\) : il lui manque le classeur lui-même/);
	});

	it('refuses compressed data that does not inflate', async () => {
		const entries = withEntry(PEOPLE, SHEET, entry => ({...entry, rawData: Buffer.from([0xff, 0xff, 0xff, 0xff, 0x00, 0x12, 0x34])}));
		expect(await refusal('illisible.xlsx', zipBytes(entries))).toMatch(/données compressées abîmées|taille annoncée fausse|CRC-32/);
	});
});

describe('bombs and limits', () => {
	const spaces = Buffer.alloc(20 * 1024 * 1024, 0x20);
	const bombSheet = Buffer.concat([Buffer.from('<worksheet><sheetData>'), spaces, Buffer.from('</sheetData></worksheet>')]);

	it('refuses a part compressed a thousand times before inflating it', async () => {
		const entries = withEntry(PEOPLE, SHEET, entry => ({...entry, data: bombSheet}));
		expect(await refusal('bombe.xlsx', zipBytes(entries))).toMatch(/bombe\.xlsx : feuille « Bénéficiaires » : partie xl\/worksheets\/sheet1\.xml compressée \d[\d ]* fois \(limite 100\)/);
	});

	it('refuses a part that inflates past the size its header announces', async () => {
		const entries = withEntry(PEOPLE, SHEET, entry => ({...entry, data: bombSheet, uncompressedSize: 4000, compressedSize: undefined}));
		const bytes = zipBytes(entries.map(entry => (entry.name === SHEET ? {...entry, rawData: deflateRawSync(bombSheet)} : entry)));
		expect(await refusal('menteur.xlsx', bytes)).toMatch(/taille annoncée fausse/);
	});

	it('refuses a part announced larger than the limit without reading it', async () => {
		const entries = withEntry(PEOPLE, SHEET, entry => ({...entry, uncompressedSize: 600 * 1024 * 1024}));
		expect(await refusal('géant.xlsx', zipBytes(entries))).toMatch(/de 600 Mo une fois décompressée \(limite 512 Mo\)/);
	});

	it('refuses an XML element that never ends', async () => {
		// letters that do not compress much, so that the ratio does not refuse it first
		let seed = 7;
		const attribute = Array.from({length: 2 * 1024 * 1024}, () => String.fromCharCode(97 + ((seed = (seed * 1103515245 + 12345) % 2147483648) % 26))).join('');
		const parts = {...PEOPLE, sheets: [{name: 'Bénéficiaires', rows: `<row r="1" foo="${attribute}"/>`}]};
		expect(await refusal('sans-fin-xml.xlsx', workbookBytes(parts))).toMatch(/élément XML de plus de 1 048 576 caractères/);
	});

	it('refuses a cell longer than Excel allows, naming its place', async () => {
		const parts = {...PEOPLE, sheets: [{name: 'Bénéficiaires', rows: row(1, ['ID', 'Bénéficiaire']) + row(2, ['E-1', 'A'.repeat(40_000)])}]};
		expect(await refusal('long.xlsx', workbookBytes(parts))).toMatch(/long\.xlsx : feuille « Bénéficiaires », ligne 2, colonne B : texte de plus de 32 767 caractères/);
	});

	it('refuses a value beyond column AMJ, naming it', async () => {
		const parts = {...PEOPLE, sheets: [{name: 'Bénéficiaires', rows: row(1, ['ID', 'Bénéficiaire']) + '<row r="2"><c r="AMK2"><v>1</v></c></row>'}]};
		expect(await refusal('large.xlsx', workbookBytes(parts))).toMatch(/large\.xlsx : feuille « Bénéficiaires », ligne 2, colonne AMK : valeur au-delà de la colonne AMJ/);
	});

	it('refuses a row beyond Excel’s last', async () => {
		const parts = {...PEOPLE, sheets: [{name: 'Bénéficiaires', rows: row(1, ['ID', 'Bénéficiaire']) + row(1_048_577, ['E-1', 'X'])}]};
		expect(await refusal('bas.xlsx', workbookBytes(parts))).toMatch(/ligne 1048577 : ligne au-delà de la 1 048 576e/);
	});

	it('refuses an unreadable row number after the last row read, not at it', async () => {
		const parts = {...PEOPLE, sheets: [{name: 'Bénéficiaires', rows: row(1, ['ID', 'Bénéficiaire']) + row(2, ['E-1', 'X']) + '<row r="zz"><c><v>1</v></c></row>'}]};
		const message = await refusal('rang.xlsx', workbookBytes(parts));
		expect(message).toContain('feuille « Bénéficiaires » : numéro de ligne illisible « zz », après la ligne 2 : le classeur est abîmé.');
		expect(message).not.toContain('», ligne 2');
	});
});

describe('XML and text', () => {
	it('refuses invalid UTF-8 instead of reading U+FFFD', async () => {
		const entries = withEntry(PEOPLE, 'xl/sharedStrings.xml', entry => ({
			...entry,
			data: Buffer.concat([Buffer.from('<sst><si><t>In'), Buffer.from([0xe9]), Buffer.from('s</t></si><si><t>X</t></si></sst>')]),
		}));
		expect(await refusal('latin1.xlsx', zipBytes(entries))).toMatch(/latin1\.xlsx : texte qui n’est pas de l’UTF-8 valide \(partie xl\/sharedStrings\.xml\)/);
	});

	it('refuses a DOCTYPE (entity declarations) and undefined entities', async () => {
		const doctype = withEntry(PEOPLE, 'xl/sharedStrings.xml', entry => ({
			...entry,
			data: '<?xml version="1.0"?><!DOCTYPE sst [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><sst><si><t>&b;</t></si></sst>',
		}));
		expect(await refusal('doctype.xlsx', zipBytes(doctype))).toMatch(/XML avec une déclaration DOCTYPE/);
		const entity = withEntry(PEOPLE, 'xl/sharedStrings.xml', entry => ({...entry, data: '<sst><si><t>&nbsp;</t></si></sst>'}));
		expect(await refusal('entite.xlsx', zipBytes(entity))).toMatch(/le classeur est abîmé : XML invalide ou incomplet \(partie xl\/sharedStrings\.xml\)/);
	});

	it('refuses a cell pointing at a shared string that does not exist', async () => {
		const parts = {...PEOPLE, sheets: [{name: 'Bénéficiaires', rows: row(1, ['ID', 'Bénéficiaire']) + '<row r="2"><c r="B2" t="s"><v>7</v></c></row>'}]};
		expect(await refusal('renvoi.xlsx', workbookBytes(parts))).toMatch(/ligne 2, colonne B : la cellule renvoie au texte partagé n° 7, qui n’existe pas/);
	});
});

describe('any flipped bit', () => {
	it('is imported exactly or refused in French, never a crash (fast-check)', async () => {
		const intact = workbookBytes(PEOPLE);
		await attempt('reference.xlsx', intact);
		const expected = readStore(store).participants;
		await fc.assert(
			fc.asyncProperty(fc.nat(intact.length * 8 - 1), async bit => {
				writeStore(store, [{id: 'S-1', name: 'SAVTUR Jules', rsa: false, steps: [], events: []}]);
				storeBytes = readFileSync(store);
				const flipped = Buffer.from(intact);
				flipped[bit >> 3]! ^= 1 << (bit & 7);
				const message = await attempt('flip.xlsx', flipped);
				if (message === undefined) expect(readStore(store).participants).toEqual(expected);
			}),
			{numRuns: 200},
		);
	});
});

// a CRC the zip writer computes right, so that the test above is about the reader, not the helper
it('the helper writes CRC-32 as zlib computes it', () => {
	expect(crc32('plie') >>> 0).toBe(zipBytes([{name: 'a', data: 'plie', method: 'store'}]).readUInt32LE(14));
});
