// Running a command as its own process, for whole-process times and peak memory.
import {spawn, spawnSync} from 'node:child_process';
import {existsSync, openSync, closeSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';

const GNU_TIME = '/usr/bin/time';
const RSS_PRELOAD = fileURLToPath(new URL('./maxRssPreload.js', import.meta.url));

export interface ProcessRun {
	readonly ms: number;
	/** user + system CPU time of the process (GNU time), when available */
	readonly cpuMs?: number;
	readonly code: number | null;
	readonly stderr: string;
}

const TIME_FORMAT = 'PLIE_BENCH_TIME %U %S %M';
const TIME_LINE = /PLIE_BENCH_TIME ([\d.]+) ([\d.]+) (\d+)/;

/** Wall time (and CPU time) of `node args…`, stdout to /dev/null (the report is not read back). */
export function timeNode(args: readonly string[], env?: NodeJS.ProcessEnv): ProcessRun {
	const devNull = openSync(os.devNull, 'w');
	try {
		const timed = existsSync(GNU_TIME);
		const [command, commandArgs] = timed ? [GNU_TIME, ['-f', TIME_FORMAT, process.execPath, ...args]] : [process.execPath, [...args]];
		const start = performance.now();
		const run = spawnSync(command, commandArgs, {stdio: ['ignore', devNull, 'pipe'], env: env ?? process.env, maxBuffer: 64 * 1024 * 1024});
		const ms = performance.now() - start;
		const stderr = run.stderr?.toString() ?? '';
		const match = TIME_LINE.exec(stderr);
		const cpuMs = match ? (Number(match[1]) + Number(match[2])) * 1000 : undefined;
		return {ms, cpuMs, code: run.status, stderr: stderr.replace(TIME_LINE, '').trim()};
	} finally {
		closeSync(devNull);
	}
}

export interface MemoryRun extends ProcessRun {
	/** peak resident set size, MB */
	readonly peakMb: number | undefined;
}

/**
 * Peak RSS of `node args…`: GNU time's "%M" when /usr/bin/time exists, otherwise a
 * preloaded module that writes process.resourceUsage().maxRSS when the process exits.
 */
export function peakMemory(args: readonly string[]): MemoryRun {
	const devNull = openSync(os.devNull, 'w');
	try {
		if (existsSync(GNU_TIME)) {
			const start = performance.now();
			const run = spawnSync(GNU_TIME, ['-f', 'PLIE_BENCH_MAXRSS_KB=%M', process.execPath, ...args], {stdio: ['ignore', devNull, 'pipe']});
			const ms = performance.now() - start;
			const stderr = run.stderr?.toString() ?? '';
			const match = /PLIE_BENCH_MAXRSS_KB=(\d+)/.exec(stderr);
			return {ms, code: run.status, stderr, peakMb: match ? Number(match[1]) / 1024 : undefined};
		}
		const file = path.join(os.tmpdir(), `plie-bench-rss-${process.pid}-${Date.now()}.txt`);
		const start = performance.now();
		const run = spawnSync(process.execPath, ['--import', RSS_PRELOAD, ...args], {
			stdio: ['ignore', devNull, 'pipe'],
			env: {...process.env, PLIE_BENCH_RSS_FILE: file},
		});
		const ms = performance.now() - start;
		let peakMb: number | undefined;
		if (existsSync(file)) {
			peakMb = Number(readFileSync(file, 'utf8')) / 1024;
			rmSync(file, {force: true});
		}
		return {ms, code: run.status, stderr: run.stderr?.toString() ?? '', peakMb};
	} finally {
		closeSync(devNull);
	}
}

/** Runs a benchmark child script that prints one JSON object on its last stdout line. */
export function runJsonChild<T>(script: string, args: readonly string[], nodeOptions: readonly string[] = []): T {
	const run = spawnSync(process.execPath, [...nodeOptions, fileURLToPath(new URL(script, import.meta.url)), ...args], {
		stdio: ['ignore', 'pipe', 'pipe'],
		maxBuffer: 64 * 1024 * 1024,
	});
	const lines = (run.stdout?.toString() ?? '').trim().split('\n');
	if (run.status !== 0) throw new Error(`${script} : code ${run.status}\n${run.stderr?.toString() ?? ''}`);
	return JSON.parse(lines[lines.length - 1]!) as T;
}

/**
 * Time from spawning `node args…` in a pseudo-terminal (util-linux `script`, 120×40)
 * until its output shows `marker`: the first frame of the dashboard as a user
 * sees it, start-up included. The process is then told to quit ('q') and killed.
 * Undefined when `script` is missing or the marker never comes.
 */
export function firstFrameInTerminal(args: readonly string[], marker: string, timeoutMs = 30_000): Promise<number | undefined> {
	const scriptBin = '/usr/bin/script';
	if (!existsSync(scriptBin)) return Promise.resolve(undefined);
	const quote = (text: string) => `'${text.replaceAll("'", "'\\''")}'`;
	const command = `stty rows 40 cols 120; exec ${[process.execPath, ...args].map(quote).join(' ')}`;
	return new Promise(resolve => {
		const start = performance.now();
		const child = spawn(scriptBin, ['-qfec', command, '/dev/null'], {stdio: ['pipe', 'pipe', 'ignore']});
		let output = '';
		let done = false;
		let measured: number | undefined;
		const finish = (ms: number | undefined) => {
			if (done) return;
			done = true;
			measured = ms;
			clearTimeout(timer);
			child.stdin.write('q');
			// the answer waits for the process to end: what it still does after its first
			// frame (reading the rest of the store) must not slow down the next measure
			setTimeout(() => child.kill('SIGKILL'), 15_000).unref();
		};
		const timer = setTimeout(() => finish(undefined), timeoutMs);
		child.stdout.on('data', (chunk: Buffer) => {
			output += chunk.toString('utf8');
			if (output.includes(marker)) finish(performance.now() - start);
		});
		child.on('exit', () => {
			finish(undefined);
			resolve(measured);
		});
	});
}
