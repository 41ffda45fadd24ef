// The dashboard's editing session on the team's base. Each save is one statement
// on the participant's row, checked against the revision the screen showed:
//   UPDATE … WHERE id = $1 AND revision = $2, and its journal line, together.
// When a colleague saved the row since, it is read again under the row's lock and
// the edit merged as the file merges it (domain/edits/diff.ts): another field is
// kept, the same field is a conflict, shown, and nothing is written. Colleagues' saves are
// announced by the base (LISTEN plie_triage) and fetched row by row.
import type pg from 'pg';
import {applyChanges, diffParticipants, type FieldChange, journalValues, mergeChanges, sameValue} from '../../domain/edits/diff.js';
import type {Edit} from '../../domain/edits/result.js';
import {type Participant, participantSchema} from '../../domain/model.js';
import {asksNothingMore, type ChangeOutcome, conflictMessage} from '../applyChange.js';
import type {EditingSession} from '../editingSession.js';
import {type JournalContext, type JournalKind, journalLines} from '../journal.js';
import type {StoreData} from '../schema.js';
import {StoreError} from '../storeBasics.js';
import {QueuedSession} from '../queuedSession.js';
import type {Visibility} from '../../domain/visibility.js';
import {type Connection, SCHEMA, seesAll, visibleTo} from './connection.js';
import {pgReason, printable} from './pgErrors.js';
import {appendJournalRows, readParticipantRows, readSettingsRow, storeFromRows} from './rows.js';
import type {IsoDate} from '../../domain/calendar.js';
import {nextCelluleDescription, planNextCellule, type SettingsOutcome} from '../nextCellule.js';
import type {Settings} from '../../domain/settings.js';

/** Without a listening connection (or in case a notification was missed), look anyway this often. */
const POLL_ANYWAY_MS = 30_000;

export interface SessionStart {
	readonly connection: Connection;
	readonly listener: pg.Client | undefined;
	readonly data: StoreData;
	/** each participant's revision, in the order of data.participants */
	readonly revisions: readonly number[];
	readonly settingsRevision: number;
	readonly context: JournalContext;
}

const SAVE = `
	WITH saved AS (
		UPDATE ${SCHEMA}.participants SET document = $3::jsonb WHERE id = $1 AND revision = $2 RETURNING revision
	), journaled AS (
		INSERT INTO ${SCHEMA}.journal (time, author, kind, participant_id, action, before, after)
		SELECT $4::timestamptz, $5, $6, $1, $7, $8::jsonb, $9::jsonb FROM saved
	)
	SELECT revision FROM saved`;

export class PostgresEditSession extends QueuedSession implements EditingSession {
	private readonly revisions = new Map<string, number>();
	private settingsRevision: number;
	/** a notification came since the last look */
	private dirty = false;
	private lastLook = Date.now();
	private listening = false;

	get visible(): Visibility {
		return visibleTo(this.start.connection.access);
	}

	private constructor(private readonly start: SessionStart) {
		super(start.data);
		start.data.participants.forEach((p, i) => this.revisions.set(p.id, start.revisions[i]!));
		this.settingsRevision = start.settingsRevision;
	}

	static async start(start: SessionStart): Promise<PostgresEditSession> {
		const session = new PostgresEditSession(start);
		const {listener} = start;
		if (listener !== undefined) {
			listener.on('notification', () => {
				session.dirty = true;
			});
			listener.on('error', () => {
				session.listening = false; // dropped: look at every call from now on
			});
			try {
				await listener.query(`LISTEN ${SCHEMA}`);
				session.listening = true;
				// a colleague's save between the read and LISTEN was announced to nobody: look once
				session.dirty = true;
			} catch {
				session.listening = false;
			}
		}
		return session;
	}

	private get location(): string {
		return this.start.connection.location;
	}

	apply(participantId: string, edit: Edit, seen?: Participant): Promise<ChangeOutcome> {
		return this.queueEdit(participantId, seen, async base => {
			const result = edit(base);
			if (!result.ok) return {status: 'invalid', message: result.error};
			return this.save(base, result.participant, result.description, 'modification', edit);
		});
	}

	undo(): Promise<ChangeOutcome> {
		return this.queueUndo(record => this.save(record.after, record.before, `Annulation : ${record.description}`, 'annulation'));
	}

