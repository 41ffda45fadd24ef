// Cells as Excel shows them: rich text joined, phonetic runs left out, typed
// cells (t="d", t="b"), the 1904 date system, error cells reported (never read as
// blanks), hidden sheets read with a warning. Workbooks written part by part.
import {readFileSync} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {isoFromDay} from '../../source/domain/calendar.js';
import {ImportRejectedError} from '../../source/io/faults.js';
import {importFile} from '../../source/io/importFile.js';
import {TODAY, TempDir, readStore, writeStore} from './importHelpers.js';
import {type WorkbookParts, row, workbookBytes} from './xlsxParts.js';

let dir: TempDir;
let store: string;
beforeEach(() => {
	dir = new TempDir();
	store = dir.file('caseload.json');
});
afterEach(() => dir.remove());

const HEADER = row(1, ['ID', 'Bénéficiaire', 'Date de naissance', 'RSA', 'Commune']);

async function importParts(parts: WorkbookParts) {
	const file = dir.write('classeur.xlsx', workbookBytes(parts));
	const result = await importFile(file, {storePath: store, today: TODAY});
	return {result, participants: readStore(store).participants};
}

describe('text cells read as Excel shows them', () => {
	it('joins every rich-text run of a shared string, not only the last one', async () => {
		const {participants} = await importParts({
			sharedStrings: '<si><r><rPr><b/></rPr><t>DUPONT</t></r><r><t xml:space="preserve"> Jean</t></r></si>',
			sheets: [{name: 'Bénéficiaires', rows: HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>E-1</t></is></c><c r="B2" t="s"><v>0</v></c></row>'}],
		});
		expect(participants[0]!.name).toBe('DUPONT Jean');
	});

	it('leaves out phonetic runs (furigana), in shared and in inline strings', async () => {
		const phonetic = '<t>山田 花子</t><rPh sb="0" eb="2"><t>ヤマダ</t></rPh><phoneticPr fontId="1"/>';
		const {participants} = await importParts({
			sharedStrings: `<si>${phonetic}</si>`,
			sheets: [
				{
					name: 'Bénéficiaires',
					rows:
						HEADER +
						'<row r="2"><c r="A2" t="inlineStr"><is><t>E-1</t></is></c><c r="B2" t="s"><v>0</v></c></row>' +
						`<row r="3"><c r="A3" t="inlineStr"><is><t>E-2</t></is></c><c r="B3" t="inlineStr"><is><r><t>佐藤</t></r><rPh sb="0" eb="2"><t>サトウ</t></rPh><r><t xml:space="preserve"> 次郎</t></r></is></c></row>`,
				},
			],
		});
		expect(participants.map(p => p.name)).toEqual(['山田 花子', '佐藤 次郎']);
	});

	it('decodes the _xHHHH_ escapes Excel writes for characters XML cannot hold', async () => {
		const {participants} = await importParts({
			sheets: [{name: 'Bénéficiaires', rows: HEADER + row(2, ['E-1', 'NOM_x005F_x0041_ Zoé']) + row(3, ['E-2', 'ÉLAN_x0020_Léa'])}],
		});
		expect(participants.map(p => p.name)).toEqual(['NOM_x0041_ Zoé', 'ÉLAN Léa']);
	});
});

describe('typed cells', () => {
	it('reads t="d" ISO dates and t="b" booleans', async () => {
		const {participants} = await importParts({
			sheets: [
				{
					name: 'Bénéficiaires',
					rows: HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>E-1</t></is></c><c r="B2" t="inlineStr"><is><t>FENLAM Chloé</t></is></c><c r="C2" t="d"><v>1985-03-12T00:00:00</v></c><c r="D2" t="b"><v>1</v></c></row>',
				},
			],
		});
		expect(participants[0]).toMatchObject({birthDate: '1985-03-12', rsa: true});
	});

	it('reads date cells by their style, in the 1900 and the 1904 date systems', async () => {
		// serial 31118 shows 12/03/1985 in the 1900 system; in the 1904 system, 1462 days later
		const rows = HEADER + '<row r="2"><c r="A2" t="inlineStr"><is><t>E-1</t></is></c><c r="B2" t="inlineStr"><is><t>FENLAM Chloé</t></is></c><c r="C2" s="1"><v>31118</v></c><c r="E2" s="2"><v>31118</v></c></row>';
		const cellXfs = '<xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/>';
		const numFmts = '<numFmt numFmtId="164" formatCode="[$-fr-FR]dd/mm/yyyy;@"/>';
		const plain = await importParts({cellXfs, numFmts, sheets: [{name: 'Bénéficiaires', rows}]});
		expect(plain.participants[0]).toMatchObject({birthDate: '1985-03-12', commune: '12/03/1985'});
		dir.remove();
		dir = new TempDir();
		store = dir.file('caseload.json');
		const mac = await importParts({cellXfs, numFmts, date1904: true, sheets: [{name: 'Bénéficiaires', rows}]});
		expect(mac.participants[0]).toMatchObject({birthDate: isoFromDay(31118 - 25569 + 1462), commune: '13/03/1989'});
	});

	it('reports error cells and formulas without a result with their sheet, row and column, and writes nothing', async () => {
		writeStore(store, [{id: 'E-1', name: 'FENLAM Chloé', birthDate: '1990-05-06', rsa: true, cafNumber: '1234567', steps: [], events: []}]);
		const before = readFileSync(store);
		const file = dir.write(
			'erreurs.xlsx',
			workbookBytes({
				sheets: [
					{
						name: 'Bénéficiaires',
						rows:
							row(1, ['ID', 'Bénéficiaire', 'Date de naissance', 'RSA', 'N° CAF']) +
							'<row r="2"><c r="A2" t="inlineStr"><is><t>E-1</t></is></c><c r="B2" t="inlineStr"><is><t>FENLAM Chloé</t></is></c>' +
							'<c r="C2" t="e"><f>VLOOKUP(A2,X!A:B,2,0)</f><v>#N/A</v></c><c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2"><f>A2*1</f></c></row>',
					},
				],
			}),
		);
		const error = await importFile(file, {storePath: store, today: TODAY}).catch((caught: unknown) => caught);
		expect(error).toBeInstanceOf(ImportRejectedError);
		const message = (error as Error).message;
		expect(message).toContain('erreurs.xlsx, feuille « Bénéficiaires », ligne 2, colonne « Date de naissance », valeur « #N/A » : cellule en erreur');
		expect(message).toContain('ligne 2, colonne « RSA », valeur « #DIV/0! » : cellule en erreur');
		expect(message).toContain('ligne 2, colonne « N° CAF », valeur « formule sans résultat enregistré » : cellule en erreur');
		expect(readFileSync(store)).toEqual(before);
	});
});

describe('sheets', () => {
	it('reads a hidden sheet like the others and names it in a warning', async () => {
		const {result, participants} = await importParts({
			sheets: [
				{name: 'Bénéficiaires', rows: HEADER + row(2, ['E-1', 'FENLAM Chloé'])},
				{name: 'Étapes', state: 'hidden', rows: row(1, ['ID bénéficiaire', 'Libellé', 'Début']) + row(2, ['E-1', 'Atelier CV', '01/03/2026'])},
				{name: 'Événements', state: 'veryHidden', rows: row(1, ['ID bénéficiaire', 'Date', 'Type']) + row(2, ['E-1', '02/03/2026', 'Autre'])},
			],
		});
		expect(participants[0]!.steps).toHaveLength(1);
		expect(participants[0]!.events).toHaveLength(1);
		expect(result.warnings).toContain('feuille « Étapes » masquée dans le classeur : lue comme les autres.');
		expect(result.warnings).toContain('feuille « Événements » masquée dans le classeur : lue comme les autres.');
	});
});
