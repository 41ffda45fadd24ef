// Fixtures built by the tests themselves: workbooks written with exceljs, CSVs as
// bytes, a temporary folder per test file. All people are invented.
import {mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import {toDay} from '../../source/domain/calendar.js';
import type {Participant} from '../../source/domain/model.js';

export const TODAY_ISO = '2026-11-22';
export const TODAY = toDay(TODAY_ISO);

/** A date cell as Excel stores it: UTC midnight of the calendar day. */
export function dateCell(iso: string): Date {
	return new Date(`${iso}T00:00:00.000Z`);
}

export interface SheetSpec {
	readonly name: string;
	readonly rows: ReadonlyArray<ReadonlyArray<unknown>>;
}

/** Writes an .xlsx (the ordinary, non-streaming exceljs writer, as another program would). */
export async function writeWorkbook(file: string, sheets: readonly SheetSpec[]): Promise<string> {
	const workbook = new ExcelJS.Workbook();
	for (const spec of sheets) {
		const sheet = workbook.addWorksheet(spec.name);
		spec.rows.forEach((values, i) => {
			const row = sheet.getRow(i + 1);
			values.forEach((value, j) => {
				if (value === undefined || value === null) return;
				const cell = row.getCell(j + 1);
				cell.value = value as ExcelJS.CellValue;
				if (value instanceof Date) cell.numFmt = 'dd/mm/yyyy';
			});
			row.commit();
		});
	}
	await workbook.xlsx.writeFile(file);
	return file;
}

/** Encodes text as Windows-1252 (what French Excel writes for "CSV (séparateur : point-virgule)"). */
export function windows1252(text: string): Buffer {
	const bytes: number[] = [];
	const extra: Record<string, number> = {'€': 0x80, '’': 0x92, '‘': 0x91, '“': 0x93, '”': 0x94, '…': 0x85, 'œ': 0x9c, 'Œ': 0x8c};
	for (const char of text) {
		const code = char.codePointAt(0)!;
		if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes.push(code);
		else if (extra[char] !== undefined) bytes.push(extra[char]);
		else throw new Error(`not in windows-1252: ${char}`);
	}
	return Buffer.from(bytes);
}

export function csvText(rows: ReadonlyArray<ReadonlyArray<string>>, separator = ';'): string {
	const quote = (cell: string) => (/[";,\n\r]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
	return rows.map(row => row.map(quote).join(separator)).join('\r\n') + '\r\n';
}

export class TempDir {
	readonly path = mkdtempSync(path.join(tmpdir(), 'plie-import-'));

	file(name: string): string {
		return path.join(this.path, name);
	}

	write(name: string, content: string | Buffer): string {
		const file = this.file(name);
		writeFileSync(file, content);
		return file;
	}

	remove(): void {
		rmSync(this.path, {recursive: true, force: true});
	}
}

export function writeStore(file: string, participants: Participant[]): void {
	writeFileSync(file, JSON.stringify({version: 1, participants}, null, 1), {mode: 0o600});
}

export function readStore(file: string): {participants: Participant[]} {
	return JSON.parse(readFileSync(file, 'utf8'));
}

/** The Visual Course section VIII headers, as the extraction spells them. */
export const VC_HEADERS = [
	'Responsable',
	'Bénéficiaire',
	'Genre',
	'Date de naissance',
	'Commune de résidence',
	'Critère Intégration',
	'RSA',
	'Id. Pôle Emploi',
	'Agence Pôle Emploi',
	'N° CAF',
	'Date de début CER',
	'Date de fin CER',
	'Date intégration',
	'Dernière étape terminée ou en cours',
	'Date de début étape',
	'Date de fin étape',
	'Prolong° parcours',
	'Date de sortie',
	'Motif de sortie',
] as const;

/** One Visual Course row from named values (blank where not given). */
export function vcRow(values: Partial<Record<(typeof VC_HEADERS)[number], unknown>>): unknown[] {
	return VC_HEADERS.map(header => values[header] ?? null);
}

export const EXCHANGE_PARTICIPANT_HEADERS = ['ID', 'Responsable', 'Bénéficiaire', 'Date de naissance', 'RSA', 'Date intégration', 'État parcours', 'Code ROME'];
export const STEP_HEADERS = ['ID bénéficiaire', 'Libellé', 'Type', 'Début', 'Fin', 'État'];
export const EVENT_HEADERS = ['ID bénéficiaire', 'Date', 'Type', 'Note'];