	/**
	 * Sets settings.nextCellule: the settings row locked, read, checked against the
	 * date the screen showed (`seen`), written with its journal line, in one
	 * transaction. The base lets only the coordination change the settings: a
	 * référent login is told so before anything is tried.
	 */
	setNextCellule(next: IsoDate, seen: IsoDate | undefined): Promise<SettingsOutcome> {
		return this.queue.save(async (): Promise<SettingsOutcome> => {
			const description = nextCelluleDescription(next);
			if (!seesAll(this.start.connection.access)) {
				return {
					status: 'failed',
					message: `${this.location} : la date de la prochaine cellule est un réglage de la base, que seule la coordination peut changer. Rien n’a été écrit : demandez-lui de l’enregistrer.`,
				};
			}
			try {
				const done = await this.start.connection.transaction(async (client): Promise<() => SettingsOutcome> => {
					const row = await readSettingsRow(client, this.location, true);
					const theirs = storeFromRows(this.location, row, []).settings;
					const plan = planNextCellule(theirs, seen, next);
					if (plan.kind === 'unchanged') {
						return () => {
							this.adoptSettings(theirs, row.revision);
							return {status: 'unchanged', description, byColleague: plan.byColleague, data: this.current};
						};
					}
					if (plan.kind === 'conflict') {
						return () => {
							this.adoptSettings(theirs, row.revision);
							return {status: 'conflict', data: this.current, message: plan.message};
						};
					}
					const written = await client.query<{revision: string}>(`UPDATE ${SCHEMA}.settings SET document = $1::jsonb RETURNING revision`, [JSON.stringify(plan.settings)]);
					await appendJournalRows(client, journalLines([plan.entry], {user: this.start.connection.access.login, ...this.start.context}));
					const revision = Number(written.rows[0]!.revision);
					return () => {
						this.adoptSettings(plan.settings, revision); // once committed
						return {status: 'saved', data: this.current, description};
					};
				});
				return done();
			} catch (error) {
				const reason = error instanceof StoreError ? error.reason : pgReason(error);
				return {status: 'failed', message: `${this.location} : enregistrement impossible — ${reason}`};
			}
		});
	}

	private adoptSettings(settings: Settings, revision: number): void {
		this.current = {...this.current, settings};
		this.settingsRevision = revision;
	}

	/**
	 * Writes `target` (the edit made on `base`) over the row. First as the screen
	 * saw it (one statement, checked against the revision); when a colleague saved
	 * the row since, again under the row's lock: read, merged, written, committed.
	 */
	private async save(base: Participant, target: Participant, description: string, kind: JournalKind, intent?: Edit): Promise<ChangeOutcome> {
		const mine = diffParticipants(base, target);
		if (mine.length === 0) return {status: 'unchanged', description};
		const revision = this.revisions.get(base.id);
		if (revision === undefined) return this.gone(base.id);
		try {
			// `base` may be the screen's older version: merged over the session's, at the session's revision
			const known = this.participant(base.id) ?? base;
			const first = this.plan(base, known, revision, mine, description, kind, intent);
			if (!('write' in first)) return first;
			const saved = await this.write(first.write);
			if (saved !== undefined) return first.saved(saved);
			// a colleague saved this row since: merge over it, the row locked until written
			const merged = await this.start.connection.transaction(async (client): Promise<(() => ChangeOutcome) | undefined> => {
				const fresh = await this.readRow(client, base.id, true);
				if (fresh === undefined) return undefined;
				const second = this.plan(base, fresh[0], fresh[1], mine, description, kind, intent);
				if (!('write' in second)) return () => second;
				const written = await this.write(second.write, client);
				if (written === undefined) throw new Error('row changed while locked');
				return () => second.saved(written); // once committed
			});
			return merged === undefined ? this.gone(base.id) : merged();
		} catch (error) {
			const reason = error instanceof StoreError ? error.reason : pgReason(error);
			return {status: 'failed', message: `${this.location} : enregistrement impossible — ${reason}`};
		}
	}

	/** What to write for `mine` over `theirs` (at `revision`), or the outcome when there is nothing to write. */
	private plan(
		base: Participant,
		theirs: Participant,
		revision: number,
		mine: readonly FieldChange[],
		description: string,
		kind: JournalKind,
		intent?: Edit,
	): ChangeOutcome | {write: unknown[]; saved: (revision: number) => ChangeOutcome} {
		const {apply, conflicts} = mergeChanges(mine, diffParticipants(base, theirs));
		// a colleague asked the same meanwhile (standby started, step finished): both agree
		if (conflicts.length > 0 && intent !== undefined && asksNothingMore(intent, theirs)) {
			this.adopt(theirs, revision);
			return {status: 'unchanged', description, byColleague: true};
		}
		if (conflicts.length > 0) {
			this.adopt(theirs, revision);
			return {status: 'conflict', data: this.current, participant: theirs, conflicts, message: conflictMessage(theirs, conflicts)};
		}
		const checked = participantSchema.safeParse(applyChanges(theirs, apply));
		if (!checked.success) {
			return {status: 'failed', message: `Modification refusée : données invalides (${checked.error.issues[0]?.message ?? ''}).`};
		}
		const result = checked.data;
		if (sameValue(result, theirs)) {
			this.adopt(theirs, revision);
			return {status: 'unchanged', description, byColleague: !sameValue(base, theirs)};
		}
		const written = diffParticipants(theirs, result);
		const entry = {participantId: base.id, action: description, before: journalValues(written, 'before'), after: journalValues(written, 'after'), kind};
		const line = journalLines([entry], {user: this.start.connection.access.login, ...this.start.context})[0]!;
		return {
			write: [base.id, revision, JSON.stringify(result), line.time, line.user, line.kind, line.action, JSON.stringify(line.before), JSON.stringify(line.after)],
			saved: newRevision => {
				this.adopt(result, newRevision);
				return {
					status: 'saved',
					data: this.current,
					participant: result,
					description,
					undo: {participantId: base.id, description, before: theirs, after: result},
					merged: !sameValue(theirs, base),
				};
			},
		};
	}

