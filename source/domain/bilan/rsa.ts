// The key figures of the RSA référent unique report (002_…, IV.A), over the RSA
// participants: people seen, accompaniments ended, CERs signed, people followed
// at each month end, and how often they were seen.
import {type Day, dayFromParts, frenchDate, isoFromDay, partsOfDay} from '../calendar.js';
import type {Participant} from '../model.js';
import {type BilanScope, idsWhere, presenceSpan, within} from './scope.js';
import {type BilanRow, type BilanTable, countRow} from './types.js';


const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];

interface Cer {
	readonly start?: string;
	readonly end?: string;
}

/** A person's CERs in §2's order: the previous ones, oldest first, then the current one. */
function contractsOf(participant: Participant): readonly Cer[] {
	const previous = participant.previousContracts ?? [];
	if (participant.contractStart === undefined && participant.contractEnd === undefined) return previous;
	return [...previous, {start: participant.contractStart, end: participant.contractEnd}];
}

/**
 * CER `y` (at `yRank` in §2's order) came before CER `x`, which has a start: it started
 * earlier; or, its start never recorded, it is listed before `x` or ended before `x` began.
 * (ISO dates compare as text.)
 */
function cameBefore(y: Cer, yRank: number, x: Cer & {start: string}, xRank: number): boolean {
	if (y.start !== undefined) return y.start < x.start;
	return yRank < xRank || (y.end !== undefined && y.end < x.start);
}

/** What a person signed in the period: a first CER, a renewal (bits, none = 0). */
const FIRST = 1;
const RENEWAL = 2;

/**
 * Whether a first CER (one no other came before) and a renewal (one another came
 * before) start in [from, to] — bounds as ISO text.
 */
function contractsSigned(participant: Participant, from: string, to: string): number {
	const previous = participant.previousContracts;
	if (previous === undefined || previous.length === 0) {
		// the current CER alone (most people): a first one when it starts in the period
		const start = participant.contractStart;
		return start !== undefined && start >= from && start <= to ? FIRST : 0;
	}
	const cers = contractsOf(participant);
	let signed = 0;
	for (let x = 0; x < cers.length; x++) {
		const cer = cers[x]!;
		if (cer.start === undefined || cer.start < from || cer.start > to) continue;
		let preceded = false;
		for (let y = 0; y < cers.length && !preceded; y++) if (y !== x && cameBefore(cers[y]!, y, cer as Cer & {start: string}, x)) preceded = true;
		signed |= preceded ? RENEWAL : FIRST;
	}
	return signed;
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
		const cers = contractsSigned(person.participant, fromIso, toIso);
		if ((cers & FIRST) !== 0) first.push(person.id);
		if ((cers & RENEWAL) !== 0) renewed.push(person.id);
		if (cers !== 0) signed.push(person.id);
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
