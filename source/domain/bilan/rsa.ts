// The key figures of the RSA référent unique report (002_…, IV.A), over the RSA
// participants: people seen, accompaniments ended, CERs signed, people followed
// at each month end, and how often they were seen.
import {type Day, dayFromParts, frenchDate, isoFromDay, partsOfDay} from '../calendar.js';
import {dayOf} from '../facts.js';
import type {Participant} from '../model.js';
import {type BilanScope, idsWhere, presenceSpan, within} from './scope.js';
import {type BilanRow, type BilanTable, countRow} from './types.js';


const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The start days of a person's CERs (current and previous) that have one. */
function contractStarts(participant: Participant): Day[] {
	const starts: Day[] = [];
	const previous = participant.previousContracts;
	if (previous !== undefined) for (let c = 0; c < previous.length; c++) if (previous[c]!.start !== undefined) starts.push(dayOf(previous[c]!.start!));
	if (participant.contractStart !== undefined) starts.push(dayOf(participant.contractStart));
	return starts;
}

/** The last day of every month that ends in [from, to]. */
export function monthEnds(from: Day, to: Day): Day[] {
	const ends: Day[] = [];
	let {year, month} = partsOfDay(from);
	for (;;) {
		const end = dayFromParts(month === 12 ? year + 1 : year, month === 12 ? 1 : month + 1, 1)! - 1;
		if (end > to) return ends;
		ends.push(end);
		if (month === 12) {
			year++;
			month = 1;
		} else {
			month++;
		}
	}
}

const FREQUENCIES: ReadonlyArray<readonly [string, string]> = [
	['frequence-0', 'Aucun rendez-vous'],
	['frequence-1', '1 rendez-vous'],
	['frequence-2', '2 rendez-vous'],
	['frequence-3', '3 rendez-vous'],
	['frequence-4-plus', '4 rendez-vous et plus'],
];

export function rsaTable(scope: BilanScope): BilanTable {
	const rsa = scope.people.filter(p => p.participant.rsa === true);
	const treated: string[] = [];
	const byFrequency: string[][] = FREQUENCIES.map(() => []);
	const first: string[] = [];
	const renewed: string[] = [];
	const signed: string[] = [];
	// ISO dates compare as text: the events' dates need not be read as days
	const fromIso = isoFromDay(scope.from);
	const toIso = isoFromDay(scope.to);
	for (let r = 0; r < rsa.length; r++) {
		const person = rsa[r]!;
		let contacts = 0;
		let interviews = 0;
		const events = person.participant.events;
		for (let e = 0; e < events.length; e++) {
			const {type, date} = events[e]!;
			if (type !== 'Entretien individuel' && type !== 'Atelier collectif' && type !== 'Contact téléphonique') continue;
			if (date < fromIso || date > toIso) continue;
			contacts++;
			if (type === 'Entretien individuel') interviews++;
		}
		if (contacts > 0) {
			treated.push(person.id);
			byFrequency[Math.min(interviews, 4)]!.push(person.id);
		}
		const starts = contractStarts(person.participant);
		if (starts.length > 0) {
			let earliest = starts[0]!;
			for (let c = 1; c < starts.length; c++) if (starts[c]! < earliest) earliest = starts[c]!;
			const isFirst = within(earliest, scope);
			// a later CER: any other whose start is after the first one's
			let isRenewal = false;
			for (let c = 0; c < starts.length; c++) if (starts[c]! > earliest && within(starts[c], scope)) isRenewal = true;
			if (isFirst) first.push(person.id);
			if (isRenewal) renewed.push(person.id);
			if (isFirst || isRenewal) signed.push(person.id);
		}
	}
	const ends = monthEnds(scope.from, scope.to);
	const present: string[][] = ends.map(() => []);
	for (let r = 0; r < rsa.length; r++) {
		const span = presenceSpan(rsa[r]!);
		for (let m = 0; m < ends.length; m++) if (span.from <= ends[m]! && ends[m]! < span.until) present[m]!.push(rsa[r]!.id);
	}
	const followed: BilanRow[] = ends.map((end, m) => {
		const {year, month} = partsOfDay(end);
		return countRow(`suivis-${year}-${String(month).padStart(2, '0')}`, `Personnes suivies fin ${MONTHS[month - 1]} ${year} (${frenchDate(end)})`, present[m]!);
	});
	return {
		id: 'rsa',
		section: 'IV.A (RSA)',
		title: 'RSA : les principaux chiffres-clés (référent unique)',
		rows: [
			countRow('traites', 'Nombre de personnes dont la situation a été traitée au moins 1 fois', treated),
			countRow('fin-accompagnement', 'Nombre de personnes pour lesquelles l’accompagnement a cessé', idsWhere(rsa, p => within(p.exit, scope))),
			countRow('premier-cer', 'Nombre de personnes ayant signé un 1er CER', first),
			countRow('renouvellement', 'Nombre de personnes ayant signé un renouvellement', renewed),
			countRow('cer-total', 'Total (1er CER ou renouvellement)', signed),
			...followed,
			...FREQUENCIES.map(([id, label], i) => countRow(id, label, byFrequency[i]!)),
		],
	};
}
