// The caseload's rows in PostgreSQL: read as the JSON file's store (the same
// migration and checks, so the same data and French messages), participants
// written in batches (one statement each for inserts, updates, deletions), the
// journal appended and read back as the file's journal lines.
import type pg from 'pg';
import type {Participant} from '../../domain/model.js';
import type {JournalLine} from '../journal.js';
import {storeFromJson} from '../openStore.js';
import type {StoreData} from '../schema.js';
import {STORE_VERSION} from '../storeBasics.js';
import {DatabaseError} from './pgErrors.js';
import {SCHEMA} from './connection.js';
import type {RowsSnapshot} from './snapshot.js';

export interface SettingsRow {
	readonly modelVersion: number;
	readonly settings: unknown;
	readonly revision: number;
}

export async function readSettingsRow(client: pg.Client, location: string, lock = false): Promise<SettingsRow> {
	const result = await client.query<{model_version: number; document: string; revision: string}>(
		`SELECT model_version, document::text AS document, revision FROM ${SCHEMA}.settings${lock ? ' FOR UPDATE' : ''}`,
	);
	const row = result.rows[0];
	if (row === undefined) throw new DatabaseError(location, 'réglages absents : relancez « plie-triage db init URL ».');
	return {modelVersion: row.model_version, settings: JSON.parse(row.document), revision: Number(row.revision)};
}

export interface ParticipantRows {
	readonly ids: string[];
	readonly documents: unknown[];
	readonly revisions: number[];
}

/**
 * The participants this login may see, in the store's order; `ids` narrows them.
 * Each document is parsed as its row arrives (the client's parser for jsonb is
 * JSON.parse): the parsing of 10,000 documents then runs while the server is still
 * sending the next rows, instead of after the last one (issue 18, first frame).
 */
export async function readParticipantRows(client: pg.Client, options: {lock?: boolean; ids?: readonly string[]} = {}): Promise<ParticipantRows> {
	const where = options.ids === undefined ? '' : ' WHERE id = ANY ($1::text[])';
	const result = await client.query<[string, string, unknown]>({
		text: `SELECT id, revision, document FROM ${SCHEMA}.participants${where} ORDER BY position${options.lock ? ' FOR UPDATE' : ''}`,
		values: options.ids === undefined ? [] : [options.ids],
		// rows as arrays: no object per row to build
		rowMode: 'array' as const,
		types: DOCUMENT_TYPES,
	});
	const ids: string[] = [];
	const documents: unknown[] = [];
	const revisions: number[] = [];
	for (const row of result.rows) {
		ids.push(row[0]);
		revisions.push(Number(row[1]));
		documents.push(row[2]);
	}
	return {ids, documents, revisions};
}

const JSONB_OID = 3802;

/** jsonb parsed by JSON.parse whatever the process's global pg type parsers say; other types as text. */
const DOCUMENT_TYPES = {
	getTypeParser: (oid: number) => (oid === JSONB_OID ? (text: string) => JSON.parse(text) as unknown : (text: string) => text),
} as unknown as pg.CustomTypesConfig;

/** Checks rows as a store file would be checked (migration of older documents, then the model). */
export function storeFromRows(location: string, settings: SettingsRow, documents: unknown[]): StoreData {
	return storeFromJson(location, {version: settings.modelVersion, settings: settings.settings, participants: documents});
}

/** Writes need the documents at the tool's model version (db init brings them there). */
export function requireCurrentModel(location: string, settings: SettingsRow): void {
	if (settings.modelVersion < STORE_VERSION) {
		throw new DatabaseError(
			location,
			`les dossiers de la base sont au modèle ${settings.modelVersion}, plie-triage écrit le modèle ${STORE_VERSION} : ` +
				'le propriétaire de la base lance « plie-triage db init URL » pour les mettre à jour. Rien n’a été écrit.',
		);
	}
}

export async function insertParticipants(client: pg.Client, participants: readonly Participant[]): Promise<void> {
	if (participants.length === 0) return;
	await client.query(
		`INSERT INTO ${SCHEMA}.participants (id, document) SELECT id, document FROM unnest($1::text[], $2::jsonb[]) AS u(id, document)`,
		[participants.map(p => p.id), participants.map(p => JSON.stringify(p))],
	);
}

