// `plie-triage journal`: the trail of changes, readable in French, filtered by
// participant; a clear line when empty; exit 1 when the store or journal is unreadable.
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {recordInterview, renewContract, startStep, stepRef} from '../../source/domain/edits/index.js';
import {applyChange, undoChange} from '../../source/store/applyChange.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {journalPath} from '../../source/store/storePaths.js';
import {person} from '../helpers/caseload.js';
import {runCli} from '../helpers/cli.js';
import {createTempStore, removeTempDir} from '../helpers/tempStore.js';

const T = toDay('2026-11-22');
const step = {label: 'Atelier CV', type: 'Atelier', start: '2026-11-16', state: 'Prévue' as const};
const WHEN = new Date('2026-11-22T09:05:00Z');
let dir: string;
let file: string;

/** The local dd/mm/yyyy HH:mm the command prints for WHEN (same time zone as the child process). */
function localStamp(date: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${pad(date.getDate())}/${pad(date.getMonth() + 1)}/${date.getFullYear()} ${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

async function participant(id: string) {
	return (await readStoreFile(file)).data.participants.find(p => p.id === id)!;
}

beforeEach(async () => {
	({dir, file} = await createTempStore('plie-journal-', [
		person({id: 'A1', name: 'ALPHA Zélie', rsa: true, integrationDate: '2026-01-01', contractEnd: '2026-12-01', steps: [step]}),
		person({id: 'B2', name: 'BRAVO Noé', integrationDate: '2026-02-01'}),
	]));
	await fs.rm(journalPath(file)); // start each test with a store and no journal yet
});

afterEach(() => removeTempDir(dir));

async function someChanges(): Promise<void> {
	const context = {user: 'assistante.plie', now: WHEN};
	const first = await applyChange(file, await participant('A1'), p => startStep(p, stepRef(step)), context);
	await applyChange(file, await participant('A1'), p => renewContract(p, 6), context);
	await applyChange(file, await participant('B2'), p => recordInterview(p, T), context);
	if (first.status !== 'saved') throw new Error('not saved');
	await undoChange(file, first.undo, context);
}

describe('plie-triage journal', () => {
	it('prints every change in French: date and time, who, participant, what, before → after', async () => {
		await someChanges();
		const {code, stdout, stderr} = runCli(['journal', '--data', file]);
		expect(stderr).toBe('');
		expect(code).toBe(0);
		const stamp = localStamp(WHEN);
		expect(stdout).toContain(`Journal de ${file} — 4 entrées, les plus récentes d’abord`);
		expect(stdout).toContain(
			[
				`${stamp} · assistante.plie · A1 (ALPHA Zélie)`,
				'  Étape « Atelier CV » (16/11/2026) : Prévue → En cours',
				'    Étape « Atelier CV » (16/11/2026) — État : Prévue → En cours',
			].join('\n'),
		);
		expect(stdout).toContain(
			[
				'  CER renouvelé pour 6 mois : du 02/12/2026 au 01/06/2027 (précédent jusqu’au 01/12/2026)',
				'    Fin du CER : 01/12/2026 → 01/06/2027',
				'    Début du CER : — → 02/12/2026',
				'    CER précédents : — → jusqu’au 01/12/2026',
			].join('\n'),
		);
		expect(stdout).toContain(`${stamp} · assistante.plie · B2 (BRAVO Noé)\n  Événement « Entretien individuel » du 22/11/2026 ajouté`);
		expect(stdout).toContain('  Annulation : Étape « Atelier CV » (16/11/2026) : Prévue → En cours\n    Étape « Atelier CV » (16/11/2026) — État : En cours → Prévue');
		// newest first: the undo, made last, comes before the renewal
		expect(stdout.indexOf('Annulation')).toBeLessThan(stdout.indexOf('CER renouvelé'));
		const chronological = runCli(['journal', '--data', file, '--ordre', 'chronologique']);
		expect(chronological.code).toBe(0);
		expect(chronological.stdout).toContain('4 entrées, dans l’ordre chronologique');
		expect(chronological.stdout.indexOf('CER renouvelé')).toBeLessThan(chronological.stdout.indexOf('Annulation'));
		const wrong = runCli(['journal', '--data', file, '--ordre', 'alphabetique']);
		expect(wrong.code).toBe(2);
		expect(wrong.stderr).toContain('--ordre : « alphabetique » inconnu (attendu recent ou chronologique)');
	});

	it('--referent keeps the changes of that référent·e’s people (spelling aside); --depuis those from that day on', async () => {
		const withReferents = await createTempStore('plie-journal-ref-', [
			person({id: 'A1', name: 'ALPHA Zélie', referent: 'MARTEL Inès', integrationDate: '2026-01-01'}),
			person({id: 'B2', name: 'BRAVO Noé', referent: 'DURAND Paul', integrationDate: '2026-02-01'}),
		]);
		try {
			await fs.rm(journalPath(withReferents.file));
			const read = async (id: string) => (await readStoreFile(withReferents.file)).data.participants.find(p => p.id === id)!;
			// Local noon: the journal reads its times in the machine's zone (CI runs at UTC+14 and UTC−8).
			const early = {user: 'assistante.plie', now: new Date(2026, 10, 2, 12)};
			const late = {user: 'assistante.plie', now: new Date(2026, 10, 20, 12)};
			await applyChange(withReferents.file, await read('A1'), p => recordInterview(p, toDay('2026-11-02')), early);
			await applyChange(withReferents.file, await read('B2'), p => recordInterview(p, toDay('2026-11-20')), late);
			await applyChange(withReferents.file, await read('A1'), p => recordInterview(p, toDay('2026-11-20')), late);
			const martel = runCli(['journal', '--data', withReferents.file, '--referent', 'martel ines']);
			expect(martel.code).toBe(0);
			expect(martel.stdout).toContain('— référent·e MARTEL Inès — 2 entrées');
			expect(martel.stdout).toContain('A1 (ALPHA Zélie)');
			expect(martel.stdout).not.toContain('B2');
			const recent = runCli(['journal', '--data', withReferents.file, '--depuis', '15/11/2026']);
			expect(recent.code).toBe(0);
			expect(recent.stdout).toContain('— depuis le 15/11/2026 — 2 entrées');
			expect(recent.stdout).not.toContain('du 02/11/2026');
			const both = runCli(['journal', '--data', withReferents.file, '--referent', 'DURAND Paul', '--depuis', '2026-11-21']);
			expect(both.code).toBe(0);
			expect(both.stdout).toContain('Journal vide : aucune modification enregistrée correspondant au filtre — référent·e DURAND Paul — depuis le 21/11/2026');
			const unknown = runCli(['journal', '--data', withReferents.file, '--referent', 'PERSONNE Inconnue']);
			expect(unknown.code).toBe(2);
			expect(unknown.stderr).toContain('MARTEL Inès');
		} finally {
			await removeTempDir(withReferents.dir);
		}
	});

	it('--participant shows only that participant’s changes', async () => {
		await someChanges();
		const {code, stdout} = runCli(['journal', '--data', file, '--participant', 'B2']);
		expect(code).toBe(0);
		expect(stdout).toContain('bénéficiaire B2 — 1 entrée');
		expect(stdout).toContain('Entretien individuel');
		expect(stdout).not.toContain('A1');
		const none = runCli(['journal', '--data', file, '--participant', 'Z9']);
		expect(none.code).toBe(0);
		expect(none.stdout).toBe(`Journal vide : aucune modification enregistrée pour le bénéficiaire Z9 (${file}).\n`);
	});

	it('says clearly when nothing has been changed yet', () => {
		const {code, stdout} = runCli(['journal', '--data', file]);
		expect(code).toBe(0);
		expect(stdout).toBe(`Journal vide : aucune modification enregistrée (${file}).\n`);
	});

	it('a line cut by a crash is reported and skipped, the rest is printed', async () => {
		await someChanges();
		await fs.appendFile(journalPath(file), '{"time":"2026-11-22T10:00:00Z","us');
		const {code, stdout, stderr} = runCli(['journal', '--data', file]);
		expect(code).toBe(0);
		expect(stderr).toContain('ligne 5 illisible (ignorée)');
		expect(stdout).toContain('4 entrées');
	});

	it('exits 1 with a message when the store or the journal cannot be read', async () => {
		const missing = runCli(['journal', '--data', path.join(dir, 'absent.json')]);
		expect(missing.code).toBe(1);
		expect(missing.stderr).toContain('fichier de suivi introuvable');
		await fs.mkdir(journalPath(file));
		const unreadable = runCli(['journal', '--data', file]);
		expect(unreadable.code).toBe(1);
		expect(unreadable.stderr).toContain(`${journalPath(file)} : lecture du journal impossible`);
	});

	it('an import is told with its file and summary', async () => {
		const csv = path.join(dir, 'entrees.csv');
		await fs.writeFile(csv, 'ID;Bénéficiaire\nX-1;TESTARD Une\n');
		expect(runCli(['import', csv, '--data', file]).code).toBe(0);
		const {code, stdout} = runCli(['journal', '--data', file]);
		expect(code).toBe(0);
		expect(stdout).toContain(`  import\n    Fichier : ${csv}, Bilan (bénéficiaires (créés : 1, mis à jour : 0, inchangés : 0)`);
		expect(stdout).toMatch(/ · X-1 \(TESTARD Une\)\n  import : créé/);
	});
});
