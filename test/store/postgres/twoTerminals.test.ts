// Two terminals (here four processes) editing the same person through the base at
// once: every change each one saved is there afterwards, journaled once — the
// row's revision check and the merge lose nothing.
import {spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {openCaseloadStore} from '../../../source/store/caseloadStore.js';
import {initDatabase} from '../../../source/store/postgres/migrate.js';
import {person} from '../../helpers/caseload.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase} from '../../helpers/pg.js';

const admin = await pgAdminUrl();
const WRITER = fileURLToPath(new URL('pgWriter.mjs', import.meta.url));

function run(args: string[]): Promise<{code: number | null; stdout: string; stderr: string}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [WRITER, ...args], {stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
	});
}

describe.skipIf(admin === undefined)(`deux terminaux sur la base${pgSkipReason()}`, () => {
	let db: TestDatabase;

	beforeAll(async () => {
		db = await createTestDatabase(admin!);
		await initDatabase(db.ownerUrl);
		const store = await openCaseloadStore(db.ownerUrl);
		await store.update(data => {
			data.participants.push(person({id: 'SHARED', name: 'PARTAGE Test', integrationDate: '2026-01-01'}));
			return [{action: 'création'}];
		});
		await store.close();
	});

	afterAll(async () => {
		await db?.drop();
	});

	it('every change saved by two dashboards and two commands on the same person is there, journaled once', async () => {
		const writers = [
			{mode: 'session', tag: 's1', count: 30},
			{mode: 'session', tag: 's2', count: 30},
			{mode: 'update', tag: 'u1', count: 15},
			{mode: 'update', tag: 'u2', count: 15},
		];
		const results = await Promise.all(writers.map(w => run([db.ownerUrl, w.mode, w.tag, String(w.count)])));
		results.forEach(result => {
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
		});
		const store = await openCaseloadStore(db.ownerUrl);
		const shared = (await store.read()).participants.find(p => p.id === 'SHARED')!;
		const journal = (await store.readJournal()).lines;
		await store.close();
		const labels = shared.steps.map(s => s.label).sort();
		const notes = shared.events.map(e => e.note!).sort();
		const expected = (tag: string, count: number) => Array.from({length: count}, (_, i) => `${tag}-${i}`);
		expect(labels).toEqual([...expected('s1', 30), ...expected('s2', 30)].sort());
		expect(notes).toEqual([...expected('u1', 15), ...expected('u2', 15)].sort());
		expect(journal).toHaveLength(1 + 90);
	}, 120_000);
});
