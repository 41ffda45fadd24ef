// The check `report` makes of a parsed store before its triage: only what the
// triage itself does not check. The profile of `report` at 10,000 participants
// spent as long checking the store (storeCheck.ts: every key, every date) as
// triaging it, and read each date twice. Here:
// - the dates computeFacts reads (steps, events, integration, exit…) are parsed
//   once, by computeFacts, which throws on an impossible one (facts.ts, strict):
//   the caller then takes the usual path;
// - a key the schema does not know is left alone: zod would strip it, and the
//   triage never reads it, so the counts are the same;
// - with `latin1` (readStore.ts), only the texts the triage reads or shows are
//   decoded from UTF-8 (ids, referents, ROME codes, snoozes, vocabularies); the
//   others (names, labels, notes…) are only checked to be strings.
// Everything else zod would refuse is refused here. test/store/readTriage.test.ts
// compares the result with openStore + triage on valid and broken stores.
import type {Participant} from '../domain/model.js';
import {isDate, isPlainObject, utf8, vocabularies} from './storeCheck.js';

function isOptionalString(value: unknown): boolean {
	return value === undefined || typeof value === 'string';
}

function isOptionalDate(value: unknown): boolean {
	return value === undefined || isDate(value);
}

/** Checks a person's plain fields; the texts the triage reads are decoded in place. */
function checkFields(p: Record<string, unknown>, latin1: boolean): boolean {
	const {id, referent, romeCode} = p;
	if (typeof id !== 'string' || id.length === 0 || typeof p.name !== 'string') return false;
	if (!isOptionalString(referent) || !isOptionalString(romeCode)) return false;
	if (latin1) {
		p.id = utf8(id, true);
		if (referent !== undefined) p.referent = utf8(referent as string, true);
		if (romeCode !== undefined) p.romeCode = utf8(romeCode as string, true);
	}
	if (
		!isOptionalString(p.gender) ||
		!isOptionalString(p.commune) ||
		!isOptionalString(p.integrationCriterion) ||
		!isOptionalString(p.franceTravailId) ||
		!isOptionalString(p.franceTravailAgency) ||
		!isOptionalString(p.cafNumber) ||
		!isOptionalString(p.prescriber) ||
		!isOptionalString(p.exitReason) ||
		!isOptionalString(p.nonIntegrationReason)
	) {
		return false;
	}
	// the two dates computeFacts does not read
	if (!isOptionalDate(p.birthDate) || !isOptionalDate(p.contractStart)) return false;
	if (p.rsa === undefined) p.rsa = false;
	else if (typeof p.rsa !== 'boolean') return false;
	if (p.extension !== undefined && typeof p.extension !== 'boolean') return false;
	const words = vocabularies(latin1);
	if (p.planState !== undefined) {
		const state = words.planStates.get(p.planState);
		if (state === undefined) return false;
		p.planState = state;
	}
	if (p.exitType !== undefined) {
		const type = words.exitTypes.get(p.exitType);
		if (type === undefined) return false;
		p.exitType = type;
	}
	return true;
}

function checkSteps(p: Record<string, unknown>, latin1: boolean): boolean {
	if (p.steps === undefined) {
		p.steps = [];
		return true;
	}
	const steps = p.steps;
	if (!Array.isArray(steps)) return false;
	const states = vocabularies(latin1).stepStates;
	for (let s = 0; s < steps.length; s++) {
		const step: unknown = steps[s];
		if (!isPlainObject(step)) return false;
		const state = states.get(step.state);
		if (state === undefined || typeof step.label !== 'string') return false;
		// shared vocabulary string: the triage compares states by pointer
		step.state = state;
		if (step.type === undefined) step.type = '';
		else if (typeof step.type !== 'string') return false;
	}
	return true;
}

function checkEvents(p: Record<string, unknown>, latin1: boolean): boolean {
	if (p.events === undefined) {
		p.events = [];
		return true;
	}
	const events = p.events;
	if (!Array.isArray(events)) return false;
	const types = vocabularies(latin1).eventTypes;
	for (let e = 0; e < events.length; e++) {
		const event: unknown = events[e];
		if (!isPlainObject(event)) return false;
		const type = types.get(event.type);
		if (type === undefined || !isOptionalString(event.note)) return false;
		event.type = type;
	}
	return true;
}

// snoozes are few: every text decoded, every date checked
function checkSnoozes(p: Record<string, unknown>, latin1: boolean): boolean {
	const snoozes = p.snoozes;
	if (snoozes === undefined) return true;
	if (!Array.isArray(snoozes)) return false;
	for (const snooze of snoozes) {
		if (!isPlainObject(snooze)) return false;
		const {indicator, reason} = snooze;
		if (typeof indicator !== 'string' || typeof reason !== 'string') return false;
		if (!isDate(snooze.until) || !isOptionalDate(snooze.since)) return false;
		snooze.indicator = utf8(indicator, latin1);
		snooze.reason = utf8(reason, latin1);
	}
	return true;
}

/**
 * True when the triage may run on `participants` (parsed JSON): every value the
 * schema would refuse is refused, except the dates computeFacts reads, which the
 * triage must then check by throwing (see above). Missing defaults are filled in place.
 */
export function isTriageReady(participants: unknown[], latin1: boolean): participants is Participant[] {
	// indexed loop: this runs once, mostly before the JIT has optimised it
	for (let i = 0; i < participants.length; i++) {
		const p = participants[i];
		if (!isPlainObject(p)) return false;
		if (!checkFields(p, latin1) || !checkSteps(p, latin1) || !checkEvents(p, latin1) || !checkSnoozes(p, latin1)) return false;
	}
	return true;
}
