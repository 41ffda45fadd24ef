import {statSync} from 'node:fs';
import ExcelJS from 'exceljs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {demoCaseload} from '../../source/domain/demoCaseload.js';
import type {Participant} from '../../source/domain/model.js';
import {ExportFileExistsError, writeExchangeWorkbook} from '../../source/io/exchangeWorkbook.js';
import {importFile} from '../../source/io/importFile.js';
import {TODAY, TempDir, readStore} from './importHelpers.js';

let dir: TempDir;
beforeEach(() => {
	dir = new TempDir();
});
afterEach(() => dir.remove());

/** What the store holds, as plain JSON (absent and undefined fields are the same). */
function normalise(participants: Participant[]): unknown {
	return JSON.parse(JSON.stringify(participants));
}

describe('the exchange workbook', () => {
	it('round trip: the demo caseload exported then imported into an empty store comes back the same', async () => {
		const caseload = demoCaseload(TODAY);
		const file = dir.file('echange.xlsx');
		await writeExchangeWorkbook(caseload, file);
		const store = dir.file('caseload.json');
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.summary.participants.created).toBe(caseload.length);
		expect(normalise(readStore(store).participants)).toEqual(normalise(caseload));
		// and once more: nothing new
		const again = await importFile(file, {storePath: store, today: TODAY});
		expect(again.summary.participants).toEqual({created: 0, updated: 0, unchanged: caseload.length});
		expect(again.summary.events.created).toBe(0);
	});

	it('opens readable: names and labels not cut, a filter on every heading', async () => {
		const person: Participant = {
			id: 'X-2',
			name: 'QUINBRALOVELDAL Marie-Christine',
			rsa: false,
			steps: [{label: 'Chantier d’insertion espaces verts et naturels', type: 'Emploi', start: '2026-10-01', state: 'En cours'}],
			events: [],
		};
		const file = dir.file('echange.xlsx');
		await writeExchangeWorkbook([person], file);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file);
		const people = workbook.getWorksheet('Bénéficiaires')!;
		const nameColumn = (people.getRow(1).values as unknown[]).indexOf('Bénéficiaire');
		expect(people.getColumn(nameColumn).width).toBeGreaterThanOrEqual(person.name.length);
		const steps = workbook.getWorksheet('Étapes')!;
		const labelColumn = (steps.getRow(1).values as unknown[]).indexOf('Libellé');
		expect(steps.getColumn(labelColumn).width).toBeGreaterThanOrEqual(person.steps[0]!.label.length);
		for (const sheet of workbook.worksheets) expect(sheet.autoFilter).toBeTruthy();
	});

	it('has the four sheets, a bold header, real date cells shown dd/mm/yyyy, Oui/Non booleans', async () => {
		const person: Participant = {
			id: 'X-1',
			name: 'LOMIR Yanis',
			rsa: true,
			birthDate: '1991-07-14',
			extension: false,
			steps: [{label: 'Remise à niveau', type: 'Formation', start: '2026-10-01', state: 'En cours'}],
			events: [{date: '2026-11-03', type: 'Atelier collectif', note: 'CV'}],
		};
		const file = dir.file('echange.xlsx');
		await writeExchangeWorkbook([person], file);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file);
		expect(workbook.worksheets.map(sheet => sheet.name)).toEqual(['Bénéficiaires', 'Étapes', 'Événements', 'CER précédents']);
		const people = workbook.getWorksheet('Bénéficiaires')!;
		const headers = (people.getRow(1).values as unknown[]).slice(1);
		expect(headers.slice(0, 3)).toEqual(['ID', 'Responsable', 'Bénéficiaire']);
		expect(headers).toContain('Date 1er RDV');
		expect(headers).toContain('Veille depuis');
		expect(people.getRow(1).getCell(1).font?.bold).toBe(true);
		const birth = people.getRow(2).getCell(headers.indexOf('Date de naissance') + 1);
		expect(birth.value).toEqual(new Date(Date.UTC(1991, 6, 14)));
		expect(birth.numFmt).toBe('dd/mm/yyyy');
		expect(people.getRow(2).getCell(headers.indexOf('RSA') + 1).value).toBe('Oui');
		expect(people.getRow(2).getCell(headers.indexOf('Prolong° parcours') + 1).value).toBe('Non');
		const steps = workbook.getWorksheet('Étapes')!;
		expect((steps.getRow(1).values as unknown[]).slice(1)).toEqual(['ID bénéficiaire', 'Libellé', 'Type', 'Début', 'Fin', 'État']);
		expect((steps.getRow(2).values as unknown[]).slice(1)).toEqual(['X-1', 'Remise à niveau', 'Formation', new Date(Date.UTC(2026, 9, 1)), undefined, 'En cours']);
		const events = workbook.getWorksheet('Événements')!;
		expect((events.getRow(2).values as unknown[]).slice(1)).toEqual(['X-1', new Date(Date.UTC(2026, 10, 3)), 'Atelier collectif', 'CV']);
	});

	it('refuses to replace an existing file unless asked to', async () => {
		const file = dir.write('echange.xlsx', 'déjà là');
		await expect(writeExchangeWorkbook([], file)).rejects.toBeInstanceOf(ExportFileExistsError);
		expect(statSync(file).size).toBe(Buffer.byteLength('déjà là'));
		await writeExchangeWorkbook([], file, {overwrite: true});
		expect(statSync(file).size).toBeGreaterThan(1000);
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});
});
