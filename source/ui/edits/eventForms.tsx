// The forms of an event already recorded (the fiche's cursor on it): `m` changes
// its type, date or note; `N` its note alone (also right after `e` or `a`).
import React from 'react';
import {frenchDate} from '../../domain/calendar.js';
import {editEvent, type EventRef, setEventNote} from '../../domain/edits/index.js';
import type {ParcoursEvent} from '../../domain/model.js';
import {EVENT_TYPES} from '../../domain/vocabulary.js';
import {Form} from './Form.js';
import type {FormContext} from './forms.js';

/** `m` on an event: type, date, note; only what was changed is saved (a colleague's change to another field is kept). */
export function eventEditForm(context: FormContext, ref: EventRef, event: ParcoursEvent) {
	const initial = {type: event.type, date: frenchDate(event.date), note: event.note ?? ''};
	return (
		<Form
			today={context.today}
			title={`Modifier l’événement du ${frenchDate(event.date)} — ${context.name}`}
			fields={[
				{key: 'type', label: 'Type', kind: 'choice', options: EVENT_TYPES},
				{key: 'date', label: 'Date', kind: 'date'},
				{key: 'note', label: 'Note (facultative)', kind: 'text'},
			]}
			initial={initial}
			submit={values =>
				context.save(p =>
					editEvent(p, ref, {
						type: values.type === initial.type ? undefined : values.type,
						date: values.date === initial.date ? undefined : values.date,
						note: values.note === initial.note ? undefined : values.note?.trim() || null,
					}),
				)
			}
			onCancel={context.cancel}
		/>
	);
}

/** `N`: the note of an event (emptied with Ctrl-U, it is removed). */
export function eventNoteForm(context: FormContext, ref: EventRef, event: ParcoursEvent) {
	return (
		<Form
			today={context.today}
			title={`Note — ${event.type} du ${frenchDate(event.date)} — ${context.name}`}
			fields={[{key: 'note', label: 'Note', kind: 'text'}]}
			initial={{note: event.note ?? ''}}
			submit={values => context.save(p => setEventNote(p, ref, values.note ?? ''))}
			onCancel={context.cancel}
		/>
	);
}
