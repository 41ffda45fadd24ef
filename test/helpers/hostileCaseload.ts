// Invented people whose every typed text starts like a formula, a command or a
// link: what a spreadsheet must show as text (formula safety, issue 15).
import {type Participant, participantSchema} from '../../source/domain/model.js';

/** Invented people whose every typed text starts like a formula, a command or a link. */
export function hostileCaseload(): Participant[] {
	const base = {
		integrationDate: '2025-03-02',
		rsa: true,
		contractEnd: '2026-11-01', // CER échu: in Situations à évoquer
		prescriber: 'http://exemple.invalid/prescripteur',
		franceTravailAgency: '@Agence',
		integrationCriterion: '-RSA',
	};
	return [
		participantSchema.parse({
			...base,
			id: 'h1',
			name: '=SOMME(A1)',
			referent: '=1+1',
			commune: '+Rouen',
			steps: [{label: '=HYPERLINK("http://exemple.invalid";"clic")', type: '+Emploi', start: '2026-10-01', state: 'En cours'}],
			events: [{date: '2026-11-20', type: 'Entretien individuel', note: '=IMPORTXML("http://exemple.invalid")'}],
			snoozes: [{indicator: 'rsa.contract-expired', reason: '@SOMME(1+1)*cmd|" /C calc"!A0', until: '2026-12-31'}],
		}),
		participantSchema.parse({
			...base,
			id: 'h2',
			name: '+33 6 12 34 56 78',
			referent: '@MARTEL Inès',
			steps: [{label: '-2+3', type: 'Formation', start: '2026-10-01', state: 'En cours'}],
			events: [],
		}),
		participantSchema.parse({
			...base,
			id: 'h3',
			name: '-LEROUX Ana',
			referent: '=1+1',
			integrationDate: '2024-01-10',
			exitDate: '2026-11-20',
			exitType: 'Autre',
			exitReason: '=cmd|" /C calc"!A0',
			steps: [],
			events: [],
		}),
		participantSchema.parse({
			...base,
			id: 'h4',
			name: 'https://exemple.invalid/fiche',
			referent: 'mailto:contact@exemple.invalid',
			steps: [],
			events: [],
		}),
	];
}
