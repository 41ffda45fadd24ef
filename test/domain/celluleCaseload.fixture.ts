// A hand-built caseload for the cellule de suivi of Tuesday 08/12/2026 (previous
// one a month before, 08/11/2026; next one 08/01/2027). Invented people; each is
// built to land in (or stay out of) precise sheets, stated next to them.
import {type Participant, type ParticipantInput, participantSchema} from '../../source/domain/model.js';

export const MEETING = '2026-12-08';
export const TODAY = '2026-11-22';

/** A person followed as expected on the meeting day: recent interview, a current step. */
const WELL_FOLLOWED: Partial<ParticipantInput> = {
	events: [{date: '2026-12-01', type: 'Entretien individuel'}],
	steps: [{label: 'Atelier CV', type: 'Atelier', start: '2026-11-01', state: 'En cours'}],
};

function person(id: string, name: string, fields: Partial<ParticipantInput>): Participant {
	return participantSchema.parse({id, name, referent: 'MARTEL Inès', gender: 'F', ...fields});
}

export function celluleCaseload(): Participant[] {
	return [
		// Entrées (integration in the window), well followed
		person('p01', 'ARNAUD Léa', {
			...WELL_FOLLOWED,
			firstAppointment: '2026-10-01',
			integrationDate: '2026-11-20',
			prescriber: 'France Travail',
			rsa: true,
			contractStart: '2026-11-20',
			contractEnd: '2027-05-20',
			cafNumber: '1234567',
			franceTravailId: '7654321X',
		}),
		// Entrées (first appointment in the window), intake
		person('p02', 'BERNARD Hugo', {firstAppointment: '2026-11-15', prescriber: 'Mission locale'}),
		// first appointment the day before the window: not an entry
		person('p03', 'CARON Paul', {firstAppointment: '2026-11-07'}),
		// first appointment on the first day of the window: an entry
		person('p04', 'DUMAS Inès', {firstAppointment: '2026-11-08'}),
		// intake, old; an accented name sorted with the E's
		person('p05', 'ÉMERY Jean', {firstAppointment: '2026-09-01'}),
		// Renouvellements: 6-month period ends 20/12/2026
		person('p06', 'EVRARD Zoé', {...WELL_FOLLOWED, integrationDate: '2026-06-20'}),
		// Renouvellements: 12-month period ends 10/12/2026
		person('p07', 'FABRE Noé', {...WELL_FOLLOWED, integrationDate: '2025-12-10'}),
		// 12-month period ended 01/12/2026, before the meeting; next one in June: no renewal
		person('p08', 'GIRARD Anne', {...WELL_FOLLOWED, integrationDate: '2025-12-01'}),
		// 6-month period ends on 08/01/2027, the next meeting: for that one, not this one
		person('p09', 'HENRY Luc', {...WELL_FOLLOWED, integrationDate: '2026-07-08'}),
		// Sorties
		person('p10', 'JOLY Marc', {
			integrationDate: '2025-05-01',
			exitDate: '2026-11-20',
			exitType: 'Positive',
			exitReason: 'CDI',
			steps: [{label: 'CDI magasinier', type: 'Emploi', start: '2026-11-20', end: '2026-11-20', state: 'Terminée'}],
		}),
		// exit before the window, validated by the previous cellule, its letters sent: only in Suivi des sorties
		person('p11', 'KLEIN Eva', {
			integrationDate: '2025-01-10',
			exitDate: '2026-10-15',
			exitType: 'Autre',
			exitReason: 'Déménagement',
			exitValidatedOn: '2026-11-10',
			exitLettersSentOn: '2026-11-15',
		}),
		// Situations: CER expired
		person('p12', 'LAMBERT Rémi', {...WELL_FOLLOWED, integrationDate: '2026-03-02', rsa: true, contractEnd: '2026-11-22'}),
		// Situations: two unjustified absences after the last interview
		person('p13', 'MOREAU Jade', {
			integrationDate: '2026-03-02',
			steps: WELL_FOLLOWED.steps,
			events: [
				{date: '2026-11-25', type: 'Entretien individuel'},
				{date: '2026-11-30', type: 'Absence injustifiée'},
				{date: '2026-12-04', type: 'Absence injustifiée'},
			],
		}),
		// Situations (26 months, no extension) and Parcours +18 mois
		person('p14', 'NOEL Tom', {...WELL_FOLLOWED, integrationDate: '2024-10-01'}),
		// Parcours +18 mois, extended: no situation
		person('p15', 'OLIVIER Mia', {...WELL_FOLLOWED, integrationDate: '2024-10-01', extension: true}),
		// Situations: no step since 01/09/2026
		person('p16', 'PERRIN Ugo', {
			integrationDate: '2026-03-02',
			events: WELL_FOLLOWED.events,
			steps: [{label: 'Remise à niveau', type: 'Formation', start: '2026-05-01', end: '2026-09-01', state: 'Terminée'}],
		}),
		// Situations: never had a step, integrated 98 days before the meeting
		person('p23', 'QUENTIN Rose', {events: WELL_FOLLOWED.events, integrationDate: '2026-09-01'}),
		// no step yet, but integrated only 37 days before the meeting: not a situation
		person('p24', 'RENAUD Eva', {events: WELL_FOLLOWED.events, integrationDate: '2026-11-01'}),
		// Veilles and Situations (standby since 01/09/2026, over 2 months)
		person('p17', 'ROUX Lina', {...WELL_FOLLOWED, integrationDate: '2026-03-02', standbySince: '2026-09-01'}),
		// Veilles only (standby since 20/11/2026)
		person('p18', 'SIMON Axel', {...WELL_FOLLOWED, integrationDate: '2026-03-02', standbySince: '2026-11-20'}),
		// Situations: CER expired, but the alert is acknowledged until 31/12/2026
		person('p19', 'THOMAS Eli', {
			...WELL_FOLLOWED,
			integrationDate: '2026-03-02',
			rsa: true,
			contractEnd: '2026-11-01',
			snoozes: [{indicator: 'rsa.contract-expired', reason: 'Renouvellement en cours au Département', until: '2026-12-31'}],
		}),
		// Situations, two reasons: CER expired on 30/11/2026 and interview rhythm not kept (last interview 20/10/2026)
		person('p20', 'VIDAL Sara', {
			integrationDate: '2026-03-02',
			rsa: true,
			contractEnd: '2026-11-30',
			steps: WELL_FOLLOWED.steps,
			events: [{date: '2026-10-20', type: 'Entretien individuel'}],
		}),
		// another referent's person, well followed
		person('p21', 'YVON Karl', {
			...WELL_FOLLOWED,
			referent: 'ROUVRAY Karim',
			integrationDate: '2026-01-15',
			cafNumber: '9998887',
			steps: [
				{label: 'Atelier CV', type: 'Atelier', start: '2026-11-01', state: 'En cours'},
				{label: 'Immersion en logistique', type: 'PMSMP', start: '2027-01-11', end: '2027-01-22', state: 'Prévue'},
			],
		}),
		// non-integrated in the window: closed, in no sheet
		person('p22', 'ZOLA Ana', {firstAppointment: '2026-10-01', nonIntegrationDate: '2026-11-10', nonIntegrationReason: 'Déménagement'}),
	];
}

