// Two terminals writing one store through the real command line: simultaneous
// imports all land (or one says why it could not, exit 1); a store kept locked by
// another writer makes `import` stop with a French message and exit 1, store untouched.
import {spawn} from 'node:child_process';
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {readJournal} from '../../source/store/journal.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {startWriter} from '../store/processes.js';
import {CLI, type CliResult, runCli} from '../helpers/cli.js';

let dir: string;
let store: string;

function runCliAsync(args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {env: {...process.env, PLIE_TRIAGE_DATA: '', ...env}, stdio: ['ignore', 'pipe', 'pipe']});
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', chunk => (stdout += chunk));
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, stdout, stderr}));
	});
}

/** A CSV of `count` invented participants with ids PREFIX-0 … */
async function csv(prefix: string, count: number): Promise<string> {
	const rows = ['ID;Bénéficiaire'];
	for (let i = 0; i < count; i++) rows.push(`${prefix}-${i};TESTARD ${prefix}${i}`);
	const file = path.join(dir, `${prefix}.csv`);
	await fs.writeFile(file, rows.join('\n') + '\n');
	return file;
}

async function ids(): Promise<string[]> {
	return (await readStoreFile(store)).data.participants.map(p => p.id);
}

beforeEach(async () => {
	dir = await fs.mkdtemp(path.join(os.tmpdir(), 'plie-cli-conc-'));
	store = path.join(dir, 'caseload.json');
});

afterEach(async () => {
	await fs.rm(dir, {recursive: true, force: true});
});

describe('two terminals, one store', () => {
	it('simultaneous imports: every import that says it saved is in the store', async () => {
		const prefixes = ['ALPHA', 'BRAVO', 'CHARLIE', 'DELTA'];
		const files = await Promise.all(prefixes.map(prefix => csv(prefix, 40)));
		const runs = await Promise.all(files.map(file => runCliAsync(['import', file, '--data', store, '--today', '2026-11-22'])));
		const present = new Set(await ids());
		runs.forEach((run, index) => {
			expect([0, 1]).toContain(run.code);
			if (run.code === 0) {
				expect(run.stdout).toContain('40 créé(s)');
				for (let i = 0; i < 40; i++) expect(present).toContain(`${prefixes[index]}-${i}`);
			} else {
				expect(run.stderr).toMatch(/^plie-triage : .+/);
			}
		});
		const saved = runs.filter(run => run.code === 0).length;
		expect(saved).toBeGreaterThan(0);
		expect(present.size).toBe(40 * saved);
		const imports = (await readJournal(store))!.lines.filter(line => line.kind === 'import' && line.participantId === undefined);
		expect(imports).toHaveLength(saved);
	}, 120_000);

	it('an import while a dashboard saves edits: both land', async () => {
		// writer.mjs edits participant SHARED
		await fs.writeFile(path.join(dir, 'shared.csv'), 'ID;Bénéficiaire\nSHARED;PARTAGE Test\n');
		expect(runCli(['import', path.join(dir, 'shared.csv'), '--data', store]).code).toBe(0);
		const dashboard = startWriter([store, 'apply', 'tui', '30']);
		const importRun = runCliAsync(['import', await csv('ECHO', 60), '--data', store]);
		const [edits, imported] = await Promise.all([dashboard.finished, importRun]);
		expect(edits.code).toBe(0);
		expect(imported.code).toBe(0);
		const {data} = await readStoreFile(store);
		expect(data.participants.filter(p => p.id.startsWith('ECHO-'))).toHaveLength(60);
		expect(data.participants.find(p => p.id === 'SHARED')!.steps.map(s => s.label)).toEqual(
			Array.from({length: 30}, (_, i) => `tui-${i}`),
		);
	}, 120_000);

	it('a store locked too long by another writer: import exits 1 with a French message, store untouched', async () => {
		expect(runCli(['import', await csv('FOX', 2), '--data', store]).code).toBe(0);
		const before = await fs.readFile(store, 'utf8');
		const file = await csv('GOLF', 3);
		const release = await lockfile.lock(store, {realpath: false, lockfilePath: `${store}.lock`});
		try {
			const locked = await runCliAsync(['import', file, '--data', store], {PLIE_TRIAGE_LOCK_WAIT_MS: '300'});
			expect(locked.code).toBe(1);
			expect(locked.stderr).toContain('fichier occupé par une autre modification en cours');
			expect(locked.stderr).toContain('rien n’a été écrit');
			expect(await fs.readFile(store, 'utf8')).toBe(before);
		} finally {
			await release();
		}
		const after = runCli(['import', file, '--data', store]);
		expect(after.code).toBe(0);
		expect(await ids()).toEqual(['FOX-0', 'FOX-1', 'GOLF-0', 'GOLF-1', 'GOLF-2']);
	}, 60_000);
});
