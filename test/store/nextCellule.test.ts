// Setting the next cellule date in the store file (issue 14 point 10): written
// under the lock with a backup and its journal line, the other settings as a
// colleague left them, and nothing written (the file byte-identical) when a
// colleague set another date meanwhile or the lock is held.
import {promises as fs} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {saveNextCellule} from '../../source/store/applyChange.js';
import {EditSession} from '../../source/store/editSession.js';
import {readJournal} from '../../source/store/journal.js';
import {withStoreLock} from '../../source/store/lock.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {journalPath} from '../../source/store/storePaths.js';
import {updateStore} from '../../source/store/transaction.js';
import {person} from '../helpers/caseload.js';
import {createTempStore, removeTempDir} from '../helpers/tempStore.js';

let dir: string;
let file: string;

beforeEach(async () => {
	({dir, file} = await createTempStore('plie-cellule-', [person({id: 'A'})], {nextCellule: '2026-12-08'}));
});

afterEach(() => removeTempDir(dir));

const stored = async () => (await readStoreFile(file)).data.settings;
const journal = async () => (await readJournal(file))?.lines ?? [];

describe('saving the next cellule date in the store file', () => {
	it('writes the date with one journal line (before → after), the file and journal private', async () => {
		const outcome = await saveNextCellule(file, '2026-12-08', '2026-12-15', {user: 'a.durand'});
		expect(outcome.status).toBe('saved');
		expect((await stored()).nextCellule).toBe('2026-12-15');
		const last = (await journal()).at(-1)!;
		expect(last).toMatchObject({user: 'a.durand', kind: 'modification', action: 'date de la prochaine cellule : 15/12/2026'});
		expect(last.before).toEqual({'Prochaine cellule': '2026-12-08'});
		expect(last.after).toEqual({'Prochaine cellule': '2026-12-15'});
		expect((await fs.stat(file)).mode & 0o777).toBe(0o600);
		expect((await fs.stat(journalPath(file))).mode & 0o777).toBe(0o600);
	});

	it('keeps a colleague’s change to another setting and to a person', async () => {
		await updateStore(file, data => {
			data.settings = {...data.settings, idleDays: 45};
			data.participants[0] = {...data.participants[0]!, name: 'NOUVEAU Nom'};
			return [{action: 'réglage'}];
		});
		expect((await saveNextCellule(file, '2026-12-08', '2026-12-15')).status).toBe('saved');
		const data = (await readStoreFile(file)).data;
		expect(data.settings).toMatchObject({nextCellule: '2026-12-15', idleDays: 45});
		expect(data.participants[0]!.name).toBe('NOUVEAU Nom');
	});

	it('a colleague set another date meanwhile: a conflict naming both, the file byte-identical, no journal line', async () => {
		await saveNextCellule(file, '2026-12-08', '2026-12-10', {user: 'collegue'});
		const bytes = await fs.readFile(file);
		const lines = (await journal()).length;
		const outcome = await saveNextCellule(file, '2026-12-08', '2026-12-15');
		expect(outcome.status).toBe('conflict');
		expect(outcome.status === 'conflict' && outcome.message).toContain('enregistrée : 10/12/2026 ; votre saisie : 15/12/2026');
		expect(outcome.status === 'conflict' && outcome.data.settings.nextCellule).toBe('2026-12-10');
		expect(await fs.readFile(file)).toEqual(bytes);
		expect(await journal()).toHaveLength(lines);
	});

	it('the same date set meanwhile: both agree, nothing written', async () => {
		await saveNextCellule(file, '2026-12-08', '2026-12-15');
		const bytes = await fs.readFile(file);
		const outcome = await saveNextCellule(file, '2026-12-08', '2026-12-15');
		expect(outcome).toMatchObject({status: 'unchanged', byColleague: true});
		expect(await fs.readFile(file)).toEqual(bytes);
	});

	it('the lock held by another process: refused in French, nothing written', async () => {
		const bytes = await fs.readFile(file);
		const outcome = await withStoreLock(file, () => saveNextCellule(file, '2026-12-08', '2026-12-15', {lock: {waitMs: 0}}));
		expect(outcome.status).toBe('failed');
		expect(outcome.status === 'failed' && outcome.message).toMatch(/verrou|occupé|utilis/i);
		expect(await fs.readFile(file)).toEqual(bytes);
	});

	it('through the editing session: queued after the edits, its data showing the new date', async () => {
		const session = new EditSession(file, (await readStoreFile(file)).data);
		const outcome = await session.setNextCellule('2026-12-15', session.data.settings.nextCellule);
		expect(outcome.status).toBe('saved');
		expect(session.data.settings.nextCellule).toBe('2026-12-15');
		// the session's revision follows its own write: no reload needed
		expect(await session.reloadIfChanged()).toBe(false);
	});
});
