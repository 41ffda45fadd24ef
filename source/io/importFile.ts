// `importFile`: read and check the whole file, then merge it into the store in one
// write (or none, for a dry run or when nothing changed). Also called in-process by the benchmark.
import type {Day} from '../domain/calendar.js';
import type {FieldTable} from '../domain/fields.js';
import {openCaseloadStore, readCaseload} from '../store/caseloadStore.js';
import type {JournalEntry} from '../store/transaction.js';
import type {StoreData} from '../store/schema.js';
import {InputError} from '../domain/errors.js';
import {type Fault, ImportRejectedError} from './faults.js';
import {importJournalEntries, replacementCharacters} from './importChanges.js';
import {type MergeResult, type MergeSummary, type ParticipantChanges, hasChanges, mergeBatch} from './merge.js';
import {type ImportBatch, type Layout, checkReferences, parseImport} from './parseImport.js';
import {type FileFormat, readSheets, sniffFormat} from './readSheets.js';

export interface ImportOptions {
	/** the store file (created when missing) */
	readonly storePath: string;
	/** the import day: a Visual Course step that ended on or before it is Terminée */
	readonly today: Day;
	/** compute the summary, write nothing */
	readonly dryRun?: boolean;
	/** the model's fields (tests pass a table with a field added) */
	readonly table?: FieldTable;
}

export interface ImportResult {
	readonly file: string;
	readonly format: FileFormat;
	readonly layout: Layout;
	readonly summary: MergeSummary;
	/** unknown columns or sheets: reported, not blocking */
	readonly warnings: readonly string[];
	/** each updated person's changes, before → after */
	readonly changes: readonly ParticipantChanges[];
	/** texts of the file holding U+FFFD, with their place */
	readonly replacements: readonly string[];
	/** whether the store file was written */
	readonly written: boolean;
}

/**
 * Reads and checks `file` completely; throws ImportFileError / ImportRejectedError.
 * On faults, references are checked too (against the store as it is) so that one
 * message lists everything to fix; otherwise they are checked inside the store update.
 */
export async function readImportFile(file: string, today: Day, storePath?: string, table?: FieldTable, format?: FileFormat): Promise<ImportBatch> {
	const batch = await parseImport(readSheets(file, format), today, table);
	if (batch.faults.length > 0) {
		const ids = new Set<string>();
		if (storePath !== undefined) {
			const data = await readCaseload(storePath, {create: true}).catch(() => undefined);
			for (const participant of data?.participants ?? []) ids.add(participant.id);
		}
		checkReferences(batch, ids);
		throw new ImportRejectedError(file, sortFaults(batch.faults));
	}
	return batch;
}

/** Faults in reading order: sheet by sheet (as found), then by row. */
function sortFaults(faults: Fault[]): Fault[] {
	const sheetOrder = new Map<string | undefined, number>();
	for (const fault of faults) if (!sheetOrder.has(fault.sheet)) sheetOrder.set(fault.sheet, sheetOrder.size);
	return faults
		.map((fault, i) => ({fault, i}))
		.sort((a, b) => sheetOrder.get(a.fault.sheet)! - sheetOrder.get(b.fault.sheet)! || (a.fault.row ?? 0) - (b.fault.row ?? 0) || a.i - b.i)
		.map(entry => entry.fault);
}

function mergeChecked(file: string, data: StoreData, batch: ImportBatch, table?: FieldTable): MergeResult {
	checkReferences(batch, new Set(data.participants.map(participant => participant.id)));
	if (batch.faults.length > 0) throw new ImportRejectedError(file, sortFaults(batch.faults));
	return mergeBatch(data.participants, batch, table);
}

function journalEntries(file: string, result: MergeResult): JournalEntry[] {
	if (!hasChanges(result.summary)) return [];
	// One summary line (with the file and the counts), then a line per participant the
	// import created or changed, so that an audit finds when each file entered the store.
	return [
		{action: 'import', after: {file, summary: result.summary, created: result.created.length}},
		// each update with its fields before and after, as an edit is journaled
		...importJournalEntries(result.created, result.changes),
	];
}

/**
 * Imports `file` (`.xlsx` or `.csv`, Visual Course extraction or exchange workbook)
 * into the store. Nothing is written when the file has any fault, on a dry run, or
 * when the import changes nothing.
 */
export async function importFile(file: string, options: ImportOptions): Promise<ImportResult> {
	const format = await sniffFormat(file);
	const batch = await readImportFile(file, options.today, options.storePath, options.table, format);
	let merged: MergeResult | undefined;
	const change = (data: StoreData) => {
		merged = mergeChecked(file, data, batch, options.table);
		return journalEntries(file, merged);
	};
	const store = await openCaseloadStore(options.storePath);
	// a dry run is checked as the import would be (a référent login's scope in a base), nothing written
	const update = await (options.dryRun ? store.tryUpdate(change, {create: true}) : store.update(change, {create: true}))
		.catch((error: unknown) => {
			// the store's own refusal (a référent login's scope in a base: a plain InputError) names the base and the person; the file too
			if (error instanceof InputError && error.constructor === InputError) throw new InputError(`${error.message} (import de ${file})`);
			throw error;
		})
		.finally(() => store.close());
	const result = merged!;
	const written = !options.dryRun && update.entries.length > 0;
	return {
		file,
		format,
		layout: batch.layout,
		summary: result.summary,
		warnings: batch.warnings,
		changes: result.changes,
		replacements: replacementCharacters(batch),
		written,
	};
}
