// `db grant LOGIN --referent NAME | --coordination` and `db revoke LOGIN`: which
// référent·es a database login works for, or whether it is the coordination, in
// this base (the tables row-level security reads), and its membership of the two
// group roles that carry the table rights (the server's, never revoked here: other
// bases may use them). The login itself is created by the database administrator.
import {namesWithWords} from '../../domain/referentWords.js';
import type pg from 'pg';
import {InputError} from '../../domain/errors.js';
import type {Connection} from './connection.js';
import {SCHEMA, seesAll} from './connection.js';
import {DatabaseError, printable} from './pgErrors.js';

export const REFERENT_ROLE = 'plie_triage_referent';
export const COORDINATION_ROLE = 'plie_triage_coordination';

export type Grant = {readonly referent: string} | {readonly coordination: true};

function requireGrantor(connection: Connection): void {
	if (!seesAll(connection.access)) {
		throw new DatabaseError(
			connection.location,
			`seuls le propriétaire de la base et la coordination attribuent ou retirent les accès (vous êtes « ${printable(connection.access.login)} »).`,
		);
	}
}

async function requireLogin(client: pg.Client, login: string): Promise<void> {
	const {rowCount} = await client.query('SELECT 1 FROM pg_roles WHERE rolname = $1 AND rolcanlogin', [login]);
	if (rowCount === 0) {
		throw new InputError(
			`l’identifiant PostgreSQL « ${printable(login)} » n’existe pas sur ce serveur (ou ne peut pas se connecter) : ` +
				`l’administrateur le crée d’abord (CREATE ROLE ${roleName(login)} LOGIN), puis relancez la commande.`,
		);
	}
}

/** The login as SQL names it: quoted unless plain lowercase (CREATE ROLE BBT_INES would make bbt_ines). */
function roleName(login: string): string {
	const shown = printable(login);
	return /^[a-z_][a-z0-9_]*$/.test(shown) ? shown : `"${shown.replaceAll('"', '""')}"`;
}

export interface GrantResult {
	/** participants already followed by that référent·e (0: a typo, or a new colleague) */
	readonly participants?: number;
	/** the name recorded: as the caseload spells it, else as typed */
	readonly referent?: string;
}

export async function grantAccess(connection: Connection, login: string, grant: Grant): Promise<GrantResult> {
	requireGrantor(connection);
	return connection.transaction(async client => {
		await requireLogin(client, login);
		const who = client.escapeIdentifier(login);
		if ('coordination' in grant) {
			// the roles carry the table rights (with ADMIN OPTION: the coordination grants the
			// others); being the coordination of this base is its coordinators table (migration 2)
			await client.query(`GRANT ${COORDINATION_ROLE}, ${REFERENT_ROLE} TO ${who} WITH ADMIN OPTION`);
			await client.query(`INSERT INTO ${SCHEMA}.coordinators (login) VALUES ($1) ON CONFLICT (login) DO NOTHING`, [login]);
			return {};
		}
		// the name as the caseload spells it (« martel ines » → « MARTEL Inès », « rouvray » → « ROUVRAY Karim »):
		// titles show it to the login
		const referent = (await spelledAs(client, grant.referent)) ?? grant.referent.trim();
		const counted = await client.query<{n: string}>(`SELECT count(*) AS n FROM ${SCHEMA}.participants WHERE referent_key = ${SCHEMA}.fold($1)`, [referent]);
		await client.query(
			`INSERT INTO ${SCHEMA}.logins (login, referent) VALUES ($1, $2)
			 ON CONFLICT (login, referent_key) DO UPDATE SET referent = EXCLUDED.referent, granted_by = current_user, granted_at = now()`,
			[login, referent],
		);
		await client.query(`GRANT ${REFERENT_ROLE} TO ${who}`);
		return {participants: Number(counted.rows[0]!.n), referent};
	});
}

/**
 * The référent·e `typed` designates, as the participants spell it: the same name
 * (case, accents, spaces aside; the most used spelling), else the one name holding
 * every word typed (a surname alone). Undefined for a name nobody follows yet (a
 * new colleague); refused when the words designate several.
 */
async function spelledAs(client: pg.Client, typed: string): Promise<string | undefined> {
	const {rows} = await client.query<{referent: string; same: boolean}>(
		`SELECT referent, referent_key = ${SCHEMA}.fold($1) AS same FROM ${SCHEMA}.participants
		 WHERE referent IS NOT NULL GROUP BY referent, referent_key ORDER BY count(*) DESC, referent`,
		[typed],
	);
	const same = rows.find(row => row.same);
	if (same !== undefined) return same.referent.trim();
	const names = namesWithWords([...new Set(rows.map(row => row.referent.trim()))], typed);
	if (names.length > 1) {
		throw new InputError(`--referent : « ${printable(typed)} » désigne plusieurs référent·es (${names.slice(0, 12).map(printable).join(', ')}) ; donnez le nom complet.`);
	}
	return names[0];
}

/** Among the référent·es `login` works for, the one `typed` designates (its name, or words of it); else `typed`. */
async function ownReferent(client: pg.Client, login: string, typed: string): Promise<string> {
	const {rows} = await client.query<{referent: string; same: boolean}>(
		`SELECT referent, referent_key = ${SCHEMA}.fold($2) AS same FROM ${SCHEMA}.logins WHERE login = $1`,
		[login, typed],
	);
	if (rows.some(row => row.same)) return typed;
	const names = namesWithWords(rows.map(row => row.referent), typed);
	if (names.length > 1) {
		throw new InputError(`--referent : « ${printable(typed)} » désigne plusieurs référent·es de « ${printable(login)} » (${names.map(printable).join(', ')}) ; donnez le nom complet.`);
	}
	return names[0] ?? typed;
}

export type Revoke = {readonly all: true} | {readonly referent: string} | {readonly coordination: true};

export interface RevokeResult {
	/** mappings to référent·es (and to the coordination) removed in this base */
	readonly removed: number;
	/** référent·es the login still works for */
	readonly remaining: readonly string[];
	/** with --referent: the référent·e it designated among the login's */
	readonly referent?: string;
}

export async function revokeAccess(connection: Connection, login: string, revoke: Revoke): Promise<RevokeResult> {
	requireGrantor(connection);
	return connection.transaction(async client => {
		let removed = 0;
		let referent: string | undefined;
		if ('referent' in revoke) {
			// read as db grant reads it: « rouvray » is the ROUVRAY Karim this login works for
			referent = await ownReferent(client, login, revoke.referent);
			const result = await client.query(`DELETE FROM ${SCHEMA}.logins WHERE login = $1 AND referent_key = ${SCHEMA}.fold($2)`, [login, referent]);
			removed = result.rowCount ?? 0;
		} else if ('all' in revoke) {
			removed = (await client.query(`DELETE FROM ${SCHEMA}.logins WHERE login = $1`, [login])).rowCount ?? 0;
		}
		if ('all' in revoke || 'coordination' in revoke) {
			removed += (await client.query(`DELETE FROM ${SCHEMA}.coordinators WHERE login = $1`, [login])).rowCount ?? 0;
		}
		// the group roles stay: they are the server's, shared by its other bases, and give nothing here alone
		const {rows} = await client.query<{referent: string}>(`SELECT referent FROM ${SCHEMA}.logins WHERE login = $1 ORDER BY referent`, [login]);
		return {removed, remaining: rows.map(row => row.referent), referent};
	});
}
