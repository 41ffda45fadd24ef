// III.2.2 and III.2.3 of the activity report: inactive parcours and long parcours
// "at the time the report is written", i.e. the dashboard's indicators on T = D2.
// The indicators themselves are asked (indicators.ts), so the tables follow them.
import {indicatorById} from '../indicators.js';
import {percent} from './rounding.js';
import type {BilanScope} from './scope.js';
import {type BilanTable, countRow, valueRow} from './types.js';

/** The ids counted by indicator `id` on D2, in store order. */
function countedOnEnd(scope: BilanScope, id: string): string[] {
	const indicator = indicatorById(id);
	if (indicator === undefined) throw new Error(`indicateur inconnu : ${id}`);
	const ids: string[] = [];
	for (const facts of scope.activeFactsAtEnd()) {
		if (indicator.measure(facts, scope.settings) !== undefined) ids.push(facts.participant.id);
	}
	return ids;
}

export function inactifsTable(scope: BilanScope): BilanTable {
	const idle = countedOnEnd(scope, 'steps.idle60');
	const active = countedOnEnd(scope, 'caseload.active');
	return {
		id: 'inactifs',
		section: 'III.2.2',
		title: 'Veille sur les parcours inactifs',
		rows: [
			countRow('sans-etape-60', `Nombre de dossiers « sans étape depuis plus de ${scope.settings.longIdleDays} jours »`, idle),
			countRow('file-active', 'Nombre de dossiers en file active', active),
			valueRow('part', 'Part des dossiers sans étape', percent(idle.length, active.length), 'percent', active),
		],
	};
}

export function dureesTable(scope: BilanScope): BilanTable {
	const max = scope.settings.maxParcoursMonths;
	const mid = countedOnEnd(scope, 'duration.18to24');
	const long = countedOnEnd(scope, 'duration.gte24');
	const active = countedOnEnd(scope, 'caseload.active');
	return {
		id: 'durees',
		section: 'III.2.3',
		title: 'Veille sur les durées de parcours',
		rows: [
			countRow('18-24', `Parcours de 18 à ${max} mois`, mid),
			countRow('plus-24', `Parcours de plus de ${max} mois`, long),
			countRow('file-active', 'Nombre de dossiers en file active', active),
			valueRow('part-18-24', `Part des parcours de 18 à ${max} mois`, percent(mid.length, active.length), 'percent', active),
			valueRow('part-plus-24', `Part des parcours de plus de ${max} mois`, percent(long.length, active.length), 'percent', active),
		],
	};
}