/** Names expected in each sheet, in the order the sheet lists them. */
export const EXPECTED = {
	Entrées: ['ARNAUD Léa', 'BERNARD Hugo', 'DUMAS Inès'],
	Renouvellements: ['EVRARD Zoé', 'FABRE Noé'],
	Sorties: ['JOLY Marc'],
	'Suivi des sorties': ['JOLY Marc', 'KLEIN Eva'],
	'Situations à évoquer': [
		'LAMBERT Rémi',
		'MOREAU Jade',
		'NOEL Tom',
		'PERRIN Ugo',
		'QUENTIN Rose',
		'ROUX Lina',
		'THOMAS Eli',
		'VIDAL Sara',
	],
	'Parcours +18 mois': ['NOEL Tom', 'OLIVIER Mia'],
	Veilles: ['ROUX Lina', 'SIMON Axel'],
	'Liste nominative': [
		'ARNAUD Léa',
		'BERNARD Hugo',
		'CARON Paul',
		'DUMAS Inès',
		'ÉMERY Jean',
		'EVRARD Zoé',
		'FABRE Noé',
		'GIRARD Anne',
		'HENRY Luc',
		'LAMBERT Rémi',
		'MOREAU Jade',
		'NOEL Tom',
		'OLIVIER Mia',
		'PERRIN Ugo',
		'QUENTIN Rose',
		'RENAUD Eva',
		'ROUX Lina',
		'SIMON Axel',
		'THOMAS Eli',
		'VIDAL Sara',
		'YVON Karl',
	],
} as const;
