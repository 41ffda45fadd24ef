// CSV as French Excel saves it: `;` (or `,`, or tab) separated, UTF-8 with or
// without BOM, or Windows-1252 ("CSV (séparateur : point-virgule)"), or UTF-16
// ("Texte Unicode"). Quoted fields may hold separators, quotes and line breaks.

import {LIMITS, frenchNumber} from './xlsx/limits.js';

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Bytes that are text in no encoding the import knows: said in French, no character replaced by U+FFFD. */
export class CsvEncodingError extends Error {
	constructor(reason: string) {
		super(reason);
		this.name = 'CsvEncodingError';
	}
}

/** The 5 bytes Windows-1252 leaves unassigned: a file holding one is not Windows-1252 text. */
const CP1252_UNASSIGNED = [0x81, 0x8d, 0x8f, 0x90, 0x9d];

function utf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be'): {text: string; encoding: CsvEncoding} {
	try {
		return {text: new TextDecoder(encoding, {fatal: true}).decode(bytes.subarray(2)), encoding};
	} catch {
		throw new CsvEncodingError('fichier annoncé en UTF-16 (« Texte Unicode ») mais dont le texte est abîmé.');
	}
}

/**
 * Decodes the bytes, detecting the encoding: UTF-16 with its BOM, else UTF-8 when
 * the bytes are valid UTF-8, else Windows-1252 (what French Excel writes by
 * default) when they can be. Throws CsvEncodingError when they are none of these.
 */
export function decodeCsv(bytes: Uint8Array): {text: string; encoding: CsvEncoding} {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return utf16(bytes, 'utf-16le');
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return utf16(bytes, 'utf-16be');
	const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
	const body = bom ? bytes.subarray(3) : bytes;
	if (body.includes(0)) throw new CsvEncodingError('ce n’est ni un classeur Excel (.xlsx) ni un fichier CSV (contenu binaire).');
	try {
		return {text: new TextDecoder('utf-8', {fatal: true}).decode(body), encoding: 'utf-8'};
	} catch {
		// a BOM says UTF-8: then invalid bytes are damage, not another encoding
		if (bom) throw new CsvEncodingError('fichier annoncé en UTF-8 (avec BOM) mais dont le texte est abîmé (octets invalides).');
		const unassigned = CP1252_UNASSIGNED.find(byte => body.includes(byte));
		if (unassigned !== undefined) {
			throw new CsvEncodingError(
				`encodage inconnu : ni UTF-8 ni Windows-1252 (octet 0x${unassigned.toString(16).toUpperCase()}). Enregistrez-le depuis Excel en « CSV UTF-8 ».`,
			);
		}
		return {text: decodeWindows1252(body), encoding: 'windows-1252'};
	}
}

/** Windows-1252 bytes 0x80–0x9F (’ € œ …); the 5 unassigned ones stay as they are. */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

/**
 * Node's TextDecoder('windows-1252') decodes 0x80–0x9F as control characters (Latin-1),
 * which loses the apostrophe ’ and € French Excel writes: map that range ourselves.
 */
export function decodeWindows1252(bytes: Uint8Array): string {
	const latin1 = new TextDecoder('latin1').decode(bytes);
	return latin1.replace(/[\u0080-\u009f]/g, char => CP1252_HIGH[char.charCodeAt(0) - 0x80]!);
}

const CANDIDATES = [';', ',', '\t'] as const;

/** The separator used most on the first line, outside quotes (`;` wins ties, as French Excel writes it). */
export function detectSeparator(text: string): string {
	const counts = new Map<string, number>(CANDIDATES.map(c => [c, 0]));
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (char === '"') quoted = !quoted;
		else if (!quoted && (char === '\n' || char === '\r')) break;
		else if (!quoted && counts.has(char)) counts.set(char, counts.get(char)! + 1);
	}
	let best: string = ';';
	for (const candidate of CANDIDATES) if (counts.get(candidate)! > counts.get(best)!) best = candidate;
	return best;
}

const SEP_HINT_RE = /^sep=(.)\r?\n/i;

export interface CsvRecord {
	/** the row number a spreadsheet shows for this record (1 = first) */
	readonly line: number;
	readonly cells: string[];
}

