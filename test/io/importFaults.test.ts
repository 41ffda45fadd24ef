import {readFileSync, writeFileSync} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {ImportFileError, ImportRejectedError} from '../../source/io/faults.js';
import {importFile} from '../../source/io/importFile.js';
import {
	EVENT_HEADERS,
	EXCHANGE_PARTICIPANT_HEADERS,
	STEP_HEADERS,
	TODAY,
	TempDir,
	VC_HEADERS,
	csvText,
	dateCell,
	vcRow,
	writeStore,
	writeWorkbook,
} from './importHelpers.js';

let dir: TempDir;
let store: string;
let storeBytes: Buffer;
beforeEach(() => {
	dir = new TempDir();
	store = dir.file('caseload.json');
	writeStore(store, [{id: 'S-1', name: 'SAVTUR Jules', rsa: false, steps: [], events: []}]);
	storeBytes = readFileSync(store);
});
afterEach(() => dir.remove());

/** Imports `file`, expecting a refusal; returns the message lines and checks the store is untouched. */
async function refusal(file: string): Promise<string[]> {
	const error = await importFile(file, {storePath: store, today: TODAY}).then(
		() => undefined,
		(caught: unknown) => caught,
	);
	expect(error).toBeInstanceOf(ImportRejectedError);
	expect(readFileSync(store)).toEqual(storeBytes);
	return (error as Error).message.split('\n');
}

describe('an import with faults writes nothing and lists every fault', () => {
	it('in an exchange workbook: dates, two-digit years, vocabularies, unknown participants, duplicate ids, booleans', async () => {
		const file = await writeWorkbook(dir.file('echange.xlsx'), [
			{
				name: 'Bénéficiaires',
				rows: [
					EXCHANGE_PARTICIPANT_HEADERS,
					['E-1', 'MARTEL Inès', 'FENLAM Chloé', '31/02/1990', 'Oui', '', '', ''],
					['E-2', 'MARTEL Inès', 'GOUROS Nabil', '06/07/85', 'peut-être', '', 'En attente', ''],
					['E-1', 'MARTEL Inès', 'FENLAM Chloé', '01/02/1990', 'Oui', '', '', ''],
				],
			},
			{
				name: 'Étapes',
				rows: [STEP_HEADERS, ['E-1', 'Atelier CV', 'Atelier', dateCell('2026-03-01'), '', 'Finie'], ['X-404', 'Stage', '', '01/03/2026', '', 'Prévue']],
			},
			{
				name: 'Événements',
				rows: [EVENT_HEADERS, ['E-2', '02/11/2026', 'Rendez-vous', ''], ['S-1', '2026-02-30', 'Autre', ''], ['Y-404', '02/11/2026', 'Autre', '']],
			},
		]);
		const lines = await refusal(file);
		expect(lines[0]).toMatch(/^import refusé : \d+ erreurs dans « .*echange\.xlsx ». Rien n’a été écrit/);
		const body = lines.slice(1).join('\n');
		expect(body).toContain('echange.xlsx, feuille « Bénéficiaires », ligne 2, colonne « Date de naissance », valeur « 31/02/1990 » : date impossible');
		expect(body).toContain('feuille « Bénéficiaires », ligne 3, colonne « Date de naissance », valeur « 06/07/85 » : année à deux chiffres');
		expect(body).toContain('feuille « Bénéficiaires », ligne 3, colonne « RSA », valeur « peut-être » : attendu Oui ou Non');
		expect(body).toContain('feuille « Bénéficiaires », ligne 3, colonne « État parcours », valeur « En attente » : valeur inconnue (attendu Prévisionnel ou Validé)');
		expect(body).toContain('feuille « Bénéficiaires », ligne 4, colonne « ID », valeur « E-1 » : identifiant en double (déjà ligne 2)');
		expect(body).toContain('feuille « Étapes », ligne 2, colonne « État », valeur « Finie » : état d’étape inconnu (attendu Prévue, En cours, Terminée ou Interrompue)');
		expect(body).toContain('feuille « Étapes », ligne 3, colonne « ID bénéficiaire », valeur « X-404 » : bénéficiaire inconnu');
		expect(body).toContain('feuille « Événements », ligne 2, colonne « Type », valeur « Rendez-vous » : type d’événement inconnu');
		expect(body).toContain('feuille « Événements », ligne 3, colonne « Date », valeur « 2026-02-30 » : date impossible');
		expect(body).toContain('feuille « Événements », ligne 4, colonne « ID bénéficiaire », valeur « Y-404 » : bénéficiaire inconnu');
		expect(lines).toHaveLength(11);
	});

	it('names missing required columns on the header row', async () => {
		const file = await writeWorkbook(dir.file('echange.xlsx'), [
			{name: 'Bénéficiaires', rows: [['Bénéficiaire', 'RSA'], ['FENLAM Chloé', 'Oui']]},
			{name: 'Étapes', rows: [['ID bénéficiaire', 'Libellé', 'État'], ['S-1', 'Stage', 'Prévue']]},
		]);
		const body = (await refusal(file)).join('\n');
		expect(body).toContain('feuille « Bénéficiaires », ligne 1, colonne « ID » : colonne obligatoire absente');
		expect(body).toContain('feuille « Étapes », ligne 1, colonne « Début » : colonne obligatoire absente');
	});

	it('in a Visual Course extraction: the same person twice and a step without its start', async () => {
		const file = await writeWorkbook(dir.file('vc.xlsx'), [
			{
				name: 'Extraction',
				rows: [
					['Liste : bénéficiaires accompagnés'],
					[...VC_HEADERS],
					vcRow({Bénéficiaire: 'BRACOR Amina', 'Date de naissance': '17/04/1988'}),
					vcRow({Bénéficiaire: 'bracor  amina', 'Date de naissance': dateCell('1988-04-17'), 'Dernière étape terminée ou en cours': 'Stage'}),
				],
			},
		]);
		const body = (await refusal(file)).join('\n');
		expect(body).toContain('vc.xlsx, feuille « Extraction », ligne 4, colonne « Bénéficiaire », valeur « bracor amina » : même bénéficiaire (nom et date de naissance) déjà ligne 3');
		expect(body).toContain('feuille « Extraction », ligne 4, colonne « Date de début étape », cellule vide : date de début de l’étape manquante');
	});

	it('the same person on two sheets of one workbook', async () => {
		const sheet = (name: string) => ({name, rows: [[...VC_HEADERS], vcRow({Bénéficiaire: 'BRACOR Amina', 'Date de naissance': '17/04/1988'})]});
		const body = (await refusal(await writeWorkbook(dir.file('vc.xlsx'), [sheet('Rouen'), sheet('Elbeuf')]))).join('\n');
		expect(body).toContain('feuille « Elbeuf », ligne 2, colonne « Bénéficiaire », valeur « BRACOR Amina » : même bénéficiaire (nom et date de naissance) déjà feuille « Rouen », ligne 2');
	});

	it('in a CSV: the row number counts the header as row 1 and skips nothing for blank lines', async () => {
		const file = dir.write(
			'b.csv',
			csvText([
				['ID', 'Bénéficiaire', 'Date de naissance'],
				['C-1', 'ÉLODIE Zoé', '02/03/1992'],
				['', '', ''],
				['C-2', 'PELQUIN Noël', '1980-13-25'],
				['C-3', '', '01/01/1990'],
			]),
		);
		const lines = await refusal(file);
		expect(lines.slice(1)).toEqual([
			'  - b.csv, ligne 4, colonne « Date de naissance », valeur « 1980-13-25 » : date impossible',
			'  - b.csv, ligne 5, colonne « Bénéficiaire », cellule vide : nom du bénéficiaire manquant',
		]);
	});
});

