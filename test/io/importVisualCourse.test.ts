import {readFileSync} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {importFile} from '../../source/io/importFile.js';
import {formatImportSummary} from '../../source/io/importSummary.js';
import {visualCourseId} from '../../source/io/visualCourse.js';
import {toDay} from '../../source/domain/calendar.js';
import {TODAY, TempDir, VC_HEADERS, dateCell, readStore, vcRow, writeWorkbook} from './importHelpers.js';

let dir: TempDir;
beforeEach(() => {
	dir = new TempDir();
});
afterEach(() => dir.remove());

/** Two invented people as the extraction lists them, under a title line as Visual Course prints it. */
function extraction(overrides: {lastStepEnd?: unknown} = {}) {
	return [
		['Liste : bénéficiaires accompagnés suivi de prestation / marché'],
		[],
		[...VC_HEADERS],
		vcRow({
			Responsable: 'MARTEL Inès',
			Bénéficiaire: {richText: [{text: 'BRACOR '}, {text: 'Amina'}]},
			Genre: 'F',
			'Date de naissance': dateCell('1988-04-17'),
			'Commune de résidence': 'Rouen',
			'Critère Intégration': 'RSA',
			RSA: 'OUI',
			'Id. Pôle Emploi': 1234567,
			'Agence Pôle Emploi': 'Agence Rouen',
			'N° CAF': {text: '7654321', hyperlink: 'https://example.org/caf'},
			'Date de début CER': '01/06/2026',
			'Date de fin CER': '30/11/2026',
			'Date intégration': '2026-03-02',
			'Dernière étape terminée ou en cours': 'Titre professionnel ADVF',
			'Date de début étape': dateCell('2026-09-01'),
			'Date de fin étape': overrides.lastStepEnd ?? dateCell('2027-01-15'),
			'Prolong° parcours': 'non',
		}),
		[],
		vcRow({
			Responsable: 'ROUVRAY Karim',
			Bénéficiaire: '  DALFEN   Hugo ',
			Genre: 'M',
			'Date de naissance': '5/1/1979',
			RSA: 'Non',
			'Date intégration': {formula: 'DATE(2025,1,6)', result: 45663},
			'Dernière étape terminée ou en cours': 'CDD agent de propreté',
			'Date de début étape': '01/09/2026',
			'Date de fin étape': '15/11/2026',
			'Prolong° parcours': 'Oui',
			'Date de sortie': '20/11/2026',
			'Motif de sortie': 'cdi',
		}),
	];
}

