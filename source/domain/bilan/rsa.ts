// The key figures of the RSA référent unique report (002_…, IV.A), over the RSA
// participants: people seen, accompaniments ended, CERs signed, people followed
// at each month end, and how often they were seen.
import {type Day, dayFromParts, frenchDate, partsOfDay} from '../calendar.js';
import {dayOf} from '../facts.js';
import type {Participant} from '../model.js';
import type {EventType} from '../vocabulary.js';
import {type BilanPerson, type BilanScope, idsWhere, presentOn, within} from './scope.js';
import {type BilanRow, type BilanTable, countRow} from './types.js';

const TREATED: ReadonlySet<EventType> = new Set(['Entretien individuel', 'Atelier collectif', 'Contact téléphonique']);

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

/** The start days of a person's CERs (current and previous) that have one. */
function contractStarts(participant: Participant): Day[] {
	const starts: Day[] = [];
	for (const contract of participant.previousContracts ?? []) if (contract.start !== undefined) starts.push(dayOf(contract.start));
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
	for (const person of rsa) {
		let contacts = 0;
		let interviews = 0;
		for (const event of person.participant.events) {
			if (!TREATED.has(event.type)) continue;
			const day = dayOf(event.date);
			if (!within(day, scope)) continue;
			contacts++;
			if (event.type === 'Entretien individuel') interviews++;
		}
		if (contacts > 0) {
			treated.push(person.id);
			byFrequency[Math.min(interviews, 4)]!.push(person.id);
		}
		const starts = contractStarts(person.participant);
		if (starts.length > 0) {
			const earliest = Math.min(...starts);
			const isFirst = within(earliest, scope);
			// a later CER: any other whose start is after the first one's
			const isRenewal = starts.some(start => start > earliest && within(start, scope));
			if (isFirst) first.push(person.id);
			if (isRenewal) renewed.push(person.id);
			if (isFirst || isRenewal) signed.push(person.id);
		}
	}
	const followed: BilanRow[] = monthEnds(scope.from, scope.to).map(end => {
		const {year, month} = partsOfDay(end);
		return countRow(
			`suivis-${year}-${String(month).padStart(2, '0')}`,
			`Personnes suivies fin ${MONTHS[month - 1]} ${year} (${frenchDate(end)})`,
			idsWhere(rsa, (p: BilanPerson) => presentOn(p, end)),
		);
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
