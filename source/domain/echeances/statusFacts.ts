// The facts of §3 the échéances read (EcheanceFacts), computed alone for the
// `echeances` command: computeFacts (facts.ts) also tallies every step for the
// indicators, which the échéances never read, and at 10,000 participants that
// was a quarter of the command. Same definitions, same answers: the property
// test in test/domain/echeances/statusFacts.test.ts compares the two.
import {type Day, isoFromDay, toDay} from '../calendar.js';
import type {Participant} from '../model.js';
import type {EcheanceFacts} from './rules.js';

const optionalDay = (iso: string | undefined): Day | undefined => (iso === undefined ? undefined : toDay(iso));

/** EcheanceFacts of `participant` on day `today` (`todayIso`: the same day as text, computed once by the caller). */
export function statusFacts(participant: Participant, today: Day, todayIso: string = isoFromDay(today)): EcheanceFacts {
	const exit = optionalDay(participant.exitDate);
	const nonIntegration = optionalDay(participant.nonIntegrationDate);
	const integration = optionalDay(participant.integrationDate);
	const standbySince = optionalDay(participant.standbySince);
	const closed = (exit !== undefined && exit <= today) || (nonIntegration !== undefined && nonIntegration <= today);
	const active = !closed && integration !== undefined && integration <= today;
	// the last contact (§3: an individual interview or a collective workshop dated ≤ T);
	// stored dates compare as text, and only the latest is read as a day
	let last: string | undefined;
	const events = participant.events;
	for (let e = 0; e < events.length; e++) {
		const {date, type} = events[e]!;
		if (date <= todayIso && (last === undefined || date > last) && (type === 'Entretien individuel' || type === 'Atelier collectif')) last = date;
	}
	return {
		participant,
		today,
		closed,
		active,
		standby: active && standbySince !== undefined && standbySince <= today,
		integration,
		standbySince,
		contractEnd: optionalDay(participant.contractEnd),
		lastContact: optionalDay(last),
	};
}
