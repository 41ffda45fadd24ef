// What the terminal sends, cut into keys — the one place that does it. A chunk of
// input may hold many keys (typing faster than the screen is drawn, a slow link,
// tmux send-keys): "jj\t\u001b[B\r" is j, j, Tab, ↓, Entrée. A sequence cut
// between two chunks waits for its end; an Échap with nothing after it is only
// known to be one a moment later (flush). Bracketed pastes come as one `paste`.

export type KeyName =
	| 'up'
	| 'down'
	| 'left'
	| 'right'
	| 'pageUp'
	| 'pageDown'
	| 'home'
	| 'end'
	| 'insert'
	| 'delete'
	| 'enter'
	| 'tab'
	| 'backspace'
	| 'escape';

export type KeyPress =
	/** a character typed; `ctrl` for Ctrl-letter (char is the letter), `meta` for Alt-char */
	| {readonly type: 'char'; readonly char: string; readonly ctrl: boolean; readonly meta: boolean}
	| {readonly type: 'key'; readonly name: KeyName; readonly shift: boolean; readonly ctrl: boolean; readonly meta: boolean}
	/** text pasted (bracketed paste): never read as commands */
	| {readonly type: 'paste'; readonly text: string}
	/** a sequence no key here stands for (F1…): counted, ignored */
	| {readonly type: 'unknown'; readonly sequence: string};

const ESC = '\u001B';
export const PASTE_START = `${ESC}[200~`;
export const PASTE_END = `${ESC}[201~`;

export const char = (c: string, mods: {ctrl?: boolean; meta?: boolean} = {}): KeyPress => ({type: 'char', char: c, ctrl: mods.ctrl ?? false, meta: mods.meta ?? false});
export const named = (name: KeyName, mods: {shift?: boolean; ctrl?: boolean; meta?: boolean} = {}): KeyPress => ({
	type: 'key',
	name,
	shift: mods.shift ?? false,
	ctrl: mods.ctrl ?? false,
	meta: mods.meta ?? false,
});

/** The same key with Alt (an Échap typed just before it arrives glued to it). */
function withMeta(key: KeyPress): KeyPress {
	return key.type === 'char' || key.type === 'key' ? {...key, meta: true} : key;
}

/** A control character or a printable one, outside any escape sequence. */
function plainKey(c: string, next: string | undefined): {key: KeyPress; length: number} {
	const code = c.codePointAt(0)!;
	if (c === '\r') return {key: named('enter'), length: next === '\n' ? 2 : 1};
	if (c === '\n') return {key: named('enter'), length: 1};
	if (c === '\t') return {key: named('tab'), length: 1};
	if (c === '\u007F' || c === '\b') return {key: named('backspace'), length: 1};
	if (code === 0) return {key: char(' ', {ctrl: true}), length: 1};
	if (code < 0x1b) return {key: char(String.fromCharCode(code + 96), {ctrl: true}), length: 1};
	if (code < 0x20 || (code >= 0x80 && code < 0xa0)) return {key: {type: 'unknown', sequence: c}, length: c.length};
	return {key: char(c), length: c.length};
}

/** Modifiers of a CSI sequence's second parameter (xterm: 1 + shift·1 + alt·2 + ctrl·4). */
function modifiers(parameter: string | undefined): {shift: boolean; meta: boolean; ctrl: boolean} {
	const bits = Math.max(0, Number(parameter ?? 1) - 1) || 0;
	return {shift: (bits & 1) !== 0, meta: (bits & 2) !== 0, ctrl: (bits & 4) !== 0};
}

const LETTER_KEYS: Record<string, KeyName> = {A: 'up', B: 'down', C: 'right', D: 'left', H: 'home', F: 'end'};
const TILDE_KEYS: Record<string, KeyName> = {'1': 'home', '2': 'insert', '3': 'delete', '4': 'end', '5': 'pageUp', '6': 'pageDown', '7': 'home', '8': 'end'};

function csiKey(sequence: string, body: string, final: string): KeyPress {
	const parameters = body.split(';');
	if (!body.startsWith('[')) {
		if (final === 'Z') return named('tab', {shift: true});
		const letter = LETTER_KEYS[final];
		if (letter) return named(letter, modifiers(parameters[1]));
		const tilde = final === '~' ? TILDE_KEYS[parameters[0] ?? ''] : undefined;
		if (tilde) return named(tilde, modifiers(parameters[1]));
	}
	return {type: 'unknown', sequence};
}

type Parsed = {key: KeyPress; end: number} | 'incomplete' | undefined;

/** ESC [ … final, from `start` (the ESC). */
function parseCsi(input: string, start: number): Parsed {
	let i = start + 2;
	// the Linux console's function keys: ESC [ [ A
	if (input[i] === '[') i++;
	for (; i < input.length; i++) {
		const code = input.charCodeAt(i);
		if (code >= 0x20 && code <= 0x3f) continue;
		if (code >= 0x40 && code <= 0x7e) {
			const sequence = input.slice(start, i + 1);
			return {key: csiKey(sequence, input.slice(start + 2, i), input[i]!), end: i + 1};
		}
		return undefined;
	}
	return 'incomplete';
}

