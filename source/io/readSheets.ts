// Opens an import file and hands over its sheets as streams of rows of plain
// values. `.xlsx` is streamed (exceljs WorkbookReader), never loaded whole;
// the kind of file is told by its first bytes, not only by its name.
import {createReadStream, promises as fs} from 'node:fs';
import type {Readable, Writable} from 'node:stream';
import {parseCsv, decodeCsv} from './csv.js';
import {type Plain, plainFromCell} from './cells.js';
import {ImportFileError} from './faults.js';
import {CELLULE_SHEET_NAMES} from './celluleSheets.js';

export interface SheetRow {
	/** the row number the spreadsheet shows (1 = first line) */
	readonly number: number;
	/** cells as plain values, index 1 = column A (as exceljs numbers them) */
	readonly values: readonly Plain[];
}

export interface SheetSource {
	/** undefined for a CSV (it has no sheets) */
	readonly name?: string;
	/** true when the workbook counts dates from 1904 (old Mac Excel) */
	readonly date1904: () => boolean;
	/** rows in batches, as the XML parser delivers them (one await per batch, not per row) */
	readonly rows: AsyncIterable<readonly SheetRow[]>;
}

export type FileFormat = 'xlsx' | 'csv';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
	return magic.every((byte, i) => bytes[i] === byte);
}

/** Checks the file exists and says which reader it needs. */
export async function sniffFormat(file: string): Promise<FileFormat> {
	let handle: fs.FileHandle;
	try {
		handle = await fs.open(file, 'r');
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new ImportFileError(file, 'fichier introuvable.');
		if (code === 'EACCES' || code === 'EPERM') throw new ImportFileError(file, 'lecture refusée (droits d’accès).');
		throw new ImportFileError(file, `lecture impossible (${(error as Error).message}).`);
	}
	try {
		const stat = await handle.stat();
		if (stat.isDirectory()) throw new ImportFileError(file, 'c’est un dossier, pas un fichier à importer.');
		if (stat.size === 0) throw new ImportFileError(file, 'le fichier est vide.');
		const head = new Uint8Array(8);
		await handle.read(head, 0, 8, 0);
		if (startsWith(head, ZIP_MAGIC)) return 'xlsx';
		if (startsWith(head, OLE_MAGIC)) {
			throw new ImportFileError(file, 'ancien format Excel (.xls) non pris en charge : enregistrez-le en .xlsx ou en .csv.');
		}
		if (/\.xls[xm]?$/i.test(file)) throw new ImportFileError(file, 'ce n’est pas un classeur Excel (.xlsx) valide.');
		return 'csv';
	} catch (error) {
		if (error instanceof ImportFileError) throw error;
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'EISDIR') throw new ImportFileError(file, 'c’est un dossier, pas un fichier à importer.');
		throw new ImportFileError(file, `lecture impossible (${(error as Error).message}).`);
	} finally {
		await handle.close();
	}
}

async function* csvRows(records: Array<{line: number; cells: string[]}>): AsyncIterable<readonly SheetRow[]> {
	yield records.map(record => {
		const values: Plain[] = new Array(record.cells.length + 1);
		for (let i = 0; i < record.cells.length; i++) values[i + 1] = plainFromCell(record.cells[i]);
		return {number: record.line, values};
	});
}

async function readCsv(file: string): Promise<SheetSource[]> {
	const bytes = await fs.readFile(file);
	let text: string;
	try {
		text = decodeCsv(bytes).text;
	} catch {
		throw new ImportFileError(file, 'ce n’est ni un classeur Excel (.xlsx) ni un fichier CSV (contenu binaire).');
	}
	const records = parseCsv(text);
	if (records.every(record => record.cells.every(cell => cell.trim() === ''))) {
		throw new ImportFileError(file, 'le fichier ne contient aucune ligne.');
	}
	return [{date1904: () => false, rows: csvRows(records)}];
}

interface StreamWorkbookReader extends AsyncIterable<StreamWorksheetReader> {
	properties?: {model?: {date1904?: boolean}};
}
interface StreamRow {
	number: number;
	values: unknown[];
}
interface StreamWorksheetReader {
	name?: string;
	/** exceljs' own batches of parse events; its per-row iterator is built on it */
	parse(): AsyncIterable<Array<{eventType: string; value: unknown}>>;
}

