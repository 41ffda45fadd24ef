// The base's side of `db copy`: the whole caseload written in one transaction,
// its counts read back inside it (participants, steps and events from the rows,
// the journal lines added) and the transaction rolled back when they differ.
import {InputError} from '../../domain/errors.js';
import type {CopyCounts, CopyOptions} from '../copyCaseload.js';
import {notEmptyMessage} from '../copyCaseload.js';
import type {JournalLine} from '../journal.js';
import type {StoreData} from '../schema.js';
import {STORE_VERSION} from '../storeBasics.js';
import {SCHEMA, seesAll} from './connection.js';
import {DatabaseError} from './pgErrors.js';
import type {PostgresStore} from './postgresStore.js';
import {appendJournalRows, countJournalRows, insertParticipants, writeSettings} from './rows.js';

/** Returns how many journal lines the base had before. `lines` ends with the copy's own line. */
export async function copyIntoBase(
	target: PostgresStore,
	data: StoreData,
	lines: readonly JournalLine[],
	expected: CopyCounts,
	options: CopyOptions,
): Promise<number> {
	if (!seesAll(target.access)) {
		throw new InputError(`${target.location} : copier un portefeuille entier dans la base est réservé à la coordination et au propriétaire de la base.`);
	}
	return target.connection.transaction(async client => {
		await client.query(`LOCK TABLE ${SCHEMA}.participants IN EXCLUSIVE MODE`);
		const participants = Number((await client.query<{n: string}>(`SELECT count(*) AS n FROM ${SCHEMA}.participants`)).rows[0]!.n);
		const before = await countJournalRows(client);
		if ((participants > 0 || before > 0) && !options.force) throw new InputError(notEmptyMessage(target.location, participants, before));
		await client.query(`DELETE FROM ${SCHEMA}.participants`);
		await insertParticipants(client, data.participants);
		await writeSettings(client, data.settings, STORE_VERSION);
		await appendJournalRows(client, lines);
		const {rows} = await client.query<{participants: string; steps: string; events: string}>(
			`SELECT count(*) AS participants,
			        coalesce(sum(jsonb_array_length(document -> 'steps')), 0) AS steps,
			        coalesce(sum(jsonb_array_length(document -> 'events')), 0) AS events
			 FROM ${SCHEMA}.participants`,
		);
		const written: CopyCounts = {
			participants: Number(rows[0]!.participants),
			steps: Number(rows[0]!.steps),
			events: Number(rows[0]!.events),
			journal: (await countJournalRows(client)) - before - 1,
		};
		if (JSON.stringify(written) !== JSON.stringify(expected)) {
			throw new DatabaseError(target.location, `copie annulée : la base compte ${JSON.stringify(written)} au lieu de ${JSON.stringify(expected)}. Rien n’a été écrit.`);
		}
		return before;
	});
}
