// Every text read from the store that the échéances show (a terminal, a calendar)
// goes through this one function: a control character in a name or a label must
// not reach a terminal (escape sequences) or a calendar program. To be replaced
// by the shared display sanitizer of domain/text.ts once it exists.

// C0 and C1 controls, DEL, line and paragraph separators, bidirectional overrides and isolates
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `text` with each control character replaced by U+FFFD. */
export function shownText(text: string): string {
	return text.replace(UNSAFE, '\ufffd');
}
