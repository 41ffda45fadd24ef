// Ending a parcours: exit (key x) and non-integration of someone in intake.
import {type Day, frenchDate, toDay} from '../calendar.js';
import type {Participant} from '../model.js';
import {matchVocabulary} from '../text.js';
import {EXIT_REASONS, EXIT_TYPES, NON_INTEGRATION_REASONS} from '../vocabulary.js';
import {type DateInput, iso, readDate} from './dates.js';
import {type EditResult, edited, refused} from './result.js';

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