/** A CSV that cannot be read as it stands, with the row (and column, 1 = A) where it goes wrong. */
export class CsvFault extends Error {
	constructor(
		readonly reason: string,
		readonly row: number,
		readonly column?: number,
	) {
		super(reason);
		this.name = 'CsvFault';
	}
}

/**
 * RFC 4180 records, each with its row number as a spreadsheet shows it. A first line
 * `sep=;` (Excel's separator hint, which Excel hides) sets the separator and is skipped.
 */
export function parseCsv(text: string, separator?: string): CsvRecord[] {
	return [...csvRecords(text, separator)];
}

/** The records one by one (the import does not hold them all); throws CsvFault. */
export function* csvRecords(text: string, separator?: string): Generator<CsvRecord> {
	const hint = SEP_HINT_RE.exec(text);
	if (hint) yield* parseRecords(text.slice(hint[0].length), separator ?? hint[1]!);
	else yield* parseRecords(text, separator ?? detectSeparator(text));
}

const QUOTE = 34;
const LF = 10;
const CR = 13;

function* parseRecords(text: string, separator: string): Generator<CsvRecord> {
	const sep = separator.charCodeAt(0);
	const n = text.length;
	let cells: string[] = [];
	let row = 1;
	let i = 0;
	const tooLong = (quoted: boolean): never => {
		const hint = quoted ? ' (un guillemet ouvert et jamais fermé ?)' : ' (le fichier a-t-il des fins de ligne ?)';
		throw new CsvFault(`cellule de plus de ${frenchNumber(LIMITS.cellChars)} caractères${hint} : refusé.`, row, cells.length + 1);
	};
	const push = (field: string) => {
		if (cells.length >= LIMITS.columns) {
			throw new CsvFault(`plus de ${frenchNumber(LIMITS.columns)} colonnes (limite) : le séparateur est-il le bon ?`, row, cells.length + 1);
		}
		cells.push(field);
	};
	if (n === 0) return;
	for (;;) {
		// one field, starting at i
		let field: string;
		let code = text.charCodeAt(i);
		if (code === QUOTE) {
			const startRow = row;
			field = '';
			let from = i + 1;
			for (;;) {
				const close = text.indexOf('"', from);
				if (close < 0) {
					throw new CsvFault('guillemet ouvert et jamais fermé : la suite du fichier serait lue comme une seule cellule. Fermez-le ou retirez-le.', startRow, cells.length + 1);
				}
				field += text.slice(from, close);
				if (field.length > LIMITS.cellChars) tooLong(true);
				if (text.charCodeAt(close + 1) === QUOTE) {
					field += '"';
					from = close + 2;
				} else {
					i = close + 1;
					break;
				}
			}
			// a closing quote ends the field: anything else after it means a quote was
			// misplaced or never closed, and records would be swallowed into one cell
			code = text.charCodeAt(i);
			if (i < n && code !== sep && code !== LF && code !== CR) {
				throw new CsvFault('guillemet mal placé ou jamais fermé : du texte suit le guillemet fermant. Corrigez les guillemets de cette cellule.', startRow, cells.length + 1);
			}
		} else {
			const start = i;
			while (i < n && (code = text.charCodeAt(i)) !== sep && code !== LF && code !== CR) {
				i++;
				if (i - start > LIMITS.cellChars) tooLong(false);
			}
			field = text.slice(start, i);
		}
		if (field.length > LIMITS.cellChars) tooLong(false);
		push(field);
		if (i >= n) {
			yield {line: row, cells};
			return;
		}
		code = text.charCodeAt(i);
		if (code === sep) {
			i++;
			if (i >= n) {
				push('');
				yield {line: row, cells};
				return;
			}
			continue;
		}
		// end of line (CRLF, LF or CR)
		i += code === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
		// The line number users see is the record number (Excel shows one row per record).
		yield {line: row, cells};
		row++;
		if (row > LIMITS.rowNumber) throw new CsvFault(`plus de ${frenchNumber(LIMITS.rowNumber)} lignes, le maximum d’Excel : refusé.`, row);
		cells = [];
		if (i >= n) return;
	}
}
