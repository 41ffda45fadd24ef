// The team's PostgreSQL base as a CaseloadStore (REFERENTIEL §9). Reads are one
// read-only transaction (settings and participants of one moment); `update` is
// one transaction that locks the rows it read, writes what the change changed and
// journals it, or writes nothing; edits go through PostgresEditSession.
import type pg from 'pg';
import {InputError} from '../../domain/errors.js';
import {sameValue} from '../../domain/edits/diff.js';
import type {Participant} from '../../domain/model.js';
import {foldText} from '../../domain/text.js';
import {triageQueues, type TriageQueues} from '../../domain/triage.js';
import type {CaseloadStore, JournalRead, StoreChange, TriageScope, UpdateOptions} from '../caseloadStore.js';
import type {EditingSession} from '../editingSession.js';
import {type JournalContext, type JournalEntry, journalLines} from '../journal.js';
import type {StoreData} from '../schema.js';
import type {Visibility} from '../../domain/visibility.js';
import {type Access, Connection, connectClient, SCHEMA, seesAll, visibleTo} from './connection.js';
import {PostgresEditSession} from './postgresEditSession.js';
import {DatabaseError, printable} from './pgErrors.js';
import {readRowsSnapshot, type RowsSnapshot} from './snapshot.js';
import {scanStore} from '../storeScan.js';
import {
	appendJournalRows,
	deleteParticipants,
	insertParticipants,
	readJournalRows,
	readParticipantRows,
	readSettingsRow,
	requireCurrentModel,
	storeFromRows,
	storeFromSnapshot,
	updateParticipants,
	writeSettings,
} from './rows.js';
import {checkDatabaseUrl} from './url.js';

const READ_ONLY = 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY';

export async function openPostgresStore(url: string): Promise<PostgresStore> {
	const checked = checkDatabaseUrl(url);
	return new PostgresStore(checked, await Connection.open(checked));
}

/** What a change did to the rows, to be written. */
interface RowChanges {
	readonly inserted: Participant[];
	readonly updated: Participant[];
	readonly deleted: string[];
	/** the new settings, when the change changed them */
	readonly settings?: StoreData['settings'];
}

export class PostgresStore implements CaseloadStore {
	readonly kind = 'postgres';
	private readonly sessions: PostgresEditSession[] = [];

	constructor(
		readonly location: string,
		readonly connection: Connection,
	) {}

	get access(): Access {
		return this.connection.access;
	}

	get visible(): Visibility {
		return visibleTo(this.access);
	}

	/** One read-only transaction, the rows as a store file's bytes (snapshot.ts), as the dashboard and report read. */
	async read(): Promise<StoreData> {
		return storeFromSnapshot(this.location, await readRowsSnapshot(this.connection)).data;
	}

	async triage(scope: TriageScope): Promise<TriageQueues> {
		// the rows as a store file's bytes, read by the file's byte scanner (as the
		// dashboard's first frame, snapshot.ts); when it declines, the usual read says why
		const snapshot = await readRowsSnapshot(this.connection);
		const scanned = scanStore(snapshot.bytes, scope);
		if (scanned !== undefined) return scanned.queues;
		const {data} = storeFromSnapshot(this.location, snapshot);
		return triageQueues(data.participants, {...scope, settings: data.settings});
	}

	/** Only these rows' names: not a second read of the whole base (as the file must). */
	async namesOf(ids: readonly string[]): Promise<Map<string, string>> {
		const rows = await this.connection.transaction(
			client => client.query<[string, string | null]>({text: `SELECT id, document ->> 'name' FROM ${SCHEMA}.participants WHERE id = ANY ($1::text[])`, values: [ids], rowMode: 'array'}),
			READ_ONLY,
		);
		return new Map(rows.rows.map(([id, name]) => [id, name ?? '']));
	}

	async update(change: StoreChange, options: UpdateOptions = {}): Promise<{data: StoreData; entries: JournalEntry[]}> {
		return this.connection.transaction(async client => {
			const settingsRow = await readSettingsRow(client, this.location, seesAll(this.access));
			requireCurrentModel(this.location, settingsRow);
			const rows = await readParticipantRows(client, {lock: true});
			const data = storeFromRows(this.location, settingsRow, rows.documents);
			const {entries, changes} = await this.changedInScope(data, change);
			if (changes === undefined) return {data, entries};
			await this.write(client, changes);
			await appendJournalRows(client, journalLines(entries, {user: this.access.login, ...options}));
			return {data, entries};
		});
	}

	async tryUpdate(change: StoreChange): Promise<{data: StoreData; entries: JournalEntry[]}> {
		const read = await this.readForWriting();
		const {entries} = await this.changedInScope(read.data, change);
		return {data: read.data, entries};
	}

