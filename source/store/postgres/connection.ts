// One connection to a plie-triage base, and who it is there. The login's rights
// are asked first (plie_triage.whoami()), so that a login the coordination has not
// mapped to any référent·e is told so in French before anything else happens.
import pg from 'pg';
import type {Visibility} from '../../domain/visibility.js';
import {SCHEMA_VERSION} from './migrations/index.js';
import {StoreError} from '../storeBasics.js';
import {connectionLost, databaseError, DatabaseError, printable} from './pgErrors.js';

export const SCHEMA = 'plie_triage';

/** What a login may see and do in the base. */
export interface Access {
	readonly login: string;
	/** owns the schema (ran db init) or is a superuser: everything, journal included */
	readonly owner: boolean;
	/** member of plie_triage_coordination: sees and changes every participant */
	readonly coordination: boolean;
	/** the référent·es this login works for (db grant … --referent) */
	readonly referents: readonly string[];
}

export function seesAll(access: Access): boolean {
	return access.owner || access.coordination;
}

/** Whose participants this login sees: undefined for everyone's. */
export function visibleTo(access: Access): Visibility {
	return seesAll(access) ? undefined : access.referents;
}

/** How long a write waits for a row another terminal holds before saying so. */
const LOCK_TIMEOUT_MS = 10_000;

/** Opens a client on `url` (checked: no password); failures are French StoreErrors. */
export async function connectClient(url: string, location = url): Promise<pg.Client> {
	const client = new pg.Client({
		connectionString: url,
		application_name: 'plie-triage',
		connectionTimeoutMillis: 15_000,
		options: `-c lock_timeout=${LOCK_TIMEOUT_MS}`,
	});
	// a connection that drops between queries is reported by the next query, not as an uncaught event
	client.on('error', () => undefined);
	try {
		await client.connect();
	} catch (error) {
		await client.end().catch(() => undefined);
		throw databaseError(location, error);
	}
	return client;
}

/** The login's access; a login with no role here gets the French refusal of §9. */
export async function whoami(client: pg.Client, location: string): Promise<Access> {
	let login = '';
	try {
		login = (await client.query<{login: string}>('SELECT current_user::text AS login')).rows[0]!.login;
		const result = await client.query<{login: string; owner: boolean; coordination: boolean; referents: string[]}>(
			`SELECT login, owner, coordination, referents FROM ${SCHEMA}.whoami()`,
		);
		const row = result.rows[0]!;
		await requireSchemaVersion(client, location);
		const access: Access = {login: row.login, owner: row.owner, coordination: row.coordination, referents: row.referents};
		if (!seesAll(access) && access.referents.length === 0) throw unmapped(location, login);
		return access;
	} catch (error) {
		// no right at all on the schema: the same refusal, the login is all we know
		if ((error as {code?: unknown}).code === '42501' && login !== '') throw unmapped(location, login);
		throw databaseError(location, error);
	}
}

/** A base left at an older schema would run with its older rights: db init first (nothing is lost). */
async function requireSchemaVersion(client: pg.Client, location: string): Promise<void> {
	const {rows} = await client.query<{version: number | null}>(`SELECT max(version) AS version FROM ${SCHEMA}.schema_version`);
	const version = rows[0]?.version ?? 0;
	if (version < SCHEMA_VERSION) {
		throw new DatabaseError(
			location,
			`schéma de la base en version ${version}, plie-triage attend la version ${SCHEMA_VERSION} : le propriétaire de la base lance « plie-triage db init URL » (les données sont gardées), puis la coordination est redonnée (db grant … --coordination).`,
		);
	}
	if (version > SCHEMA_VERSION) {
		throw new DatabaseError(location, `schéma de la base en version ${version}, plus récente que celle de plie-triage (${SCHEMA_VERSION}) : mettez l’outil à jour.`);
	}
}

function unmapped(location: string, login: string): StoreError {
	const name = printable(login);
	return new DatabaseError(
		location,
		`Votre identifiant PostgreSQL « ${name} » n’est associé à aucun·e référent·e : demandez à la coordination « plie-triage db grant ${name} --referent NOM ».`,
	);
}

/**
 * A client and the access of its login, closed together. A connection the server
 * or the network dropped (a restart, an administrator, a laptop asleep) is opened
 * again before the next operation, the login's access asked again: a dashboard left
 * open goes on instead of failing at every save until restarted.
 */
export class Connection {
	/** the client reported an error: open a new one before the next operation */
	private broken = false;

	private constructor(
		private current: pg.Client,
		private readonly url: string,
		readonly location: string,
		private currentAccess: Access,
	) {
		this.watch(current);
	}

	get client(): pg.Client {
		return this.current;
	}

	get access(): Access {
		return this.currentAccess;
	}

	/** Connects and checks the login's access (French refusal when it has none). */
	static async open(url: string, location = url): Promise<Connection> {
		const client = await connectClient(url, location);
		try {
			return new Connection(client, url, location, await whoami(client, location));
		} catch (error) {
			await client.end().catch(() => undefined);
			throw error;
		}
	}

	private watch(client: pg.Client): void {
		client.on('error', () => {
			if (client === this.current) this.broken = true;
		});
	}

	private async connected(): Promise<pg.Client> {
		if (!this.broken) return this.current;
		const client = await connectClient(this.url, this.location);
		try {
			this.currentAccess = await whoami(client, this.location);
		} catch (error) {
			await client.end().catch(() => undefined);
			throw error;
		}
		const dropped = this.current;
		this.current = client;
		this.broken = false;
		this.watch(client);
		await dropped.end().catch(() => undefined);
		return client;
	}

	private queue: Promise<unknown> = Promise.resolve();

	/**
	 * Runs `work` alone on the client: one client carries one transaction at a
	 * time, so a read and a dashboard's save never mix their statements.
	 */
	exclusive<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
		const run = this.queue.then(
			async () => work(await this.connected()),
			async () => work(await this.connected()),
		);
		this.queue = run.catch(() => undefined);
		return run;
	}

	/** Runs `work` in a transaction: committed when it resolves, rolled back when it throws (French error). */
	transaction<T>(work: (client: pg.Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
		return this.exclusive(async client => {
			try {
				await client.query(begin);
			} catch (error) {
				if (connectionLost(error)) this.broken = true;
				throw databaseError(this.location, error);
			}
			try {
				const result = await work(client);
				await client.query('COMMIT');
				return result;
			} catch (error) {
				await client.query('ROLLBACK').catch(() => undefined);
				if (connectionLost(error)) this.broken = true;
				throw databaseError(this.location, error);
			}
		});
	}

	async close(): Promise<void> {
		await this.client.end().catch(() => undefined);
	}
}
