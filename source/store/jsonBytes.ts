// JSON read as bytes: the characters that structure it and the skips both byte
// readers of the store need (storeBytes.ts splits a large file by participant,
// storeScan.ts reads the triage straight from the file).

export const QUOTE = 0x22;
export const BACKSLASH = 0x5c;
export const COLON = 0x3a;
export const COMMA = 0x2c;
export const OPEN_BRACE = 0x7b;
export const CLOSE_BRACE = 0x7d;
export const OPEN_BRACKET = 0x5b;
export const CLOSE_BRACKET = 0x5d;

/** Index just after the string opening at `i`, or -1 when it never closes. */
export function skipString(bytes: Uint8Array, i: number): number {
	const n = bytes.length;
	for (let j = i + 1; j < n; j++) {
		const b = bytes[j];
		if (b === QUOTE) return j + 1;
		if (b === BACKSLASH) j++;
	}
	return -1;
}

export function skipSpace(bytes: Uint8Array, i: number): number {
	const n = bytes.length;
	while (i < n) {
		const b = bytes[i];
		if (b !== 0x20 && b !== 0x0a && b !== 0x0d && b !== 0x09) break;
		i++;
	}
	return i;
}

/** Index just after the object or array opening at `i`, or -1. */
export function skipNested(bytes: Uint8Array, i: number): number {
	const n = bytes.length;
	let depth = 0;
	while (i < n) {
		const b = bytes[i];
		if (b === QUOTE) {
			i = skipString(bytes, i);
			if (i < 0) return -1;
			continue;
		}
		if (b === OPEN_BRACE || b === OPEN_BRACKET) depth++;
		else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
			depth--;
			if (depth === 0) return i + 1;
		}
		i++;
	}
	return -1;
}
