// Discrétion mode (`*`, the screen projected in the cellule): what a message
// built by the program may quote about people — a name (« Conflit : DUPONT
// Marie a été modifiée… »), an event note (« … ajouté (rappel quinzaine) »), the
// reason of a snooze — is hidden in it, the names becoming initials. The messages
// are written once, with the data in them; the screen hides what it shows.
import type {Participant} from './model.js';
import {initials} from './text.js';

/** What stands for a note or a snooze reason in discrétion mode. */
export const HIDDEN_NOTE = '[note masquée]';

/** Notes shorter than this are not searched for in messages: « ok » would hide parts of words. */
const SHORTEST_NOTE = 3;

interface Secret {
	readonly text: string;
	readonly shown: string;
}

/**
 * A function hiding every participant's name (as initials) and every free text
 * about them (event notes, snooze reasons) in a message. Built once per caseload;
 * each call is a substring search per secret, the longest first (a name holding
 * another is replaced whole).
 */
export function discreetText(participants: readonly Participant[]): (text: string) => string {
	let secrets: Secret[] | undefined;
	const build = (): Secret[] => {
		const found = new Map<string, string>();
		for (const p of participants) {
			const name = p.name.trim();
			if (name.length >= 2) found.set(name, initials(name));
			for (const event of p.events) {
				const note = event.note?.trim();
				if (note && note.length >= SHORTEST_NOTE && !found.has(note)) found.set(note, HIDDEN_NOTE);
			}
			for (const snooze of p.snoozes ?? []) {
				const reason = snooze.reason.trim();
				if (reason.length >= SHORTEST_NOTE && !found.has(reason)) found.set(reason, HIDDEN_NOTE);
			}
		}
		return [...found].map(([text, shown]) => ({text, shown})).sort((a, b) => b.text.length - a.text.length);
	};
	// the same message is shown again at each key until the next one: hidden once
	let last: {text: string; result: string} | undefined;
	return text => {
		if (last?.text === text) return last.result;
		secrets ??= build();
		let result = text;
		for (const secret of secrets) if (result.includes(secret.text)) result = result.split(secret.text).join(secret.shown);
		last = {text, result};
		return result;
	};
}

/** Text typed in discrétion mode (a filter, a search): one dot a character, so the screen shows that something is typed, not what. */
export function hiddenTyping(text: string): string {
	return '•'.repeat([...text].length);
}
