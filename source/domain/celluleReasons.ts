// Why a person must be heard at the cellule, in words a meeting reads aloud:
// "CER échu depuis le 22/11/2026", not an indicator id.
import {frenchDate, isoFromDay, monthsBetween} from './calendar.js';
import {interviewGap, type ParticipantFacts} from './facts.js';
import type {Snooze} from './model.js';
import type {Settings} from './settings.js';

/**
 * The alerts the cellule must hear (issue 6), in the order the reasons are written.
 * `steps.none` is heard only past the long-idle threshold (see `heard`).
 */
export const SITUATION_INDICATORS = [
	'followup.two-absences',
	'rsa.contract-expired',
	'rsa.no-contract',
	'duration.gte24-no-extension',
	'steps.idle60',
	'steps.none',
	'followup.rhythm-late',
	'standby.long',
] as const;
export type SituationIndicator = (typeof SITUATION_INDICATORS)[number];

function plural(count: number, one: string, many: string): string {
	return `${count} ${count > 1 ? many : one}`;
}

/** The sentence for one alert on the facts' day T. */
export function situationReason(id: SituationIndicator, f: ParticipantFacts, settings: Settings): string {
	switch (id) {
		case 'followup.two-absences':
			return f.lastContact === undefined
				? `${plural(f.absencesSinceContact, 'absence injustifiée', 'absences injustifiées')} sans aucun entretien ni atelier`
				: `${plural(f.absencesSinceContact, 'absence injustifiée', 'absences injustifiées')} depuis le dernier contact du ${frenchDate(f.lastContact)}`;
		case 'rsa.contract-expired':
			return `CER échu depuis le ${frenchDate(f.contractEnd)}`;
		case 'rsa.no-contract':
			return 'Bénéficiaire du RSA sans CER renseigné';
		case 'duration.gte24-no-extension':
			return `En parcours depuis ${f.months} mois sans prolongation`;
		case 'steps.none':
			return `Aucune étape depuis l'intégration du ${frenchDate(f.integration)} (${f.today - f.integration!} jours au ${frenchDate(f.today)})`;
		case 'steps.idle60':
			return `Aucune étape depuis le ${frenchDate(f.lastStepActivity)} (${f.today - f.lastStepActivity!} jours au ${frenchDate(f.today)})`;
		case 'followup.rhythm-late': {
			const gap = interviewGap(f, settings);
			if (f.lastContact === undefined) {
				return `Rythme d'entretiens non tenu : aucun entretien depuis l'intégration du ${frenchDate(f.integration)} (un tous les ${gap} jours attendu)`;
			}
			return `Rythme d'entretiens non tenu : dernier contact le ${frenchDate(f.lastContact)}, ${f.today - f.lastContact} jours au ${frenchDate(f.today)} (un tous les ${gap} jours attendu)`;
		}
		case 'standby.long': {
			const months = monthsBetween(f.standbySince!, f.today);
			return `En veille depuis le ${frenchDate(f.standbySince)} (${plural(months, 'mois', 'mois')})`;
		}
	}
}

/** The acknowledgement still running on day T for one alert, if any. */
export function activeSnooze(f: ParticipantFacts, id: string): Snooze | undefined {
	const snoozes = f.participant.snoozes;
	if (snoozes === undefined || snoozes.length === 0) return undefined;
	const todayIso = isoFromDay(f.today); // ISO dates compare as text
	return snoozes.find(s => s.indicator === id && s.until >= todayIso);
}

export interface SituationReasons {
	/** alerts to hear, in words */
	readonly reasons: string[];
	/** alerts acknowledged (mis en attente), with their reason and end date */
	readonly snoozed: string[];
	/** the same without the reason typed by the user (discrétion: it may name people) */
	readonly snoozedWithoutReason: string[];
}

function heard(id: SituationIndicator, f: ParticipantFacts, memberOf: readonly string[], settings: Settings): boolean {
	if (!memberOf.includes(id)) return false;
	// "no step for more than 60 days" also means a person integrated over 60 days ago who never had one
	if (id === 'steps.none') return f.today - f.integration! > settings.longIdleDays;
	return true;
}

/** Reasons for one person given the indicator ids they are counted in (triage membership). */
export function situationReasons(f: ParticipantFacts, memberOf: readonly string[], settings: Settings): SituationReasons {
	const reasons: string[] = [];
	const snoozed: string[] = [];
	const snoozedWithoutReason: string[] = [];
	for (const id of SITUATION_INDICATORS) {
		if (!heard(id, f, memberOf, settings)) continue;
		const text = situationReason(id, f, settings);
		const snooze = activeSnooze(f, id);
		if (snooze) {
			const acknowledged = `${text} — en attente jusqu'au ${frenchDate(snooze.until)}`;
			snoozed.push(`${acknowledged} : ${snooze.reason}`);
			snoozedWithoutReason.push(acknowledged);
		} else reasons.push(text);
	}
	return {reasons, snoozed, snoozedWithoutReason};
}

