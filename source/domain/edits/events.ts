// Parcours events (keys e, a, the event form; m, N and Suppr on an event of the fiche).
import {type Day, frenchDate} from '../calendar.js';
import type {ParcoursEvent, Participant} from '../model.js';
import {matchVocabulary} from '../text.js';
import {EVENT_TYPES} from '../vocabulary.js';
import {type DateInput, iso, readDate} from './dates.js';
import {eventTitle} from './format.js';
import {type EditResult, edited, refused} from './result.js';

export interface EventFields {
	/** one of EVENT_TYPES, matched without regard to case or accents */
	readonly type: string;
	readonly date: DateInput;
	readonly note?: string;
}

/** The event form. The same type on the same day is refused (a key pressed twice records nothing twice). */
export function recordEvent(participant: Participant, fields: EventFields): EditResult {
	const type = matchVocabulary(EVENT_TYPES, fields.type);
	if (!type) return refused(`Type d’événement « ${fields.type} » inconnu (${EVENT_TYPES.join(', ')}).`);
	const date = readDate(fields.date, 'date de l’événement');
	if (!date.ok) return refused(date.error);
	const event: ParcoursEvent = {date: iso(date.value), type};
	const note = fields.note?.trim();
	if (note) event.note = note;
	if (participant.events.some(other => other.date === event.date && other.type === type)) {
		return refused(`Un événement « ${type} » du ${frenchDate(event.date)} est déjà enregistré.`);
	}
	const noteText = note ? ` (${note})` : '';
	return edited(
		{...participant, events: [...participant.events, event]},
		`Événement « ${type} » du ${frenchDate(event.date)} ajouté${noteText}`,
	);
}

/** `e`: an individual interview today. */
export function recordInterview(participant: Participant, today: Day): EditResult {
	return recordEvent(participant, {type: 'Entretien individuel', date: today});
}

/** `a`: an unjustified absence today. */
export function recordAbsence(participant: Participant, today: Day): EditResult {
	return recordEvent(participant, {type: 'Absence injustifiée', date: today});
}

/**
 * Which event: its date and type as stored — the identity the merge uses (diff.ts) —
 * and, for the rare file holding the same type twice on one day, which of them
 * (0 for the first in stored order). Found again in a fresher version of the file.
 */
export interface EventRef {
	readonly date: string;
	readonly type: ParcoursEvent['type'];
	readonly occurrence: number;
}

/** The ref of `participant.events[index]`. */
export function eventRef(participant: Participant, index: number): EventRef {
	const event = participant.events[index]!;
	let occurrence = 0;
	for (let i = 0; i < index; i++) {
		const other = participant.events[i]!;
		if (other.date === event.date && other.type === event.type) occurrence++;
	}
	return {date: event.date, type: event.type, occurrence};
}

function findEvent(participant: Participant, ref: EventRef): number {
	let seen = 0;
	for (const [index, event] of participant.events.entries()) {
		if (event.date !== ref.date || event.type !== ref.type) continue;
		if (seen === ref.occurrence) return index;
		seen++;
	}
	return -1;
}

function eventNotFound(ref: EventRef): EditResult {
	return refused(`${eventTitle(ref)} introuvable : il a peut-être été modifié ou supprimé entre-temps.`);
}

/** The fields of an event to change; `note: null` (or blank) removes the note; undefined leaves a field as it is. */
export interface EventChange {
	readonly type?: string;
	readonly date?: DateInput;
	readonly note?: string | null;
}

/** `m` on an event: its type, date or note. Becoming the same type on the same day as another event is refused. */
export function editEvent(participant: Participant, ref: EventRef, change: EventChange): EditResult {
	const index = findEvent(participant, ref);
	if (index < 0) return eventNotFound(ref);
	const old = participant.events[index]!;
	let type = old.type;
	if (change.type !== undefined) {
		const matched = matchVocabulary(EVENT_TYPES, change.type);
		if (!matched) return refused(`Type d’événement « ${change.type} » inconnu (${EVENT_TYPES.join(', ')}).`);
		type = matched;
	}
	let date = old.date;
	if (change.date !== undefined) {
		const read = readDate(change.date, 'date de l’événement');
		if (!read.ok) return refused(read.error);
		date = iso(read.value);
	}
	const note = change.note === undefined ? old.note : change.note?.trim() || undefined;
	const event: ParcoursEvent = note === undefined ? {date, type} : {date, type, note};
	if ((date !== old.date || type !== old.type) && participant.events.some((other, i) => i !== index && other.date === date && other.type === type)) {
		return refused(`Un événement « ${type} » du ${frenchDate(date)} est déjà enregistré.`);
	}
	if (event.date === old.date && event.type === old.type && event.note === old.note) return edited(participant, `${eventTitle(old)} : inchangé`);
	const events = participant.events.slice();
	events[index] = event;
	const what =
		date === old.date && type === old.type
			? note === undefined
				? 'note effacée'
				: `note « ${note} »`
			: `devient « ${type} » du ${frenchDate(date)}`;
	return edited({...participant, events}, `${eventTitle(old)} modifié : ${what}`);
}

/** `N`: the note of an event (blank removes it). */
export function setEventNote(participant: Participant, ref: EventRef, note: string): EditResult {
	return editEvent(participant, ref, {note: note.trim() === '' ? null : note});
}

/** Suppr on an event: removed (journaled with what it was; `u` puts it back). */
export function deleteEvent(participant: Participant, ref: EventRef): EditResult {
	const index = findEvent(participant, ref);
	if (index < 0) return eventNotFound(ref);
	const old = participant.events[index]!;
	return edited({...participant, events: participant.events.filter((_, i) => i !== index)}, `${eventTitle(old)} supprimé`);
}
