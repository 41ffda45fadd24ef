// II.1–II.3 of the activity report (000_…): the files treated in the period, chosen
// as Visual Course does by the date of the first appointment, their integration
// rate, and why the others were not integrated.
import {foldText} from '../text.js';
import {NON_INTEGRATION_REASONS} from '../vocabulary.js';
import {percent} from './rounding.js';
import {type BilanPerson, type BilanScope, within} from './scope.js';
import {type BilanTable, countRow, valueRow} from './types.js';

/** II.1's cohort K (first appointment in [D1, D2]) split by outcome on D2; every list in store order. */
interface Cohort {
	readonly integrated: BilanPerson[];
	readonly notIntegrated: BilanPerson[];
	readonly intake: string[];
	readonly total: string[];
	/** integrated or not: passed before the integration commission */
	readonly passed: string[];
	/** integrated or not integrated in [D1, D2] without a first appointment */
	readonly withoutFirst: string[];
}

// II.1, II.2 and II.3 read the same cohort: one pass for the three
const cohorts = new WeakMap<BilanScope, Cohort>();

function cohort(scope: BilanScope): Cohort {
	let split = cohorts.get(scope);
	if (split !== undefined) return split;
	split = {integrated: [], notIntegrated: [], intake: [], total: [], passed: [], withoutFirst: []};
	const {people, to} = scope;
	for (let p = 0; p < people.length; p++) {
		const person = people[p]!;
		if (person.firstAppointment === undefined) {
			if (within(person.integration, scope) || within(person.nonIntegration, scope)) split.withoutFirst.push(person.id);
			continue;
		}
		if (!within(person.firstAppointment, scope)) continue;
		split.total.push(person.id);
		if (person.integration !== undefined && person.integration <= to) {
			split.integrated.push(person);
			split.passed.push(person.id);
		} else if (person.nonIntegration !== undefined && person.nonIntegration <= to) {
			split.notIntegrated.push(person);
			split.passed.push(person.id);
		} else {
			split.intake.push(person.id);
		}
	}
	cohorts.set(scope, split);
	return split;
}

const ids = (people: readonly BilanPerson[]) => people.map(person => person.id);

export function dossiersTable(scope: BilanScope): BilanTable {
	const split = cohort(scope);
	return {
		id: 'dossiers',
		section: 'II.1',
		title: 'Nombre de dossiers traités',
		rows: [
			countRow('integres', 'Nombre d’intégrations', ids(split.integrated)),
			countRow('non-integres', 'Nombre de non-intégrations', ids(split.notIntegrated)),
			countRow('accueil', 'Nombre de dossiers en phase d’accueil à la date de clôture du rapport d’activité', split.intake),
			countRow('total', 'Total de dossiers traités', split.total),
			countRow('sans-1er-rdv', 'Intégrés ou non intégrés sur la période sans date de 1er RDV (hors total)', split.withoutFirst),
		],
	};
}

export function tauxIntegrationTable(scope: BilanScope): BilanTable {
	const split = cohort(scope);
	const integrated = split.integrated.length;
	const total = split.passed.length;
	const target = scope.settings.integrationRateTarget;
	// compared before rounding: 69.96 % is below 70 % even if it shows as 70.0 %
	const below = total === 0 ? null : integrated * 100 < target * total ? 1 : 0;
	return {
		id: 'taux-integration',
		section: 'II.2',
		title: 'Taux d’intégration',
		rows: [
			countRow('integres', 'Nombre d’intégrations', ids(split.integrated)),
			countRow('non-integres', 'Non-intégrations', ids(split.notIntegrated)),
			countRow('total', 'Total de dossiers passés en commission d’intégration', split.passed),
			valueRow('taux', 'Taux d’intégration', percent(integrated, total), 'percent', split.passed),
			valueRow('sous-objectif', `Taux d’intégration inférieur à l’objectif du protocole (${target} %)`, below, 'flag', split.passed),
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
	const {notIntegrated} = cohort(scope);
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
