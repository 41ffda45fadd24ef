// Parcours events (keys e, a and the event form).
import {type Day, frenchDate} from '../calendar.js';
import type {ParcoursEvent, Participant} from '../model.js';
import {matchVocabulary} from '../text.js';
import {EVENT_TYPES} from '../vocabulary.js';
import {type DateInput, iso, readDate} from './dates.js';
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
