// II.4 of the activity report: integrations cumulated since the start of the PLIE
// protocol, at the end of each year, and the share of RSA beneficiaries among them.
import {dayFromParts, frenchDate, partsOfDay, toDay} from '../calendar.js';
import {foldText} from '../text.js';
import {percent} from './rounding.js';
import {type BilanScope, idsWhere} from './scope.js';
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
	const rows: BilanRow[] = [];
	const integrated = scope.people.filter(p => p.integration !== undefined && p.integration >= start && p.integration <= scope.to);
	for (let year = partsOfDay(start).year; year <= partsOfDay(scope.to).year; year++) {
		const yearEnd = dayFromParts(year, 12, 31)!;
		const end = Math.min(yearEnd, scope.to);
		const at = end === yearEnd ? `Au 31 décembre ${year}` : `Au ${frenchDate(end)}`;
		const cumulated = integrated.filter(p => p.integration! <= end);
		const all = cumulated.map(p => p.id);
		const rsa = idsWhere(cumulated, p => rsaCriterion(p.participant.integrationCriterion));
		rows.push(
			countRow(`annee-${year}`, `${at} : personnes intégrées depuis le début du protocole`, all),
			countRow(`annee-${year}-rsa`, `${at} : dont allocataires du RSA (critère d’intégration)`, rsa),
			valueRow(`annee-${year}-part-rsa`, `${at} : part des allocataires du RSA`, percent(rsa.length, all.length), 'percent', all),
		);
	}
	return {
		id: 'cumul-integrations',
		section: 'II.4',
		title: 'Suivi de l’atteinte des objectifs d’intégration (cumul depuis le début du protocole)',
		rows,
	};
}
