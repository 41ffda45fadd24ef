// vitest globalSetup for the PostgreSQL tests (issue 18). The server is used when
// PLIE_TRIAGE_TEST_DATABASE_URL gives one; otherwise a throwaway cluster is
// started by the first test file that needs one (test/helpers/pg.ts) and stopped
// here once every file has run, so that a run without PostgreSQL tests pays
// nothing. Without either, the PostgreSQL tests are skipped, and this says so.
import {existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {TestProject} from 'vitest/node';
import {findPgBin, stopCluster} from '../../source/bench/pgCluster.js';

export type PostgresForTests =
	| {readonly mode: 'url'; readonly url: string}
	| {readonly mode: 'lazy'; readonly stateDir: string}
	| {readonly mode: 'absent'; readonly reason: string};

declare module 'vitest' {
	interface ProvidedContext {
		postgres: PostgresForTests;
	}
}

export const CLUSTER_FILE = 'cluster.json';

function absent(project: TestProject, reason: string): undefined {
	if (process.env.PLIE_TRIAGE_TEST_PG_REQUIRED === '1') throw new Error(`PostgreSQL exigé (PLIE_TRIAGE_TEST_PG_REQUIRED=1) mais absent : ${reason}`);
	process.stderr.write(`\n*** Tests PostgreSQL ignorés : ${reason}.\n*** Pour les lancer : installez PostgreSQL ≥ 15 (apt-get install postgresql) ou définissez PLIE_TRIAGE_TEST_DATABASE_URL.\n\n`);
	project.provide('postgres', {mode: 'absent', reason});
	return undefined;
}

export default function setup(project: TestProject): (() => void) | undefined {
	const given = process.env.PLIE_TRIAGE_TEST_DATABASE_URL;
	if (given === 'skip') return absent(project, 'PLIE_TRIAGE_TEST_DATABASE_URL=skip');
	if (given !== undefined && given !== '') {
		project.provide('postgres', {mode: 'url', url: given});
		return undefined;
	}
	if (findPgBin() === undefined) return absent(project, 'ni PLIE_TRIAGE_TEST_DATABASE_URL, ni initdb (PostgreSQL) sur cette machine');
	const stateDir = mkdtempSync(path.join(os.tmpdir(), 'plie-pg-state-'));
	project.provide('postgres', {mode: 'lazy', stateDir});
	return () => {
		const file = path.join(stateDir, CLUSTER_FILE);
		try {
			if (existsSync(file)) stopCluster(JSON.parse(readFileSync(file, 'utf8')) as {dir: string});
		} finally {
			rmSync(stateDir, {recursive: true, force: true});
		}
	};
}
