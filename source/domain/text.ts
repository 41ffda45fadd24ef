// Matching of words typed by people: case, accents and surrounding spaces ignored.

/** `  TERMINÉE ` → `terminee`; inner runs of spaces become one. */
export function foldText(text: string): string {
	return text
		.normalize('NFD')
		.replace(/[\u0300-\u036f]/g, '')
		.toLowerCase()
		.replace(/\s+/g, ' ')
		.trim();
}

/** Finds the canonical spelling of `input` in `vocabulary`, or undefined. */
export function matchVocabulary<T extends string>(vocabulary: readonly T[], input: string): T | undefined {
	const folded = foldText(input);
	return vocabulary.find(word => foldText(word) === folded);
}

/** Initials for discrétion mode: `DUPONT Marie-Claire` → `D. M.-C.` */
export function initials(name: string): string {
	return name
		.trim()
		.split(/\s+/)
		.filter(Boolean)
		.map(word => word.split('-').map(part => (part[0] ?? '').toUpperCase() + '.').join('-'))
		.join(' ');
}

/** A person's name as shown: initials in discrétion mode (screens, cellule workbook). */
export function displayName(participant: {readonly name: string}, discretion: boolean): string {
	return discretion ? initials(participant.name) : participant.name;
}

/**
 * Discrétion names for everyone shown together: initials, followed by the id
 * when two people share them (`Q. R. (p12)`), so that no two rows read alike.
 */
export function uniqueInitials(people: Iterable<{readonly id: string; readonly name: string}>): Map<string, string> {
	const list = [...people];
	const counts = new Map<string, number>();
	for (const person of list) {
		const short = initials(person.name);
		counts.set(short, (counts.get(short) ?? 0) + 1);
	}
	const names = new Map<string, string>();
	for (const person of list) {
		const short = initials(person.name);
		names.set(person.id, counts.get(short)! > 1 ? `${short} (${person.id})` : short);
	}
	return names;
}

// Text from data (names, labels, notes, motives, référents, settings) is shown
// inert: a control character would otherwise reach the terminal as a command
// (ESC ]2;… retitles the window, ESC [31m colours it, U+202E reverses what
// follows). Each one is replaced by a visible stand-in:
//   C0 (U+0000–U+001F) and DEL → the Unicode « control pictures » ␀ … ␟ and ␡,
//     one column each, so that a cut to the screen's width stays right
//     (ESC shows as ␛, BEL as ␇, a line break in a note as ␊, a tab as ␉);
//   C1 (U+0080–U+009F), bidi overrides and isolates (U+202A–U+202E,
//     U+2066–U+2069) → ⟦U+202E⟧, the code point in brackets.
// The function is pure and idempotent; every screen, report, journal and
// message that quotes data calls it (ui/format.ts `truncate`, commands' outputs,
// error messages). `visibleLines` keeps the line breaks of a message built by
// the program (its data parts are made visible by the same rule).

const CONTROLS = '\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069';
const ANY_CONTROL = new RegExp(`[${CONTROLS}]`);
const EVERY_CONTROL = new RegExp(`[${CONTROLS}]`, 'g');
const CONTROLS_BUT_LINE_BREAKS = '\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069';
const ANY_BUT_LINE_BREAK = new RegExp(`[${CONTROLS_BUT_LINE_BREAKS}]`);
const EVERY_BUT_LINE_BREAK = new RegExp(`[${CONTROLS_BUT_LINE_BREAKS}]`, 'g');

function standIn(char: string): string {
	const code = char.charCodeAt(0);
	if (code < 0x20) return String.fromCharCode(0x2400 + code);
	if (code === 0x7f) return '\u2421';
	return `⟦U+${code.toString(16).toUpperCase().padStart(4, '0')}⟧`;
}

/** `text` with every control character replaced by a visible stand-in (see above). */
export function visibleText(text: string): string {
	return ANY_CONTROL.test(text) ? text.replace(EVERY_CONTROL, standIn) : text;
}

/** Like visibleText, but line breaks (\n) are kept: for multi-line messages built by the program. */
export function visibleLines(text: string): string {
	return ANY_BUT_LINE_BREAK.test(text) ? text.replace(EVERY_BUT_LINE_BREAK, standIn) : text;
}

/** True when `text` holds a character visibleText replaces. */
export function hasControlCharacters(text: string): boolean {
	return ANY_CONTROL.test(text);
}

// JSON.stringify escapes C0 but writes DEL, C1 and the bidi controls as they
// are: output meant for a terminal (report --json) escapes them too. The JSON
// means exactly the same (\u009b is the same character), only inert.
const JSON_RAW_CONTROLS = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
const EVERY_JSON_RAW_CONTROL = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** JSON text with the controls JSON.stringify leaves raw written as \uXXXX escapes. */
export function inertJson(json: string): string {
	return JSON_RAW_CONTROLS.test(json)
		? json.replace(EVERY_JSON_RAW_CONTROL, char => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
		: json;
}
