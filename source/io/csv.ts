// CSV as French Excel saves it: `;` (or `,`, or tab) separated, UTF-8 with or
// without BOM, or Windows-1252 ("CSV (séparateur : point-virgule)"), or UTF-16
// ("Texte Unicode"). Quoted fields may hold separators, quotes and line breaks.

export type CsvEncoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';

/** Decodes the bytes, detecting the encoding; throws when it is not text at all. */
export function decodeCsv(bytes: Uint8Array): {text: string; encoding: CsvEncoding} {
	if (bytes[0] === 0xff && bytes[1] === 0xfe) return {text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le'};
	if (bytes[0] === 0xfe && bytes[1] === 0xff) return {text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be'};
	const body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
	if (body.includes(0)) throw new Error('binary');
	try {
		return {text: new TextDecoder('utf-8', {fatal: true}).decode(body), encoding: 'utf-8'};
	} catch {
		// Invalid UTF-8: what French Excel writes by default is Windows-1252.
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

/**
 * RFC 4180 records, each with its row number as a spreadsheet shows it. A first line
 * `sep=;` (Excel's separator hint, which Excel hides) sets the separator and is skipped.
 */
export function parseCsv(text: string, separator?: string): Array<{line: number; cells: string[]}> {
	const hint = SEP_HINT_RE.exec(text);
	if (hint) return parseRecords(text.slice(hint[0].length), separator ?? hint[1]!);
	return parseRecords(text, separator ?? detectSeparator(text));
}

function parseRecords(text: string, separator: string): Array<{line: number; cells: string[]}> {
	const records: Array<{line: number; cells: string[]}> = [];
	let cells: string[] = [];
	let field = '';
	let quoted = false;
	let recordIndex = 1;
	const endRecord = () => {
		cells.push(field);
		// The line number users see is the record number (Excel shows one row per record).
		records.push({line: recordIndex, cells});
		recordIndex++;
		cells = [];
		field = '';
	};
	for (let i = 0; i < text.length; i++) {
		const char = text[i]!;
		if (quoted) {
			if (char === '"') {
				if (text[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else field += char;
		} else if (char === '"' && field === '') quoted = true;
		else if (char === separator) {
			cells.push(field);
			field = '';
		} else if (char === '\n' || char === '\r') {
			if (char === '\r' && text[i + 1] === '\n') i++;
			endRecord();
		} else field += char;
	}
	if (field !== '' || cells.length > 0) endRecord();
	return records;
}
