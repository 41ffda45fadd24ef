// The caseload model (REFERENTIEL §2) as zod schemas: the one definition used to
// type the code and to validate stored or imported data.
import {z} from 'zod';
import {parseIsoDate} from './calendar.js';
import {EVENT_TYPES, EXIT_TYPES, PLAN_STATES, STEP_STATES} from './vocabulary.js';

// every message zod gives reaches a user: in French (zod's own translation)
z.config(z.locales.fr());

export const isoDateSchema = z
	.string()
	.refine(value => parseIsoDate(value) !== undefined, {message: 'date invalide (attendu AAAA-MM-JJ)'});

export const stepSchema = z.object({
	label: z.string(),
	type: z.string().default(''),
	start: isoDateSchema,
	end: isoDateSchema.optional(),
	state: z.enum(STEP_STATES),
});
export type Step = z.infer<typeof stepSchema>;

export const eventSchema = z.object({
	date: isoDateSchema,
	type: z.enum(EVENT_TYPES),
	note: z.string().optional(),
});
export type ParcoursEvent = z.infer<typeof eventSchema>;

/** An acknowledged alert: the participant leaves one indicator's queue until `until`. */
export const snoozeSchema = z.object({
	indicator: z.string(),
	reason: z.string(),
	until: isoDateSchema,
	since: isoDateSchema.optional(),
});
export type Snooze = z.infer<typeof snoozeSchema>;

/** A CER before the current one (REFERENTIEL §2, version 2): a renewal moves the current CER here. */
export const previousContractSchema = z.object({
	start: isoDateSchema.optional(),
	end: isoDateSchema,
});
export type PreviousContract = z.infer<typeof previousContractSchema>;

export const participantSchema = z.object({
	id: z.string().min(1),
	referent: z.string().optional(),
	name: z.string(),
	gender: z.string().optional(),
	birthDate: isoDateSchema.optional(),
	commune: z.string().optional(),
	integrationCriterion: z.string().optional(),
	rsa: z.boolean().default(false),
	franceTravailId: z.string().optional(),
	franceTravailAgency: z.string().optional(),
	cafNumber: z.string().optional(),
	prescriber: z.string().optional(),
	firstAppointment: isoDateSchema.optional(),
	integrationDate: isoDateSchema.optional(),
	planState: z.enum(PLAN_STATES).optional(),
	contractStart: isoDateSchema.optional(),
	contractEnd: isoDateSchema.optional(),
	romeCode: z.string().optional(),
	extension: z.boolean().optional(),
	standbySince: isoDateSchema.optional(),
	exitDate: isoDateSchema.optional(),
	exitType: z.enum(EXIT_TYPES).optional(),
	exitReason: z.string().optional(),
	nonIntegrationDate: isoDateSchema.optional(),
	nonIntegrationReason: z.string().optional(),
	// version 2 (REFERENTIEL §2)
	orientationDate: isoDateSchema.optional(),
	previousContracts: z.array(previousContractSchema).optional(),
	standbyReason: z.string().optional(),
	exitValidatedOn: isoDateSchema.optional(),
	exitLettersSentOn: isoDateSchema.optional(),
	exitProofReceivedOn: isoDateSchema.optional(),
	exitClosedOn: isoDateSchema.optional(),
	steps: z.array(stepSchema).default([]),
	events: z.array(eventSchema).default([]),
	snoozes: z.array(snoozeSchema).optional(),
});
export type Participant = z.infer<typeof participantSchema>;
export type ParticipantInput = z.input<typeof participantSchema>;
