// The check of one parsed participant that the store scanner could not read from
// its bytes (storeScan.ts: an escape, snoozes, an unknown key…), before its facts
// are computed. It checks only what the triage does not:
// - the dates computeFacts reads (steps, events, integration, exit…) are parsed
//   by computeFacts, which throws on an impossible one (facts.ts, strict); the
//   caller then takes the usual path;
// - a key the schema does not know is left alone: zod would strip it, and the
//   triage never reads it, so the counts are the same.
// Everything else zod would refuse is refused here; missing defaults are filled.
import type {Participant} from '../domain/model.js';
import {isDate, isPlainObject, vocabularies} from './storeCheck.js';

const WORDS = vocabularies(false);

function isOptionalString(value: unknown): boolean {
	return value === undefined || typeof value === 'string';
}

function isOptionalDate(value: unknown): boolean {
	return value === undefined || isDate(value);
}

// every optional text of participantSchema
const TEXT_FIELDS = [
	'referent',
	'gender',
	'commune',
	'integrationCriterion',
	'franceTravailId',
	'franceTravailAgency',
	'cafNumber',
	'prescriber',
	'romeCode',
	'exitReason',
	'nonIntegrationReason',
] as const;

function checkFields(p: Record<string, unknown>): boolean {
	if (typeof p.id !== 'string' || p.id.length === 0 || typeof p.name !== 'string') return false;
	if (!TEXT_FIELDS.every(field => isOptionalString(p[field]))) return false;
	// the two dates computeFacts does not read
	if (!isOptionalDate(p.birthDate) || !isOptionalDate(p.contractStart)) return false;
	if (p.rsa === undefined) p.rsa = false;
	else if (typeof p.rsa !== 'boolean') return false;
	if (p.extension !== undefined && typeof p.extension !== 'boolean') return false;
	if (p.planState !== undefined && !WORDS.planStates.has(p.planState)) return false;
	return p.exitType === undefined || WORDS.exitTypes.has(p.exitType);
}

function checkSteps(p: Record<string, unknown>): boolean {
	if (p.steps === undefined) p.steps = []; // zod's default (null is refused, as zod does)
	if (!Array.isArray(p.steps)) return false;
	for (const step of p.steps as unknown[]) {
		if (!isPlainObject(step) || !WORDS.stepStates.has(step.state) || typeof step.label !== 'string') return false;
		if (step.type === undefined) step.type = '';
		if (typeof step.type !== 'string') return false;
	}
	return true;
}

function checkEvents(p: Record<string, unknown>): boolean {
	if (p.events === undefined) p.events = [];
	const events = p.events;
	if (!Array.isArray(events)) return false;
	return events.every((event: unknown) => isPlainObject(event) && WORDS.eventTypes.has(event.type) && isOptionalString(event.note));
}

function checkSnoozes(snoozes: unknown): boolean {
	if (snoozes === undefined) return true;
	if (!Array.isArray(snoozes)) return false;
	return snoozes.every(
		(snooze: unknown) =>
			isPlainObject(snooze) &&
			typeof snooze.indicator === 'string' &&
			typeof snooze.reason === 'string' &&
			isDate(snooze.until) &&
			isOptionalDate(snooze.since),
	);
}

/**
 * True when the triage may run on `value` (one parsed participant): every value
 * the schema would refuse is refused, except the dates computeFacts reads, which
 * the caller checks by computing the facts (see above).
 */
export function isTriageReady(value: unknown): value is Participant {
	if (!isPlainObject(value)) return false;
	return checkFields(value) && checkSteps(value) && checkEvents(value) && checkSnoozes(value.snoozes);
}
