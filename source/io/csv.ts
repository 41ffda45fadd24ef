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
		// so does UTF-8's shape elsewhere in the file: read as Windows-1252, every « é » would become « Ã© »
		const damage = utf8Damage(body);
		if (damage !== undefined) {
			throw new CsvEncodingError(
				`ligne ${lineAt(body, damage)} : texte en UTF-8 abîmé (octet 0x${body[damage]!.toString(16).toUpperCase().padStart(2, '0')} invalide) : aucun caractère n’est deviné. ` +
					'Enregistrez de nouveau le fichier depuis Excel en « CSV UTF-8 ».',
			);
		}
		const unassigned = CP1252_UNASSIGNED.find(byte => body.includes(byte));
		if (unassigned !== undefined) {
			throw new CsvEncodingError(
				`encodage inconnu : ni UTF-8 ni Windows-1252 (octet 0x${unassigned.toString(16).toUpperCase()}). Enregistrez-le depuis Excel en « CSV UTF-8 ».`,
			);
		}
		return {text: decodeWindows1252(body), encoding: 'windows-1252'};
	}
}

/** How many continuation bytes (0x80–0xBF) a byte announces when it starts a UTF-8 sequence's shape (0 when it does not). */
function announced(byte: number): number {
	if (byte >= 0xc0 && byte <= 0xdf) return 1;
	if (byte >= 0xe0 && byte <= 0xef) return 2;
	if (byte >= 0xf0 && byte <= 0xf7) return 3;
	return 0;
}

function isContinuation(byte: number | undefined): boolean {
	return byte !== undefined && byte >= 0x80 && byte <= 0xbf;
}

/**
 * For bytes that are not valid UTF-8: the offset of the first invalid byte when the
 * file nonetheless has UTF-8's shape somewhere — a lead byte followed by the
 * continuation bytes it announces, either a character of French text (« é » as
 * C3 A9, ’ as E2 80 99) or not allowed at all (an overlong form, a CESU surrogate)
 * — which French Windows-1252 text practically never has (« Ã© », « â€™ »);
 * undefined otherwise (then it is read as Windows-1252).
 */
function utf8Damage(bytes: Uint8Array): number | undefined {
	let shaped = false;
	let firstInvalid: number | undefined;
	for (let i = 0; i < bytes.length; ) {
		const byte = bytes[i]!;
		if (byte < 0x80) {
			i++;
			continue;
		}
		const count = announced(byte);
		let complete = count > 0;
		for (let k = 1; complete && k <= count; k++) complete = isContinuation(bytes[i + k]);
		if (complete) {
			const value = sequenceValue(bytes, i, count);
			const valid = validValue(value, count);
			// a valid sequence is evidence only when it is a character French UTF-8 text holds:
			// Windows-1252's « fermé\u00a0» (E9 A0 BB) is a CJK character, CAFÉ… (C9 85) a rare letter
			if (!valid || frenchLooking(value)) shaped = true;
			if (firstInvalid === undefined && !valid) firstInvalid = i;
			i += count + 1;
		} else {
			firstInvalid ??= i;
			i++;
		}
		if (shaped && firstInvalid !== undefined) return firstInvalid;
	}
	return undefined;
}

function sequenceValue(bytes: Uint8Array, at: number, count: number): number {
	let value = bytes[at]! & (0x3f >> count);
	for (let k = 1; k <= count; k++) value = (value << 6) | (bytes[at + k]! & 0x3f);
	return value;
}

/** A complete sequence's value is allowed: not overlong, not a surrogate, at most U+10FFFF. */
function validValue(value: number, count: number): boolean {
	const least = [0, 0x80, 0x800, 0x10000][count]!;
	return value >= least && value <= 0x10ffff && !(value >= 0xd800 && value <= 0xdfff);
}

/** Accented letters, œ, NBSP, « », typographic quotes and dashes, …, €. */
function frenchLooking(value: number): boolean {
	return (value >= 0xa0 && value <= 0x17f) || (value >= 0x2010 && value <= 0x203a) || value === 0x20ac;
}

/** The line (1 = first) holding byte `offset`: line ends are LF, CRLF or CR. */
function lineAt(bytes: Uint8Array, offset: number): number {
	let line = 1;
	for (let i = 0; i < offset; i++) {
		if (bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a)) line++;
	}
	return line;
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
