// The team store's measurements (issue 18), at one size, when a PostgreSQL server
// is there: PLIE_TRIAGE_BENCH_DATABASE_URL (a base the benchmark may overwrite:
// db init, then db copy --force), or `--postgres`, which starts a throwaway cluster
// (pgCluster.ts) and deletes it afterwards. Measured: `report --json` from the
// base against the file's, one edit round trip, the dashboard's first frame.
import {fileURLToPath} from 'node:url';
import pg from 'pg';
import {ADMIN_LOGIN, type PgCluster, startCluster, stopCluster} from './pgCluster.js';
import {firstFrameInTerminal, runJsonChild, timeNode} from './processes.js';
import {median, round} from './stats.js';

const CLI = fileURLToPath(new URL('../cli.js', import.meta.url));

export interface PostgresResult {
	/** where the base was: a server given, or a throwaway cluster */
	readonly server: string;
	readonly copyMs: number;
	readonly report: {runsMs: number[]; medianMs: number};
	/** report from the base / report from the file (same caseload) */
	readonly reportRatio: number;
	readonly edit: {runsMs: number[]; medianMs: number; p95Ms: number};
	readonly firstFrameMs?: number;
}

export type PostgresMeasure = PostgresResult | {readonly unavailable: string; readonly reason?: string};

interface Base {
	readonly url: string;
	readonly server: string;
	dispose(): Promise<void>;
}

async function throwawayBase(): Promise<Base> {
	const cluster: PgCluster = await startCluster();
	try {
		const admin = new pg.Client({connectionString: cluster.adminUrl});
		await admin.connect();
		await admin.query('CREATE ROLE plie_bench LOGIN CREATEROLE');
		await admin.query('CREATE DATABASE plie_bench OWNER plie_bench');
		await admin.end();
	} catch (error) {
		stopCluster(cluster);
		throw error;
	}
	const url = cluster.adminUrl.replace(`${ADMIN_LOGIN}@`, 'plie_bench@').replace(/\/postgres$/, '/plie_bench');
	return {url, server: 'grappe jetable (initdb, 127.0.0.1)', dispose: async () => stopCluster(cluster)};
}

function fail(step: string, stderr: string): PostgresMeasure {
	return {unavailable: 'n/a (échec)', reason: `${step} : ${stderr.trim().split('\n')[0] ?? ''}`.slice(0, 300)};
}

/** Measures the base holding the caseload of `file`; `fileReportMs` is the file store's report median. */
export async function measurePostgres(file: string, today: string, fileReportMs: number, runs: number, options: {cluster: boolean; url?: string}): Promise<PostgresMeasure> {
	let base: Base;
	try {
		base = options.url !== undefined ? {url: options.url, server: 'serveur donné (PLIE_TRIAGE_BENCH_DATABASE_URL)', dispose: async () => undefined} : await throwawayBase();
	} catch (error) {
		return {unavailable: 'n/a (pas de serveur)', reason: (error as Error).message};
	}
	try {
		const init = timeNode([CLI, 'db', 'init', base.url]);
		if (init.code !== 0) return fail('db init', init.stderr);
		const copy = timeNode([CLI, 'db', 'copy', '--from', file, '--to', base.url, '--force']);
		if (copy.code !== 0) return fail('db copy', copy.stderr);
		const reportArgs = [CLI, 'report', '--json', '--data', base.url, '--today', today];
		timeNode(reportArgs); // warm the server's cache
		const reportMs: number[] = [];
		for (let i = 0; i < runs; i++) {
			const run = timeNode(reportArgs);
			if (run.code !== 0) return fail('report', run.stderr);
			reportMs.push(run.ms);
		}
		const edits = runJsonChild<{runsMs: number[]}>('./postgresEditChild.js', [base.url, today, '60']).runsMs.slice(10); // the first ones warm up
		const sorted = [...edits].sort((a, b) => a - b);
		const frames: number[] = [];
		for (let i = 0; i < Math.min(runs, 3); i++) {
			const ms = await firstFrameInTerminal([CLI, '--data', base.url, '--today', today], 'Effectifs');
			if (ms !== undefined) frames.push(ms);
		}
		return {
			server: base.server,
			copyMs: round(copy.ms),
			report: {runsMs: reportMs.map(ms => round(ms)), medianMs: median(reportMs)},
			reportRatio: median(reportMs) / fileReportMs,
			edit: {runsMs: edits.map(ms => round(ms, 2)), medianMs: median(edits), p95Ms: sorted[Math.floor(sorted.length * 0.95)]!},
			firstFrameMs: frames.length > 0 ? median(frames) : undefined,
		};
	} catch (error) {
		return {unavailable: 'n/a (échec)', reason: (error as Error).message.slice(0, 300)};
	} finally {
		await base.dispose();
	}
}
