// Fitting text into terminal cells: one line per row, long text cut with '…'
// rather than wrapped (a wrapped row would push the screen past the terminal).
// Every line the screens draw goes through `truncate`, so it is also where text
// from data is made inert (domain/text.ts visibleText): a name holding ESC ]2;…
// shows as ␛]2;… instead of retitling the terminal.
import {displayName, visibleText} from '../domain/text.js';

// the screens' name formatting lives with the text helpers (the cellule workbook uses it too)
export {displayName};

/** Made inert, then cut to `width` characters, ending with '…' when something was cut. */
export function truncate(raw: string, width: number): string {
	if (width <= 0) return '';
	const text = visibleText(raw);
	if (text.length <= width) return text;
	if (width === 1) return '…';
	return text.slice(0, width - 1) + '…';
}

export function cell(text: string, width: number, align: 'left' | 'right' = 'left'): string {
	const cut = truncate(text, width);
	return align === 'left' ? cut.padEnd(width, ' ') : cut.padStart(width, ' ');
}

export function plural(count: number, one: string, many: string): string {
	return `${count} ${count > 1 || count === 0 ? many : one}`;
}
