// The PostgreSQL server of the tests (see pgGlobalSetup.ts), and a fresh database
// per test file: its owner login (who runs `db init`) and référent logins created
// on demand, each with its libpq URL (no password: the throwaway cluster trusts
// 127.0.0.1; an external server takes PGPASSWORD or ~/.pgpass).
import {randomBytes} from 'node:crypto';
import {existsSync, mkdirSync, readFileSync, writeFileSync} from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import {inject} from 'vitest';
import {startCluster} from '../../source/bench/pgCluster.js';
import {CLUSTER_FILE} from './pgGlobalSetup.js';

let adminUrl: Promise<string | undefined> | undefined;

async function waitForFile(file: string, failure: string, ms: number): Promise<string> {
	for (const start = Date.now(); Date.now() - start < ms; ) {
		if (existsSync(file)) return readFileSync(file, 'utf8');
		if (existsSync(failure)) throw new Error(readFileSync(failure, 'utf8'));
		await new Promise(resolve => setTimeout(resolve, 100));
	}
	throw new Error('le serveur PostgreSQL des tests n’a pas démarré à temps');
}

/** The first test file to ask starts the cluster; the others wait for its URL. */
async function lazyCluster(stateDir: string): Promise<string> {
	const file = path.join(stateDir, CLUSTER_FILE);
	const failure = path.join(stateDir, 'error.txt');
	try {
		mkdirSync(path.join(stateDir, 'starting'));
	} catch {
		return (JSON.parse(await waitForFile(file, failure, 120_000)) as {adminUrl: string}).adminUrl;
	}
	try {
		const cluster = await startCluster();
		writeFileSync(file, JSON.stringify(cluster));
		return cluster.adminUrl;
	} catch (error) {
		writeFileSync(failure, String((error as Error).message));
		throw error;
	}
}

/** The server's superuser URL, or undefined when the PostgreSQL tests are skipped. */
export function pgAdminUrl(): Promise<string | undefined> {
	adminUrl ??= (async () => {
		const postgres = inject('postgres');
		if (postgres.mode === 'absent') return undefined;
		if (postgres.mode === 'url') return postgres.url;
		return lazyCluster(postgres.stateDir);
	})();
	return adminUrl;
}

/** Why the PostgreSQL tests are skipped, for their title. */
export function pgSkipReason(): string {
	const postgres = inject('postgres');
	return postgres.mode === 'absent' ? ` (ignoré : ${postgres.reason})` : '';
}

export function urlFor(adminUrl: string, login: string, database: string): string {
	const url = new URL(adminUrl);
	url.username = login;
	url.password = '';
	url.pathname = `/${database}`;
	return url.toString();
}

export interface TestDatabase {
	readonly name: string;
	/** the login that owns the database and runs `db init` */
	readonly owner: string;
	readonly ownerUrl: string;
	/** a new login (created as the DBA would: LOGIN, nothing else) and its URL */
	login(suffix: string): Promise<{login: string; url: string}>;
	/** runs SQL as the cluster's superuser in this database */
	asAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T>;
	drop(): Promise<void>;
}

export async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({connectionString: url});
	client.on('error', () => undefined); // the database dropped under it at the end
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

/** A fresh database owned by a fresh login (CREATEROLE, so that `db init` can create the group roles). */
export async function createTestDatabase(admin: string): Promise<TestDatabase> {
	const name = `plie_t_${randomBytes(5).toString('hex')}`;
	const owner = `${name}_owner`;
	const logins: string[] = [];
	await withClient(admin, async client => {
		await client.query(`CREATE ROLE ${owner} LOGIN CREATEROLE`);
		await client.query(`CREATE DATABASE ${name} OWNER ${owner}`);
	});
	return {
		name,
		owner,
		ownerUrl: urlFor(admin, owner, name),
		async login(suffix) {
			const login = `${name}_${suffix}`;
			await withClient(admin, client => client.query(`CREATE ROLE ${login} LOGIN`));
			logins.push(login);
			return {login, url: urlFor(admin, login, name)};
		},
		asAdmin: work => withClient(urlFor(admin, new URL(admin).username, name), work),
		async drop() {
			await withClient(admin, async client => {
				await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
				for (const login of [...logins, owner]) await client.query(`DROP ROLE IF EXISTS ${login}`);
			});
		},
	};
}
