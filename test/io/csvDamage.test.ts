// CSVs that cannot be read as they stand: refused in French with the row (and
// column) where they go wrong, never read with records swallowed or characters
// replaced; a huge file without line ends refused at its first overlong cell.
import {readFileSync, writeFileSync} from 'node:fs';
import {afterAll, beforeAll, beforeEach, describe, expect, it} from 'vitest';
import {ImportFileError, ImportRejectedError} from '../../source/io/faults.js';
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
		// an ASCII header: with UTF-8 accents elsewhere, the file would be damaged UTF-8 (below)
		const file = dir.write('inconnu.csv', Buffer.concat([Buffer.from('ID;Nom;Commune\r\n'), Buffer.from('C-1;In'), Buffer.from([0xe8, 0x81]), Buffer.from('s;Rouen\r\n')]));
		expect(await refusal(file)).toMatch(/inconnu\.csv : encodage inconnu : ni UTF-8 ni Windows-1252 \(octet 0x81\)/);
	});

	it('refuses UTF-8 with one damaged byte instead of reading the whole file as Windows-1252 (LÃ‰VÃŠQUE)', async () => {
		// headers without accents: the mojibake would otherwise be imported as names
		const head = Buffer.from('ID;Nom;Commune\r\nC-1;LÉVÊQUE Aurélien;Évreux\r\n');
		const damaged: Array<[string, number[]]> = [
			['octet.csv', [0xff]],
			['surlong.csv', [0xc0, 0xaf]],
			['cesu.csv', [0xed, 0xa0, 0xbd, 0xed, 0xb8, 0x80]],
		];
		for (const [name, bytes] of damaged) {
			const file = dir.write(name, Buffer.concat([head, Buffer.from('C-2;DUPONT '), Buffer.from(bytes), Buffer.from(' Jean;Rouen\r\n')]));
			expect(await refusal(file)).toBe(
				`${file} : ligne 3 : texte en UTF-8 abîmé (octet 0x${bytes[0]!.toString(16).toUpperCase()} invalide) : aucun caractère n’est deviné. ` +
					'Enregistrez de nouveau le fichier depuis Excel en « CSV UTF-8 ».',
			);
		}
		// a CESU surrogate alone is UTF-8's shape too
		const lone = dir.write('seul.csv', Buffer.concat([Buffer.from('ID;Nom\r\nC-1;NOM'), Buffer.from([0xed, 0xa0, 0x80]), Buffer.from('\r\n')]));
		expect(await refusal(lone)).toMatch(/seul\.csv : ligne 2 : texte en UTF-8 abîmé \(octet 0xED invalide\)/);
	});

	it('refuses a file announced as UTF-8 (BOM) with invalid bytes, and broken UTF-16', async () => {
		const utf8 = dir.write('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(HEADER), Buffer.from([0x43, 0x2d, 0x31, 0x3b, 0xc3, 0x28])]));
		expect(await refusal(utf8)).toMatch(/bom\.csv : fichier annoncé en UTF-8 \(avec BOM\) mais dont le texte est abîmé/);
		const utf16 = dir.write('unicode.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('ID\tNom\r\n', 'utf16le'), Buffer.from([0x00, 0xd8, 0x41, 0x00])]));
		expect(await refusal(utf16)).toMatch(/unicode\.csv : fichier annoncé en UTF-16/);
	});
});

describe('identifiers', () => {
	it('refuses an ID holding an invisible character: it would look like C-1 and still make a second person', async () => {
		for (const [name, invisible, code] of [
			['zwsp.csv', '\u200b', 'U+200B'],
			['insecable.csv', '\u00a0', 'U+00A0'],
			['controle.csv', '\u0007', 'U+0007'],
		] as const) {
			const file = dir.write(name, `ID;Bénéficiaire\r\nC-2;PELQUIN Noël\r\nC${invisible}-1;ÉLODIE Zoé\r\n`);
			const error = await importFile(file, {storePath: store, today: TODAY}).catch((caught: unknown) => caught);
			expect(error).toBeInstanceOf(ImportRejectedError);
			expect(readFileSync(store)).toEqual(storeBytes);
			const message = (error as Error).message;
			expect(message).toContain(`${name}, ligne 3, colonne « ID »`);
			expect(message).toContain(`identifiant avec un caractère invisible (${code})`);
		}
	});

	it('accepts such an ID when the store already holds it exactly (its own export comes back): the person is updated, no second one', async () => {
		const held = 'C\u00a0-9';
		writeStore(store, [{id: held, name: 'INSÉCABLE Ana', rsa: false, steps: [], events: []}]);
		const file = dir.write('retour.csv', `ID;Bénéficiaire;Commune\r\n${held};INSÉCABLE Ana;Elbeuf\r\n`);
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.summary.participants).toMatchObject({created: 0, updated: 1});
		const data = JSON.parse(readFileSync(store, 'utf8')) as {participants: Array<{id: string; commune?: string}>};
		expect(data.participants).toEqual([expect.objectContaining({id: held, commune: 'Elbeuf'})]);
		// a look-alike the store does not hold is still refused, the store left as it was
		const before = readFileSync(store);
		const other = dir.write('autre.csv', `ID;Bénéficiaire\r\nC\u200b-9;INSÉCABLE Ana\r\n`);
		const error = await importFile(other, {storePath: store, today: TODAY}).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ImportRejectedError);
		expect((error as Error).message).toContain('autre.csv, ligne 2, colonne « ID »');
		expect((error as Error).message).toContain('identifiant avec un caractère invisible (U+200B)');
		expect(readFileSync(store)).toEqual(before);
	});
});