describe('a file that cannot be read is refused with a message naming it', () => {
	async function fileError(file: string): Promise<string> {
		const error = await importFile(file, {storePath: store, today: TODAY}).then(
			() => undefined,
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(ImportFileError);
		expect(readFileSync(store)).toEqual(storeBytes);
		return (error as Error).message;
	}

	it('missing', async () => {
		expect(await fileError(dir.file('absent.xlsx'))).toBe(`${dir.file('absent.xlsx')} : fichier introuvable.`);
	});

	it('empty', async () => {
		expect(await fileError(dir.write('vide.csv', ''))).toMatch(/vide\.csv : le fichier est vide/);
	});

	it('not a spreadsheet (binary, or an .xlsx that is not a workbook)', async () => {
		expect(await fileError(dir.write('image.csv', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x00, 0x0d])))).toMatch(
			/image\.csv : ce n’est ni un classeur Excel/,
		);
		expect(await fileError(dir.write('texte.xlsx', 'bonjour'))).toMatch(/texte\.xlsx : ce n’est pas un classeur Excel/);
		expect(await fileError(dir.write('ancien.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])))).toMatch(/ancien format Excel \(\.xls\) ou classeur protégé par un mot de passe, non pris en charge/);
	});

	it('a zip with no worksheet in it', async () => {
		const file = await writeWorkbook(dir.file('sans-feuille.xlsx'), []);
		expect(await fileError(file)).toMatch(/sans-feuille\.xlsx : ce n’est pas un classeur Excel \(\.xlsx\) : aucune feuille de calcul/);
	});

	it('truncated', async () => {
		const whole = await writeWorkbook(dir.file('whole.xlsx'), [{name: 'Bénéficiaires', rows: [EXCHANGE_PARTICIPANT_HEADERS, ['E-1', '', 'X', '', '', '', '', '']]}]);
		const bytes = readFileSync(whole);
		const cut = dir.file('coupé.xlsx');
		writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length / 2)));
		expect(await fileError(cut)).toMatch(/coupé\.xlsx : la fin de l’archive est introuvable : fichier tronqué/);
	});

	it('a text file that is no known layout', async () => {
		const error = await importFile(dir.write('notes.csv', 'Bonjour,\nceci est une lettre.\n'), {storePath: store, today: TODAY}).catch(e => e);
		expect(error).toBeInstanceOf(ImportRejectedError);
		expect(error.message).toMatch(/aucune ligne d’en-têtes reconnue/);
	});
});
