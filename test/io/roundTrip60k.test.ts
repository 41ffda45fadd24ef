// Large workbooks with accented, typographic and non-Latin names, in shared and
// in inline strings, as another program writes them (exceljs's streaming writer):
// imported with every character as written, exported as the exchange workbook,
// re-imported with zero change, and into an empty store identically. (exceljs's
// streaming reader turned a character split between two zip chunks into U+FFFD.)
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import ExcelJS from 'exceljs';
import type {Participant} from '../../source/domain/model.js';
import {writeExchangeWorkbook} from '../../source/io/exchangeWorkbook.js';
import {importFile} from '../../source/io/importFile.js';
import {TODAY, TempDir, readStore} from './importHelpers.js';

const ROWS = 60_000;
const SURNAMES = ['LÉVÊQUE', 'DUPRÉ-GAÏTAN', 'O’CONNOR', 'ŒILLET', 'ΑΘΑΝΑΣΙΟΥ', 'ИВАНОВА', 'العربي', '山田', '김', 'NGUYỄN', 'ØSTERGÅRD', 'ÇELİK'];
const FIRST_NAMES = ['Aurélien', 'Ève', 'Chloé « Lili »', 'Jean–Marc', 'Anaïs…', 'Ελένη', 'Мария', 'فاطمة', '花子', '민준', 'Noël 🎄', 'Zoé 🌻'];
const REFERENTS = ['MARTEL Inès', 'ΑΝΔΡΕΟΥ Μαρία', 'ПЕТРОВ Иван', 'D’ALMEIDA Françoise', '佐藤 次郎'];
const COMMUNES = ['Saint-Étienne-du-Rouvray', 'Lœuilly', 'Fécamp — centre', 'Le Trait « bas »', 'Évreux'];

interface Person {
	readonly id: string;
	readonly name: string;
	readonly referent: string;
	readonly commune: string;
	readonly birthDate: string;
}

function people(): Person[] {
	return Array.from({length: ROWS}, (_, i) => ({
		id: `RT-${String(i).padStart(5, '0')}`,
		// every name its own (a shared-strings table of 60,000 texts), varied in length so that
		// multi-byte characters fall at every offset of the zip's chunks
		name: `${SURNAMES[i % SURNAMES.length]}${i % 7 === 0 ? '’' : ''} ${FIRST_NAMES[(i * 7) % FIRST_NAMES.length]} ${'é'.repeat(i % 5)}${i.toString(36)}`,
		referent: REFERENTS[i % REFERENTS.length]!,
		commune: COMMUNES[(i * 3) % COMMUNES.length]!,
		birthDate: `19${50 + (i % 50)}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
	}));
}

async function writeWorkbook(file: string, persons: readonly Person[], useSharedStrings: boolean): Promise<void> {
	const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({filename: file, useSharedStrings, useStyles: true});
	const sheet = workbook.addWorksheet('Bénéficiaires');
	sheet.columns = [
		{header: 'ID', key: 'id'},
		{header: 'Responsable', key: 'referent'},
		{header: 'Bénéficiaire', key: 'name'},
		{header: 'Commune', key: 'commune'},
		{header: 'Date de naissance', key: 'birthDate', style: {numFmt: 'dd/mm/yyyy'}},
	];
	for (const person of persons) sheet.addRow({...person, birthDate: new Date(`${person.birthDate}T00:00:00Z`)}).commit();
	await sheet.commit();
	await workbook.commit();
}

let dir: TempDir;
let persons: Person[];
beforeAll(() => {
	dir = new TempDir();
	persons = people();
});
afterAll(() => dir.remove());

function byId(participants: readonly Participant[]): Map<string, Participant> {
	return new Map(participants.map(participant => [participant.id, participant]));
}

describe.each([
	['shared strings', true],
	['inline strings', false],
] as const)('a 60,000-row workbook in %s', (label, shared) => {
	it('is imported with every character as written, exported, and re-imported with zero change', async () => {
		const source = dir.file(`source-${shared}.xlsx`);
		await writeWorkbook(source, persons, shared);
		const store = dir.file(`store-${shared}.json`);
		const first = await importFile(source, {storePath: store, today: TODAY});
		expect(first.summary.participants.created).toBe(ROWS);
		expect(first.replacements).toEqual([]);

		const stored = byId(readStore(store).participants);
		const altered = persons.filter(person => {
			const participant = stored.get(person.id);
			return (
				participant === undefined ||
				participant.name !== person.name ||
				participant.referent !== person.referent ||
				participant.commune !== person.commune ||
				participant.birthDate !== person.birthDate
			);
		});
		expect(altered.slice(0, 5), `${label}: ${altered.length} people altered`).toEqual([]);

		const exported = dir.file(`echange-${shared}.xlsx`);
		await writeExchangeWorkbook(readStore(store).participants, exported);
		const again = await importFile(exported, {storePath: store, today: TODAY});
		expect(again.summary.participants).toEqual({created: 0, updated: 0, unchanged: ROWS});
		expect(again.written).toBe(false);

		const fresh = dir.file(`fresh-${shared}.json`);
		await importFile(exported, {storePath: fresh, today: TODAY});
		expect(readStore(fresh).participants).toEqual(readStore(store).participants);
	}, 300_000);
});
