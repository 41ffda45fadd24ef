// Opens an import file and hands over its sheets as streams of rows of plain
// values. `.xlsx` is read by our own reader (xlsx/: the zip from its central
// directory, every part checked, the XML parsed as it inflates, nothing written
// to disk); a CSV is decoded and split into records. The kind of file is told by
// its first bytes, not only by its name. Only regular files are read.
import {type Plain, plainText} from './cells.js';
import {CELLULE_SHEET_NAMES} from './celluleSheets.js';
import {CsvEncodingError, CsvFault, csvRecords, decodeCsv} from './csv.js';
import {ImportFileError} from './faults.js';
import {FileChangedError, openRegularFile, readOpenedFile} from '../store/regularFile.js';
import {systemReason} from '../store/systemError.js';
import {LIMITS, frenchMegabytes} from './xlsx/limits.js';
import {ReadRefusal, columnLetters, describeRefusal} from './xlsx/refusal.js';
import {readSharedStrings} from './xlsx/sharedStrings.js';
import {readSheetRows} from './xlsx/sheetRows.js';
import {readDateStyles} from './xlsx/styles.js';
import {readWorkbookInfo} from './xlsx/workbook.js';
import {ZipArchive} from './xlsx/zip.js';

export interface SheetRow {
	/** the row number the spreadsheet shows (1 = first line) */
	readonly number: number;
	/** cells as plain values, index 1 = column A */
	readonly values: readonly Plain[];
}

export interface SheetSource {
	/** undefined for a CSV (it has no sheets) */
	readonly name?: string;
	/** true when the workbook counts dates from 1904 (old Mac Excel) */
	readonly date1904: () => boolean;
	/** hidden in the workbook (Excel's « Masquer » or a macro's « very hidden »): read all the same, with a warning */
	readonly hidden?: boolean;
	/** rows in batches, as the parser delivers them (one await per batch, not per row) */
	readonly rows: AsyncIterable<readonly SheetRow[]>;
}

export type FileFormat = 'xlsx' | 'csv';

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
	return magic.every((byte, i) => bytes[i] === byte);
}

/** A file-system failure as the import says it. */
function openFailure(file: string, error: unknown): ImportFileError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return new ImportFileError(file, 'fichier introuvable.');
	if (code === 'EACCES' || code === 'EPERM') return new ImportFileError(file, 'lecture refusée (droits d’accès).');
	if (code === 'EISDIR') return new ImportFileError(file, 'c’est un dossier, pas un fichier à importer.');
	if (code === 'ECHANGED') {
		return new ImportFileError(file, 'le fichier a changé pendant sa lecture (un programme l’écrit-il encore ?) : rien n’a été importé. Attendez la fin de l’enregistrement, puis relancez l’import.');
	}
	if (code === 'ENOTREG') return new ImportFileError(file, `c’est ${(error as {kind: string}).kind}, pas un fichier à importer : il n’est pas lu.`);
	const reason = systemReason(error);
	if (reason !== undefined) return new ImportFileError(file, `lecture impossible (${reason}).`);
	throw error; // not a file-system refusal: the command reports it as unexpected
}

/** Checks the file is there and a regular file, and says which reader it needs. */
export async function sniffFormat(file: string): Promise<FileFormat> {
	let opened: Awaited<ReturnType<typeof openRegularFile>>;
	try {
		opened = await openRegularFile(file);
	} catch (error) {
		throw openFailure(file, error);
	}
	const {handle, stats} = opened;
	try {
		if (stats.size === 0) throw new ImportFileError(file, 'le fichier est vide.');
		const head = new Uint8Array(8);
		await handle.read(head, 0, 8, 0);
		if (startsWith(head, ZIP_MAGIC)) return 'xlsx';
		if (startsWith(head, OLE_MAGIC)) {
			throw new ImportFileError(
				file,
				'ancien format Excel (.xls) ou classeur protégé par un mot de passe, non pris en charge : enregistrez-le sans mot de passe en .xlsx ou en .csv.',
			);
		}
		if (/\.xls[xm]?$/i.test(file)) throw new ImportFileError(file, 'ce n’est pas un classeur Excel (.xlsx) valide.');
		return 'csv';
	} catch (error) {
		if (error instanceof ImportFileError) throw error;
		throw openFailure(file, error);
	} finally {
		await handle.close();
	}
}

const CSV_BATCH = 2_000;

