// Two participants with one id make every later change ambiguous (which one does
// an edit, an import or a journal line mean?): a store holding them is refused by
// every reader, with the ids named, until someone mends it.
import {identifyingKey, PARTICIPANT_FIELDS} from '../domain/fields.js';
import type {Participant} from '../domain/model.js';
import {StoreError} from './storeBasics.js';

const ID_KEY = identifyingKey(PARTICIPANT_FIELDS) as 'id';
/** how many repeated ids the message names (the rest are counted) */
const NAMED = 5;

/** Each id held by more than one participant, with their positions (1 = first). */
export function duplicateIds(participants: readonly Participant[]): Map<string, number[]> {
	const first = new Map<string, number>();
	const repeated = new Map<string, number[]>();
	for (let p = 0; p < participants.length; p++) {
		const id = participants[p]![ID_KEY];
		const seen = first.get(id);
		if (seen === undefined) first.set(id, p);
		else {
			const positions = repeated.get(id);
			if (positions === undefined) repeated.set(id, [seen + 1, p + 1]);
			else positions.push(p + 1);
		}
	}
	return repeated;
}

/** Throws StoreError naming the repeated ids of the store in `file`, if any. */
export function refuseDuplicateIds(file: string, participants: readonly Participant[]): void {
	const repeated = duplicateIds(participants);
	if (repeated.size === 0) return;
	const named = [...repeated]
		.slice(0, NAMED)
		.map(([id, positions]) => `« ${id} » (bénéficiaires n°${positions.join(', n°')})`)
		.join(' ; ');
	const more = repeated.size > NAMED ? ` et ${repeated.size - NAMED} autre(s)` : '';
	const what = repeated.size === 1 ? 'un identifiant porté' : `${repeated.size} identifiants portés`;
	throw new StoreError(
		file,
		`${what} par plusieurs bénéficiaires : ${named}${more}. Chaque bénéficiaire doit avoir son propre identifiant : ` +
			'corrigez le fichier (ou reprenez une sauvegarde .bak1 … .bak5). Le fichier n’a pas été modifié.',
	);
}
