// The dashboard's opening on a base (issue 18, first frame): the rows read once as
// a store file's bytes give the preview's counts through the file's scanner and
// the session's data through the usual checks. Both must be what the ordinary
// read and triage give — for the owner and for a référent login under row-level
// security — whatever the texts hold (accents, emoji, quotes, line breaks).
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload} from '../../../source/bench/caseload.js';
import {toDay} from '../../../source/domain/calendar.js';
import type {Participant} from '../../../source/domain/model.js';
import {type TriageQueues, triageQueues} from '../../../source/domain/triage.js';
import {openCaseloadStore} from '../../../source/store/caseloadStore.js';
import {Connection} from '../../../source/store/postgres/connection.js';
import {grantAccess} from '../../../source/store/postgres/grants.js';
import {initDatabase} from '../../../source/store/postgres/migrate.js';
import {PostgresStore} from '../../../source/store/postgres/postgresStore.js';
import {readParticipantRows, readSettingsRow, storeFromRows, storeFromSnapshot} from '../../../source/store/postgres/rows.js';
import {readRowsSnapshot} from '../../../source/store/postgres/snapshot.js';
import {previewQueues} from '../../../source/store/postgres/snapshotCounts.js';
import type {StoreData} from '../../../source/store/schema.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase} from '../../helpers/pg.js';

const admin = await pgAdminUrl();
const T = toDay('2026-11-22');

/** Texts that travel through the base as other bytes than ASCII, and JSON escapes. */
function oddTexts(participants: Participant[]): Participant[] {
	return participants.map((p, i) => ({
		...p,
		name: `${p.name} Ævar-Zoë ’ 😀${i % 4 === 0 ? ' "guillemets" \\ barre' : ''}`,
		commune: 'Saint-Étienne-du-Rouvray',
		events: p.events.map(event => ({...event, note: `Entretien à Évreux “ok” 😀 ½\nligne 2\ttabulée`})),
		steps: p.steps.map(step => ({...step, label: `${step.label} — Hébergé “chez l’employeur”`})),
	}));
}

function counts(queues: TriageQueues) {
	return queues.indicators.map(indicator => ({id: indicator.definition.id, entries: indicator.entries, snoozed: indicator.snoozed}));
}

describe.skipIf(admin === undefined)(`ouverture du tableau de bord sur la base${pgSkipReason()}`, () => {
	let db: TestDatabase;
	let referentUrl: string;
	let referent: string;

	beforeAll(async () => {
		db = await createTestDatabase(admin!);
		await initDatabase(db.ownerUrl);
		const generated = generateCaseload(240, T, 7);
		referent = generated.participants[0]!.referent!;
		const store = await openCaseloadStore(db.ownerUrl);
		await store.update(data => {
			data.participants.push(...oddTexts(generated.participants));
			return [{action: 'création'}];
		});
		await store.close();
		const login = await db.login('ref');
		referentUrl = login.url;
		const owner = await Connection.open(db.ownerUrl);
		await grantAccess(owner, login.login, {referent});
		await owner.close();
	}, 60_000);

	afterAll(async () => {
		await db?.drop();
	});

	async function compare(url: string): Promise<StoreData> {
		const store = (await openCaseloadStore(url)) as PostgresStore;
		// the reference: the row by row reader of edits and imports (jsonb parsed by pg), in one transaction
		const usual = await store.connection.transaction(async client => {
			const settings = await readSettingsRow(client, url);
			const rows = await readParticipantRows(client);
			return {data: storeFromRows(url, settings, rows.documents), revisions: rows.revisions, settingsRevision: settings.revision};
		}, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
		const snapshot = await readRowsSnapshot(store.connection);
		await store.close();
		const read = storeFromSnapshot(url, snapshot);
		expect(read.data).toEqual(usual.data);
		expect(read.revisions).toEqual(usual.revisions);
		expect(read.settingsRevision).toBe(usual.settingsRevision);
		const preview = previewQueues(snapshot, T);
		expect(preview, 'the scanner should read the rows as the base writes them').toBeDefined();
		expect(counts(preview!.queues)).toEqual(counts(triageQueues(usual.data.participants, {today: T, settings: usual.data.settings, hideSnoozed: true})));
		expect(preview!.settings).toEqual(usual.data.settings);
		return usual.data;
	}

	it('gives the owner the same participants, revisions and counts as the usual read and triage', async () => {
		const data = await compare(db.ownerUrl);
		expect(data.participants).toHaveLength(240);
		expect(data.participants[0]!.name).toContain('😀');
	});

	it('gives a référent login only their participants, with their counts', async () => {
		const data = await compare(referentUrl);
		expect(data.participants.length).toBeGreaterThan(0);
		expect(data.participants.length).toBeLessThan(240);
		expect(new Set(data.participants.map(p => p.referent))).toEqual(new Set([referent]));
	});

	it('a session opened from a snapshot sees a colleague’s save made after it at its first look', async () => {
		const store = (await openCaseloadStore(db.ownerUrl)) as PostgresStore;
		const snapshot = await readRowsSnapshot(store.connection);
		const colleague = await openCaseloadStore(db.ownerUrl);
		const target = storeFromSnapshot(db.ownerUrl, snapshot).data.participants[5]!;
		await colleague.update(data => {
			data.participants.find(p => p.id === target.id)!.romeCode = 'K1207';
			return [{participantId: target.id, action: 'code ROME'}];
		});
		await colleague.close();
		const session = await store.openSession({}, snapshot);
		expect(session.data.participants.find(p => p.id === target.id)!.romeCode).not.toBe('K1207');
		expect(await session.reloadIfChanged()).toBe(true);
		expect(session.data.participants.find(p => p.id === target.id)!.romeCode).toBe('K1207');
		await store.close();
	});

	it('a document broken by hand in SQL gives no preview, and report refuses it in French, naming the person', async () => {
		const store = (await openCaseloadStore(db.ownerUrl)) as PostgresStore;
		const id = (await store.read()).participants[7]!.id;
		await store.connection.client.query(`UPDATE plie_triage.participants SET document = jsonb_set(document, '{rsa}', '"peut-être"') WHERE id = $1`, [id]);
		try {
			expect(previewQueues(await readRowsSnapshot(store.connection), T)).toBeUndefined();
			const refusal = await store.triage({today: T}).then(
				() => undefined,
				(error: Error) => error.message,
			);
			expect(refusal).toContain(id);
			expect(refusal).toMatch(/rsa|RSA/);
		} finally {
			await store.connection.client.query(`UPDATE plie_triage.participants SET document = jsonb_set(document, '{rsa}', 'false') WHERE id = $1`, [id]);
			await store.close();
		}
	});
});
