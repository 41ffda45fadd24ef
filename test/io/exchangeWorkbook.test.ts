import {statSync} from 'node:fs';
import ExcelJS from 'exceljs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {demoCaseload} from '../../source/domain/demoCaseload.js';
import type {Participant} from '../../source/domain/model.js';
import {ExportFileExistsError, writeExchangeWorkbook} from '../../source/io/exchangeWorkbook.js';
import {importFile} from '../../source/io/importFile.js';
import {TODAY, TempDir, readStore, writeWorkbook} from './importHelpers.js';

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

	it('version 2 (REFERENTIEL §5.4): the new columns and the CER précédents sheet, and back into an empty store exactly', async () => {
		const caseload = demoCaseload(TODAY);
		Object.assign(caseload[2]!, {
			orientationDate: '2026-02-03',
			contractStart: '2026-05-23',
			contractEnd: '2026-11-21',
			previousContracts: [{end: '2025-05-22'}, {start: '2025-05-23', end: '2026-05-22'}],
			standbySince: '2026-10-01',
			standbyReason: 'Garde d’enfant',
		});
		Object.assign(caseload[5]!, {
			exitDate: '2026-10-31',
			exitType: 'Positive',
			exitReason: 'CDI',
			exitValidatedOn: '2026-11-10',
			exitLettersSentOn: '2026-11-12',
			exitProofReceivedOn: '2026-11-15',
			exitClosedOn: '2026-11-20',
			standbyReason: 'Santé',
		});
		const file = dir.file('echange.xlsx');
		await writeExchangeWorkbook(caseload, file);
		const workbook = new ExcelJS.Workbook();
		await workbook.xlsx.readFile(file);
		const headers = workbook.getWorksheet('Bénéficiaires')!.getRow(1).values as unknown[];
		for (const column of [
			'Date d\'orientation',
			'Motif de veille',
			'Sortie validée en cellule le',
			'Courriers de sortie envoyés le',
			'Justificatif de sortie reçu le',
			'Dossier clôturé le',
		]) {
			expect(headers).toContain(column);
		}
		const contracts = workbook.getWorksheet('CER précédents')!;
		expect((contracts.getRow(1).values as unknown[]).slice(1)).toEqual(['ID bénéficiaire', 'Début', 'Fin']);
		expect((contracts.getRow(2).values as unknown[]).slice(1)).toEqual([caseload[2]!.id, undefined, new Date(Date.UTC(2025, 4, 22))]);

		const store = dir.file('caseload.json');
		await importFile(file, {storePath: store, today: TODAY});
		expect(normalise(readStore(store).participants)).toEqual(normalise(caseload));
		const again = await importFile(file, {storePath: store, today: TODAY});
		expect(again.summary.lists).toEqual({previousContracts: {created: 0, updated: 0, unchanged: 2}});
		expect(again.written).toBe(false);
	});

	it('a CER précédents sheet into a store: a CER not there yet is added in order of its end, one already there is left', async () => {
		const store = dir.file('caseload.json');
		const someone = {...demoCaseload(TODAY)[0]!, previousContracts: [{start: '2024-01-01', end: '2024-06-30'}, {start: '2025-01-01', end: '2025-06-30'}]};
		await writeExchangeWorkbook([someone], dir.file('base.xlsx'));
		await importFile(dir.file('base.xlsx'), {storePath: store, today: TODAY});
		const file = await writeWorkbook(dir.file('cer.xlsx'), [
			{
				name: 'CER précédents',
				rows: [
					['ID bénéficiaire', 'Début', 'Fin'],
					[someone.id, '01/07/2024', '31/12/2024'],
					[someone.id, '01/01/2025', '30/06/2025'],
				],
			},
		]);
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.summary.lists).toEqual({previousContracts: {created: 1, updated: 0, unchanged: 1}});
		expect(readStore(store).participants[0]!.previousContracts).toEqual([
			{start: '2024-01-01', end: '2024-06-30'},
			{start: '2024-07-01', end: '2024-12-31'},
			{start: '2025-01-01', end: '2025-06-30'},
		]);
	});

	it('a CER précédents row without its end is refused with its sheet, row and column', async () => {
		const store = dir.file('caseload.json');
		const file = await writeWorkbook(dir.file('cer.xlsx'), [
			{name: 'Bénéficiaires', rows: [['ID', 'Bénéficiaire'], ['C-1', 'TESTARD Léa']]},
			{name: 'CER précédents', rows: [['ID bénéficiaire', 'Début', 'Fin'], ['C-1', '01/07/2024', null]]},
		]);
		await expect(importFile(file, {storePath: store, today: TODAY})).rejects.toThrow('feuille « CER précédents », ligne 2, colonne « Fin », cellule vide : valeur obligatoire manquante');
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