	/** The rows of `snapshot` (else of one read now), refused when their model is not the tool's (db init first). */
	private async readForWriting(snapshot?: RowsSnapshot): Promise<ReturnType<typeof storeFromSnapshot>> {
		const read = storeFromSnapshot(this.location, snapshot ?? (await readRowsSnapshot(this.connection)));
		requireCurrentModel(this.location, {modelVersion: read.modelVersion, settings: read.data.settings, revision: read.settingsRevision});
		return read;
	}

	/** Runs `change` on `data`: the rows it changes (none when it journals nothing), checked against the login's scope. */
	private async changedInScope(data: StoreData, change: StoreChange): Promise<{entries: JournalEntry[]; changes?: RowChanges}> {
		const before = new Map(data.participants.map(p => [p.id, JSON.stringify(p)]));
		const settingsBefore = JSON.stringify(data.settings);
		const entries = await change(data);
		if (entries.length === 0) return {entries};
		const changes = rowChanges(data, before, settingsBefore);
		this.requireInScope(changes);
		return {entries, changes};
	}

	/** A référent login writes only its référent·es' participants: say which one is not, before the base refuses. */
	private requireInScope(changes: RowChanges): void {
		if (seesAll(this.access)) {
			return;
		}
		const mine = new Set(this.access.referents.map(foldText));
		const outside = [...changes.inserted, ...changes.updated].find(p => !mine.has(foldText(p.referent ?? '')));
		if (outside !== undefined) {
			throw new InputError(
				`${this.location} : bénéficiaire ${printable(outside.id)} suivi·e par « ${printable(outside.referent ?? '')} », hors de vos référent·es ` +
					`(${this.access.referents.map(printable).join(', ')}) : seule la coordination écrit les dossiers des autres. Rien n’a été écrit.`,
			);
		}
		if (changes.deleted.length > 0 || changes.settings !== undefined) {
			throw new InputError(
				`${this.location} : supprimer des dossiers ou changer les réglages est réservé à la coordination. Rien n’a été écrit.`,
			);
		}
	}

	private async write(client: pg.Client, changes: RowChanges): Promise<void> {
		await deleteParticipants(client, changes.deleted);
		const updated = await updateParticipants(client, changes.updated);
		if (updated !== changes.updated.length) {
			throw new DatabaseError(this.location, 'des dossiers ont disparu pendant l’écriture. Rien n’a été écrit, réessayez.');
		}
		await insertParticipants(client, changes.inserted);
		if (changes.settings !== undefined) await writeSettings(client, changes.settings);
	}

	/**
	 * The dashboard's editing session on the rows of one snapshot (snapshot.ts):
	 * `snapshot` is the one the dashboard already read for its first frame, else one is read now.
	 */
	async openSession(options: JournalContext = {}, snapshot?: RowsSnapshot): Promise<EditingSession> {
		// a second connection waits for the base's notifications (a colleague saved), opened during the read
		const listening = connectClient(this.location).catch(() => undefined);
		let read: ReturnType<typeof storeFromSnapshot>;
		try {
			read = await this.readForWriting(snapshot);
		} catch (error) {
			await (await listening)?.end().catch(() => undefined);
			throw error;
		}
		const session = await PostgresEditSession.start({
			connection: this.connection,
			listener: await listening,
			data: read.data,
			revisions: read.revisions,
			settingsRevision: read.settingsRevision,
			context: options,
		});
		this.sessions.push(session);
		return session;
	}

	async readJournal(): Promise<JournalRead> {
		const lines = await this.connection.transaction(readJournalRows, READ_ONLY);
		return {lines, unreadable: [], where: this.location};
	}

	async close(): Promise<void> {
		await Promise.all(this.sessions.map(session => session.close()));
		await this.connection.close();
	}
}

/** Compares the caseload after the change with its rows as read. */
function rowChanges(data: StoreData, before: Map<string, string>, settingsBefore: string): RowChanges {
	const inserted: Participant[] = [];
	const updated: Participant[] = [];
	const seen = new Set<string>();
	for (const participant of data.participants) {
		if (seen.has(participant.id)) throw new InputError(`bénéficiaire ${printable(participant.id)} en double : rien n’a été écrit.`);
		seen.add(participant.id);
		const previous = before.get(participant.id);
		if (previous === undefined) inserted.push(participant);
		// the same text is the same document; another text may be the same one with its keys reordered
		else if (previous !== JSON.stringify(participant) && !sameValue(JSON.parse(previous), participant)) updated.push(participant);
	}
	const deleted = [...before.keys()].filter(id => !seen.has(id));
	const settingsChanged = JSON.stringify(data.settings) !== settingsBefore && !sameValue(JSON.parse(settingsBefore), data.settings);
	return {inserted, updated, deleted, ...(settingsChanged ? {settings: data.settings} : {})};
}
