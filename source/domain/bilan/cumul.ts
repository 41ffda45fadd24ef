// II.4 of the activity report: integrations cumulated since the start of the PLIE
// protocol, at the end of each year, and the share of RSA beneficiaries among them.
import {type Day, dayFromParts, frenchDate, partsOfDay, toDay} from '../calendar.js';
import {foldText} from '../text.js';
import {percent} from './rounding.js';
import type {BilanScope} from './scope.js';
import {type BilanRow, type BilanTable, countRow, valueRow} from './types.js';

// a caseload has a handful of criterion spellings: each is folded once
const rsaSpellings = new Map<string, boolean>();

/** The integration criterion is RSA (case, accents and spaces aside). */
export function rsaCriterion(criterion: string | undefined): boolean {
	if (criterion === undefined) return false;
	let rsa = rsaSpellings.get(criterion);
	if (rsa === undefined) {
		if (rsaSpellings.size > 1000) rsaSpellings.clear();
		rsaSpellings.set(criterion, (rsa = foldText(criterion) === 'rsa'));
	}
	return rsa;
}

export function cumulIntegrationsTable(scope: BilanScope): BilanTable {
	const start = toDay(scope.settings.protocolStart);
	const firstYear = partsOfDay(start).year;
	const ends: Day[] = [];
	for (let year = firstYear; year <= partsOfDay(scope.to).year; year++) ends.push(Math.min(dayFromParts(year, 12, 31)!, scope.to));
	// one pass in store order: a person integrated in year Y is in the rows of Y and every later year
	const all: string[][] = ends.map(() => []);
	const rsa: string[][] = ends.map(() => []);
	const {people} = scope;
	for (let p = 0; p < people.length; p++) {
		const {integration, id} = people[p]!;
		if (integration === undefined || integration < start || integration > scope.to) continue;
		let y = 0;
		while (ends[y]! < integration) y++;
		const isRsa = rsaCriterion(people[p]!.participant.integrationCriterion);
		for (; y < ends.length; y++) {
			all[y]!.push(id);
			if (isRsa) rsa[y]!.push(id);
		}
	}
	const rows: BilanRow[] = [];
	ends.forEach((end, y) => {
		const year = firstYear + y;
		const at = end === dayFromParts(year, 12, 31) ? `Au 31 décembre ${year}` : `Au ${frenchDate(end)}`;
		rows.push(
			countRow(`annee-${year}`, `${at} : personnes intégrées depuis le début du protocole`, all[y]!),
			countRow(`annee-${year}-rsa`, `${at} : dont allocataires du RSA (critère d’intégration)`, rsa[y]!),
			valueRow(`annee-${year}-part-rsa`, `${at} : part des allocataires du RSA`, percent(rsa[y]!.length, all[y]!.length), 'percent', all[y]!),
		);
	});
	return {
		id: 'cumul-integrations',
		section: 'II.4',
		title: 'Suivi de l’atteinte des objectifs d’intégration (cumul depuis le début du protocole)',
		rows,
	};
}
