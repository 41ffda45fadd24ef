// Row-level security on a real server (REFERENTIEL §9): two référent logins each
// see and change only their own participants, the coordination sees all, nobody
// but the owner changes or deletes a journal line, and the tool says so in French.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {recordInterview} from '../../../source/domain/edits/index.js';
import {toDay} from '../../../source/domain/calendar.js';
import {openCaseloadStore} from '../../../source/store/caseloadStore.js';
import {Connection} from '../../../source/store/postgres/connection.js';
import {grantAccess, revokeAccess} from '../../../source/store/postgres/grants.js';
import {initDatabase} from '../../../source/store/postgres/migrate.js';
import {person} from '../../helpers/caseload.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase, withClient} from '../../helpers/pg.js';

const admin = await pgAdminUrl();
const T = toDay('2026-11-22');

describe.skipIf(admin === undefined)(`sécurité de la base${pgSkipReason()}`, () => {
	let db: TestDatabase;
	let durand: {login: string; url: string};
	let martel: {login: string; url: string};
	let coordination: {login: string; url: string};

	async function idsSeenBy(url: string): Promise<string[]> {
		const store = await openCaseloadStore(url);
		try {
			return (await store.read()).participants.map(p => p.id);
		} finally {
			await store.close();
		}
	}

	/** Runs SQL as `url`'s login and returns the error code it gets, or 'ok' with the row count. */
	async function sqlAs(url: string, text: string, values: unknown[] = []): Promise<string> {
		return withClient(url, client =>
			client.query(text, values).then(
				result => `ok ${result.rowCount}`,
				(error: {code?: string}) => String(error.code),
			),
		);
	}

	beforeAll(async () => {
		db = await createTestDatabase(admin!);
		await initDatabase(db.ownerUrl);
		durand = await db.login('durand');
		martel = await db.login('martel');
		coordination = await db.login('coord');
		const owner = await Connection.open(db.ownerUrl);
		await grantAccess(owner, durand.login, {referent: 'DURAND Élise'});
		await grantAccess(owner, martel.login, {referent: 'MARTEL Inès'});
		await grantAccess(owner, coordination.login, {coordination: true});
		await owner.close();
		const store = await openCaseloadStore(db.ownerUrl);
		await store.update(data => {
			data.participants.push(
				person({id: 'D1', name: 'ESSAI Un', referent: 'DURAND Élise'}),
				person({id: 'D2', name: 'ESSAI Deux', referent: ' durand  elise '}),
				person({id: 'M1', name: 'ESSAI Trois', referent: 'MARTEL Inès'}),
				person({id: 'X1', name: 'ESSAI Quatre', referent: 'LEBRUN Ana'}),
			);
			return [{action: 'création'}, {participantId: 'D1', action: 'création D1'}, {participantId: 'M1', action: 'création M1'}];
		});
		await store.close();
	});

	afterAll(async () => {
		await db?.drop();
	});

	it('each référent login sees only its own participants (names matched without accents, case or spaces); the coordination sees all', async () => {
		expect(await idsSeenBy(durand.url)).toEqual(['D1', 'D2']);
		expect(await idsSeenBy(martel.url)).toEqual(['M1']);
		expect(await idsSeenBy(coordination.url)).toEqual(['D1', 'D2', 'M1', 'X1']);
	});

	it('a référent login cannot change, add or delete another’s participant, even in SQL', async () => {
		const document = JSON.stringify(person({id: 'M1', name: 'PIRATE', referent: 'MARTEL Inès'}));
		expect(await sqlAs(durand.url, `UPDATE plie_triage.participants SET document = $1::jsonb WHERE id = 'M1'`, [document])).toBe('ok 0');
		expect(await sqlAs(durand.url, `DELETE FROM plie_triage.participants WHERE id = 'M1'`)).toBe('42501');
		const other = JSON.stringify(person({id: 'M9', referent: 'MARTEL Inès'}));
		expect(await sqlAs(durand.url, `INSERT INTO plie_triage.participants (id, document) VALUES ('M9', $1::jsonb)`, [other])).toBe('42501');
		// nor hand its own participant over to a colleague
		const moved = JSON.stringify(person({id: 'D1', referent: 'MARTEL Inès'}));
		expect(await sqlAs(durand.url, `UPDATE plie_triage.participants SET document = $1::jsonb WHERE id = 'D1'`, [moved])).toBe('42501');
		expect(await idsSeenBy(martel.url)).toEqual(['M1']);
		expect(await idsSeenBy(coordination.url)).toEqual(['D1', 'D2', 'M1', 'X1']);
	});

	it('through the tool, an import of another référent·e’s participant is refused in French, and nothing is written', async () => {
		const store = await openCaseloadStore(durand.url);
		try {
			await expect(
				store.update(data => {
					data.participants.push(person({id: 'D3', referent: 'DURAND Élise'}), person({id: 'M2', referent: 'MARTEL Inès'}));
					return [{action: 'import'}];
				}),
			).rejects.toThrow(/bénéficiaire M2 suivi·e par « MARTEL Inès », hors de vos référent·es \(DURAND Élise\).*Rien n’a été écrit\./);
		} finally {
			await store.close();
		}
		expect(await idsSeenBy(coordination.url)).toEqual(['D1', 'D2', 'M1', 'X1']);
	});

	it('nobody but the owner updates, deletes or empties the journal; a line’s login cannot be forged', async () => {
		for (const who of [durand, martel, coordination]) {
			expect(await sqlAs(who.url, `UPDATE plie_triage.journal SET action = 'effacé'`)).toBe('42501');
			expect(await sqlAs(who.url, `DELETE FROM plie_triage.journal`)).toBe('42501');
			expect(await sqlAs(who.url, `TRUNCATE plie_triage.journal`)).toBe('42501');
		}
		expect(
			await sqlAs(durand.url, `INSERT INTO plie_triage.journal (time, author, kind, action, login) VALUES (now(), 'x', 'modification', 'essai', $1)`, [
				coordination.login,
			]),
		).toBe('ok 1');
		const {rows} = await withClient(db.ownerUrl, client => client.query(`SELECT login FROM plie_triage.journal WHERE action = 'essai'`));
		expect(rows).toEqual([{login: durand.login}]);
		const lines = await withClient(db.ownerUrl, client => client.query(`SELECT count(*)::int AS n FROM plie_triage.journal`));
		expect(lines.rows[0].n).toBe(4);
	});

	it('each reads the journal of its own participants (and its own lines) only', async () => {
		const edit = await openCaseloadStore(martel.url);
		const session = await edit.openSession();
		expect((await session.apply('M1', p => recordInterview(p, T))).status).toBe('saved');
		await edit.close();
		const read = async (url: string) => {
			const store = await openCaseloadStore(url);
			try {
				return (await store.readJournal()).lines.map(line => `${line.participantId ?? '-'} ${line.action} (${line.user})`);
			} finally {
				await store.close();
			}
		};
		expect(await read(durand.url)).toEqual(['D1 création D1 (' + db.owner + ')', `- essai (x)`]);
		expect(await read(martel.url)).toEqual([
			`M1 création M1 (${db.owner})`,
			`M1 Événement « Entretien individuel » du 22/11/2026 ajouté (${martel.login})`,
		]);
		expect(await read(coordination.url)).toHaveLength(5);
	});

	it('a référent login neither grants access nor changes the settings; the coordination grants', async () => {
		const extra = await db.login('extra');
		const asDurand = await Connection.open(durand.url);
		await expect(grantAccess(asDurand, extra.login, {referent: 'DURAND Élise'})).rejects.toThrow(
			/seuls le propriétaire de la base et la coordination attribuent ou retirent les accès/,
		);
		expect((await asDurand.client.query('SELECT login FROM plie_triage.logins')).rows).toEqual([{login: durand.login}]);
		await asDurand.close();
		expect(await sqlAs(durand.url, `UPDATE plie_triage.settings SET document = document || '{"idleDays": 99}'`)).toBe('42501');
		const asCoordination = await Connection.open(coordination.url);
		expect(await grantAccess(asCoordination, extra.login, {referent: 'LEBRUN Ana'})).toEqual({participants: 1, referent: 'LEBRUN Ana'});
		await asCoordination.close();
		expect(await idsSeenBy(extra.url)).toEqual(['X1']);
		const owner = await Connection.open(db.ownerUrl);
		expect(await revokeAccess(owner, extra.login, {all: true})).toEqual({removed: 1, remaining: []});
		await owner.close();
		await expect(idsSeenBy(extra.url)).rejects.toThrow(/n’est associé à aucun·e référent·e/);
	});

	it('a grant or a revoke in one base of the server changes nothing in another: coordination, référent·e, settings, deletions', async () => {
		const other = await createTestDatabase(admin!);
		const inOther = (url: string) => Object.assign(new URL(url), {pathname: `/${other.name}`}).toString();
		try {
			await initDatabase(other.ownerUrl);
			const store = await openCaseloadStore(other.ownerUrl);
			await store.update(data => {
				data.participants.push(person({id: 'O1', name: 'AUTRE Base', referent: 'DURAND Élise'}), person({id: 'O2', name: 'AUTRE Deux', referent: 'PETIT Jules'}));
				return [{action: 'création'}];
			});
			await store.close();
			// the coordination of the first base is nobody in the other
			const coordinationThere = inOther(coordination.url);
			await expect(idsSeenBy(coordinationThere)).rejects.toThrow(/n’est associé à aucun·e référent·e/);
			expect(await sqlAs(coordinationThere, 'SELECT * FROM plie_triage.participants')).toBe('ok 0');
			expect(await sqlAs(coordinationThere, "UPDATE plie_triage.settings SET document = '{}'::jsonb")).toMatch(/^(ok 0|42501)$/);
			// mapped to DURAND Élise there too, then revoked here: still hers there
			const durandThere = inOther(durand.url);
			const owner = await Connection.open(other.ownerUrl);
			await grantAccess(owner, durand.login, {referent: 'DURAND Élise'});
			await grantAccess(owner, coordination.login, {referent: 'PETIT Jules'});
			await owner.close();
			const here = await Connection.open(db.ownerUrl);
			await revokeAccess(here, durand.login, {all: true});
			await here.close();
			expect(await idsSeenBy(durandThere)).toEqual(['O1']);
			await expect(idsSeenBy(durand.url)).rejects.toThrow(/n’est associé à aucun·e référent·e/);
			// a référent·e there, coordination here: neither deletes nor changes the settings there
			expect(await idsSeenBy(coordinationThere)).toEqual(['O2']);
			expect(await sqlAs(coordinationThere, "DELETE FROM plie_triage.participants WHERE id = 'O2'")).toMatch(/^(ok 0|42501)$/);
			expect(await sqlAs(coordinationThere, "UPDATE plie_triage.settings SET document = '{}'::jsonb")).toMatch(/^(ok 0|42501)$/);
			expect(await idsSeenBy(coordinationThere)).toEqual(['O2']);
			// revoking a coordination never given there leaves the one given here
			const there = await Connection.open(other.ownerUrl);
			await revokeAccess(there, coordination.login, {coordination: true});
			await there.close();
			expect((await idsSeenBy(coordination.url)).sort()).toEqual(['D1', 'D2', 'M1', 'X1']);
		} finally {
			const here = await Connection.open(db.ownerUrl);
			await grantAccess(here, durand.login, {referent: 'DURAND Élise'});
			await here.close();
			await other.drop();
		}
	});

	it('refuses a URL holding a password without repeating it, before any connection', async () => {
		const url = new URL(durand.url);
		url.password = 'tr3s-secret';
		const attempt = openCaseloadStore(url.toString());
		await expect(attempt).rejects.toMatchObject({name: 'UsageError'});
		await expect(attempt).rejects.toThrow(/contient un mot de passe.*PGPASSWORD ou ~\/\.pgpass/);
		await expect(attempt.catch((error: Error) => error.message)).resolves.not.toContain('tr3s-secret');
		await expect(openCaseloadStore(`${durand.url}?password=tr3s-secret`)).rejects.toMatchObject({name: 'UsageError'});
	});
});
