// `plie-triage db …` as a user runs it, on a real server: init twice, a caseload
// copied into the base gives the same `report --json` as the file, copied back it
// is the same caseload; a non-empty target is refused without --force; grant and
// revoke change what a login sees; a URL with a password is refused unrepeated.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload, storeText} from '../../source/bench/caseload.js';
import {referentSlug} from '../../source/io/celluleWorkbook.js';
import {openCaseloadStore} from '../../source/store/caseloadStore.js';
import {toDay} from '../../source/domain/calendar.js';
import {readJournal} from '../../source/store/journal.js';
import {readStoreData} from '../../source/store/readStore.js';
import {runCli} from '../helpers/cli.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase, withClient} from '../helpers/pg.js';

const admin = await pgAdminUrl();
const TODAY = '2026-11-22';

describe.skipIf(admin === undefined)(`plie-triage db${pgSkipReason()}`, () => {
	let db: TestDatabase;
	let dir: string;
	let file: string;

	beforeAll(async () => {
		db = await createTestDatabase(admin!);
		dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-db-cli-'));
		file = path.join(dir, 'caseload.json');
		// a caseload the code was not written against: generated, several référents, every field
		await fs.writeFile(file, storeText(generateCaseload(400, toDay(TODAY), 7)), {mode: 0o600});
	});

	afterAll(async () => {
		await db?.drop();
		await fs.rm(dir, {recursive: true, force: true});
	});

	it('db init prepares the base, then says it is up to date', () => {
		const first = runCli(['db', 'init', db.ownerUrl]);
		expect(first.stderr).toBe('');
		expect(first.code).toBe(0);
		expect(first.stdout).toContain(`Base prête : ${db.ownerUrl} (schéma version 2 ; migrations appliquées : 001_init, 002_rights_per_base).`);
		const second = runCli(['db', 'init', db.ownerUrl]);
		expect(second.code).toBe(0);
		expect(second.stdout).toBe(`Base déjà à jour : ${db.ownerUrl} (schéma version 2).\n`);
	});

	it('db copy into the base: the same report --json as the file, for all and for one référent·e', async () => {
		const copy = runCli(['db', 'copy', '--from', file, '--to', db.ownerUrl]);
		expect(copy.stderr).toBe('');
		expect(copy.code).toBe(0);
		const data = await readStoreData(file);
		const steps = data.participants.reduce((n, p) => n + p.steps.length, 0);
		const events = data.participants.reduce((n, p) => n + p.events.length, 0);
		expect(copy.stdout).toBe(
			`Copie faite : ${file} → ${db.ownerUrl} : 400 bénéficiaires, ${steps} étapes, ${events} événements, 0 ligne de journal (comptes vérifiés des deux côtés).\n`,
		);
		const referent = data.participants[3]!.referent!;
		for (const extra of [[], ['--referent', referent], ['--hide-snoozed']]) {
			const fromFile = runCli(['report', '--json', '--data', file, '--today', TODAY, ...extra]);
			const fromBase = runCli(['report', '--json', '--data', db.ownerUrl, '--today', TODAY, ...extra]);
			expect(fromBase.stderr).toBe('');
			expect(fromBase.code).toBe(0);
			expect(fromBase.stdout).toBe(fromFile.stdout);
		}
	});

	it('echeances and bilan read the base as they read the file (issue 18: every command through the store)', () => {
		for (const command of [
			['echeances', '--json'],
			['bilan', '--json', '--du', '2025-11-23', '--au', TODAY],
		]) {
			const fromFile = runCli([...command, '--data', file, '--today', TODAY]);
			const fromBase = runCli([...command, '--data', db.ownerUrl, '--today', TODAY]);
			expect(fromBase.stderr).toBe('');
			expect(fromBase.code).toBe(0);
			expect(fromBase.stdout).toBe(fromFile.stdout);
		}
		// the list in words names the base as a base
		expect(runCli(['echeances', '--data', db.ownerUrl, '--today', TODAY]).stdout.split('\n')[1]).toBe(`Base : ${db.ownerUrl}`);
	});

	it('a non-empty target is refused without --force, and left as it was', async () => {
		const before = await fs.readFile(file);
		const intoBase = runCli(['db', 'copy', '--from', file, '--to', db.ownerUrl]);
		expect(intoBase.code).toBe(1);
		expect(intoBase.stderr).toContain(`${db.ownerUrl} n’est pas vide (400 bénéficiaires, 1 ligne de journal) : rien n’a été copié. Ajoutez --force`);
		const intoFile = runCli(['db', 'copy', '--from', db.ownerUrl, '--to', file]);
		expect(intoFile.code).toBe(1);
		expect(intoFile.stderr).toContain(`${file} n’est pas vide (400 bénéficiaires`);
		expect(await fs.readFile(file)).toEqual(before);
		const {rows} = await withClient(db.ownerUrl, client => client.query('SELECT count(*)::int AS n FROM plie_triage.journal'));
		expect(rows[0].n).toBe(1);
	});

	it('copied back to a file, it is the same caseload, and the journal says where it came from', async () => {
		const back = path.join(dir, 'back.json');
		const copy = runCli(['db', 'copy', '--from', db.ownerUrl, '--to', back]);
		expect(copy.stderr).toBe('');
		expect(copy.code).toBe(0);
		expect(await readStoreData(back)).toEqual(await readStoreData(file));
		expect((await fs.stat(back)).mode & 0o777).toBe(0o600);
		const data = await readStoreData(file);
		const counts = `400 bénéficiaires, ${data.participants.reduce((n, p) => n + p.steps.length, 0)} étapes, ${data.participants.reduce((n, p) => n + p.events.length, 0)} événements`;
		// the base's line (time and author kept), then the line of this copy
		expect((await readJournal(back))!.lines.map(line => line.action)).toEqual([
			`copie depuis ${file} (${counts}, 0 ligne de journal)`,
			`copie depuis ${db.ownerUrl} (${counts}, 1 ligne de journal)`,
		]);
		const journalText = runCli(['journal', '--data', db.ownerUrl]);
		expect(journalText.code).toBe(0);
		expect(journalText.stdout).toContain(`Journal de ${db.ownerUrl} — 1 entrée`);
	});

	it('db grant and db revoke change what a login sees', async () => {
		const {login, url} = await db.login('referente');
		const data = await readStoreData(file);
		const referent = data.participants[0]!.referent!;
		const own = data.participants.filter(p => p.referent === referent).map(p => p.id).sort();
		const refused = runCli(['report', '--json', '--data', url, '--today', TODAY]);
		expect(refused.code).toBe(1);
		expect(refused.stderr).toContain(`Votre identifiant PostgreSQL « ${login} » n’est associé à aucun·e référent·e`);
		const grant = runCli(['db', 'grant', login, '--referent', referent.toUpperCase(), '--data', db.ownerUrl]);
		expect(grant.code).toBe(0);
		expect(grant.stdout).toContain(`(${own.length} à ce jour)`);
		const report = runCli(['report', '--json', '--data', url, '--today', TODAY]);
		expect(report.code).toBe(0);
		const seen = new Set((JSON.parse(report.stdout) as {indicators: Array<{participants: string[]}>}).indicators.flatMap(i => i.participants));
		for (const id of seen) expect(own).toContain(id);
		expect(seen.size).toBeGreaterThan(0);
		const revoke = runCli(['db', 'revoke', login, '--data', db.ownerUrl]);
		expect(revoke.code).toBe(0);
		expect(revoke.stdout).toContain('il n’a plus accès à aucun bénéficiaire');
		expect(runCli(['report', '--data', url, '--today', TODAY]).code).toBe(1);
	});

	it('a référent login sees its référent·e named where « Tous » would be: report, echeances, bilan and cellule workbooks', async () => {
		const {login, url} = await db.login('titres');
		const data = await readStoreData(file);
		const referent = data.participants.at(-1)!.referent!;
		// granted as typed in a hurry: recorded, and shown, as the caseload spells it
		const grant = runCli(['db', 'grant', login, '--referent', referent.toLowerCase(), '--data', db.ownerUrl]);
		expect(grant.stdout).toContain(`les bénéficiaires de ${referent} dans`);
		const report = runCli(['report', '--data', url, '--today', TODAY]);
		expect(report.stdout.split('\n')[0]).toContain(`— référent : ${referent}`);
		expect(runCli(['echeances', '--data', url, '--today', TODAY]).stdout.split('\n')[0]).toContain(`— référent : ${referent}`);
		// the owner still reads « Tous »
		expect(runCli(['report', '--data', db.ownerUrl, '--today', TODAY]).stdout.split('\n')[0]).toMatch(/— référent : Tous$/);
		const bilanFile = path.join(dir, 'bilan-titres.xlsx');
		expect(runCli(['bilan', '--du', '2025-11-23', '--au', TODAY, '--out', bilanFile, '--data', url, '--today', TODAY]).code).toBe(0);
		const celluleFile = path.join(dir, 'cellule-titres.xlsx');
		expect(runCli(['export', '--cellule', '2026-12-08', '--out', celluleFile, '--data', url, '--today', TODAY]).code).toBe(0);
		const bilan = new ExcelJS.Workbook();
		await bilan.xlsx.readFile(bilanFile);
		const subtitles = bilan.worksheets.map(ws => String(ws.getCell('A2').value));
		expect(subtitles.some(text => text.includes(`référent·e : ${referent}`))).toBe(true);
		expect(subtitles.join('\n')).not.toContain('tous les référent·es');
		const cellule = new ExcelJS.Workbook();
		await cellule.xlsx.readFile(celluleFile);
		const synthese = cellule.getWorksheet('Synthèse')!;
		const values: string[] = [];
		synthese.eachRow(row => row.eachCell(cell => values.push(String(cell.value))));
		expect(values).toContain(referent);
		expect(values).not.toContain('Tous');
		expect(synthese.headerFooter.oddHeader).toContain(referent);
		// the default file names carry the référent·e too: never the whole PLIE's name in a shared folder
		const slug = referentSlug(referent);
		expect(runCli(['export', '--cellule', '2026-12-08', '--data', url, '--today', TODAY], {cwd: dir}).code).toBe(0);
		expect(runCli(['bilan', '--du', '2025-11-23', '--au', TODAY, '--data', url, '--today', TODAY], {cwd: dir}).code).toBe(0);
		const written = await fs.readdir(dir);
		expect(written).toContain(`cellule-2026-12-08-${slug}.xlsx`);
		expect(written).toContain(`bilan-2025-11-23-${TODAY}-${slug}.xlsx`);
	});

	it('import --dry-run as a référent login refuses what the import would refuse (another référent·e’s people), nothing written', async () => {
		const {login, url} = await db.login('essai');
		const data = await readStoreData(file);
		expect(runCli(['db', 'grant', login, '--referent', data.participants[0]!.referent!, '--data', db.ownerUrl]).code).toBe(0);
		const everyone = path.join(dir, 'echange-tous.xlsx');
		expect(runCli(['export', '--echange', '--out', everyone, '--data', db.ownerUrl, '--today', TODAY]).code).toBe(0);
		const before = runCli(['report', '--json', '--data', db.ownerUrl, '--today', TODAY]).stdout;
		for (const extra of [['--dry-run'], []]) {
			const attempt = runCli(['import', everyone, ...extra, '--data', url, '--today', TODAY]);
			expect(attempt.code).toBe(1);
			expect(attempt.stderr).toMatch(/hors de vos référent·es .*Rien n’a été écrit\./);
			expect(attempt.stderr).toContain(`(import de ${everyone})`);
		}
		expect(runCli(['report', '--json', '--data', db.ownerUrl, '--today', TODAY]).stdout).toBe(before);
	});

	it('db grant takes a surname alone for the one référent·e it designates, refuses control characters, and says when a revoke removes nothing', async () => {
		const {login} = await db.login('nom');
		const names = [...new Set((await readStoreData(file)).participants.map(p => p.referent!.trim()))];
		// a surname that is a word of one name only
		const [surname, full] = names
			.map(name => [name.split(' ')[0]!, name] as const)
			.find(([word]) => names.filter(name => name.toLowerCase().split(' ').includes(word.toLowerCase())).length === 1)!;
		const grant = runCli(['db', 'grant', login, '--referent', surname.toLowerCase(), '--data', db.ownerUrl]);
		expect(grant.code).toBe(0);
		expect(grant.stdout).toContain(`les bénéficiaires de ${full} dans`);
		expect(grant.stderr).toBe('');
		const hostile = runCli(['db', 'grant', login, '--referent', 'DUPONT\u001b[31m Anne\u0007', '--data', db.ownerUrl]);
		expect(hostile.code).toBe(2);
		expect(hostile.stderr).toContain('caractère de contrôle ou invisible dans le nom');
		expect(hostile.stderr).not.toContain('\u001b');
		// revoked by the same surname: the access named in full, and gone
		const byName = runCli(['db', 'revoke', login, '--referent', surname.toUpperCase(), '--data', db.ownerUrl]);
		expect(byName.stdout).toContain(`Accès retiré à « ${login} » (accès aux bénéficiaires de ${full})`);
		expect(byName.stdout).toContain('il n’a plus accès à aucun bénéficiaire');
		expect(runCli(['db', 'grant', login, '--referent', full, '--data', db.ownerUrl]).code).toBe(0);
		expect(runCli(['db', 'revoke', login, '--data', db.ownerUrl]).stdout).toContain('Accès retiré');
		expect(runCli(['db', 'revoke', login, '--data', db.ownerUrl]).stdout).toContain('n’avait pas d’accès à retirer');
		// a login PostgreSQL would fold to lower case is shown quoted in the hint
		expect(runCli(['db', 'grant', 'Inconnue_MAJ', '--referent', full, '--data', db.ownerUrl]).stderr).toContain('CREATE ROLE "Inconnue_MAJ" LOGIN');
	});

	it('usage errors: exit 2 in French; a password in the URL is never repeated', () => {
		const withPassword = db.ownerUrl.replace('@', ':s3cr3t-mdp@');
		for (const args of [
			['db', 'init', withPassword],
			['report', '--data', withPassword],
			['db', 'copy', '--from', file, '--to', withPassword],
		]) {
			const result = runCli(args);
			expect(result.code).toBe(2);
			expect(result.stderr).toMatch(/contient un mot de passe/);
			expect(result.stderr + result.stdout).not.toContain('s3cr3t-mdp');
		}
		expect(runCli(['db']).code).toBe(2);
		expect(runCli(['db', 'grant', 'quelqu_un', '--data', db.ownerUrl]).stderr).toContain('précisez --referent NOM');
		expect(runCli(['db', 'copy', '--from', file]).code).toBe(2);
		expect(runCli(['db', 'init', file]).stderr).toContain('adresse PostgreSQL attendue');
	});

	it('report (text) from the base lists the alerts on hold by name, as from the file', async () => {
		const json = JSON.parse(runCli(['report', '--json', '--data', file, '--today', TODAY]).stdout) as {indicators: Array<{id: string; participants: string[]}>};
		const held = json.indicators.find(i => i.id === 'followup.no-interview30')!.participants[0]!;
		// the same alert put on hold in both, as z does
		for (const location of [file, db.ownerUrl]) {
			const store = await openCaseloadStore(location);
			await store.update(data => {
				data.participants.find(p => p.id === held)!.snoozes = [{indicator: 'followup.no-interview30', reason: 'Vu en réunion', until: '2026-12-15', since: TODAY}];
				return [{participantId: held, action: 'mise en attente'}];
			});
			await store.close();
		}
		const fromFile = runCli(['report', '--data', file, '--today', TODAY]);
		const fromBase = runCli(['report', '--data', db.ownerUrl, '--today', TODAY]);
		expect(fromBase.stderr).toBe('');
		expect(fromBase.code).toBe(0);
		expect(fromFile.stdout).toContain('Mises en attente en cours (1)');
		expect(fromBase.stdout).toMatch(new RegExp(`^  \\S.* \\(${held}\\) — .* — jusqu’au 15/12/2026 : Vu en réunion$`, 'm'));
		// the same text but for the store's kind and location in its title
		expect(fromBase.stdout.replace(`Base : ${db.ownerUrl}`, 'LIEU')).toBe(fromFile.stdout.replace(`Fichier : ${file}`, 'LIEU'));
	});

});
