// Part of a référent·e's name typed for the whole (`rouvray` for « ROUVRAY Karim »):
// every word typed is a word of the name, accents, case and order aside. The
// command line (--referent) and `db grant` take it when it designates one name.
import {foldText} from './text.js';

/** The names (as given) holding every word of `typed`; none when nothing is typed. */
export function namesWithWords(names: readonly string[], typed: string): string[] {
	const words = foldText(typed).split(' ').filter(Boolean);
	if (words.length === 0) return [];
	return names.filter(name => {
		const own = foldText(name).split(' ');
		return words.every(word => own.includes(word));
	});
}
