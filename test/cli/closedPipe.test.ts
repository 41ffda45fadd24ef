// `plie-triage report --json | head`: the reader closing the pipe early ends the
// command quietly — no English stack trace of Node's on the terminal, exit 0.
import {spawn} from 'node:child_process';
import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload, storeText} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {CLI, ROOT} from '../helpers/cli.js';

const TODAY = '2026-11-22';

/** Runs the command, closes its standard output after the first chunk, and gives its exit code and stderr. */
function readFirstChunk(args: string[]): Promise<{code: number | null; stderr: string; got: number}> {
	return new Promise((resolve, reject) => {
		const child = spawn(process.execPath, [CLI, ...args], {cwd: ROOT, env: {...process.env, PLIE_TRIAGE_DATA: ''}, stdio: ['ignore', 'pipe', 'pipe']});
		let stderr = '';
		let got = 0;
		child.stdout.once('data', (chunk: Buffer) => {
			got = chunk.length;
			child.stdout.destroy();
		});
		child.stderr.on('data', chunk => (stderr += chunk));
		child.on('error', reject);
		child.on('close', code => resolve({code, stderr, got}));
	});
}

describe('a reader that closes the pipe early', () => {
	let dir: string;
	let store: string;

	beforeAll(() => {
		dir = mkdtempSync(path.join(tmpdir(), 'plie-pipe-'));
		store = path.join(dir, 'suivi.json');
		// large enough that the output does not fit in the pipe's buffer
		writeFileSync(store, storeText(generateCaseload(1500, toDay(TODAY))), {mode: 0o600});
	});

	afterAll(() => rmSync(dir, {recursive: true, force: true}));

	for (const command of [
		['report', '--json'],
		['echeances', '--json'],
		['bilan', '--json', '--du', '2025-11-23', '--au', TODAY],
	]) {
		it(`${command.join(' ')} | head: quiet, exit 0`, async () => {
			const result = await readFirstChunk([...command, '--data', store, '--today', TODAY]);
			expect(result.got).toBeGreaterThan(0);
			expect(result.stderr).toBe('');
			expect(result.code).toBe(0);
		});
	}
});
