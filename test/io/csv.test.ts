import {describe, expect, it} from 'vitest';
import {decodeCsv, detectSeparator, parseCsv} from '../../source/io/csv.js';
import {windows1252} from './importHelpers.js';

describe('CSV decoding', () => {
	it('reads UTF-8 with and without BOM', () => {
		const text = 'Bénéficiaire;Genre\r\nÉLODIE Zoé;F\r\n';
		expect(decodeCsv(Buffer.from(text, 'utf8'))).toEqual({text, encoding: 'utf-8'});
		expect(decodeCsv(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]))).toEqual({text, encoding: 'utf-8'});
	});

	it('detects Windows-1252 when the bytes are not UTF-8', () => {
		const text = 'Bénéficiaire;Critère Intégration;Note\r\nÉLODIE Zoé;Sénior;rendez-vous l’après-midi\r\n';
		expect(decodeCsv(windows1252(text))).toEqual({text, encoding: 'windows-1252'});
	});

	it('reads Windows-1252 whose French typography happens to look like UTF-8 (« fermé\u00a0», CAFÉ…)', () => {
		// é + NBSP + » is E9 A0 BB, a complete UTF-8 sequence (a CJK character): no sign of UTF-8 damage
		const text = 'Bénéficiaire;Note\r\nÉLODIE Zoé;« dossier fermé\u00a0» puis RDV au CAFÉ… à Évreux\r\n';
		expect(decodeCsv(windows1252(text))).toEqual({text, encoding: 'windows-1252'});
	});

	it('reads UTF-16 with its BOM (Excel "Texte Unicode", tab separated)', () => {
		const text = 'Bénéficiaire\tGenre\r\nÉLODIE Zoé\tF\r\n';
		const decoded = decodeCsv(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
		expect(decoded).toEqual({text, encoding: 'utf-16le'});
		expect(parseCsv(decoded.text)[1]!.cells).toEqual(['ÉLODIE Zoé', 'F']);
	});

	it('refuses binary content', () => {
		expect(() => decodeCsv(Buffer.from([0x00, 0x01, 0x02, 0x03]))).toThrow();
	});
});

describe('CSV records', () => {
	it('detects ; or , from the header line', () => {
		expect(detectSeparator('a;b;c\n1,5;2;3')).toBe(';');
		expect(detectSeparator('a,b,c\n1;2;3')).toBe(',');
	});

	it('follows and skips Excel\'s sep= hint line', () => {
		expect(parseCsv('sep=,\r\nID,Note\r\n1,a;b\r\n')).toEqual([
			{line: 1, cells: ['ID', 'Note']},
			{line: 2, cells: ['1', 'a;b']},
		]);
	});

	it('keeps quoted separators, quotes and line breaks inside a field, numbering records as rows', () => {
		const records = parseCsv('ID;Note\r\n1;"a;b ""c""\nsuite"\r\n2;x\r\n');
		expect(records).toEqual([
			{line: 1, cells: ['ID', 'Note']},
			{line: 2, cells: ['1', 'a;b "c"\nsuite']},
			{line: 3, cells: ['2', 'x']},
		]);
	});
});
