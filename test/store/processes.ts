// Spawning writer.mjs children for the concurrency and crash tests.
import {type ChildProcess, spawn} from 'node:child_process';
import {fileURLToPath} from 'node:url';

export const WRITER = fileURLToPath(new URL('writer.mjs', import.meta.url));

export interface Finished {
	readonly code: number | null;
	readonly signal: NodeJS.Signals | null;
	readonly stdout: string;
	readonly stderr: string;
}

export interface Writer {
	readonly child: ChildProcess;
	readonly finished: Promise<Finished>;
	/** resolves once the writer has saved its first change */
	readonly writing: Promise<void>;
}

export function startWriter(args: string[], env: NodeJS.ProcessEnv = {}): Writer {
	const child = spawn(process.execPath, [WRITER, ...args], {stdio: ['ignore', 'pipe', 'pipe'], env: {...process.env, ...env}});
	let stdout = '';
	let stderr = '';
	let started: () => void;
	const writing = new Promise<void>(resolve => (started = resolve));
	child.stdout!.on('data', chunk => {
		stdout += chunk;
		if (stdout.includes('saved')) started();
	});
	child.stderr!.on('data', chunk => (stderr += chunk));
	const finished = new Promise<Finished>((resolve, reject) => {
		child.on('error', reject);
		child.on('close', (code, signal) => {
			started();
			resolve({code, signal, stdout, stderr});
		});
	});
	return {child, finished, writing};
}

/** How many changes the writer reported as saved. */
export function doneCount(result: Finished): number {
	const match = /done (\d+)/.exec(result.stdout);
	return match ? Number(match[1]) : 0;
}
