// A writer killed with SIGKILL at random moments (mid-write, holding the lock…)
// never leaves an unreadable store, and the journal tells only what landed.
import {promises as fs} from 'node:fs';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {readJournal} from '../../source/store/journal.js';
import {parseStoreText} from '../../source/store/openStore.js';
import {person} from '../helpers/caseload.js';
import {createTempStore, removeTempDir} from '../helpers/tempStore.js';
import {doneCount, startWriter} from './processes.js';

let dir: string;
let file: string;

beforeEach(async () => {
	// a store of some size, so that a write takes long enough to be cut
	const fill = Array.from({length: 300}, (_, i) => person({id: `FILL${i}`, name: `REMPLISSAGE Personne${i}`, commune: 'Rouen'}));
	({dir, file} = await createTempStore('plie-kill-', [...fill, person({id: 'SHARED', name: 'PARTAGE Test'})]));
});

afterEach(() => removeTempDir(dir));

describe('a writer killed at random moments', () => {
	it('leaves a store that always parses, holding every change the journal tells', async () => {
		let killedWhileWriting = 0;
		for (let round = 0; round < 10; round++) {
			const {child, finished, writing} = startWriter([file, 'update', `r${round}`, 'forever', '2000']);
			await writing; // node is up and writing: now any moment may fall mid-write
			await new Promise(resolve => setTimeout(resolve, Math.random() * 60));
			child.kill('SIGKILL');
			const result = await finished;
			if (result.signal === 'SIGKILL') killedWhileWriting++;
			// a writer may also stop by itself (lock lost on an overloaded machine): then with a message, exit 1
			else expect({code: result.code, stderr: result.stderr}).toMatchObject({code: 1, stderr: expect.stringMatching(/^plie-triage : /)});
			const data = parseStoreText(file, await fs.readFile(file, 'utf8')); // throws if unreadable
			const notes = new Set(data.participants.find(p => p.id === 'SHARED')!.events.map(e => e.note));
			for (const line of (await readJournal(file))!.lines) {
				const note = /^note (.+)$/.exec(line.action)?.[1];
				// an « abandon » line tells a write that never reached the store (settled by the next writer)
				if (note && line.kind !== 'abandon') expect(notes).toContain(note);
			}
		}
		expect(killedWhileWriting).toBeGreaterThanOrEqual(5);
		// the lock a killed writer held is taken over once stale: the store is usable again
		const after = await startWriter([file, 'update', 'final', '3', '2000']).finished;
		// only notices: the lock of the last killed writer taken over, its interrupted write settled;
		// a writer killed between taking the lock and signing it left no owner: then a wait first, until stale
		for (const line of after.stderr.split('\n').filter(Boolean)) {
			expect(line).toMatch(/^plie-triage : (verrou abandonné par .* : repris\.|écriture interrompue .*|fichier occupé par une autre modification en cours .* : attente jusqu’à [\d:]+…)$/);
		}
		expect(after.code).toBe(0);
		expect(doneCount(after)).toBe(3);
		const data = parseStoreText(file, await fs.readFile(file, 'utf8'));
		expect(data.participants).toHaveLength(301);
		// the temp files of killed writers (personal data) were cleaned up by the next write
		expect((await fs.readdir(dir)).filter(name => name.endsWith('.tmp'))).toEqual([]);
	}, 180_000);
});
