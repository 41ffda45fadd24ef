// A throwaway PostgreSQL cluster for the tests and the benchmark: initdb in a
// temporary folder, a server on 127.0.0.1 and a free port (its Unix socket in the
// same folder), trust authentication for local connections, then stopped and the
// folder deleted. PostgreSQL refuses to run as root: as root, the cluster belongs
// to the `postgres` system user that Debian's package creates (runuser).
import {execFileSync, spawnSync} from 'node:child_process';
import {chownSync, existsSync, mkdtempSync, readdirSync, rmSync} from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgCluster {
	/** the superuser's URL (no password: trust on 127.0.0.1) to the `postgres` database */
	readonly adminUrl: string;
	readonly dir: string;
	readonly port: number;
}

/** The login of the cluster's superuser. */
export const ADMIN_LOGIN = 'plie_admin';

/** The folder holding initdb and pg_ctl: PLIE_TRIAGE_PG_BIN, else Debian's newest (≥ 15), else PATH. */
export function findPgBin(env: NodeJS.ProcessEnv = process.env): string | undefined {
	if (env.PLIE_TRIAGE_PG_BIN) return existsSync(path.join(env.PLIE_TRIAGE_PG_BIN, 'initdb')) ? env.PLIE_TRIAGE_PG_BIN : undefined;
	const debian = '/usr/lib/postgresql';
	if (existsSync(debian)) {
		const versions = readdirSync(debian)
			.map(Number)
			.filter(version => version >= 15)
			.sort((a, b) => b - a);
		for (const version of versions) {
			const bin = path.join(debian, String(version), 'bin');
			if (existsSync(path.join(bin, 'initdb'))) return bin;
		}
	}
	const found = spawnSync('sh', ['-c', 'command -v initdb'], {encoding: 'utf8'});
	const initdb = found.status === 0 ? found.stdout.trim() : '';
	return initdb === '' ? undefined : path.dirname(initdb);
}

function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const {port} = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

const runningAsRoot = () => process.getuid?.() === 0;

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function runPg(bin: string, program: string, args: readonly string[]): void {
	const command = path.join(bin, program);
	const [file, argv] = runningAsRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, [...args]];
	const result = spawnSync(file, argv, {encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe']});
	if (result.status !== 0) {
		throw new Error(`${program} a échoué (${result.status ?? result.signal}) : ${(result.stderr || result.stdout || String(result.error ?? '')).trim()}`);
	}
}

function giveToPostgres(dir: string): void {
	if (!runningAsRoot()) return;
	const uid = Number(execFileSync('id', ['-u', 'postgres'], {encoding: 'utf8'}).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], {encoding: 'utf8'}).trim());
	chownSync(dir, uid, gid);
}

/** Creates and starts a cluster; throws (in French) when PostgreSQL is missing or will not start. */
export async function startCluster(bin = findPgBin()): Promise<PgCluster> {
	if (bin === undefined) throw new Error('PostgreSQL introuvable (ni initdb dans /usr/lib/postgresql/*/bin, ni dans le PATH)');
	const dir = mkdtempSync(path.join(os.tmpdir(), 'plie-pg-'));
	try {
		giveToPostgres(dir);
		const data = path.join(dir, 'data');
		const initdb = ['-D', data, '-U', ADMIN_LOGIN, '--auth=trust', '-E', 'UTF8', '-N'];
		try {
			runPg(bin, 'initdb', [...initdb, '--locale=C.UTF-8']);
		} catch {
			rmSync(data, {recursive: true, force: true});
			runPg(bin, 'initdb', [...initdb, '--locale=C']);
		}
		const port = await freePort();
		// durability is pointless for a throwaway cluster: no fsync, quicker tests
		const settings = `-c listen_addresses=127.0.0.1 -p ${port} -c unix_socket_directories=${dir} -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200`;
		runPg(bin, 'pg_ctl', ['-D', data, '-l', path.join(dir, 'server.log'), '-w', '-t', '60', '-o', settings, 'start']);
		return {adminUrl: `postgresql://${ADMIN_LOGIN}@127.0.0.1:${port}/postgres`, dir, port};
	} catch (error) {
		rmSync(dir, {recursive: true, force: true});
		throw error;
	}
}

/** Stops the server (fast: connections are cut) and deletes its folder. */
export function stopCluster(cluster: Pick<PgCluster, 'dir'>, bin = findPgBin()): void {
	try {
		if (bin !== undefined && existsSync(path.join(cluster.dir, 'data', 'postmaster.pid'))) {
			runPg(bin, 'pg_ctl', ['-D', path.join(cluster.dir, 'data'), '-m', 'fast', '-w', 'stop']);
		}
	} finally {
		rmSync(cluster.dir, {recursive: true, force: true});
	}
}
