// Ending a parcours: exit (key x) and non-integration of someone in intake.
import {type Day, frenchDate, toDay} from '../calendar.js';
import type {Participant, Step} from '../model.js';
import {matchVocabulary} from '../text.js';
import {EXIT_REASONS, EXIT_TYPES, NON_INTEGRATION_REASONS} from '../vocabulary.js';
import {type DateInput, iso, readDate} from './dates.js';
import {stepTitle} from './format.js';
import {type EditResult, edited, refused} from './result.js';
import type {StepRef} from './steps.js';

/** Every exit motive offered on screen, in the order of the seeds. */
export const ALL_EXIT_REASONS: readonly string[] = [
	...new Set([...EXIT_REASONS.positive, ...EXIT_REASONS.dynamique, ...EXIT_REASONS.autres]),
];

export interface ExitFields {
	readonly date: DateInput;
	/** Positive, Dynamique, Réduction des freins or Autre */
	readonly type: string;
	/** one of ALL_EXIT_REASONS */
	readonly reason: string;
}

/** Records (or corrects) the exit: date, type and motive. */
export function recordExit(participant: Participant, fields: ExitFields): EditResult {
	const date = readDate(fields.date, 'date de sortie');
	if (!date.ok) return refused(date.error);
	const type = matchVocabulary(EXIT_TYPES, fields.type);
	if (!type) return refused(`Type de sortie « ${fields.type} » inconnu (${EXIT_TYPES.join(', ')}).`);
	const reason = matchVocabulary(ALL_EXIT_REASONS, fields.reason);
	if (!reason) return refused(`Motif de sortie « ${fields.reason} » inconnu : choisissez-le dans la liste.`);
	if (participant.integrationDate !== undefined && date.value < toDay(participant.integrationDate)) {
		return refused(
			`Date de sortie (${frenchDate(date.value)}) antérieure à l’intégration (${frenchDate(participant.integrationDate)}).`,
		);
	}
	return edited(
		{...participant, exitDate: iso(date.value), exitType: type, exitReason: reason},
		`Sortie le ${frenchDate(date.value)} : ${type} — ${reason}`,
	);
}

export interface NonIntegrationFields {
	readonly date: DateInput;
	/** one of NON_INTEGRATION_REASONS */
	readonly reason: string;
}

/** Closes an intake without integration. Refused for someone integrated by `today` (record an exit instead). */
export function recordNonIntegration(participant: Participant, fields: NonIntegrationFields, today: Day): EditResult {
	if (participant.integrationDate !== undefined && toDay(participant.integrationDate) <= today) {
		return refused(
			`Intégré·e le ${frenchDate(participant.integrationDate)} : ce n’est plus une phase d’accueil, enregistrez une sortie.`,
		);
	}
	if (participant.exitDate !== undefined && toDay(participant.exitDate) <= today) {
		return refused(`Sorti·e le ${frenchDate(participant.exitDate)} : pas de non-intégration possible.`);
	}
	const date = readDate(fields.date, 'date de non-intégration');
	if (!date.ok) return refused(date.error);
	const reason = matchVocabulary(NON_INTEGRATION_REASONS, fields.reason);
	if (!reason) return refused(`Motif de non-intégration « ${fields.reason} » inconnu : choisissez-le dans la liste.`);
	if (participant.firstAppointment !== undefined && date.value < toDay(participant.firstAppointment)) {
		return refused(
			`Date de non-intégration (${frenchDate(date.value)}) antérieure au 1er rendez-vous (${frenchDate(participant.firstAppointment)}).`,
		);
	}
	return edited(
		{...participant, nonIntegrationDate: iso(date.value), nonIntegrationReason: reason},
		`Non-intégration le ${frenchDate(date.value)} : ${reason}`,
	);
}

/** How an exit closes the steps it leaves open (key x): « Terminée » or « Interrompue ». */
export type ClosingState = 'Terminée' | 'Interrompue';

