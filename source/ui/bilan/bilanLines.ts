// The bilan as the screen's lines: each table under its section and title (as the
// seeds number and name them), its rows below, a blank line between tables. Made
// once per bilan; the screen renders only the lines in its window (the nominative
// list alone has a line per person accompanied).
import type {Bilan, BilanRow, BilanTable} from '../../domain/bilan/index.js';

export type BilanLine =
	| {readonly kind: 'blank'}
	| {readonly kind: 'heading'; readonly table: BilanTable}
	/** `index`: the row's position among all the rows (the cursor's unit) */
	| {readonly kind: 'row'; readonly table: BilanTable; readonly row: BilanRow; readonly index: number};

export interface BilanLines {
	readonly lines: readonly BilanLine[];
	/** line index of each row, by row index */
	readonly rowLines: readonly number[];
	/** row index of each table's first row (tables without a row are skipped) */
	readonly tableStarts: readonly number[];
}

export function bilanLines(bilan: Pick<Bilan, 'tables'>): BilanLines {
	const lines: BilanLine[] = [];
	const rowLines: number[] = [];
	const tableStarts: number[] = [];
	for (const table of bilan.tables) {
		if (lines.length > 0) lines.push({kind: 'blank'});
		lines.push({kind: 'heading', table});
		if (table.rows.length > 0) tableStarts.push(rowLines.length);
		for (const row of table.rows) {
			lines.push({kind: 'row', table, row, index: rowLines.length});
			rowLines.push(lines.length - 1);
		}
	}
	return {lines, rowLines, tableStarts};
}

/** A table's heading: « II.1 · Nombre de dossiers traités ». */
export function tableHeading(table: BilanTable): string {
	return `${table.section} · ${table.title}`;
}

/** One decimal with a French comma: 66.7 → « 66,7 », 75 → « 75,0 ». */
function decimal(value: number): string {
	return value.toFixed(1).replace('.', ',');
}

/** A row's figure as the screen writes it: a count, « 66,7 % », « 12,5 j », oui / non, or « — » when absent. */
export function figureText(row: BilanRow): string {
	if (row.kind === 'count') return String(row.participants.length);
	if (row.value === null) return '—';
	switch (row.unit) {
		case 'percent':
			return `${decimal(row.value)} %`;
		case 'days':
			return `${decimal(row.value)} j`;
		case 'flag':
			return row.value === 1 ? 'oui' : 'non';
	}
}

/** The table whose rows hold one person each (its label is a name: initials in discrétion mode). */
export const NOMINATIVE_TABLE = 'liste-nominative';
