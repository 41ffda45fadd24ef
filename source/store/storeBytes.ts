// Parsing a store file one participant at a time, straight from its bytes.
// JSON.parse of the whole file needs the file as one string: at 50,000
// participants that is 155 MB of UTF-8 becoming 310 MB of UTF-16 (one curly
// apostrophe anywhere makes V8 store every character on two bytes) next to the
// 155 MB buffer — over the 500 MB budget before a single object exists. Here each
// participant's bytes are decoded and parsed on their own, so the only large
// allocation is the buffer, and mostly-ASCII participants stay one-byte strings.
//
// The result is exactly JSON.parse(text): the participants array is located by a
// small tokenizer, each element must parse, the separators must be commas, and the
// rest of the file (with the array replaced by a marker) must parse too. Whenever
// something is unusual — not the expected layout, invalid JSON, an escaped or
// repeated "participants" key — the answer is undefined and the caller parses the
// whole text the usual way (which also gives the usual error message).

import {BACKSLASH, CLOSE_BRACE, CLOSE_BRACKET, COLON, COMMA, OPEN_BRACE, OPEN_BRACKET, QUOTE, skipNested, skipSpace, skipString} from './jsonBytes.js';

const KEY = Buffer.from('"participants"');
// stands in for the array while the rest of the file is parsed (no real file holds a NUL in a value)
const MARKER = '\u0000plie-triage:participants';
const MARKER_JSON = JSON.stringify(MARKER);

function isKey(bytes: Uint8Array, start: number, end: number): boolean {
	if (end - start !== KEY.length) return false;
	for (let k = 0; k < KEY.length; k++) if (bytes[start + k] !== KEY[k]) return false;
	return true;
}

function hasBackslash(bytes: Uint8Array, start: number, end: number): boolean {
	for (let k = start; k < end; k++) if (bytes[k] === BACKSLASH) return true;
	return false;
}

interface Layout {
	/** the '[' and ']' of the participants array */
	readonly open: number;
	readonly close: number;
	/** start and end (exclusive) of each element, flat */
	readonly items: number[];
}

/** The elements of the top-level "participants" array, checked to be objects separated by commas. */
function elements(bytes: Uint8Array, open: number): {close: number; items: number[]} | undefined {
	const items: number[] = [];
	let i = skipSpace(bytes, open + 1);
	if (bytes[i] === CLOSE_BRACKET) return {close: i, items};
	for (;;) {
		if (bytes[i] !== OPEN_BRACE) return undefined;
		const end = skipNested(bytes, i);
		if (end < 0) return undefined;
		items.push(i, end);
		i = skipSpace(bytes, end);
		if (bytes[i] === CLOSE_BRACKET) return {close: i, items};
		if (bytes[i] !== COMMA) return undefined;
		i = skipSpace(bytes, i + 1);
	}
}

function locate(bytes: Uint8Array): Layout | undefined {
	const n = bytes.length;
	let i = skipSpace(bytes, 0);
	if (bytes[i] !== OPEN_BRACE) return undefined;
	i++;
	let found: Layout | undefined;
	// walk the top-level object: key, colon, value (skipped whole), comma…
	for (;;) {
		i = skipSpace(bytes, i);
		if (bytes[i] === CLOSE_BRACE) break;
		if (bytes[i] !== QUOTE) return undefined;
		const keyStart = i;
		i = skipString(bytes, i);
		if (i < 0) return undefined;
		const keyEnd = i;
		i = skipSpace(bytes, i);
		if (bytes[i] !== COLON) return undefined;
		i = skipSpace(bytes, i + 1);
		const participants = isKey(bytes, keyStart, keyEnd);
		if (participants && found !== undefined) return undefined; // repeated key: JSON.parse keeps the last
		if (hasBackslash(bytes, keyStart, keyEnd)) return undefined; // an escaped spelling could be "participants"
		const b = bytes[i];
		if (participants) {
			if (b !== OPEN_BRACKET) return undefined;
			const array = elements(bytes, i);
			if (array === undefined) return undefined;
			found = {open: i, close: array.close, items: array.items};
			i = array.close + 1;
		} else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
			i = skipNested(bytes, i);
			if (i < 0) return undefined;
		} else if (b === QUOTE) {
			i = skipString(bytes, i);
			if (i < 0) return undefined;
		} else {
			// number, true, false, null: up to the next separator (JSON.parse of the rest checks it)
			while (i < n && bytes[i] !== COMMA && bytes[i] !== CLOSE_BRACE) i++;
		}
		i = skipSpace(bytes, i);
		if (bytes[i] === COMMA) {
			i++;
			continue;
		}
		if (bytes[i] === CLOSE_BRACE) break;
		return undefined;
	}
	return found;
}

/**
 * JSON.parse of a store file's bytes, participant by participant; undefined when
 * the bytes are not a JSON object with a "participants" array of objects laid out
 * plainly (then parse the whole text instead).
 */
export function parseStoreBytes(bytes: Buffer): Record<string, unknown> | undefined {
	const layout = locate(bytes);
	if (layout === undefined) return undefined;
	const rest = parseAround(bytes, layout.open, layout.close);
	if (rest === undefined) return undefined;
	const {items} = layout;
	const participants: unknown[] = new Array(items.length / 2);
	try {
		for (let k = 0; k < items.length; k += 2) participants[k / 2] = JSON.parse(bytes.toString('utf8', items[k], items[k + 1]));
	} catch {
		return undefined;
	}
	rest.participants = participants;
	return rest;
}

/**
 * The file's JSON object without its participants array (bytes `open` to `close`,
 * the brackets included), or undefined when that is not valid JSON or when the
 * array is not the value JSON.parse would give to "participants" (a repeated key).
 * Its `participants` is then a placeholder, to be replaced.
 */
export function parseAround(bytes: Buffer, open: number, close: number): Record<string, unknown> | undefined {
	let rest: unknown;
	try {
		rest = JSON.parse(bytes.toString('utf8', 0, open) + MARKER_JSON + bytes.toString('utf8', close + 1));
	} catch {
		return undefined;
	}
	if (typeof rest !== 'object' || rest === null || (rest as Record<string, unknown>).participants !== MARKER) return undefined;
	return rest as Record<string, unknown>;
}

/**
 * Index of the '[' opening the value of the first top-level "participants" key,
 * found without walking that array; -1 when the file does not start that way.
 */
export function participantsOpen(bytes: Uint8Array): number {
	let i = skipSpace(bytes, 0);
	if (bytes[i] !== OPEN_BRACE) return -1;
	i++;
	for (;;) {
		i = skipSpace(bytes, i);
		if (bytes[i] !== QUOTE) return -1;
		const keyStart = i;
		i = skipString(bytes, i);
		if (i < 0) return -1;
		const keyEnd = i;
		i = skipSpace(bytes, i);
		if (bytes[i] !== COLON) return -1;
		i = skipSpace(bytes, i + 1);
		const b = bytes[i];
		if (isKey(bytes, keyStart, keyEnd)) return b === OPEN_BRACKET ? i : -1;
		if (b === OPEN_BRACE || b === OPEN_BRACKET) i = skipNested(bytes, i);
		else if (b === QUOTE) i = skipString(bytes, i);
		else while (i < bytes.length && bytes[i] !== COMMA && bytes[i] !== CLOSE_BRACE) i++;
		if (i < 0) return -1;
		i = skipSpace(bytes, i);
		if (bytes[i] !== COMMA) return -1;
		i++;
	}
}