/** A step an exit leaves open: not finished (Prévue, En cours), or finished without an end. */
export function openAtExit(step: Step): boolean {
	return step.state === 'Prévue' || step.state === 'En cours' || step.end === undefined;
}

/**
 * A step the exit on `exitIso` can close: open, and started by then. One planned
 * after the exit never took place: it is left for the user to correct (m) or
 * remove, never ended before it began.
 */
export function closableAtExit(step: Step, exitIso: string): boolean {
	return openAtExit(step) && step.start <= exitIso;
}

/**
 * Closes one step at the exit day (REFERENTIEL §4 steps.after-exit wants every step
 * finished, ending by the exit): an open step takes `state`, a finished one keeps
 * its own; its end becomes the exit day unless it already ends by then.
 */
export function closedAtExit(step: Step, exitIso: string, state: ClosingState): Step {
	const finished = step.state === 'Terminée' || step.state === 'Interrompue';
	const end = step.end !== undefined && step.end <= exitIso ? step.end : exitIso;
	return {...step, state: finished ? step.state : state, end};
}

/** Closes every step the recorded exit leaves open (see closableAtExit); `closed` says how many, `later` how many start after it. */
export function closeStepsAtExit(participant: Participant, state: ClosingState): {participant: Participant; closed: number; later: number} {
	const exitIso = participant.exitDate;
	if (exitIso === undefined) return {participant, closed: 0, later: 0};
	let closed = 0;
	let later = 0;
	const steps = participant.steps.map(step => {
		if (step.start > exitIso && openAtExit(step)) later++;
		if (!closableAtExit(step, exitIso)) return step;
		closed++;
		return closedAtExit(step, exitIso, state);
	});
	return {participant: closed === 0 ? participant : {...participant, steps}, closed, later};
}

/**
 * `x` with « clore les étapes »: the exit and the steps it leaves open closed at
 * its date, as one change (one journal line, one undo).
 */
export function recordExitClosingSteps(participant: Participant, fields: ExitFields, closeAs: ClosingState | undefined): EditResult {
	const exit = recordExit(participant, fields);
	if (!exit.ok || closeAs === undefined) return exit;
	const {participant: closed, closed: count, later} = closeStepsAtExit(exit.participant, closeAs);
	const said = [exit.description];
	if (count > 0) said.push(`${count === 1 ? '1 étape close' : `${count} étapes closes`} (${closeAs}) au ${frenchDate(closed.exitDate)}`);
	if (later > 0) said.push(`${later === 1 ? '1 étape prévue après la sortie laissée' : `${later} étapes prévues après la sortie laissées`} telle${later === 1 ? '' : 's'} quelle${later === 1 ? '' : 's'}`);
	return edited(closed, said.join(' ; '));
}

/** `t` / `i` on a step left open by an exit (steps.after-exit): closed at the exit date (see closedAtExit). */
export function closeStepAtExit(participant: Participant, ref: StepRef, state: ClosingState): EditResult {
	const exitIso = participant.exitDate;
	if (exitIso === undefined) return refused(`${stepTitle(ref)} : pas de date de sortie enregistrée.`);
	const index = participant.steps.findIndex(step => step.label === ref.label && step.start === ref.start);
	if (index < 0) return refused(`${stepTitle(ref)} introuvable : elle a peut-être été modifiée entre-temps.`);
	const step = participant.steps[index]!;
	if (step.start > exitIso) {
		return refused(
			`${stepTitle(step)} : prévue après la sortie (${frenchDate(exitIso)}), elle ne peut pas finir avant de commencer ; modifiez-la (m) ou corrigez la date de sortie (x).`,
		);
	}
	const next = closedAtExit(step, exitIso, state);
	if (next.state === step.state && next.end === step.end) return edited(participant, `${stepTitle(step)} : déjà « ${step.state} » au ${frenchDate(step.end)}`);
	const steps = participant.steps.slice();
	steps[index] = next;
	return edited({...participant, steps}, `${stepTitle(step)} : ${step.state} → ${next.state}, fin le ${frenchDate(next.end)} (date de sortie)`);
}
