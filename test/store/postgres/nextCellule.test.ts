// The next cellule date set from a dashboard on the team's base (issue 14 point
// 10): the coordination writes it with its journal line, a référent login is
// told in French that it may not (nothing written), a colleague's other date
// meanwhile is a conflict, and the other dashboards see the new date.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {type CaseloadStore, openCaseloadStore} from '../../../source/store/caseloadStore.js';
import {Connection} from '../../../source/store/postgres/connection.js';
import {grantAccess} from '../../../source/store/postgres/grants.js';
import {initDatabase} from '../../../source/store/postgres/migrate.js';
import {person} from '../../helpers/caseload.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase} from '../../helpers/pg.js';

const admin = await pgAdminUrl();

describe.skipIf(admin === undefined)(`date de la prochaine cellule dans la base${pgSkipReason()}`, () => {
	let db: TestDatabase;
	let durand: {login: string; url: string};
	let coordination: {login: string; url: string};
	const opened: CaseloadStore[] = [];

	async function open(url: string): Promise<CaseloadStore> {
		const store = await openCaseloadStore(url);
		opened.push(store);
		return store;
	}

	async function storedCellule(): Promise<string | undefined> {
		const store = await open(db.ownerUrl);
		return (await store.read()).settings.nextCellule;
	}

	beforeAll(async () => {
		db = await createTestDatabase(admin!);
		await initDatabase(db.ownerUrl);
		durand = await db.login('durand');
		coordination = await db.login('coord');
		const owner = await Connection.open(db.ownerUrl);
		await grantAccess(owner, durand.login, {referent: 'DURAND Élise'});
		await grantAccess(owner, coordination.login, {coordination: true});
		await owner.close();
		const store = await openCaseloadStore(db.ownerUrl);
		await store.update(data => {
			data.participants.push(person({id: 'D1', referent: 'DURAND Élise'}));
			data.settings = {...data.settings, nextCellule: '2026-12-08', idleDays: 45};
			return [{action: 'création'}];
		});
		await store.close();
	});

	afterAll(async () => {
		await Promise.all(opened.map(store => store.close()));
		await db?.drop();
	});

	it('the coordination sets it: written with its journal line, the other settings kept, a référent’s dashboard sees it', async () => {
		const referentSession = await (await open(durand.url)).openSession();
		const session = await (await open(coordination.url)).openSession({user: 'coordination'});
		const outcome = await session.setNextCellule('2026-12-15', '2026-12-08');
		expect(outcome.status).toBe('saved');
		expect(session.data.settings.nextCellule).toBe('2026-12-15');
		expect(await storedCellule()).toBe('2026-12-15');
		const settings = (await (await open(db.ownerUrl)).read()).settings;
		expect(settings.idleDays).toBe(45);
		const last = (await (await open(db.ownerUrl)).readJournal()).lines.at(-1)!;
		expect(last).toMatchObject({user: 'coordination', action: 'date de la prochaine cellule : 15/12/2026'});
		expect(last.before).toEqual({'Prochaine cellule': '2026-12-08'});
		expect(last.after).toEqual({'Prochaine cellule': '2026-12-15'});
		// the référent's dashboard learns of it (notification, or its next look)
		let changed = false;
		for (let tries = 0; tries < 50 && !changed; tries++) {
			changed = await referentSession.reloadIfChanged();
			if (!changed) await new Promise(resolve => setTimeout(resolve, 100));
		}
		expect(referentSession.data.settings.nextCellule).toBe('2026-12-15');
	});

	it('a référent login is refused in French, nothing written', async () => {
		const before = await storedCellule();
		const lines = (await (await open(db.ownerUrl)).readJournal()).lines.length;
		const session = await (await open(durand.url)).openSession();
		const outcome = await session.setNextCellule('2026-12-22', session.data.settings.nextCellule);
		expect(outcome.status).toBe('failed');
		expect(outcome.status === 'failed' && outcome.message).toContain('seule la coordination peut changer');
		expect(await storedCellule()).toBe(before);
		expect((await (await open(db.ownerUrl)).readJournal()).lines).toHaveLength(lines);
	});

	it('a colleague’s other date meanwhile is a conflict: nothing written, the session shows theirs', async () => {
		const late = await (await open(coordination.url)).openSession();
		const seen = late.data.settings.nextCellule;
		const first = await (await open(db.ownerUrl)).openSession();
		expect((await first.setNextCellule('2026-12-10', seen)).status).toBe('saved');
		const lines = (await (await open(db.ownerUrl)).readJournal()).lines.length;
		const outcome = await late.setNextCellule('2026-12-17', seen);
		expect(outcome.status).toBe('conflict');
		expect(outcome.status === 'conflict' && outcome.message).toContain('enregistrée : 10/12/2026 ; votre saisie : 17/12/2026');
		expect(late.data.settings.nextCellule).toBe('2026-12-10');
		expect(await storedCellule()).toBe('2026-12-10');
		expect((await (await open(db.ownerUrl)).readJournal()).lines).toHaveLength(lines);
		// the same date asked by both: they agree, nothing written
		expect(await late.setNextCellule('2026-12-10', seen)).toMatchObject({status: 'unchanged', byColleague: true});
	});
});
