// What a colleague's saved change did, for the status line (issue 14 §14): who,
// which person, what. Pure: the journal lines are given.
import type {Participant} from './model.js';
import {PARTICIPANT_FIELDS} from './fields.js';

/** The words for what changed in a person: a field's label, or the list's name. */
const LIST_WORDS: Record<string, string> = {steps: 'étapes', events: 'événements', snoozes: 'mises en attente'};

function fieldWord(key: string): string {
	return LIST_WORDS[key] ?? (PARTICIPANT_FIELDS as Record<string, {label: string} | undefined>)[key]?.label ?? key;
}

export interface PersonChange {
	readonly participant: Participant;
	/** the labels of what changed; empty for a person new to the caseload */
	readonly fields: readonly string[];
	readonly added: boolean;
}

/** The people whose record differs between `before` and `after` (a removed person is not listed). */
export function changedPeople(before: readonly Participant[], after: readonly Participant[]): PersonChange[] {
	const old = new Map(before.map(p => [p.id, p]));
	const changes: PersonChange[] = [];
	for (const participant of after) {
		const previous = old.get(participant.id);
		if (previous === undefined) {
			changes.push({participant, fields: [], added: true});
			continue;
		}
		if (previous === participant) continue;
		const keys = new Set([...Object.keys(previous), ...Object.keys(participant)]);
		const fields = [...keys]
			.filter(key => JSON.stringify((previous as unknown as Record<string, unknown>)[key]) !== JSON.stringify((participant as unknown as Record<string, unknown>)[key]))
			.map(fieldWord);
		if (fields.length > 0) changes.push({participant, fields, added: false});
	}
	return changes;
}

/** Who did the last change to a person, and what (from the journal's last line about them). */
export interface Attribution {
	readonly user: string;
	readonly action: string;
}

/**
 * « b.martin a modifié DUPONT Marie : étape : En cours (étapes) » (without a journal:
 * « Modifié sur un autre poste : DUPONT Marie : étapes »);
 * more than two people: the first two and « et N autres ». `name` says a person as the
 * screen does (initials in discrétion mode); `by` finds the journal's word on them.
 */
export function colleagueNews(
	changes: readonly PersonChange[],
	name: (participant: Participant) => string,
	by: (participantId: string) => Attribution | undefined,
): string | undefined {
	if (changes.length === 0) return undefined;
	const users = [...new Set(changes.map(change => by(change.participant.id)?.user).filter((user): user is string => user !== undefined))];
	// who and whom first: the status line is cut at the screen's width
	const who = users.length === 0 ? 'Modifié sur un autre poste :' : `${users.join(', ')} a modifié`;
	const told = changes.slice(0, 2).map(change => {
		const action = by(change.participant.id)?.action;
		const what = change.added ? 'ajouté·e' : change.fields.join(', ');
		return `${name(change.participant)} : ${action !== undefined && action !== '' ? `${action} (${what})` : what}`;
	});
	const more = changes.length > 2 ? ` ; et ${changes.length - 2} autre${changes.length - 2 > 1 ? 's' : ''}` : '';
	return `${who} ${told.join(' ; ')}${more}`;
}
