// What a workbook cell may hold when its content comes from the store (names,
// labels, notes, motives, référents): a literal, never a formula nor a link.
// exceljs makes a formula only of a {formula} object and a link only of a
// {text, hyperlink} object; a string is always written as text (a shared string,
// t="s"), even "=SOMME(A1)" or "@cmd". So the rule is: only plain strings,
// numbers, booleans and dates reach exceljs, whatever the data holds.
// Every workbook the tool writes (cellule, exchange, bilan…) passes its cells here.

// XML 1.0 refuses these characters (control characters but tab and line breaks,
// U+FFFE, U+FFFF): a text holding one would make the file need repair
const NOT_XML_CHAR = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/;
const NOT_XML_CHARS = new RegExp(NOT_XML_CHAR.source, 'g');

/** A value exceljs writes as a literal. */
export type LiteralCell = string | number | boolean | Date | null;

/**
 * A store value → a literal cell value (a text without the characters XML
 * refuses; tabs and line breaks stay). Anything else than a string, a finite
 * number, a boolean or a valid date is a programming error (an object would
 * become a formula, a link or JSON text): refused rather than written.
 */
export function literalCell(value: unknown): LiteralCell {
	if (value === undefined || value === null) return null;
	if (typeof value === 'string') return NOT_XML_CHAR.test(value) ? value.replace(NOT_XML_CHARS, '') : value;
	if (typeof value === 'number') {
		if (Number.isFinite(value)) return value;
		throw new TypeError(`literalCell: ${value} is not a number a workbook can hold`);
	}
	if (typeof value === 'boolean') return value;
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime())) throw new TypeError('literalCell: invalid date');
		return value;
	}
	throw new TypeError(`literalCell: a ${typeof value} would not be written as a literal`);
}

/** `&` starts a code in an Excel page header or footer (&P, &D, &F…): text from data is doubled; Excel allows 255 characters per header. */
export function headerFooterText(text: string, max = 80): string {
	const clean = text.replace(NOT_XML_CHARS, '');
	const short = clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
	return short.replace(/&/g, '&&');
}
