// `db init URL`: creates or migrates the team store's schema, in one transaction,
// idempotently (schema_version says which migrations ran; an advisory lock keeps
// two db init from running them twice). Then the settings row, and the participant
// documents brought to the tool's model version (REFERENTIEL §9).
import type pg from 'pg';
import {settingsSchema} from '../../domain/settings.js';
import {STORE_VERSION} from '../storeBasics.js';
import {connectClient, SCHEMA} from './connection.js';
import {MIGRATIONS, SCHEMA_VERSION} from './migrations/index.js';
import {databaseError, DatabaseError} from './pgErrors.js';
import {readParticipantRows, readSettingsRow, storeFromRows, updateParticipants, writeSettings} from './rows.js';

export interface InitResult {
	/** the schema's version before and after */
	readonly from: number;
	readonly to: number;
	/** migrations applied now (names) */
	readonly applied: readonly string[];
	/** documents migrated to the model version, if they were older */
	readonly documentsMigrated: number;
}

const LOCK_KEY = 0x706c6965; // 'plie'

async function serverChecks(client: pg.Client, location: string): Promise<void> {
	const {rows} = await client.query<{version: string; encoding: string}>(
		"SELECT current_setting('server_version_num') AS version, pg_encoding_to_char(encoding) AS encoding FROM pg_database WHERE datname = current_database()",
	);
	const row = rows[0]!;
	if (Number(row.version) < 150_000) {
		throw new DatabaseError(location, `PostgreSQL 15 ou plus récent est nécessaire (serveur : ${row.version}).`);
	}
	if (row.encoding !== 'UTF8') {
		throw new DatabaseError(location, `la base doit être encodée en UTF8 (elle l’est en ${row.encoding}) : l’administrateur la recrée avec ENCODING 'UTF8'.`);
	}
}

function roleRefusal(location: string): DatabaseError {
	return new DatabaseError(
		location,
		'impossible de créer les rôles plie_triage_referent et plie_triage_coordination : le propriétaire de la base a besoin de ' +
			'l’attribut CREATEROLE, ou l’administrateur les crée lui-même (CREATE ROLE plie_triage_referent NOLOGIN; ' +
			'CREATE ROLE plie_triage_coordination NOLOGIN;) et les confie au propriétaire (GRANT … TO propriétaire WITH ADMIN OPTION). Rien n’a été créé.',
	);
}

async function applyMigrations(client: pg.Client, location: string): Promise<{from: number; applied: string[]}> {
	await client.query(`CREATE SCHEMA IF NOT EXISTS ${SCHEMA}`);
	await client.query(`CREATE TABLE IF NOT EXISTS ${SCHEMA}.schema_version (
		version integer PRIMARY KEY,
		name text NOT NULL,
		applied_at timestamptz NOT NULL DEFAULT now(),
		applied_by text NOT NULL DEFAULT current_user
	)`);
	const from = Number((await client.query<{v: number}>(`SELECT coalesce(max(version), 0) AS v FROM ${SCHEMA}.schema_version`)).rows[0]!.v);
	if (from > SCHEMA_VERSION) {
		throw new DatabaseError(location, `schéma de la base en version ${from}, plus récente que celle de plie-triage (${SCHEMA_VERSION}) : mettez l’outil à jour.`);
	}
	const applied: string[] = [];
	for (let version = from + 1; version <= SCHEMA_VERSION; version++) {
		const migration = MIGRATIONS[version - 1]!;
		try {
			await client.query(migration.sql);
		} catch (error) {
			if ((error as {code?: unknown}).code === '42501' && /create role/i.test(String((error as Error).message))) throw roleRefusal(location);
			throw error;
		}
		await client.query(`INSERT INTO ${SCHEMA}.schema_version (version, name) VALUES ($1, $2)`, [version, migration.name]);
		applied.push(migration.name);
	}
	return {from, applied};
}

/** Brings every document to STORE_VERSION (the file's migrations, run on the rows). */
async function migrateDocuments(client: pg.Client, location: string): Promise<number> {
	await client.query(
		`INSERT INTO ${SCHEMA}.settings (model_version, document) VALUES ($1, $2::jsonb) ON CONFLICT (id) DO NOTHING`,
		[STORE_VERSION, JSON.stringify(settingsSchema.parse({}))],
	);
	const settings = await readSettingsRow(client, location, true);
	if (settings.modelVersion >= STORE_VERSION) return 0; // a newer model is refused by the first read
	const rows = await readParticipantRows(client, {lock: true});
	const data = storeFromRows(location, settings, rows.documents);
	await updateParticipants(client, data.participants);
	await writeSettings(client, data.settings, STORE_VERSION);
	return data.participants.length;
}

/** Runs db init on `url` (the login that owns the base). */
export async function initDatabase(url: string, location = url): Promise<InitResult> {
	const client = await connectClient(url, location);
	try {
		await serverChecks(client, location);
		await client.query('BEGIN');
		try {
			await client.query('SELECT pg_advisory_xact_lock($1)', [LOCK_KEY]);
			const {from, applied} = await applyMigrations(client, location);
			const documentsMigrated = await migrateDocuments(client, location);
			await client.query('COMMIT');
			return {from, to: SCHEMA_VERSION, applied, documentsMigrated};
		} catch (error) {
			await client.query('ROLLBACK').catch(() => undefined);
			throw error;
		}
	} catch (error) {
		throw databaseError(location, error);
	} finally {
		await client.end().catch(() => undefined);
	}
}
