// The « Effectif de l'exercice » block of the Visual Course dashboard (000_…): the
// files at the start of the period, what came in and went out, and where they stand at its end.
import {foldText} from '../text.js';
import {activeOn, type BilanScope, intakeOn, presentOn, within} from './scope.js';
import {type BilanTable, countRow} from './types.js';

const QUALIFYING_TRAINING = foldText('Formation qualifiante');
// exit motives come from a short list: each spelling is folded once
const trainingMotives = new Map<string, boolean>();

/** A positive exit into qualifying training: its motive begins with « Formation qualifiante ». */
export function trainingExit(reason: string | undefined): boolean {
	if (reason === undefined) return false;
	let training = trainingMotives.get(reason);
	if (training === undefined) {
		if (trainingMotives.size > 1000) trainingMotives.clear();
		trainingMotives.set(reason, (training = foldText(reason).startsWith(QUALIFYING_TRAINING)));
	}
	return training;
}

export function exerciceTable(scope: BilanScope): BilanTable {
	const {people, from, to} = scope;
	const dayBefore = from - 1;
	const lists = {debut: [] as string[], entres: [] as string[], emploi: [] as string[], formation: [] as string[], autres: [] as string[], nonIntegres: [] as string[], accueil: [] as string[]};
	// one pass, the rows filled together
	for (let p = 0; p < people.length; p++) {
		const person = people[p]!;
		const {id} = person;
		if (activeOn(person, dayBefore)) lists.debut.push(id);
		if (within(person.integration, scope)) lists.entres.push(id);
		if (within(person.exit, scope)) {
			const {exitType, exitReason} = person.participant;
			if (exitType !== 'Positive') lists.autres.push(id);
			else if (trainingExit(exitReason)) lists.formation.push(id);
			else lists.emploi.push(id);
		}
		if (within(person.nonIntegration, scope)) lists.nonIntegres.push(id);
		if (presentOn(person, to) && intakeOn(person, to)) lists.accueil.push(id);
	}
	const facts = scope.activeFactsAtEnd();
	const activeAtEnd: string[] = [];
	for (let f = 0; f < facts.length; f++) if (facts[f]!.active) activeAtEnd.push(facts[f]!.participant.id);
	return {
		id: 'exercice',
		section: 'Visual Course',
		title: 'Effectif de l’exercice',
		rows: [
			countRow('debut', 'Effectif en fin d’exercice précédent (file active la veille du début de période)', lists.debut),
			countRow('entres', 'Nombre de bénéficiaires entrés sur l’exercice', lists.entres),
			countRow('sorties-positives-emploi', 'Sorties emploi de l’exercice', lists.emploi),
			countRow('sorties-positives-formation', 'Sorties en formation qualifiante de l’exercice', lists.formation),
			countRow('sorties-autres', 'Sorties autres', lists.autres),
			countRow('non-integres', 'Effectif non intégré sur l’exercice', lists.nonIntegres),
			countRow('accueil-fin', 'Effectif en phase d’accueil (fin de période)', lists.accueil),
			countRow('actif-fin', 'File active en parcours (fin de période)', activeAtEnd),
		],
	};
}
