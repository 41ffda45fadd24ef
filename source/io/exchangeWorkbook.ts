// The exchange workbook (classeur d'échange): every field of the store in three
// sheets that `import` reads back. Dates are real date cells shown dd/mm/yyyy.
// Written with exceljs' streaming writer to a private temp file, then renamed into place.
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import {toDay} from '../domain/calendar.js';
import type {Participant} from '../domain/model.js';
import {renameWithRetry, PRIVATE_MODE} from '../store/secureJsonFile.js';
import {type CellKind, type ColumnSpec, EVENT_COLUMNS, PARTICIPANT_COLUMNS, SHEET_NAMES, STEP_COLUMNS} from './columns.js';

const MS_PER_DAY = 86_400_000;
export const DATE_FORMAT = 'dd/mm/yyyy';

/** Participant columns written: all but the Visual Course "dernière étape" ones (steps have their sheet). */
const PARTICIPANT_EXPORT = PARTICIPANT_COLUMNS.filter(column => !column.field.startsWith('lastStep'));

export class ExportFileExistsError extends Error {
	constructor(readonly file: string) {
		super(`${file} : le fichier existe déjà. Choisissez un autre nom (--out FICHIER) ou ajoutez --force pour le remplacer.`);
		this.name = 'ExportFileExistsError';
	}
}

/** A store value → the cell written: Date at UTC midnight for dates (Excel shows that calendar day), Oui/Non for booleans. */
function cellValue(kind: CellKind, value: unknown): unknown {
	if (value === undefined || value === null) return null;
	if (kind === 'date') return new Date(toDay(value as string) * MS_PER_DAY);
	if (kind === 'boolean') return value ? 'Oui' : 'Non';
	return value;
}

const WIDTHS: Partial<Record<CellKind, number>> = {date: 12, boolean: 8};

interface SheetWriter {
	addRow(values: unknown[]): {commit(): void};
	columns: unknown;
	getRow(n: number): {font: unknown; commit(): void};
	commit(): Promise<void> | void;
}

function startSheet(workbook: {addWorksheet(name: string, options: unknown): unknown}, name: string, columns: ReadonlyArray<ColumnSpec<string>>): SheetWriter {
	const sheet = workbook.addWorksheet(name, {views: [{state: 'frozen', ySplit: 1}]}) as SheetWriter;
	sheet.columns = columns.map(column => ({
		header: column.names[0],
		key: column.field,
		width: WIDTHS[column.kind] ?? Math.max(12, column.names[0]!.length + 2),
		style: column.kind === 'date' ? {numFmt: DATE_FORMAT} : {},
	}));
	const header = sheet.getRow(1);
	header.font = {bold: true};
	header.commit();
	return sheet;
}

function writeRow(sheet: SheetWriter, columns: ReadonlyArray<ColumnSpec<string>>, source: Record<string, unknown>, extra?: Record<string, unknown>): void {
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
	if (!options.overwrite) {
		const exists = await fs
			.lstat(file)
			.then(() => true)
			.catch(() => false);
		if (exists) throw new ExportFileExistsError(file);
	}
	const {default: ExcelJS} = await import('exceljs');
	const directory = path.dirname(path.resolve(file));
	const temp = path.join(directory, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	// Opening first makes a missing folder or a refused write an ordinary rejection.
	const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
	const stream = handle.createWriteStream();
	try {
		const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({stream, useStyles: true, useSharedStrings: true});
		workbook.creator = 'plie-triage';
		const people = startSheet(workbook, SHEET_NAMES.participants, PARTICIPANT_EXPORT);
		for (const participant of participants) writeRow(people, PARTICIPANT_EXPORT, participant as unknown as Record<string, unknown>);
		await people.commit();
		const steps = startSheet(workbook, SHEET_NAMES.steps, STEP_COLUMNS);
		for (const participant of participants) {
			const owner = {participantId: participant.id};
			for (const step of participant.steps) writeRow(steps, STEP_COLUMNS, step as unknown as Record<string, unknown>, owner);
		}
		await steps.commit();
		const events = startSheet(workbook, SHEET_NAMES.events, EVENT_COLUMNS);
		for (const participant of participants) {
			const owner = {participantId: participant.id};
			for (const event of participant.events) writeRow(events, EVENT_COLUMNS, event as unknown as Record<string, unknown>, owner);
		}
		await events.commit();
		await workbook.commit();
		await fs.chmod(temp, PRIVATE_MODE);
		if (!options.overwrite) {
			// link() refuses to replace a file created meanwhile; fall back to a checked rename where links are unsupported
			try {
				await fs.link(temp, file);
				await fs.rm(temp, {force: true});
				return;
			} catch (error) {
				const code = (error as NodeJS.ErrnoException).code;
				if (code === 'EEXIST') throw new ExportFileExistsError(file);
			}
		}
		await renameWithRetry(temp, file);
	} finally {
		stream.destroy();
		await fs.rm(temp, {force: true});
	}
}
