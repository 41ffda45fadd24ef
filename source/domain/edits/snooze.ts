// Acknowledging one alert for one participant (key z): the person leaves that
// indicator's queue until the end date (triage hides active snoozes). A snooze
// may also name an échéance kind (REFERENTIEL §7): that person's items of that
// kind are hidden up to the end date.
import {type Day, frenchDate} from '../calendar.js';
import {isEcheanceKind} from '../echeances/kinds.js';
import {indicatorById} from '../indicators.js';
import type {Participant, Snooze} from '../model.js';
import {type DateInput, iso, readDate} from './dates.js';
import {indicatorLabel} from './format.js';
import {type EditResult, edited, refused} from './result.js';

export interface SnoozeFields {
	/** an indicator id of REFERENTIEL §4 (steps.to-start…) or an échéance kind of §7 (cer.end…) */
	readonly indicator: string;
	readonly reason: string;
	/** last day the alert stays hidden */
	readonly until: DateInput;
}

/** What a snooze is called in messages: an alert (indicator) or an échéance. */
function snoozedThing(id: string): string {
	return isEcheanceKind(id) && !indicatorById(id) ? 'Échéance' : 'Alerte';
}

/** Snoozes one indicator or échéance kind (replacing an earlier snooze of the same one). */
export function snoozeIndicator(participant: Participant, fields: SnoozeFields, today: Day): EditResult {
	if (!indicatorById(fields.indicator) && !isEcheanceKind(fields.indicator)) {
		return refused(`Indicateur ou échéance « ${fields.indicator} » inconnu.`);
	}
	const reason = fields.reason.trim();
	if (reason === '') return refused('Raison de la mise en attente : à renseigner.');
	const until = readDate(fields.until, 'fin de la mise en attente');
	if (!until.ok) return refused(until.error);
	if (until.value < today) {
		return refused(`Fin de la mise en attente (${frenchDate(until.value)}) déjà passée : choisissez aujourd’hui ou plus tard.`);
	}
	const snooze: Snooze = {indicator: fields.indicator, reason, until: iso(until.value), since: iso(today)};
	const others = (participant.snoozes ?? []).filter(s => s.indicator !== fields.indicator);
	return edited(
		{...participant, snoozes: [...others, snooze]},
		`${snoozedThing(fields.indicator)} « ${indicatorLabel(fields.indicator)} » mise en attente jusqu’au ${frenchDate(until.value)} : ${reason}`,
	);
}

/** Ends a snooze early: the alert comes back. */
export function unsnoozeIndicator(participant: Participant, indicator: string): EditResult {
	const snoozes = participant.snoozes ?? [];
	if (!snoozes.some(s => s.indicator === indicator)) return refused(`${snoozedThing(indicator)} « ${indicatorLabel(indicator)} » non mise en attente.`);
	const rest = snoozes.filter(s => s.indicator !== indicator);
	const next: Participant = {...participant, snoozes: rest};
	if (rest.length === 0) delete next.snoozes;
	return edited(next, `${snoozedThing(indicator)} « ${indicatorLabel(indicator)} » réactivée`);
}
