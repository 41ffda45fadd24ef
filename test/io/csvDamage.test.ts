// CSVs that cannot be read as they stand: refused in French with the row (and
// column) where they go wrong, never read with records swallowed or characters
// replaced; a huge file without line ends refused at its first overlong cell.
import {readFileSync, writeFileSync} from 'node:fs';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ImportFileError} from '../../source/io/faults.js';
import {importFile} from '../../source/io/importFile.js';
import {TODAY, TempDir, writeStore} from './importHelpers.js';

let dir: TempDir;
let store: string;
let storeBytes: Buffer;
beforeAll(() => {
	dir = new TempDir();
});
afterAll(() => dir.remove());
beforeEach(() => {
	store = dir.file('caseload.json');
	writeStore(store, [{id: 'C-1', name: 'ÉLODIE Zoé', rsa: false, steps: [], events: []}]);
	storeBytes = readFileSync(store);
});

async function refusal(file: string): Promise<string> {
	const error = await importFile(file, {storePath: store, today: TODAY}).catch((caught: unknown) => caught);
	expect(error).toBeInstanceOf(ImportFileError);
	expect(readFileSync(store)).toEqual(storeBytes);
	return (error as Error).message;
}

const HEADER = 'ID;Bénéficiaire;Commune\r\n';

describe('quotes', () => {
	it('refuses a quote never closed, naming the row where it opens', async () => {
		const file = dir.write('guillemet.csv', `${HEADER}C-1;"ÉLODIE Zoé;Rouen\r\nC-2;PELQUIN Noël;Elbeuf\r\n`);
		expect(await refusal(file)).toBe(`${file} : ligne 2, colonne B : guillemet ouvert et jamais fermé : la suite du fichier serait lue comme une seule cellule. Fermez-le ou retirez-le.`);
	});

	it('refuses a closing quote followed by text (the next record would be swallowed)', async () => {
		const file = dir.write('mal-place.csv', `${HEADER}C-1;"ÉLODIE Zoé;Rouen\r\nC-2;"PELQUIN Noël";Elbeuf\r\n`);
		expect(await refusal(file)).toMatch(/mal-place\.csv : ligne 2, colonne B : guillemet mal placé ou jamais fermé/);
	});
});

describe('size', () => {
	it('refuses a 120 MB file without line ends at its first overlong cell', async () => {
		const file = dir.file('sans-fin.csv');
		writeFileSync(file, Buffer.alloc(120 * 1024 * 1024, 'a'));
		expect(await refusal(file)).toMatch(/sans-fin\.csv : ligne 1, colonne A : cellule de plus de 32 767 caractères \(le fichier a-t-il des fins de ligne \?\)/);
	});

	it('refuses more columns than the limit (a wrong separator)', async () => {
		const file = dir.write('colonnes.csv', `${'x;'.repeat(2000)}x\r\n`);
		expect(await refusal(file)).toMatch(/colonnes\.csv : ligne 1, colonne AMK : plus de 1 024 colonnes/);
	});
});

describe('encodings', () => {
	it('refuses bytes that are neither UTF-8 nor Windows-1252 rather than reading U+FFFD', async () => {
		const file = dir.write('inconnu.csv', Buffer.concat([Buffer.from(HEADER), Buffer.from('C-1;In'), Buffer.from([0xe8, 0x81]), Buffer.from('s;Rouen\r\n')]));
		expect(await refusal(file)).toMatch(/inconnu\.csv : encodage inconnu : ni UTF-8 ni Windows-1252 \(octet 0x81\)/);
	});

	it('refuses a file announced as UTF-8 (BOM) with invalid bytes, and broken UTF-16', async () => {
		const utf8 = dir.write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER), Buffer.from([0x43, 0x2d, 0x31, 0x3b, 0xc3, 0x28])]));
		expect(await refusal(utf8)).toMatch(/bom\.csv : fichier annoncé en UTF-8 \(avec BOM\) mais dont le texte est abîmé/);
		const utf16 = dir.write('unicode.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ID\tNom\r\n', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]));
		expect(await refusal(utf16)).toMatch(/unicode\.csv : fichier annoncé en UTF-16/);
	});
});