/** Replaces the documents of existing rows; returns how many rows were written. */
export async function updateParticipants(client: pg.Client, participants: readonly Participant[]): Promise<number> {
	if (participants.length === 0) return 0;
	const result = await client.query(
		`UPDATE ${SCHEMA}.participants AS p SET document = u.document FROM unnest($1::text[], $2::jsonb[]) AS u(id, document) WHERE p.id = u.id`,
		[participants.map(p => p.id), participants.map(p => JSON.stringify(p))],
	);
	return result.rowCount ?? 0;
}

export async function deleteParticipants(client: pg.Client, ids: readonly string[]): Promise<number> {
	if (ids.length === 0) return 0;
	const result = await client.query(`DELETE FROM ${SCHEMA}.participants WHERE id = ANY ($1::text[])`, [ids]);
	return result.rowCount ?? 0;
}

export async function writeSettings(client: pg.Client, settings: unknown, modelVersion = STORE_VERSION): Promise<void> {
	await client.query(`UPDATE ${SCHEMA}.settings SET document = $1::jsonb, model_version = $2`, [JSON.stringify(settings), modelVersion]);
}

const json = (value: unknown): string | null => (value === undefined ? null : JSON.stringify(value));

/** Appends journal lines as they are (time and author kept: db copy); the server stamps login and time of recording. */
export async function appendJournalRows(client: pg.Client, lines: readonly JournalLine[]): Promise<void> {
	if (lines.length === 0) return;
	await client.query(
		`INSERT INTO ${SCHEMA}.journal (time, author, kind, participant_id, action, before, after, tx)
		 SELECT * FROM unnest($1::timestamptz[], $2::text[], $3::text[], $4::text[], $5::text[], $6::jsonb[], $7::jsonb[], $8::text[])`,
		[
			lines.map(line => line.time),
			lines.map(line => line.user),
			lines.map(line => line.kind ?? 'modification'),
			lines.map(line => line.participantId ?? null),
			lines.map(line => line.action),
			lines.map(line => json(line.before)),
			lines.map(line => json(line.after)),
			lines.map(line => line.tx ?? null),
		],
	);
}

/** The journal lines this login may read, oldest first, as the file's journal holds them. */
export async function readJournalRows(client: pg.Client): Promise<JournalLine[]> {
	const result = await client.query<{
		time: string;
		author: string;
		kind: string;
		participant_id: string | null;
		action: string;
		before: string | null;
		after: string | null;
		tx: string | null;
	}>(
		`SELECT to_char(time AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS time, author, kind, participant_id, action,
		        before::text AS before, after::text AS after, tx
		 FROM ${SCHEMA}.journal ORDER BY seq`,
	);
	return result.rows.map(row => ({
		time: row.time,
		user: row.author,
		kind: row.kind as JournalLine['kind'],
		...(row.participant_id === null ? {} : {participantId: row.participant_id}),
		action: row.action,
		...(row.before === null ? {} : {before: JSON.parse(row.before) as unknown}),
		...(row.after === null ? {} : {after: JSON.parse(row.after) as unknown}),
		...(row.tx === null ? {} : {tx: row.tx}),
	}));
}

export async function countJournalRows(client: pg.Client): Promise<number> {
	return Number((await client.query<{n: string}>(`SELECT count(*) AS n FROM ${SCHEMA}.journal`)).rows[0]!.n);
}

/** The snapshot's rows as the session's data, checked as every read of the base is (storeFromRows). */
export function storeFromSnapshot(location: string, snapshot: RowsSnapshot): {data: StoreData; revisions: number[]; settingsRevision: number; modelVersion: number} {
	const {bytes, revisions, settingsRevision, modelVersion} = snapshot;
	// the bytes are a store file's: {"version":…,"settings":…,"participants":[…]}
	const file = JSON.parse(bytes.toString('utf8')) as unknown;
	return {data: storeFromJson(location, file), revisions, settingsRevision, modelVersion};
}
