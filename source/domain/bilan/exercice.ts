// The « Effectif de l'exercice » block of the Visual Course dashboard (000_…): the
// files at the start of the period, what came in and went out, and where they stand at its end.
import {foldText} from '../text.js';
import {activeOn, type BilanScope, idsWhere, intakeOn, presentOn, within} from './scope.js';
import {type BilanTable, countRow} from './types.js';

const QUALIFYING_TRAINING = foldText('Formation qualifiante');

/** A positive exit into qualifying training: its motive begins with « Formation qualifiante ». */
export function trainingExit(reason: string | undefined): boolean {
	return reason !== undefined && foldText(reason).startsWith(QUALIFYING_TRAINING);
}

export function exerciceTable(scope: BilanScope): BilanTable {
	const {people, from, to} = scope;
	const exited = people.filter(p => within(p.exit, scope));
	const positive = exited.filter(p => p.participant.exitType === 'Positive');
	const facts = scope.factsAtEnd();
	const activeAtEnd: string[] = [];
	for (const f of facts) if (f.active) activeAtEnd.push(f.participant.id);
	return {
		id: 'exercice',
		section: 'Visual Course',
		title: 'Effectif de l’exercice',
		rows: [
			countRow('debut', 'Effectif en fin d’exercice précédent (file active la veille du début de période)', idsWhere(people, p => activeOn(p, from - 1))),
			countRow('entres', 'Nombre de bénéficiaires entrés sur l’exercice', idsWhere(people, p => within(p.integration, scope))),
			countRow('sorties-positives-emploi', 'Sorties emploi de l’exercice', idsWhere(positive, p => !trainingExit(p.participant.exitReason))),
			countRow('sorties-positives-formation', 'Sorties en formation qualifiante de l’exercice', idsWhere(positive, p => trainingExit(p.participant.exitReason))),
			countRow('sorties-autres', 'Sorties autres', idsWhere(exited, p => p.participant.exitType !== 'Positive')),
			countRow('non-integres', 'Effectif non intégré sur l’exercice', idsWhere(people, p => within(p.nonIntegration, scope))),
			countRow('accueil-fin', 'Effectif en phase d’accueil (fin de période)', idsWhere(people, p => presentOn(p, to) && intakeOn(p, to))),
			countRow('actif-fin', 'File active en parcours (fin de période)', activeAtEnd),
		],
	};
}