async function* csvRows(file: string, text: string): AsyncIterable<readonly SheetRow[]> {
	let batch: SheetRow[] = [];
	try {
		for (const record of csvRecords(text)) {
			const values: Plain[] = new Array(record.cells.length + 1);
			for (let i = 0; i < record.cells.length; i++) values[i + 1] = plainText(record.cells[i]!);
			batch.push({number: record.line, values});
			if (batch.length >= CSV_BATCH) {
				yield batch;
				batch = [];
			}
		}
	} catch (error) {
		if (!(error instanceof CsvFault)) throw error;
		const place = `ligne ${error.row}${error.column === undefined ? '' : `, colonne ${columnLetters(error.column)}`}`;
		throw new ImportFileError(file, `${place} : ${error.reason}`);
	}
	if (batch.length > 0) yield batch;
}

async function readCsv(file: string): Promise<SheetSource> {
	let bytes: Buffer;
	try {
		const {handle, stats} = await openRegularFile(file);
		try {
			if (stats.size > LIMITS.csvBytes) {
				throw new ImportFileError(file, `fichier CSV de ${frenchMegabytes(stats.size)} (limite ${frenchMegabytes(LIMITS.csvBytes)}) : refusé.`);
			}
			bytes = await readOpenedFile(handle, stats, file);
		} finally {
			await handle.close();
		}
	} catch (error) {
		if (error instanceof ImportFileError) throw error;
		throw openFailure(file, error);
	}
	let text: string;
	try {
		text = decodeCsv(bytes).text;
	} catch (error) {
		if (error instanceof CsvEncodingError) throw new ImportFileError(file, error.message);
		throw error;
	}
	if (/^[\s;,"]*$/.test(text)) throw new ImportFileError(file, 'le fichier ne contient aucune ligne.');
	return {date1904: () => false, rows: csvRows(file, text)};
}

const CELLULE_WORKBOOK =
	'c’est un classeur de préparation de la cellule (plie-triage export --cellule) : il sert à la réunion et ne se réimporte pas. ' +
	'Pour transférer des dossiers, utilisez le classeur d’échange (plie-triage export --echange).';

/** A refusal while reading, as the import reports it: the file, then the place and the reason. */
function importRefusal(file: string, error: unknown, sheet?: string): unknown {
	if (!(error instanceof ReadRefusal)) return error;
	const located = sheet !== undefined && error.place.sheet === undefined ? new ReadRefusal(error.reason, {...error.place, sheet}) : error;
	return new ImportFileError(file, describeRefusal(located));
}

async function* sheetRows(file: string, sheet: string, rows: AsyncIterable<readonly SheetRow[]>): AsyncIterable<readonly SheetRow[]> {
	try {
		yield* rows;
	} catch (error) {
		throw importRefusal(file, error, sheet);
	}
}

async function* xlsxSheets(file: string): AsyncIterable<SheetSource> {
	let zip: ZipArchive;
	try {
		zip = await ZipArchive.open(file);
	} catch (error) {
		if (error instanceof ReadRefusal) throw importRefusal(file, error);
		throw openFailure(file, error);
	}
	try {
		// the table of contents, the date styles and the shared strings, before any sheet
		let info: Awaited<ReturnType<typeof readWorkbookInfo>>;
		let dateStyles: boolean[] = [];
		let strings: string[] = [];
		try {
			info = await readWorkbookInfo(zip);
			if (info.sheets[0]?.name === CELLULE_SHEET_NAMES[0]) throw new ImportFileError(file, CELLULE_WORKBOOK);
			// A zip without worksheets: a Word or OpenDocument file, an archive renamed .xlsx…
			if (info.sheets.length === 0) {
				throw new ImportFileError(file, 'ce n’est pas un classeur Excel (.xlsx) : aucune feuille de calcul. Enregistrez-le en .xlsx ou en .csv.');
			}
			if (info.styles !== undefined) dateStyles = await readDateStyles(zip.read(info.styles), info.styles);
			if (info.sharedStrings !== undefined) strings = await readSharedStrings(zip.read(info.sharedStrings), info.sharedStrings);
		} catch (error) {
			throw importRefusal(file, error);
		}
		const {date1904} = info;
		const counted = {rows: 0};
		for (const sheet of info.sheets) {
			const rows = readSheetRows(zip.read(sheet.part), {name: sheet.name, strings, dateStyles, date1904, counted}, sheet.part);
			yield {name: sheet.name, date1904: () => date1904, hidden: sheet.state !== 'visible', rows: sheetRows(file, sheet.name, rows)};
		}
		// written meanwhile (a copy in progress, a program saving it): parts read before and after may not belong together
		if (await zip.changed()) throw openFailure(file, new FileChangedError(file));
	} finally {
		zip.close();
	}
}

/** The sheets of `file` (a CSV is one sheet without a name), in workbook order. */
export async function* readSheets(file: string, known?: FileFormat): AsyncIterable<SheetSource> {
	// the import has sniffed it already: the file is not opened once more for that
	const format = known ?? (await sniffFormat(file));
	if (format === 'csv') {
		yield await readCsv(file);
		return;
	}
	yield* xlsxSheets(file);
}
