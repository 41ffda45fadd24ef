// The text of a string item — a shared string (<si>) or an inline string (<is>) —
// as Excel shows it: its plain <t>, or all its rich-text runs (<r><t>) joined;
// phonetic runs (<rPh>, the furigana above Japanese text) are not shown, so not read.
// Excel writes characters XML cannot hold as _xHHHH_ (_x000D_ for a carriage
// return, _x005F_ for an underscore that starts such a sequence): decoded here.
import {LIMITS, frenchNumber} from './limits.js';

const ESCAPE = /_x([0-9A-Fa-f]{4})_/g;

export function decodeEscapes(text: string): string {
	if (!text.includes('_x')) return text;
	return text.replace(ESCAPE, (_match, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
}

/**
 * A copy of `text` that does not keep alive the chunk it was cut from: V8 makes
 * a substring of 13 characters or more a view of its parent, and a name kept
 * for the whole import would keep its 16 KiB chunk of XML with it — the whole
 * sheet, in the end. Concatenation then slicing flattens a fresh copy.
 */
export function ownCopy(text: string): string {
	return text.length < 13 ? text : (text + ' ').slice(0, -1);
}

/** Gathers the text of one string item from the parser's events (elements by local name). */
export class StringItem {
	/** depth inside <rPh> (phonetic run, skipped) */
	private phonetic = 0;
	private inText = false;
	private parts = '';
	private chars = 0;

	/** `refuse` throws the refusal, with the place its owner knows */
	constructor(private readonly refuse: (reason: string) => never) {}

	open(name: string): void {
		if (name === 'rPh') this.phonetic++;
		else if (name === 't' && this.phonetic === 0) this.inText = true;
	}

	close(name: string): void {
		if (name === 'rPh') this.phonetic--;
		else if (name === 't') this.inText = false;
	}

	text(text: string): void {
		if (!this.inText) return;
		this.chars += text.length;
		// escapes take 7 characters for 1: the decoded text is checked again at the end
		if (this.chars > LIMITS.cellChars * 7) this.tooLong();
		this.parts += text;
	}

	/** The item's text, and a fresh start for the next one. */
	take(): string {
		const text = decodeEscapes(this.parts);
		this.parts = '';
		this.chars = 0;
		this.phonetic = 0;
		this.inText = false;
		if (text.length > LIMITS.cellChars) this.tooLong();
		return ownCopy(text);
	}

	private tooLong(): never {
		this.refuse(`texte de plus de ${frenchNumber(LIMITS.cellChars)} caractères, au-delà de ce qu’Excel permet : refusé.`);
	}
}
