// The two stores under one behavioural suite (issue 18: one suite, two adapters):
// a JSON file in a temporary folder, and a PostgreSQL base (one per test file,
// emptied between tests) when a server is there. Both are seeded the way a
// command would seed them: one update, journaled.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Participant} from '../../source/domain/model.js';
import type {Settings} from '../../source/domain/settings.js';
import {type CaseloadStore, openCaseloadStore} from '../../source/store/caseloadStore.js';
import {initDatabase} from '../../source/store/postgres/migrate.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase, withClient} from './pg.js';

export interface SeededStore {
	readonly location: string;
	open(): Promise<CaseloadStore>;
}

export interface StoreKind {
	readonly name: string;
	/** false: not available here (the name says why) */
	readonly available: boolean;
	seed(participants: readonly Participant[], settings?: Partial<Settings>): Promise<SeededStore>;
	/** after each test */
	reset(): Promise<void>;
	/** after all */
	dispose(): Promise<void>;
}

async function seedThrough(location: string, participants: readonly Participant[], settings: Partial<Settings>): Promise<SeededStore> {
	const store = await openCaseloadStore(location);
	try {
		await store.update(
			data => {
				data.participants.push(...structuredClone(participants as Participant[]));
				Object.assign(data.settings, settings);
				return [{action: 'création'}];
			},
			{create: true},
		);
	} finally {
		await store.close();
	}
	return {location, open: () => openCaseloadStore(location)};
}

export function fileStoreKind(): StoreKind {
	const dirs: string[] = [];
	return {
		name: 'fichier JSON',
		available: true,
		async seed(participants, settings = {}) {
			const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-stores-'));
			dirs.push(dir);
			return seedThrough(path.join(dir, 'caseload.json'), participants, settings);
		},
		async reset() {
			for (const dir of dirs.splice(0)) await fs.rm(dir, {recursive: true, force: true});
		},
		async dispose() {
			await this.reset();
		},
	};
}

export async function postgresStoreKind(): Promise<StoreKind> {
	const admin = await pgAdminUrl();
	let db: TestDatabase | undefined;
	let defaults: string | undefined;
	return {
		name: `PostgreSQL${pgSkipReason()}`,
		available: admin !== undefined,
		async seed(participants, settings = {}) {
			if (db === undefined) {
				db = await createTestDatabase(admin!);
				await initDatabase(db.ownerUrl);
				defaults = (await withClient(db.ownerUrl, client => client.query('SELECT document::text AS d FROM plie_triage.settings'))).rows[0].d;
			}
			return seedThrough(db.ownerUrl, participants, settings);
		},
		async reset() {
			if (db === undefined) return;
			await withClient(db.ownerUrl, client =>
				client.query(`TRUNCATE plie_triage.participants, plie_triage.journal, plie_triage.logins RESTART IDENTITY`).then(() =>
					client.query('UPDATE plie_triage.settings SET document = $1::jsonb', [defaults]),
				),
			);
		},
		async dispose() {
			await db?.drop();
		},
	};
}

/** Both kinds, for describe.each. */
export async function storeKinds(): Promise<StoreKind[]> {
	return [fileStoreKind(), await postgresStoreKind()];
}
