// A dashboard left open while the server drops its connections (a restart, an
// administrator, a laptop asleep): the next operation opens a new connection, the
// one cut short says so in French, and nothing is lost or written twice.
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {toDay} from '../../../source/domain/calendar.js';
import {recordInterview, setRomeCode} from '../../../source/domain/edits/index.js';
import {openCaseloadStore} from '../../../source/store/caseloadStore.js';
import {initDatabase} from '../../../source/store/postgres/migrate.js';
import {person} from '../../helpers/caseload.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase} from '../../helpers/pg.js';

const admin = await pgAdminUrl();
const T = toDay('2026-11-22');

describe.skipIf(admin === undefined)(`connexion perdue${pgSkipReason()}`, () => {
	let db: TestDatabase;

	beforeAll(async () => {
		db = await createTestDatabase(admin!);
		await initDatabase(db.ownerUrl);
		const store = await openCaseloadStore(db.ownerUrl);
		await store.update(data => {
			data.participants.push(person({id: 'P1', name: 'ESSAI Un', referent: 'DURAND Élise'}));
			return [{action: 'création'}];
		});
		await store.close();
	});

	afterAll(async () => {
		await db?.drop();
	});

	/** As the administrator would: every connection of the base's owner cut. */
	async function cutConnections(): Promise<void> {
		await db.asAdmin(client =>
			client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE usename = $1 AND pid <> pg_backend_pid()', [db.owner]),
		);
		await new Promise(resolve => setTimeout(resolve, 200)); // the clients hear of it
	}

	it('an open session saves again after its connections are cut; a save cut short is said in French', async () => {
		const store = await openCaseloadStore(db.ownerUrl);
		const session = await store.openSession({user: 'essai'});
		try {
			await cutConnections();
			const first = await session.apply('P1', p => setRomeCode(p, 'A1111'));
			if (first.status === 'failed') {
				expect(first.message).toMatch(/^.*connexion au serveur perdue .*rouverte à l’opération suivante/);
				expect(first.message).not.toMatch(/not queryable|terminated/i);
			} else {
				expect(first.status).toBe('saved');
			}
			const second = await session.apply('P1', p => recordInterview(p, T));
			expect(second.status).toBe('saved');
			await cutConnections();
			// a colleague's save is still seen: the look opens a new connection
			const colleague = await openCaseloadStore(db.ownerUrl);
			await colleague.update(data => {
				data.participants.find(p => p.id === 'P1')!.commune = 'Elbeuf';
				return [{participantId: 'P1', action: 'collègue'}];
			});
			await colleague.close();
			let seen = false;
			for (let attempt = 0; attempt < 3 && !seen; attempt++) {
				await session.reloadIfChanged().catch(() => false);
				seen = session.participant('P1')?.commune === 'Elbeuf';
			}
			expect(seen).toBe(true);
		} finally {
			await store.close();
		}
		const again = await openCaseloadStore(db.ownerUrl);
		const p1 = (await again.read()).participants[0]!;
		await again.close();
		expect(p1.events.filter(e => e.type === 'Entretien individuel')).toHaveLength(1);
		expect(p1.commune).toBe('Elbeuf');
	});
});
