// Two (here four) processes writing the same store at once, through the built code:
// every change a process reports as saved is in the store afterwards, and a
// process that could not save exits 1 with a message — never a silent loss.
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {readJournal} from '../../source/store/journal.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {person} from '../helpers/caseload.js';
import {createTempStore, removeTempDir} from '../helpers/tempStore.js';
import {doneCount, startWriter} from './processes.js';

let dir: string;
let file: string;

beforeEach(async () => {
	({dir, file} = await createTempStore('plie-conc-', [person({id: 'SHARED', name: 'PARTAGE Test', integrationDate: '2026-01-01'})]));
});

afterEach(() => removeTempDir(dir));

describe('several processes writing one store', () => {
	it('every saved change lands: commands (updateStore) and dashboards (applyChange) together', async () => {
		const writers = [
			{mode: 'update', tag: 'u1', count: 40},
			{mode: 'update', tag: 'u2', count: 40},
			{mode: 'apply', tag: 'a1', count: 25},
			{mode: 'apply', tag: 'a2', count: 25},
		];
		const runs = writers.map(w => startWriter([file, w.mode, w.tag, String(w.count)]));
		const results = await Promise.all(runs.map(run => run.finished));
		const {data} = await readStoreFile(file);
		const shared = data.participants.find(p => p.id === 'SHARED')!;
		const notes = shared.events.map(e => e.note);
		const labels = shared.steps.map(s => s.label);
		let saved = 0;
		writers.forEach((writer, index) => {
			const result = results[index]!;
			expect([0, 1]).toContain(result.code);
			const done = doneCount(result);
			if (result.code === 0) expect(done).toBe(writer.count);
			else expect(result.stderr).toMatch(/plie-triage : .+/);
			const present = writer.mode === 'update' ? notes : labels;
			for (let i = 0; i < done; i++) expect(present).toContain(`${writer.tag}-${i}`);
			saved += done;
		});
		expect(new Set(notes).size).toBe(notes.length);
		expect(new Set(labels).size).toBe(labels.length);
		expect(notes.length + labels.length).toBe(saved);
		expect((await readJournal(file))!.lines).toHaveLength(saved + 1);
		expect(results.filter(r => r.code === 0).length).toBeGreaterThan(0);
	}, 120_000);
});
