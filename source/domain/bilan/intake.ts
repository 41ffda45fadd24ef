// II.1–II.3 of the activity report (000_…): the files treated in the period, chosen
// as Visual Course does by the date of the first appointment, their integration
// rate, and why the others were not integrated.
import {foldText} from '../text.js';
import {NON_INTEGRATION_REASONS} from '../vocabulary.js';
import {percent} from './rounding.js';
import {type BilanPerson, type BilanScope, idsWhere, within} from './scope.js';
import {type BilanTable, countRow, valueRow} from './types.js';

type Outcome = 'integre' | 'non-integre' | 'accueil';

/** II.1's split of the cohort K (first appointment in [D1, D2]); undefined outside K. */
function outcome(person: BilanPerson, scope: BilanScope): Outcome | undefined {
	if (!within(person.firstAppointment, scope)) return undefined;
	if (person.integration !== undefined && person.integration <= scope.to) return 'integre';
	if (person.nonIntegration !== undefined && person.nonIntegration <= scope.to) return 'non-integre';
	return 'accueil';
}

/** The people of the cohort with each outcome. */
function cohort(scope: BilanScope): Record<Outcome, BilanPerson[]> {
	const split: Record<Outcome, BilanPerson[]> = {integre: [], 'non-integre': [], accueil: []};
	for (const person of scope.people) {
		const o = outcome(person, scope);
		if (o !== undefined) split[o].push(person);
	}
	return split;
}

const ids = (people: readonly BilanPerson[]) => people.map(person => person.id);

export function dossiersTable(scope: BilanScope): BilanTable {
	const split = cohort(scope);
	const withoutFirst = idsWhere(
		scope.people,
		p => p.firstAppointment === undefined && (within(p.integration, scope) || within(p.nonIntegration, scope)),
	);
	return {
		id: 'dossiers',
		section: 'II.1',
		title: 'Nombre de dossiers traités',
		rows: [
			countRow('integres', 'Nombre d’intégrations', ids(split.integre)),
			countRow('non-integres', 'Nombre de non-intégrations', ids(split['non-integre'])),
			countRow('accueil', 'Nombre de dossiers en phase d’accueil à la date de clôture du rapport d’activité', ids(split.accueil)),
			countRow('total', 'Total de dossiers traités', idsWhere(scope.people, p => outcome(p, scope) !== undefined)),
			countRow('sans-1er-rdv', 'Intégrés ou non intégrés sur la période sans date de 1er RDV (hors total)', withoutFirst),
		],
	};
}

export function tauxIntegrationTable(scope: BilanScope): BilanTable {
	const split = cohort(scope);
	const integrated = split.integre.length;
	const total = integrated + split['non-integre'].length;
	const passed = idsWhere(scope.people, p => {
		const o = outcome(p, scope);
		return o === 'integre' || o === 'non-integre';
	});
	const target = scope.settings.integrationRateTarget;
	// compared before rounding: 69.96 % is below 70 % even if it shows as 70.0 %
	const below = total === 0 ? null : integrated * 100 < target * total ? 1 : 0;
	return {
		id: 'taux-integration',
		section: 'II.2',
		title: 'Taux d’intégration',
		rows: [
			countRow('integres', 'Nombre d’intégrations', ids(split.integre)),
			countRow('non-integres', 'Non-intégrations', ids(split['non-integre'])),
			countRow('total', 'Total de dossiers passés en commission d’intégration', passed),
			valueRow('taux', 'Taux d’intégration', percent(integrated, total), 'percent', passed),
			valueRow('sous-objectif', `Taux d’intégration inférieur à l’objectif du protocole (${target} %)`, below, 'flag', passed),
		],
	};
}

/**
 * A motive as the vocabularies of §2 are matched: case, accents, spaces, the
 * apostrophe's shape and the middle dot aside (« Non intéressé.e » = « Non intéressé·e »).
 */
export function motiveKey(text: string): string {
	return foldText(text).replace(/[’‘ʼ`´]/g, "'").replace(/[·.•∙⋅]/g, '·');
}

const MOTIVE_KEYS = new Map<string, number>(NON_INTEGRATION_REASONS.map((reason, i) => [motiveKey(reason), i]));

/** Position of a non-integration motive among the 17 of §2, or undefined (another or none). */
export function nonIntegrationMotive(reason: string | undefined): number | undefined {
	return reason === undefined ? undefined : MOTIVE_KEYS.get(motiveKey(reason));
}

export function motifsNonIntegrationTable(scope: BilanScope): BilanTable {
	const notIntegrated = cohort(scope)['non-integre'];
	const byMotive: string[][] = NON_INTEGRATION_REASONS.map(() => []);
	const other: string[] = [];
	for (const person of notIntegrated) {
		const motive = nonIntegrationMotive(person.participant.nonIntegrationReason);
		(motive === undefined ? other : byMotive[motive]!).push(person.id);
	}
	return {
		id: 'motifs-non-integration',
		section: 'II.3',
		title: 'Non-intégrations : motifs',
		rows: [
			...NON_INTEGRATION_REASONS.map((reason, i) => countRow(`motif-${i + 1}`, reason, byMotive[i]!)),
			countRow('autre', 'Autre motif ou motif non renseigné', other),
			countRow('total', 'Total des non-intégrations', ids(notIntegrated)),
		],
	};
}
