// The activity-report tables of REFERENTIEL §8 over a period [D1, D2]: one pure
// function per table, all of them at once, and the JSON `bilan --json` prints.
//
// For a screen: `computeBilan(participants, {from, to, settings, referent})` gives
// the tables in §8's order; each row has an id, a label, and either its people
// (`participants`, ids in store order: the count is their number) or a value
// (null when absent) with the people it is computed over; `bilan.participant(id)`
// finds the person behind an id.
import {isoFromDay} from '../calendar.js';
import type {Participant} from '../model.js';
import {cumulIntegrationsTable} from './cumul.js';
import {exerciceTable} from './exercice.js';
import {interEtapesTable, sortiesTable} from './exits.js';
import {dossiersTable, motifsNonIntegrationTable, tauxIntegrationTable} from './intake.js';
import {listeNominativeTable} from './roster.js';
import {rsaTable} from './rsa.js';
import {type BilanOptions, type BilanScope, bilanScope} from './scope.js';
import type {BilanTable, BilanTableId} from './types.js';
import {dureesTable, inactifsTable} from './watch.js';

export * from './types.js';
export {bilanScope, type BilanOptions, type BilanScope, type BilanPerson} from './scope.js';
export {semesterPeriod, yearPeriod} from './period.js';

/** Each table's function, in the order of §8 (and of the workbook). */
export const BILAN_TABLES: Readonly<Record<BilanTableId, (scope: BilanScope) => BilanTable>> = {
	dossiers: dossiersTable,
	'taux-integration': tauxIntegrationTable,
	'motifs-non-integration': motifsNonIntegrationTable,
	'cumul-integrations': cumulIntegrationsTable,
	sorties: sortiesTable,
	'inter-etapes': interEtapesTable,
	inactifs: inactifsTable,
	durees: dureesTable,
	exercice: exerciceTable,
	rsa: rsaTable,
	'liste-nominative': listeNominativeTable,
};

export interface Bilan extends BilanOptions {
	readonly tables: readonly BilanTable[];
	/** the participant behind an id of a row (in scope), or undefined */
	readonly participant: (id: string) => Participant | undefined;
}

export function computeBilan(participants: readonly Participant[], options: BilanOptions): Bilan {
	const scope = bilanScope(participants, options);
	const tables = (Object.keys(BILAN_TABLES) as BilanTableId[]).map(id => BILAN_TABLES[id](scope));
	let byId: Map<string, Participant> | undefined;
	return {
		...options,
		tables,
		participant: id => (byId ??= new Map(scope.people.map(person => [person.id, person.participant]))).get(id),
	};
}

export function bilanTable(bilan: Pick<Bilan, 'tables'>, id: BilanTableId): BilanTable {
	return bilan.tables.find(table => table.id === id)!;
}

export type BilanJsonRow =
	| {id: string; label: string; count: number; participants: string[]}
	| {id: string; label: string; value: number | null};

export interface BilanJson {
	from: string;
	to: string;
	referent: string | null;
	tables: Array<{id: string; title: string; rows: BilanJsonRow[]}>;
}

/** REFERENTIEL §8's JSON: a value that is absent (over nobody) is null. */
export function bilanJson(bilan: Bilan): BilanJson {
	return {
		from: isoFromDay(bilan.from),
		to: isoFromDay(bilan.to),
		referent: bilan.referent ?? null,
		tables: bilan.tables.map(table => ({
			id: table.id,
			title: table.title,
			rows: table.rows.map(
				(row): BilanJsonRow =>
					row.kind === 'count'
						? {id: row.id, label: row.label, count: row.participants.length, participants: row.participants as string[]}
						: {id: row.id, label: row.label, value: row.value},
			),
		})),
	};
}
