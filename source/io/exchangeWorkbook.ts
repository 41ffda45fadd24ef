// The exchange workbook (classeur d'échange): every field of the store that the
// field tables give a column or a sheet (domain/fields.ts) — Bénéficiaires, then
// one sheet per list: Étapes, Événements, CER précédents — that `import` reads back.
// Dates are real date cells shown dd/mm/yyyy.
// Written with exceljs' streaming writer to a private temp file, then renamed into place.
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {toDay} from '../domain/calendar.js';
import {InputError} from '../domain/errors.js';
import type {FieldTable} from '../domain/fields.js';
import type {Participant} from '../domain/model.js';
import {renameWithRetry, PRIVATE_MODE} from '../store/secureJsonFile.js';
import {resolveWriteTarget, syncDirectory} from '../store/writeTarget.js';
import {type CellKind, type ColumnSpec, PARTICIPANTS_SHEET, sheetLayouts} from './columns.js';
import {literalCell} from './safeCell.js';

const MS_PER_DAY = 86_400_000;
export const DATE_FORMAT = 'dd/mm/yyyy';

/** The workbook would replace a file and --force was not given: exit 1. */
export class ExportFileExistsError extends InputError {
	override readonly name: string = 'ExportFileExistsError';
	constructor(readonly file: string) {
		super(`${file} : le fichier existe déjà. Choisissez un autre nom (--out FICHIER) ou ajoutez --force pour le remplacer.`);
	}
}

/**
 * A store value → the cell written: Date at UTC midnight for dates (Excel shows
 * that calendar day), Oui/Non for booleans, text as a literal (`=SOMME(A1)` stays text).
 */
function cellValue(kind: CellKind, value: unknown): unknown {
	if (value === undefined || value === null) return null;
	if (kind === 'date') return new Date(toDay(value as string) * MS_PER_DAY);
	if (kind === 'boolean') return value ? 'Oui' : 'Non';
	return literalCell(value);
}

const WIDTHS: Partial<Record<CellKind, number>> = {date: 12, boolean: 8};
// enough rows to see how long a column's texts run (the sheet is streamed: widths come first)
const WIDTH_SAMPLE = 300;

/** Each column as wide as its header or its longest sampled text, within 10 to 50 characters. */
function columnWidths(columns: readonly ColumnSpec[], sample: ReadonlyArray<Record<string, unknown>>): number[] {
	return columns.map(column => {
		const fixed = WIDTHS[column.kind];
		if (fixed !== undefined) return Math.max(fixed, column.names[0]!.length + 2);
		let longest = column.names[0]!.length;
		for (const row of sample) {
			const value = row[column.field];
			if (value !== undefined && value !== null) longest = Math.max(longest, String(value).length);
		}
		return Math.min(50, Math.max(10, longest + 2));
	});
}

interface SheetWriter {
	addRow(values: unknown[]): {commit(): void};
	columns: unknown;
	autoFilter: unknown;
	getRow(n: number): {font: unknown; commit(): void};
	commit(): Promise<void> | void;
}

function startSheet(
	workbook: {addWorksheet(name: string, options: unknown): unknown},
	name: string,
	columns: readonly ColumnSpec[],
	sample: ReadonlyArray<Record<string, unknown>>,
): SheetWriter {
	const sheet = workbook.addWorksheet(name, {views: [{state: 'frozen', ySplit: 1}]}) as SheetWriter;
	const widths = columnWidths(columns, sample);
	sheet.columns = columns.map((column, i) => ({
		header: column.names[0],
		key: column.field,
		width: widths[i],
		style: column.kind === 'date' ? {numFmt: DATE_FORMAT} : {},
	}));
	// a filter on every heading, as in the cellule workbook
	sheet.autoFilter = {from: {row: 1, column: 1}, to: {row: 1, column: columns.length}};
	const header = sheet.getRow(1);
	// the body's font: without a name, LibreOffice shows the headings in its default serif
	header.font = {name: 'Calibri', size: 11, bold: true};
	header.commit();
	return sheet;
}

function writeRow(sheet: SheetWriter, columns: readonly ColumnSpec[], source: Record<string, unknown>, extra?: Record<string, unknown>): void {
	const values = new Array(columns.length);
	for (let i = 0; i < columns.length; i++) {
		const column = columns[i]!;
		const value = extra && column.field in extra ? extra[column.field] : source[column.field];
		values[i] = cellValue(column.kind, value);
	}
	sheet.addRow(values).commit();
}

export interface WriteOptions {
	/** replace `file` when it exists (otherwise ExportFileExistsError) */
	readonly overwrite?: boolean;
	/** the model's fields (tests pass a table with a field added) */
	readonly table?: FieldTable;
}

/** Writes the exchange workbook of `participants` to `file` (mode 0600, atomic). */
export async function writeExchangeWorkbook(
	participants: readonly Participant[],
	file: string,
	options: WriteOptions = {},
): Promise<void> {
	const existing = await fs.stat(file).catch(() => undefined);
	// a folder is never replaced, --force or not: say so rather than "already exists"
	if (existing?.isDirectory()) throw Object.assign(new Error(`${file} : c’est un dossier`), {code: 'EISDIR', path: file});
	// through a symbolic link, the link's target is replaced (the link stays); a link pointing nowhere yet creates it
	const target = await resolveWriteTarget(file);
	if (!options.overwrite) {
		const exists = await fs
			.lstat(target)
			.then(() => true)
			.catch(() => false);
		if (exists) throw new ExportFileExistsError(file);
	}
	const {default: ExcelJS} = await import('exceljs');
	const directory = path.dirname(target);
	const temp = path.join(directory, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	// Opening first makes a missing folder or a refused write an ordinary rejection.
	const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
	const stream = handle.createWriteStream();
	try {
		const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({stream, useStyles: true, useSharedStrings: true});
		workbook.creator = 'plie-triage';
		const layouts = sheetLayouts(options.table);
		const records = participants as unknown as ReadonlyArray<Record<string, unknown>>;
		const sample = records.slice(0, WIDTH_SAMPLE);
		const people = startSheet(workbook, PARTICIPANTS_SHEET, layouts.exported, sample);
		for (const participant of records) writeRow(people, layouts.exported, participant);
		await people.commit();
		for (const list of layouts.lists) {
			const itemsOf = (participant: Record<string, unknown>) => (participant[list.field] as Array<Record<string, unknown>> | undefined) ?? [];
			const sheet = startSheet(workbook, list.name, list.columns, sample.flatMap(itemsOf));
			for (const participant of records) {
				const owner = {participantId: participant.id};
				for (const item of itemsOf(participant)) writeRow(sheet, list.columns, item, owner);
			}
			await sheet.commit();
		}
		await workbook.commit();
		await fs.chmod(temp, PRIVATE_MODE);
		if (!options.overwrite) {
			// link() refuses to replace a file created meanwhile; fall back to a checked rename where links are unsupported
			try {
				await fs.link(temp, target);
				await fs.rm(temp, {force: true});
				await syncDirectory(directory);
				return;
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code === 'EEXIST') throw new ExportFileExistsError(file);
			}
		}
		await renameWithRetry(temp, target);
		await syncDirectory(directory);
	} finally {
		stream.destroy();
		await fs.rm(temp, {force: true});
	}
}
