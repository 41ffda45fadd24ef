// Runs the built command as a user would (npm test builds it first).
import {spawnSync} from 'node:child_process';
import {fileURLToPath} from 'node:url';
import path from 'node:path';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(ROOT, 'dist', 'cli.js');

export interface CliResult {
	code: number | null;
	stdout: string;
	stderr: string;
}

export function runCli(args: string[], options: {env?: NodeJS.ProcessEnv; cwd?: string} = {}): CliResult {
	const result = spawnSync(process.execPath, [CLI, ...args], {
		cwd: options.cwd ?? ROOT,
		env: {...process.env, PLIE_TRIAGE_DATA: '', ...options.env},
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'pipe'],
		timeout: 60_000,
	});
	return {code: result.status, stdout: result.stdout, stderr: result.stderr};
}