/** ESC O letter: the arrows, Home and End in the terminal's application mode. */
function parseSs3(input: string, start: number): Parsed {
	const final = input[start + 2];
	if (final === undefined) return 'incomplete';
	const letter = LETTER_KEYS[final];
	const key: KeyPress = letter ? named(letter) : final === 'M' ? named('enter') : {type: 'unknown', sequence: input.slice(start, start + 3)};
	return {key, end: start + 3};
}

/** The key that starts with the ESC at `start`; `final`: nothing more will come, decide now. */
function parseEscape(input: string, start: number, final: boolean): Parsed {
	const next = input[start + 1];
	if (next === undefined) return final ? {key: named('escape'), end: start + 1} : 'incomplete';
	if (next === '[' || next === 'O') {
		const parsed = next === '[' ? parseCsi(input, start) : parseSs3(input, start);
		if (parsed !== 'incomplete' && parsed !== undefined) return parsed;
		if (parsed === 'incomplete' && !final) return 'incomplete';
		// not a sequence after all: Alt-[ or Alt-O, the rest read as typed
		return {key: char(next, {meta: true}), end: start + 2};
	}
	if (next === ESC) {
		const third = input[start + 2];
		if (third === '[' || third === 'O') {
			// Alt with an arrow or another sequence key
			const parsed = parseEscape(input, start + 1, final);
			if (parsed === 'incomplete' || parsed === undefined) return parsed;
			return {key: withMeta(parsed.key), end: parsed.end};
		}
		// Échap, then whatever the second ESC starts
		return {key: named('escape'), end: start + 1};
	}
	const {key, length} = plainKey(String.fromCodePoint(input.codePointAt(start + 1)!), input[start + 2]);
	return {key: withMeta(key), end: start + 1 + length};
}

export interface SplitResult {
	readonly keys: KeyPress[];
	/** the end of the input that may be the start of a longer sequence */
	readonly rest: string;
}

/**
 * Cuts `input` into keys. With `final` false, an escape sequence cut at the end is
 * left in `rest` for the next chunk; with `final` true it is decided (a lone Échap).
 * Pastes are handled by the splitter below, which keeps state between chunks.
 */
export function splitKeys(input: string, final = false): SplitResult {
	const keys: KeyPress[] = [];
	let i = 0;
	while (i < input.length) {
		if (input[i] === ESC) {
			const parsed = parseEscape(input, i, final);
			if (parsed === 'incomplete') return {keys, rest: input.slice(i)};
			if (parsed === undefined) {
				// ESC [ then a byte no sequence has: Échap, the rest as typed
				keys.push(named('escape'));
				i++;
				continue;
			}
			keys.push(parsed.key);
			i = parsed.end;
			continue;
		}
		const c = String.fromCodePoint(input.codePointAt(i)!);
		const {key, length} = plainKey(c, input[i + c.length]);
		keys.push(key);
		i += length;
	}
	return {keys, rest: ''};
}

export interface KeySplitter {
	/** the keys complete in what has arrived so far */
	push(chunk: string): KeyPress[];
	/** an escape sequence has begun and not ended: call flush() if nothing more comes soon */
	readonly waiting: boolean;
	/** decides what is waiting (a lone ESC is Échap) */
	flush(): KeyPress[];
}

/** A splitter for one input stream: keeps a sequence cut between chunks, and pastes until their end. */
export function createKeySplitter(): KeySplitter {
	let pending = '';
	/** text of a paste under way, undefined outside a paste */
	let paste: string | undefined;

	function take(input: string, final: boolean): KeyPress[] {
		const keys: KeyPress[] = [];
		let text = input;
		while (text !== '') {
			if (paste !== undefined) {
				const end = text.indexOf(PASTE_END);
				if (end === -1) {
					// the end marker itself may be cut: keep what could be its start
					let keep = 0;
					for (let n = Math.min(PASTE_END.length - 1, text.length); n > 0; n--) {
						if (PASTE_END.startsWith(text.slice(-n))) {
							keep = n;
							break;
						}
					}
					paste += text.slice(0, text.length - keep);
					pending = text.slice(text.length - keep);
					return keys;
				}
				keys.push({type: 'paste', text: paste + text.slice(0, end)});
				paste = undefined;
				text = text.slice(end + PASTE_END.length);
				continue;
			}
			const start = text.indexOf(PASTE_START);
			const before = start === -1 ? text : text.slice(0, start);
			// before a paste, what came is complete: an ESC there is Échap
			const split = splitKeys(before, final || start !== -1);
			keys.push(...split.keys);
			if (start === -1) {
				pending = split.rest;
				return keys;
			}
			paste = '';
			text = text.slice(start + PASTE_START.length);
		}
		pending = '';
		return keys;
	}

	return {
		push: chunk => take(pending + chunk, false),
		get waiting() {
			return pending !== '' && paste === undefined;
		},
		flush: () => (paste === undefined ? take(pending, true) : []),
	};
}

/** Pasted or typed text as it may enter a field: one line, no control characters. */
export function typedText(text: string): string {
	return text
		.replace(/\r\n|[\r\n\t]/g, ' ')
		.replace(/[\u0000-\u001F\u007F-\u009F]/g, '');
}