describe('import of a Visual Course extraction', () => {
	it('reads every column, with the header found under the title and ids derived from name and birth date', async () => {
		const file = await writeWorkbook(dir.file('vc.xlsx'), [{name: 'Extraction', rows: extraction()}]);
		const store = dir.file('caseload.json');
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.layout).toBe('visual-course');
		expect(result.summary.participants).toEqual({created: 2, updated: 0, unchanged: 0});
		expect(result.summary.steps).toEqual({created: 2, updated: 0, unchanged: 0});
		const [amina, hugo] = readStore(store).participants;
		expect(amina).toMatchObject({
			id: visualCourseId('BRACOR Amina', toDay('1988-04-17')),
			referent: 'MARTEL Inès',
			name: 'BRACOR Amina',
			gender: 'F',
			birthDate: '1988-04-17',
			commune: 'Rouen',
			integrationCriterion: 'RSA',
			rsa: true,
			franceTravailId: '1234567',
			franceTravailAgency: 'Agence Rouen',
			cafNumber: '7654321',
			contractStart: '2026-06-01',
			contractEnd: '2026-11-30',
			integrationDate: '2026-03-02',
			extension: false,
		});
		expect(amina!.id).toMatch(/^VC-[0-9A-F]{10}$/);
		// a step still running on the import day is "En cours"
		expect(amina!.steps).toEqual([{label: 'Titre professionnel ADVF', type: '', start: '2026-09-01', end: '2027-01-15', state: 'En cours'}]);
		expect(hugo).toMatchObject({
			name: 'DALFEN Hugo',
			birthDate: '1979-01-05',
			rsa: false,
			integrationDate: '2025-01-06',
			extension: true,
			exitDate: '2026-11-20',
			exitReason: 'CDI',
			// « CDI » is in §2's positive list: the extraction's blank type is derived
			exitType: 'Positive',
		});
		// ended before the import day: "Terminée"
		expect(hugo!.steps[0]).toMatchObject({label: 'CDD agent de propreté', end: '2026-11-15', state: 'Terminée'});
	});

	it('derives the exit type only from a motive of the positive or dynamique list; its summary says the follow-up indicators need events', async () => {
		const rows = extraction();
		const withMotive = (name: string, birth: string, motive: string) =>
			vcRow({Responsable: 'ROUVRAY Karim', Bénéficiaire: name, 'Date de naissance': birth, 'Date intégration': '2025-01-06', 'Date de sortie': '20/11/2026', 'Motif de sortie': motive});
		rows.push(withMotive('VORLAN Tess', '02/03/1990', 'CDD < 6 mois'), withMotive('QUERIN Paul', '04/05/1985', 'Santé'));
		const file = await writeWorkbook(dir.file('vc.xlsx'), [{name: 'Extraction', rows}]);
		const store = dir.file('caseload.json');
		const result = await importFile(file, {storePath: store, today: TODAY});
		const byName = new Map(readStore(store).participants.map(p => [p.name, p]));
		expect(byName.get('VORLAN Tess')).toMatchObject({exitReason: 'CDD < 6 mois', exitType: 'Dynamique'});
		// « Santé » serves Réduction des freins and Autre: nothing guessed
		expect(byName.get('QUERIN Paul')!.exitReason).toBe('Santé');
		expect(byName.get('QUERIN Paul')!.exitType).toBeUndefined();
		const summary = formatImportSummary(result, store, false);
		expect(summary).toContain('une extraction Visual Course ne contient pas d’événements');
		expect(summary).toContain('les indicateurs de suivi (entretiens, rythme des contacts)');
	});

	it('gives the same ids on every re-import, whatever the spelling of the name: no duplicates', async () => {
		const file = await writeWorkbook(dir.file('vc.xlsx'), [{name: 'Extraction', rows: extraction()}]);
		const store = dir.file('caseload.json');
		await importFile(file, {storePath: store, today: TODAY});
		const before = readFileSync(store);
		const again = await importFile(file, {storePath: store, today: TODAY});
		expect(again.summary.participants).toEqual({created: 0, updated: 0, unchanged: 2});
		expect(again.summary.steps).toEqual({created: 0, updated: 0, unchanged: 2});
		expect(again.written).toBe(false);
		expect(readFileSync(store)).toEqual(before);
		expect(visualCourseId('dalfen hugo', toDay('1979-01-05'))).toBe(visualCourseId('DALFEN  Hugo', toDay('1979-01-05')));
		expect(visualCourseId('DALFEN Hugo', toDay('1979-01-06'))).not.toBe(visualCourseId('DALFEN Hugo', toDay('1979-01-05')));
	});

	it('updates the step when the next extraction gives its end, keeping what the extraction does not carry', async () => {
		const store = dir.file('caseload.json');
		const first = await writeWorkbook(dir.file('vc1.xlsx'), [{name: 'Extraction', rows: extraction()}]);
		await importFile(first, {storePath: store, today: TODAY});
		// the référent added a note and a prescriber in the tool meanwhile
		const data = JSON.parse(readFileSync(store, 'utf8'));
		data.participants[0].prescriber = 'CCAS';
		data.participants[0].steps[0].type = 'Formation';
		(await import('node:fs')).writeFileSync(store, JSON.stringify(data));
		const second = await writeWorkbook(dir.file('vc2.xlsx'), [{name: 'Extraction', rows: extraction({lastStepEnd: '20/11/2026'})}]);
		const result = await importFile(second, {storePath: store, today: TODAY});
		expect(result.summary.steps).toEqual({created: 0, updated: 1, unchanged: 1});
		expect(result.summary.participants).toEqual({created: 0, updated: 0, unchanged: 2});
		const amina = readStore(store).participants[0]!;
		expect(amina.prescriber).toBe('CCAS');
		expect(amina.steps).toEqual([{label: 'Titre professionnel ADVF', type: 'Formation', start: '2026-09-01', end: '2026-11-20', state: 'Terminée'}]);
	});

	it('keeps a step the référent marked "Interrompue": the extraction only gives dates', async () => {
		const store = dir.file('caseload.json');
		const file = await writeWorkbook(dir.file('vc.xlsx'), [{name: 'Extraction', rows: extraction()}]);
		await importFile(file, {storePath: store, today: TODAY});
		const data = JSON.parse(readFileSync(store, 'utf8'));
		data.participants[0].steps[0].state = 'Interrompue';
		(await import('node:fs')).writeFileSync(store, JSON.stringify(data));
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.summary.steps).toEqual({created: 0, updated: 0, unchanged: 2});
		expect(readStore(store).participants[0]!.steps[0]!.state).toBe('Interrompue');
	});

	it('does not duplicate a "dernière étape" also listed on the Étapes sheet', async () => {
		const file = await writeWorkbook(dir.file('mixte.xlsx'), [
			{
				name: 'Bénéficiaires',
				rows: [
					['ID', 'Bénéficiaire', 'Dernière étape terminée ou en cours', 'Date de début étape'],
					['M-1', 'QUINROS Pascal', 'Atelier CV', '02/11/2026'],
				],
			},
			{name: 'Étapes', rows: [['ID bénéficiaire', 'Libellé', 'Type', 'Début', 'État'], ['M-1', 'atelier cv', 'Atelier', '02/11/2026', 'Prévue']]},
		]);
		const store = dir.file('caseload.json');
		await importFile(file, {storePath: store, today: TODAY});
		const [pascal] = readStore(store).participants;
		expect(pascal!.steps).toEqual([{label: 'atelier cv', type: 'Atelier', start: '2026-11-02', state: 'Prévue'}]);
	});

	it('ignores, with a warning, another sheet that is no known layout', async () => {
		const file = await writeWorkbook(dir.file('vc.xlsx'), [
			{name: 'Extraction', rows: extraction()},
			{name: 'Paramètres', rows: [['Période', '2026'], ['Structure', 'PLIE']]},
		]);
		const result = await importFile(file, {storePath: dir.file('caseload.json'), today: TODAY});
		expect(result.summary.participants.created).toBe(2);
		expect(result.warnings).toEqual(['feuille « Paramètres » non reconnue : ignorée.']);
	});

	it('matches headers whatever their case, accents, spaces and punctuation, and the France Travail synonym', async () => {
		const headers = ['  RESPONSABLE', 'beneficiaire', 'date  de NAISSANCE', 'Id France Travail', 'n° caf', 'Prolong parcours', 'Colonne perso'];
		const file = await writeWorkbook(dir.file('vc.xlsx'), [
			{name: 'Feuil1', rows: [headers, ['MARTEL Inès', 'NODMIR Léo', '12/12/1990', 'A123', '99', 'oui', 'x']]},
		]);
		const store = dir.file('caseload.json');
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.warnings).toEqual(['colonne « Colonne perso », feuille « Feuil1 » inconnue : ignorée.']);
		expect(readStore(store).participants[0]).toMatchObject({
			referent: 'MARTEL Inès',
			name: 'NODMIR Léo',
			birthDate: '1990-12-12',
			franceTravailId: 'A123',
			cafNumber: '99',
			extension: true,
		});
	});
});
