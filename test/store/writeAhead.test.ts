// Journal and store agree after any crash: a writer is killed (SIGKILL, as a
// power cut) at each step of a write, then the next opening settles what it
// left. Every change in the store is in the journal, once; the journal never
// tells as done a change the store does not hold; an interrupted write that
// never reached the store is noted « abandon ».
import {promises as fs} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {FAULT_POINTS, type FaultPoint} from '../../source/store/faultPoints.js';
import {readJournal} from '../../source/store/journal.js';
import {parseStoreText} from '../../source/store/openStore.js';
import {settleAtOpening} from '../../source/store/settleAtOpening.js';
import {pendingPath} from '../../source/store/storePaths.js';
import {updateStore} from '../../source/store/transaction.js';
import {person} from '../helpers/caseload.js';
import {createTempStore, removeTempDir} from '../helpers/tempStore.js';
import {startWriter} from './processes.js';
import {runCli} from '../helpers/cli.js';

let dir: string;
let file: string;

beforeEach(async () => {
	({dir, file} = await createTempStore('plie-wal-', [person({id: 'SHARED', name: 'PARTAGE Test'})]));
});

afterEach(() => removeTempDir(dir));

/** The notes of SHARED's events in the store, and the journal's notes: done, and abandoned. */
async function state() {
	const data = parseStoreText(file, await fs.readFile(file, 'utf8'));
	const stored = data.participants.find(p => p.id === 'SHARED')!.events.map(e => e.note);
	const lines = (await readJournal(file))!.lines;
	const noteOf = (action: string) => /^note (.+)$/.exec(action)?.[1];
	const done = lines.filter(line => line.kind !== 'abandon').flatMap(line => noteOf(line.action) ?? []);
	const abandoned = lines.filter(line => line.kind === 'abandon').flatMap(line => noteOf(line.action) ?? []);
	return {stored, done, abandoned, unreadable: (await readJournal(file))!.unreadable};
}

/** Runs one write of note `tag-0`, killed at `point`. */
async function killedAt(point: FaultPoint, tag: string) {
	const result = await startWriter([file, 'update', tag, '1', '2000'], {NODE_ENV: 'test', PLIE_TRIAGE_FAULT: point}).finished;
	expect(result.signal).toBe('SIGKILL');
}

/** Whether the change reached the store, per crash point; without an intent there is nothing to settle. */
const LANDS: Record<FaultPoint, boolean> = {
	'after-backup': false,
	'after-temp': false,
	'after-pending': false,
	'after-rename': true,
	'after-journal': true,
};
const INTENT_WRITTEN: Record<FaultPoint, boolean> = {
	'after-backup': false,
	'after-temp': false,
	'after-pending': true,
	'after-rename': true,
	'after-journal': true,
};

describe('a write killed at each of its steps', () => {
	for (const point of FAULT_POINTS) {
		it(`${point}: the next opening settles it, store and journal agree`, async () => {
			await killedAt(point, point);
			// the intent stays until someone opens the store
			if (INTENT_WRITTEN[point]) await expect(fs.access(pendingPath(file))).resolves.toBeUndefined();
			await settleAtOpening(file);
			await expect(fs.access(pendingPath(file))).rejects.toThrow();
			const after = await state();
			expect(after.unreadable).toEqual([]);
			const note = `${point}-0`;
			if (LANDS[point]) {
				expect(after.stored).toEqual([note]);
				expect(after.done).toEqual([note]); // once, even when the crash came after the journal
				expect(after.abandoned).toEqual([]);
			} else {
				expect(after.stored).toEqual([]);
				expect(after.done).toEqual([]);
				// announced, then cut: noted as abandoned; cut before the announcement: nothing to tell
				expect(after.abandoned).toEqual(INTENT_WRITTEN[point] ? [note] : []);
			}
			// the temp file a killed writer left (personal data) goes at the next write
			// and the store keeps working: the next write lands and is journaled
			await updateStore(file, data => {
				data.participants[0]!.events.push({date: '2026-11-22', type: 'Autre', note: 'next'});
				return [{participantId: 'SHARED', action: 'note next'}];
			});
			const last = await state();
			expect(last.stored).toEqual(LANDS[point] ? [note, 'next'] : ['next']);
			expect(last.done).toEqual(last.stored);
			expect((await fs.readdir(dir)).filter(name => name.endsWith('.tmp'))).toEqual([]);
		});
	}

	it('the next write settles it too (no opening in between), and `journal` says what was not saved', async () => {
		await killedAt('after-pending', 'lost');
		await killedAt('after-rename', 'kept'); // its own opening settles « lost » first
		const result = runCli(['journal', '--data', file]);
		expect(result.code).toBe(0);
		expect(result.stdout).toContain('NON ENREGISTRÉ (écriture interrompue) : note lost-0');
		expect(result.stdout).toContain('  note kept-0');
		const after = await state();
		expect(after.stored).toEqual(['kept-0']);
		expect(after.done).toEqual(['kept-0']);
		expect(after.abandoned).toEqual(['lost-0']);
	});

	it('a journal line cut by a crash does not swallow the completed lines after it', async () => {
		await killedAt('after-rename', 'cut');
		await fs.appendFile(file.replace(/\.json$/, '.journal.jsonl'), '{"time":"2026-11-22T10:00:00Z","us'); // half a line
		await settleAtOpening(file);
		const after = await state();
		expect(after.done).toEqual(['cut-0']);
		expect(after.unreadable).toHaveLength(1);
	});
});
