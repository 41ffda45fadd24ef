// The activity-report tables of REFERENTIEL §8 as data: each table a list of rows
// with fixed ids; a row either counts people (and lists them) or holds a value.
import type {Day} from '../calendar.js';

export const BILAN_TABLE_IDS = [
	'dossiers',
	'taux-integration',
	'motifs-non-integration',
	'cumul-integrations',
	'sorties',
	'inter-etapes',
	'inactifs',
	'durees',
	'exercice',
	'rsa',
	'liste-nominative',
] as const;
export type BilanTableId = (typeof BILAN_TABLE_IDS)[number];

/** A row that counts people: its count is `participants.length`. */
export interface CountRow {
	readonly kind: 'count';
	readonly id: string;
	readonly label: string;
	/** participant ids, in store order */
	readonly participants: readonly string[];
}

/** What a value row's number is: a percentage, a number of days, or a yes (1) / no (0). */
export type ValueUnit = 'percent' | 'days' | 'flag';

/** A ratio, a mean or a flag; null when it is absent (a ratio or mean over nobody). */
export interface ValueRow {
	readonly kind: 'value';
	readonly id: string;
	readonly label: string;
	readonly value: number | null;
	readonly unit: ValueUnit;
	/** the people the value is computed over (its denominator), for a screen to open */
	readonly participants: readonly string[];
}

export type BilanRow = CountRow | ValueRow;

export interface BilanTable {
	readonly id: BilanTableId;
	/** where the seed asks for it: 'II.1', 'III.2.3', 'IV.A' (002_…), 'Annexe 5'… */
	readonly section: string;
	readonly title: string;
	readonly rows: readonly BilanRow[];
}

export interface BilanPeriod {
	/** D1 and D2, both included */
	readonly from: Day;
	readonly to: Day;
}

export function countRow(id: string, label: string, participants: readonly string[]): CountRow {
	return {kind: 'count', id, label, participants};
}

export function valueRow(id: string, label: string, value: number | null, unit: ValueUnit, participants: readonly string[] = []): ValueRow {
	return {kind: 'value', id, label, value, unit, participants};
}

/** A row's figure as the tables show it: the count, or the value. */
export function rowFigure(row: BilanRow): number | null {
	return row.kind === 'count' ? row.participants.length : row.value;
}
