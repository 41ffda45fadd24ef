// db copy at the store level: a file's caseload and journal go into the base and
// back unchanged — every journal line keeps its time, author, kind, participant,
// before and after — and a référent login cannot take a partial copy for a whole one.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {toDay} from '../../../source/domain/calendar.js';
import {recordInterview, renewContract} from '../../../source/domain/edits/index.js';
import {openCaseloadStore} from '../../../source/store/caseloadStore.js';
import {copyCaseload} from '../../../source/store/copyCaseload.js';
import {Connection} from '../../../source/store/postgres/connection.js';
import {grantAccess} from '../../../source/store/postgres/grants.js';
import {initDatabase} from '../../../source/store/postgres/migrate.js';
import {readJournal} from '../../../source/store/journal.js';
import {readStoreData} from '../../../source/store/readStore.js';
import {person} from '../../helpers/caseload.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase} from '../../helpers/pg.js';
import {createTempStore, removeTempDir} from '../../helpers/tempStore.js';

const admin = await pgAdminUrl();
const T = toDay('2026-11-22');

describe.skipIf(admin === undefined)(`db copy${pgSkipReason()}`, () => {
	let db: TestDatabase;
	let dir: string;
	let file: string;

	beforeAll(async () => {
		db = await createTestDatabase(admin!);
		await initDatabase(db.ownerUrl);
		({dir, file} = await createTempStore('plie-copy-', [
			person({id: 'A', name: 'ESSAI Àlpha', referent: 'DURAND Élise', rsa: true, contractEnd: '2026-12-01'}),
			person({id: 'B', name: 'ESSAI Bêta', referent: 'MARTEL Inès'}),
		], {idleDays: 40}));
		const store = await openCaseloadStore(file);
		const session = await store.openSession({user: 'assistante'});
		await session.apply('A', p => renewContract(p, 6));
		await session.apply('B', p => recordInterview(p, T));
		await session.undo();
		await store.close();
	});

	afterAll(async () => {
		await db?.drop();
		await removeTempDir(dir);
	});

	it('file → base → file: the same caseload, settings and journal lines', async () => {
		const there = await copyCaseload(file, db.ownerUrl);
		expect(there.source).toEqual(there.target);
		expect(there.source).toMatchObject({participants: 2, journal: 4});
		const back = path.join(dir, 'back.json');
		const again = await copyCaseload(db.ownerUrl, back);
		expect(again.target).toEqual({...there.source, journal: 5});
		expect(await readStoreData(back)).toEqual(await readStoreData(file));
		const original = (await readJournal(file))!.lines;
		const copied = (await readJournal(back))!.lines;
		expect(copied.slice(0, original.length)).toEqual(original);
		expect(copied.map(line => line.user).slice(1, 4)).toEqual(['assistante', 'assistante', 'assistante']);
		expect(copied.slice(-2).map(line => [line.kind, line.action.replace(/\(.*\)/, '(…)')])).toEqual([
			['import', `copie depuis ${file} (…)`],
			['import', `copie depuis ${db.ownerUrl} (…)`],
		]);
	});

	it('refuses a non-empty target without force, and replaces it with force (its journal continued)', async () => {
		await expect(copyCaseload(file, db.ownerUrl)).rejects.toThrow(/n’est pas vide \(2 bénéficiaires, 5 lignes de journal\)/);
		const forced = await copyCaseload(file, db.ownerUrl, {force: true});
		expect(forced.target).toEqual(forced.source);
		const base = await openCaseloadStore(db.ownerUrl);
		expect((await base.readJournal()).lines).toHaveLength(5 + 4 + 1);
		await base.close();
	});

	it('a référent login cannot copy the base out (it would be a partial copy)', async () => {
		const {login, url} = await db.login('ref');
		const owner = await Connection.open(db.ownerUrl);
		await grantAccess(owner, login, {referent: 'DURAND Élise'});
		await owner.close();
		const target = path.join(dir, 'partial.json');
		await expect(copyCaseload(url, target)).rejects.toThrow(/une copie complète demande un identifiant de la coordination/);
		await expect(fs.access(target)).rejects.toThrow();
	});
});
