// updateStore, the path every command writes through: the five previous versions
// kept as private backups, a private journal telling who changed what, and a
// store never replaced when the change fails.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {readJournal} from '../../source/store/journal.js';
import {parseStoreText} from '../../source/store/openStore.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {backupPath, journalPath} from '../../source/store/storePaths.js';
import {updateStore} from '../../source/store/transaction.js';
import {person} from '../helpers/caseload.js';

let dir: string;
let file: string;
const posix = process.platform !== 'win32';

async function mode(target: string): Promise<number> {
	return (await fs.stat(target)).mode & 0o777;
}

/** Adds participant `id` (one version of the store per call). */
async function add(id: string): Promise<void> {
	await updateStore(
		file,
		data => {
			data.participants.push(person({id, name: `NOM ${id}`}));
			return [{participantId: id, action: `ajout ${id}`}];
		},
		{create: true},
	);
}

async function ids(target: string): Promise<string[]> {
	return parseStoreText(target, await fs.readFile(target, 'utf8')).participants.map(p => p.id);
}

beforeEach(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-tx-'));
	file = path.join(dir, 'sub', 'caseload.json');
});

afterEach(async () => {
	await fs.rm(dir, {recursive: true, force: true});
});

describe('updateStore', () => {
	it('creates a missing store (and its folder) when asked, private, with no backup yet', async () => {
		await add('P1');
		expect(await ids(file)).toEqual(['P1']);
		if (posix) expect(await mode(file)).toBe(0o600);
		await expect(fs.access(backupPath(file, 1))).rejects.toThrow();
	});

	it('refuses a missing store without create, in French', async () => {
		await expect(updateStore(path.join(dir, 'absent.json'), () => [{action: 'x'}])).rejects.toThrow(/fichier de suivi introuvable/);
	});

	it('keeps the last 5 versions as rotating backups, bak1 the most recent, all 0600', async () => {
		for (const id of ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']) await add(id);
		expect(await ids(file)).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7']);
		expect(await ids(backupPath(file, 1))).toEqual(['P1', 'P2', 'P3', 'P4', 'P5', 'P6']);
		expect(await ids(backupPath(file, 5))).toEqual(['P1', 'P2']);
		await expect(fs.access(backupPath(file, 6))).rejects.toThrow();
		if (posix) for (let n = 1; n <= 5; n++) expect(await mode(backupPath(file, n))).toBe(0o600);
		const leftovers = (await fs.readdir(path.dirname(file))).filter(name => name.endsWith('.tmp') || name.endsWith('.lock'));
		expect(leftovers).toEqual([]);
	});

	it('journals every change: time, OS user, participant, what, before, after — mode 0600', async () => {
		await add('P1');
		await updateStore(file, data => {
			data.participants[0]!.romeCode = 'K2204';
			return [{participantId: 'P1', action: 'Code ROME : — → K2204', before: {'Code ROME': null}, after: {'Code ROME': 'K2204'}}];
		});
		const journal = (await readJournal(file))!;
		expect(journal.unreadable).toEqual([]);
		expect(journal.lines.map(line => line.action)).toEqual(['ajout P1', 'Code ROME : — → K2204']);
		const last = journal.lines[1]!;
		expect(last).toMatchObject({participantId: 'P1', kind: 'modification', before: {'Code ROME': null}, after: {'Code ROME': 'K2204'}});
		expect(last.user).toBe(os.userInfo().username);
		expect(Math.abs(Date.parse(last.time) - Date.now())).toBeLessThan(60_000);
		if (posix) expect(await mode(journalPath(file))).toBe(0o600);
		expect(path.basename(journalPath(file))).toBe('caseload.journal.jsonl');
	});

	it('import entries are journaled as imports', async () => {
		await updateStore(file, () => [{action: 'import', after: {file: 'a.xlsx'}}], {create: true});
		expect((await readJournal(file))!.lines[0]!.kind).toBe('import');
	});

	it('a change that throws, or returns nothing to journal, leaves the store and journal as they were', async () => {
		await add('P1');
		const text = await fs.readFile(file, 'utf8');
		await expect(
			updateStore(file, data => {
				data.participants.length = 0;
				throw new Error('fichier d’import refusé');
			}),
		).rejects.toThrow('fichier d’import refusé');
		await updateStore(file, data => {
			data.participants.length = 0;
			return [];
		});
		expect(await fs.readFile(file, 'utf8')).toBe(text);
		expect((await readJournal(file))!.lines).toHaveLength(1);
		await expect(fs.access(`${file}.lock`)).rejects.toThrow();
	});

	it('reads the file as it is on disk at each update (no stale copy)', async () => {
		await add('P1');
		const {data} = await readStoreFile(file);
		data.participants.push(person({id: 'EXTERNE', name: 'EXTERNE Test'}));
		await fs.writeFile(file, JSON.stringify(data));
		await add('P2');
		expect(await ids(file)).toEqual(['P1', 'EXTERNE', 'P2']);
	});
});