const CELLULE_WORKBOOK =
	'c’est un classeur de préparation de la cellule (plie-triage export --cellule) : il sert à la réunion et ne se réimporte pas. ' +
	'Pour transférer des dossiers, utilisez le classeur d’échange (plie-triage export --echange).';

function unreadable(file: string, error: unknown): ImportFileError {
	const detail = error instanceof Error ? error.message : String(error);
	return new ImportFileError(file, `classeur Excel illisible ou tronqué (${detail}). Ouvrez-le dans Excel et enregistrez-le de nouveau en .xlsx.`);
}

/**
 * exceljs' streaming reader loses zip entries at random under load (whole worksheets,
 * sharedStrings, workbook.xml): its unzipper Parse emits 'end' as soon as the file is
 * read, while parsed entries still wait in its readable buffer, and exceljs stops there.
 * The input we hand over swaps that listener for a proper end of the readable side
 * (push(null): buffered entries are still delivered, a truncated file still fails).
 */
export function zipSource(file: string): Readable {
	const source = createReadStream(file);
	const pipe = source.pipe.bind(source);
	source.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: {end?: boolean}) => {
		const zip = destination as unknown as Writable & {push?: (chunk: unknown) => boolean};
		const early = zip.listeners('finish').find(listener => /emit\(\s*['"]end['"]/.test(String(listener)));
		if (early !== undefined && typeof zip.push === 'function') {
			zip.removeListener('finish', early as (...args: unknown[]) => void);
			zip.on('finish', () => zip.push!(null));
		}
		return pipe(destination, options);
	}) as typeof source.pipe;
	return source;
}

async function* xlsxSheets(file: string): AsyncIterable<SheetSource> {
	const {default: ExcelJS} = await import('exceljs');
	// Styles are not read: date columns are known, so a number there is an Excel serial
	// (that also catches dates typed in cells without a date format). Saves time on big files.
	const reader = new ExcelJS.stream.xlsx.WorkbookReader(zipSource(file), {
		worksheets: 'emit',
		sharedStrings: 'cache',
		hyperlinks: 'ignore',
		styles: 'ignore',
		entries: 'ignore',
	}) as unknown as StreamWorkbookReader;
	const date1904 = () => reader.properties?.model?.date1904 === true;
	let sheets = 0;
	try {
		for await (const worksheet of reader) {
			// our own cellule workbook opens on its summary sheet: its tables are not an import format
			if (sheets === 0 && worksheet.name === CELLULE_SHEET_NAMES[0]) throw new ImportFileError(file, CELLULE_WORKBOOK);
			sheets++;
			yield {name: worksheet.name, date1904, rows: worksheetRows(file, worksheet)};
		}
	} catch (error) {
		if (error instanceof ImportFileError) throw error;
		throw unreadable(file, error);
	}
	// A zip without worksheets: a Word or OpenDocument file, an archive renamed .xlsx…
	if (sheets === 0) throw new ImportFileError(file, 'ce n’est pas un classeur Excel (.xlsx) : aucune feuille de calcul. Enregistrez-le en .xlsx ou en .csv.');
}

async function* worksheetRows(file: string, worksheet: StreamWorksheetReader): AsyncIterable<readonly SheetRow[]> {
	try {
		for await (const events of worksheet.parse()) {
			const rows: SheetRow[] = [];
			for (const event of events) {
				if (event.eventType !== 'row') continue;
				const row = event.value as StreamRow;
				// row.values is a fresh array (index 1 = column A): converted in place, once.
				const values = row.values as Plain[];
				for (let i = 1; i < values.length; i++) values[i] = plainFromCell(values[i]);
				rows.push({number: row.number, values});
			}
			if (rows.length > 0) yield rows;
		}
	} catch (error) {
		throw unreadable(file, error);
	}
}

/** The sheets of `file` (a CSV is one sheet without a name), in workbook order. */
export async function* readSheets(file: string): AsyncIterable<SheetSource> {
	const format = await sniffFormat(file);
	if (format === 'csv') {
		yield* await readCsv(file);
		return;
	}
	yield* xlsxSheets(file);
}
