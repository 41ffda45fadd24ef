// The base as of one moment, as every whole read of it is made (the dashboard's
// opening, report, PostgresStore.read): the rows come as their UTF-8 bytes, joined
// as a store file, so that the file's byte scanner gives the counts of the first
// frame and report's queues (snapshotCounts.ts) before anything is parsed; the
// session then parses the same bytes (rows.ts storeFromSnapshot). One read of the
// base for both (issue 18: first frame ≤ 1.5 s).
import type pg from 'pg';
import {type Connection, SCHEMA} from './connection.js';
import {DatabaseError} from './pgErrors.js';

/** The settings and rows as the base sent them, with each row's revision. */
export interface RowsSnapshot {
	readonly modelVersion: number;
	readonly settingsRevision: number;
	/** each participant's revision, in the store's order */
	readonly revisions: number[];
	/** a store file: `{"version":…,"settings":…,"participants":[row,row,…]}` */
	readonly bytes: Buffer;
}

/** Reads settings and the rows this login may see in one read-only transaction. */
export function readRowsSnapshot(connection: Connection): Promise<RowsSnapshot> {
	return connection.transaction(async client => {
		const settings = (
			await client.query<[string, string, string]>({
				text: `SELECT model_version, document::text, revision FROM ${SCHEMA}.settings`,
				rowMode: 'array',
				types: AS_TEXT,
			})
		).rows[0];
		if (settings === undefined) throw new DatabaseError(connection.location, 'réglages absents : relancez « plie-triage db init URL ».');
		const [modelVersion, settingsText, settingsRevision] = settings;
		const file = new StoreFileWriter(`{"version":${Number(modelVersion)},"settings":${settingsText},"participants":[`);
		const rows = await client.query<[string, null]>({
			text: `SELECT revision, document::text FROM ${SCHEMA}.participants ORDER BY position`,
			rowMode: 'array',
			types: {getTypeParser: (oid: number) => (oid === TEXT_OID ? file.row : asText)} as unknown as pg.CustomTypesConfig,
		});
		return {
			modelVersion: Number(modelVersion),
			settingsRevision: Number(settingsRevision),
			revisions: rows.rows.map(row => Number(row[0])),
			bytes: file.end(),
		};
	}, 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
}

const asText = (text: string) => text;
const AS_TEXT = {getTypeParser: () => asText} as unknown as pg.CustomTypesConfig;

const TEXT_OID = 25;

/**
 * The store file's bytes, each row written as it arrives (its text then dies young:
 * kept to the end of the query, 10,000 texts would be copied by the young
 * generation's collections, ~0.2 s at 10,000 participants).
 */
export class StoreFileWriter {
	// 64 MB reserved, not used: the system maps a page when it is first written, so
	// a small base costs what it holds, and 10,000 participants (~25 MB) never copy
	// the buffer to grow it (a copy into fresh pages, ~0.1 s); beyond, it doubles
	private bytes: Buffer;
	private at = 0;
	private rows = 0;

	constructor(head: string, reserved = 64 << 20) {
		this.bytes = Buffer.allocUnsafe(reserved);
		this.write(head);
	}

	/** pg's parser of the document column: writes the row, keeps nothing of it */
	readonly row = (text: string): null => {
		if (this.rows++ > 0) this.write(',');
		this.write(text);
		return null;
	};

	end(): Buffer {
		this.write(']}');
		return this.bytes.subarray(0, this.at);
	}

	private write(text: string): void {
		// at most 3 bytes of UTF-8 per UTF-16 unit: room checked without measuring the text
		const room = this.at + text.length * 3;
		if (room > this.bytes.length) {
			const grown = Buffer.allocUnsafe(Math.max(this.bytes.length * 2, room));
			this.bytes.copy(grown, 0, 0, this.at);
			this.bytes = grown;
		}
		this.at += this.bytes.write(text, this.at);
	}
}
