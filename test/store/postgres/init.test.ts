// db init on a real server: the schema is created once, again is a no-op, and a
// login is told in French when the coordination has not mapped it.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openCaseloadStore} from '../../../source/store/caseloadStore.js';
import {Connection} from '../../../source/store/postgres/connection.js';
import {grantAccess} from '../../../source/store/postgres/grants.js';
import {MIGRATIONS} from '../../../source/store/postgres/migrations/index.js';
import {initDatabase} from '../../../source/store/postgres/migrate.js';
import {STORE_VERSION} from '../../../source/store/storeBasics.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase, withClient} from '../../helpers/pg.js';

const admin = await pgAdminUrl();

describe.skipIf(admin === undefined)(`db init${pgSkipReason()}`, () => {
	let db: TestDatabase;
	beforeAll(async () => {
		db = await createTestDatabase(admin!);
	});
	afterAll(async () => {
		await db?.drop();
	});

	it('creates the schema once; a second run applies nothing and keeps the data', async () => {
		const first = await initDatabase(db.ownerUrl);
		expect(first).toMatchObject({from: 0, to: 2, applied: ['001_init', '002_rights_per_base']});
		const store = await openCaseloadStore(db.ownerUrl);
		await store.update(data => {
			data.participants.push({id: 'P-1', name: 'ESSAI Un', rsa: false, steps: [], events: []});
			return [{action: 'création'}];
		});
		await store.close();
		const second = await initDatabase(db.ownerUrl);
		expect(second).toMatchObject({from: 2, to: 2, applied: []});
		const again = await openCaseloadStore(db.ownerUrl);
		const data = await again.read();
		await again.close();
		expect(data.version).toBe(STORE_VERSION);
		expect(data.participants.map(p => p.id)).toEqual(['P-1']);
	});

	it('refuses a login the coordination has not mapped, in French, naming the command to ask for', async () => {
		await initDatabase(db.ownerUrl);
		const {login, url} = await db.login('nobody');
		await expect(openCaseloadStore(url)).rejects.toThrow(
			`Votre identifiant PostgreSQL « ${login} » n’est associé à aucun·e référent·e : demandez à la coordination « plie-triage db grant ${login} --referent NOM ».`,
		);
		// the same once it is a member of the group but its mapping is gone
		const owner = await Connection.open(db.ownerUrl);
		await grantAccess(owner, login, {referent: 'DURAND Élise'});
		await owner.client.query(`DELETE FROM plie_triage.logins WHERE login = $1`, [login]);
		await owner.close();
		await expect(openCaseloadStore(url)).rejects.toThrow(/n’est associé à aucun·e référent·e/);
	});

	it('a base without db init is named as such', async () => {
		const other = await createTestDatabase(admin!);
		try {
			await expect(openCaseloadStore(other.ownerUrl)).rejects.toThrow(/plie-triage db init URL/);
		} finally {
			await other.drop();
		}
	});

	it('records the migrations it applied in schema_version', async () => {
		await initDatabase(db.ownerUrl);
		const {rows} = await withClient(db.ownerUrl, client => client.query('SELECT version, name, applied_by FROM plie_triage.schema_version'));
		expect(rows).toEqual([
			{version: 1, name: '001_init', applied_by: db.owner},
			{version: 2, name: '002_rights_per_base', applied_by: db.owner},
		]);
	});

	it('brings a base of version 1 to version 2, data kept; a coordination given by the role alone is granted again in the base', async () => {
		const old = await createTestDatabase(admin!);
		try {
			// a base as version 1 left it, with a coordination login (member of the server's role)
			const {login, url} = await old.login('coord');
			await withClient(old.ownerUrl, async client => {
				await client.query('CREATE SCHEMA plie_triage');
				await client.query('CREATE TABLE plie_triage.schema_version (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now(), applied_by text NOT NULL DEFAULT current_user)');
				await client.query(MIGRATIONS[0]!.sql);
				await client.query("INSERT INTO plie_triage.schema_version (version, name) VALUES (1, '001_init')");
				await client.query(`GRANT plie_triage_coordination, plie_triage_referent TO ${login}`);
			});
			// the tool refuses it (its rights are the old ones) until db init
			await expect(openCaseloadStore(url)).rejects.toThrow(/schéma de la base en version 1, plie-triage attend la version 2 : le propriétaire de la base lance « plie-triage db init URL »/);
			const upgraded = await initDatabase(old.ownerUrl);
			expect(upgraded).toMatchObject({from: 1, to: 2, applied: ['002_rights_per_base']});
			const store = await openCaseloadStore(old.ownerUrl);
			await store.update(data => {
				data.participants.push({id: 'P-1', name: 'ESSAI Un', rsa: false, steps: [], events: []});
				return [{action: 'création'}];
			});
			await store.close();
			await expect(openCaseloadStore(url)).rejects.toThrow(/n’est associé à aucun·e référent·e/);
			const owner = await Connection.open(old.ownerUrl);
			await grantAccess(owner, login, {coordination: true});
			await owner.close();
			const coordination = await openCaseloadStore(url);
			expect((await coordination.read()).participants.map(p => p.id)).toEqual(['P-1']);
			await coordination.close();
		} finally {
			await old.drop();
		}
	});
});
