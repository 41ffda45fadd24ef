// Step edits (keys d, t, i and the step form). A step is identified by its label
// and start date — the same key the import uses — so that a change prepared on one
// version of the file finds the same step in a fresher one.
import {type Day, frenchDate} from '../calendar.js';
import type {Participant, Step} from '../model.js';
import {matchVocabulary} from '../text.js';
import {STEP_STATES, type StepState} from '../vocabulary.js';
import {type DateInput, endBeforeStart, iso, readDate, readOptionalDate} from './dates.js';
import {stepTitle} from './format.js';
import {type EditResult, edited, refused} from './result.js';

/** Which step: its label and start date (ISO) as stored. */
export interface StepRef {
	readonly label: string;
	readonly start: string;
}

export function stepRef(step: Pick<Step, 'label' | 'start'>): StepRef {
	return {label: step.label, start: step.start};
}

function findStep(participant: Participant, ref: StepRef): number {
	return participant.steps.findIndex(step => step.label === ref.label && step.start === ref.start);
}

function notFound(ref: StepRef): EditResult {
	return refused(`${stepTitle(ref)} introuvable : elle a peut-être été modifiée entre-temps.`);
}

function withStep(participant: Participant, index: number, step: Step): Participant {
	const steps = participant.steps.slice();
	steps[index] = step;
	return {...participant, steps};
}

function setState(participant: Participant, ref: StepRef, state: StepState, end: (step: Step) => string | undefined): EditResult {
	const index = findStep(participant, ref);
	if (index < 0) return notFound(ref);
	const step = participant.steps[index]!;
	const newEnd = end(step);
	if (newEnd !== undefined && newEnd < step.start) {
		return refused(
			`${stepTitle(step)} : elle commence le ${frenchDate(step.start)}, elle ne peut pas finir avant (${frenchDate(newEnd)}).`,
		);
	}
	const next: Step = newEnd === undefined ? {...step, state} : {...step, state, end: newEnd};
	if (next.state === step.state && next.end === step.end) return edited(participant, `${stepTitle(step)} : déjà « ${state} »`);
	const endNote = newEnd !== undefined && newEnd !== step.end ? `, fin le ${frenchDate(newEnd)}` : '';
	return edited(withStep(participant, index, next), `${stepTitle(step)} : ${step.state} → ${state}${endNote}`);
}

/** `d`: the step is under way. */
export function startStep(participant: Participant, ref: StepRef): EditResult {
	return setState(participant, ref, 'En cours', () => undefined);
}

/** `t`: finished; its end becomes today when it has none or one still to come. */
export function finishStep(participant: Participant, ref: StepRef, today: Day): EditResult {
	const todayIso = iso(today);
	return setState(participant, ref, 'Terminée', step => (step.end === undefined || step.end > todayIso ? todayIso : undefined));
}

/** `i`: interrupted today (the end date becomes today, as the contract says). */
export function interruptStep(participant: Participant, ref: StepRef, today: Day): EditResult {
	return setState(participant, ref, 'Interrompue', () => iso(today));
}

/** The step form's fields; `end: null` (or blank text) removes the end date. */
export interface StepFields {
	readonly label?: string;
	readonly type?: string;
	readonly start?: DateInput;
	readonly end?: DateInput | null;
	/** a state, matched without regard to case or accents */
	readonly state?: string;
}

function buildStep(base: Partial<Step>, fields: StepFields): {ok: true; step: Step} | {ok: false; error: string} {
	const label = (fields.label ?? base.label ?? '').trim();
	if (label === '') return {ok: false, error: 'Libellé de l’étape : à renseigner.'};
	const startInput = fields.start ?? base.start;
	if (startInput === undefined) return {ok: false, error: 'Date de début : à renseigner (jj/mm/aaaa).'};
	const start = readDate(startInput, 'date de début');
	if (!start.ok) return start;
	const end = readOptionalDate(fields.end === undefined ? base.end : fields.end, 'date de fin');
	if (!end.ok) return end;
	const order = endBeforeStart(start.value, end.value, `étape « ${label} »`);
	if (order) return {ok: false, error: order};
	const stateText = fields.state ?? base.state ?? 'Prévue';
	const state = matchVocabulary(STEP_STATES, stateText);
	if (!state) return {ok: false, error: `État « ${stateText} » inconnu (${STEP_STATES.join(', ')}).`};
	const step: Step = {label, type: (fields.type ?? base.type ?? '').trim(), start: iso(start.value), state};
	return {ok: true, step: end.value === undefined ? step : {...step, end: iso(end.value)}};
}

function duplicate(participant: Participant, step: Step, except: number): boolean {
	return participant.steps.some((other, index) => index !== except && other.label === step.label && other.start === step.start);
}

/** The step form on an existing step: dates, label, type, state. */
export function editStep(participant: Participant, ref: StepRef, fields: StepFields): EditResult {
	const index = findStep(participant, ref);
	if (index < 0) return notFound(ref);
	const old = participant.steps[index]!;
	const built = buildStep(old, fields);
	if (!built.ok) return refused(built.error);
	if (duplicate(participant, built.step, index)) return refused(`${stepTitle(built.step)} existe déjà.`);
	return edited(withStep(participant, index, built.step), `${stepTitle(old)} modifiée`);
}

/** The step form for a new step (state `Prévue` unless given). */
export function addStep(participant: Participant, fields: StepFields): EditResult {
	const built = buildStep({}, fields);
	if (!built.ok) return refused(built.error);
	if (duplicate(participant, built.step, -1)) return refused(`${stepTitle(built.step)} existe déjà.`);
	return edited({...participant, steps: [...participant.steps, built.step]}, `${stepTitle(built.step)} ajoutée`);
}