	/** The row and its journal line in one statement: the new revision, or undefined when the row is no longer at the one given. */
	private async write(values: unknown[], client?: pg.Client): Promise<number | undefined> {
		// alone, or inside the transaction that holds the client already
		const query = (c: pg.Client) => c.query<{revision: string}>(SAVE, values);
		const saved = client === undefined ? await this.start.connection.exclusive(query) : await query(client);
		return saved.rows.length === 1 ? Number(saved.rows[0]!.revision) : undefined;
	}

	private gone(id: string): ChangeOutcome {
		this.forget(id);
		return {
			status: 'failed',
			message: `Bénéficiaire ${printable(id)} introuvable dans la base (supprimé·e, ou confié·e à un·e autre référent·e entre-temps). Rien n’a été écrit.`,
		};
	}

	private async readRow(client: pg.Client, id: string, lock = false): Promise<[Participant, number] | undefined> {
		const rows = await readParticipantRows(client, {ids: [id], lock});
		if (rows.ids.length === 0) {
			this.forget(id);
			return undefined;
		}
		const settings = {modelVersion: this.current.version, settings: this.current.settings, revision: this.settingsRevision};
		const participant = storeFromRows(this.location, settings, rows.documents).participants[0]!;
		return [participant, rows.revisions[0]!];
	}

	/** Shows `participant` at `revision` from now on. */
	private adopt(participant: Participant, revision: number): void {
		this.revisions.set(participant.id, revision);
		const participants = this.current.participants.map(p => (p.id === participant.id ? participant : p));
		this.current = {...this.current, participants};
	}

	private forget(id: string): void {
		this.revisions.delete(id);
		this.current = {...this.current, participants: this.current.participants.filter(p => p.id !== id)};
	}

	/**
	 * Fetches what colleagues saved since the last look: when the base announced a
	 * change (or every 30 s without a listening connection… or when it dropped).
	 * Compares every visible row's revision, so that a row added, removed, or handed
	 * to another référent·e is seen too. Throws StoreError when the base cannot be read.
	 */
	reloadIfChanged(): Promise<boolean> {
		return this.queue.run(async () => {
			if (this.listening && !this.dirty && Date.now() - this.lastLook < POLL_ANYWAY_MS) return false;
			this.dirty = false;
			this.lastLook = Date.now();
			return this.start.connection.transaction(client => this.refresh(client), 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
		});
	}

	private async refresh(client: pg.Client): Promise<boolean> {
		const settingsRow = await readSettingsRow(client, this.location);
		const {rows: visible} = await client.query<[string, string]>({text: `SELECT id, revision FROM ${SCHEMA}.participants ORDER BY position`, rowMode: 'array'});
		const changed = visible.filter(([id, revision]) => this.revisions.get(id) !== Number(revision)).map(([id]) => id);
		// no row changed and as many rows as known: the same rows (none removed or handed over)
		if (changed.length === 0 && visible.length === this.revisions.size && settingsRow.revision === this.settingsRevision) return false;
		const fetched = await readParticipantRows(client, {ids: changed});
		const checked = storeFromRows(this.location, settingsRow, fetched.documents);
		const fresh = new Map(checked.participants.map(p => [p.id, p]));
		const known = new Map(this.current.participants.map(p => [p.id, p]));
		this.revisions.clear();
		const participants: Participant[] = [];
		for (const [id, revision] of visible) {
			participants.push(fresh.get(id) ?? known.get(id)!);
			this.revisions.set(id, Number(revision));
		}
		this.current = {...this.current, settings: checked.settings, participants};
		this.settingsRevision = settingsRow.revision;
		return true;
	}

	async close(): Promise<void> {
		await this.queue.idle().catch(() => undefined);
		await this.start.listener?.end().catch(() => undefined);
	}
}
