import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {importFile} from '../../source/io/importFile.js';
import {TODAY, TempDir, VC_HEADERS, csvText, readStore, windows1252} from './importHelpers.js';

let dir: TempDir;
beforeEach(() => {
	dir = new TempDir();
});
afterEach(() => dir.remove());

const exchangeRows = [
	['ID', 'Responsable', 'Bénéficiaire', 'Date de naissance', 'RSA', 'Critère Intégration', 'Motif de non-intégration', 'Date de non-intégration'],
	['C-1', 'ROUVRAY Karim', 'ÉLODIE Zoé', '02/03/1992', 'Oui', 'Sénior', 'réorientation', '15/10/2026'],
	['C-2', 'ROUVRAY Karim', 'PELQUIN Noël', '1980-12-25', 'NON', 'Jeune sans qualification', '', ''],
];

const expected = [
	{
		id: 'C-1',
		referent: 'ROUVRAY Karim',
		name: 'ÉLODIE Zoé',
		birthDate: '1992-03-02',
		rsa: true,
		integrationCriterion: 'Sénior',
		nonIntegrationReason: 'Réorientation',
		nonIntegrationDate: '2026-10-15',
		steps: [],
		events: [],
	},
	{id: 'C-2', referent: 'ROUVRAY Karim', name: 'PELQUIN Noël', birthDate: '1980-12-25', rsa: false, integrationCriterion: 'Jeune sans qualification', steps: [], events: []},
];

describe('import of a CSV (Bénéficiaires layout)', () => {
	it('reads UTF-8 with ;', async () => {
		const file = dir.write('b.csv', csvText(exchangeRows));
		const store = dir.file('caseload.json');
		await importFile(file, {storePath: store, today: TODAY});
		expect(readStore(store).participants).toEqual(expected);
	});

	it('reads UTF-8 with a BOM and , as separator', async () => {
		const file = dir.write('b.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(exchangeRows, ','), 'utf8')]));
		const store = dir.file('caseload.json');
		await importFile(file, {storePath: store, today: TODAY});
		expect(readStore(store).participants).toEqual(expected);
	});

	it('reads Windows-1252 with ; as French Excel saves it', async () => {
		const file = dir.write('b.csv', windows1252(csvText(exchangeRows)));
		const store = dir.file('caseload.json');
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.summary.participants.created).toBe(2);
		expect(readStore(store).participants).toEqual(expected);
	});
});

describe('import of a CSV (Visual Course layout)', () => {
	it('reads a Windows-1252 extraction and makes one step from the "dernière étape" columns', async () => {
		const row = VC_HEADERS.map(() => '');
		const set = (header: (typeof VC_HEADERS)[number], value: string) => {
			row[VC_HEADERS.indexOf(header)] = value;
		};
		set('Responsable', 'MARTEL Inès');
		set('Bénéficiaire', 'ROSMIR Gaëlle');
		set('Date de naissance', '14/02/1995');
		set('RSA', 'Oui');
		set('Dernière étape terminée ou en cours', 'Chantier d’insertion espaces verts');
		set('Date de début étape', '01/12/2026');
		const file = dir.write('vc.csv', windows1252(csvText([[...VC_HEADERS], row])));
		const store = dir.file('caseload.json');
		const result = await importFile(file, {storePath: store, today: TODAY});
		expect(result.layout).toBe('visual-course');
		const [gaelle] = readStore(store).participants;
		expect(gaelle).toMatchObject({name: 'ROSMIR Gaëlle', birthDate: '1995-02-14', rsa: true, referent: 'MARTEL Inès'});
		// starts after the import day: Prévue
		expect(gaelle!.steps).toEqual([{label: 'Chantier d’insertion espaces verts', type: '', start: '2026-12-01', state: 'Prévue'}]);
	});
});
