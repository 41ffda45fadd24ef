// The caseload model (REFERENTIEL §2) as zod schemas and TypeScript types, both
// derived from the field tables of fields.ts: the one definition used to type the
// code and to validate stored or imported data.
//
// Records are loose: a field this version does not know (written by a newer
// plie-triage) is kept as it is, never dropped, so that an older tool saving the
// store does not lose a colleague's newer data.
import {z} from 'zod';
import {parseIsoDate} from './calendar.js';
import {
	EVENT_FIELDS,
	type FieldSpec,
	type FieldTable,
	type InputOf,
	PARTICIPANT_FIELDS,
	PREVIOUS_CONTRACT_FIELDS,
	type RecordOf,
	SNOOZE_FIELDS,
	STEP_FIELDS,
} from './fields.js';

// every message zod gives reaches a user: in French (zod's own translation)
z.config(z.locales.fr());

export const isoDateSchema = z
	.string()
	.refine(value => parseIsoDate(value) !== undefined, {message: 'date invalide (attendu AAAA-MM-JJ)'});

function fieldSchema(field: FieldSpec): z.ZodType {
	let schema: z.ZodType;
	switch (field.kind) {
		case 'text':
			schema = field.identifies ? z.string().min(1) : z.string();
			break;
		case 'date':
			schema = isoDateSchema;
			break;
		case 'boolean':
			schema = z.boolean();
			break;
		case 'vocabulary':
			schema = z.enum(field.values as unknown as [string, ...string[]]);
			break;
		case 'list':
			schema = z.array(recordSchema(field.item));
			break;
	}
	if ('default' in field && field.default !== undefined) return schema.default(field.default as never);
	return field.required ? schema : schema.optional();
}

/** The zod schema of a record of `table`: every field checked, unknown fields kept. */
export function recordSchema<T extends FieldTable>(table: T): z.ZodType<RecordOf<T>, InputOf<T>> {
	const shape: Record<string, z.ZodType> = {};
	for (const [key, field] of Object.entries(table)) shape[key] = fieldSchema(field);
	return z.looseObject(shape) as unknown as z.ZodType<RecordOf<T>, InputOf<T>>;
}

export const stepSchema = recordSchema(STEP_FIELDS);
export type Step = RecordOf<typeof STEP_FIELDS>;

export const eventSchema = recordSchema(EVENT_FIELDS);
export type ParcoursEvent = RecordOf<typeof EVENT_FIELDS>;

/** An acknowledged alert: the participant leaves one indicator's queue until `until`. */
export const snoozeSchema = recordSchema(SNOOZE_FIELDS);
export type Snooze = RecordOf<typeof SNOOZE_FIELDS>;

/** A CER before the current one (REFERENTIEL §2, version 2): a renewal moves the current CER here. */
export const previousContractSchema = recordSchema(PREVIOUS_CONTRACT_FIELDS);
export type PreviousContract = RecordOf<typeof PREVIOUS_CONTRACT_FIELDS>;

export const participantSchema = recordSchema(PARTICIPANT_FIELDS);
export type Participant = RecordOf<typeof PARTICIPANT_FIELDS>;
export type ParticipantInput = InputOf<typeof PARTICIPANT_FIELDS>;
