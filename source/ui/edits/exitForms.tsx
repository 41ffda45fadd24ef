// The exit procedure of 004_… at the keyboard. `s` (fiche, or the highlighted
// person of a queue): the four follow-up dates in one form — validated in
// cellule, letters sent, proof received (positive exits), file closed; the first
// one missing is proposed at today's date. `V` (dashboard), after a cellule: every
// exit presented in that cellule's « Sorties » sheet not validated yet, listed for
// confirmation, then validated on the cellule's date — each person saved and
// journaled on its own (`u` undoes one at a time).
import {referentsShown, type Visibility} from '../../domain/visibility.js';
import React from 'react';
import {type Day, frenchDate, toDay} from '../../domain/calendar.js';
import {celluleExits} from '../../domain/celluleExits.js';
import {closureDue, lettersDue} from '../../domain/echeances/rules.js';
import {parseTypedDate} from '../../domain/edits/dates.js';
import {
	EXIT_FOLLOW_UP_FIELDS,
	type ExitFollowUpField,
	type ExitFollowUpFields,
	proofExpected,
	recordExitFollowUp,
	validateExit,
} from '../../domain/edits/exitFollowUp.js';
import type {Edit} from '../../domain/edits/result.js';
import type {Participant} from '../../domain/model.js';
import {visibleLines} from '../../domain/text.js';
import type {ChangeOutcome} from '../../store/applyChange.js';
import type {Selection} from '../App.js';
import type {EditTools} from '../Dashboard.js';
import {displayName} from '../format.js';
import {Form} from './Form.js';
import type {FormContext} from './forms.js';
import {ListConfirm} from './ListConfirm.js';
import {Notice} from './Notice.js';

const LABELS: Readonly<Record<ExitFollowUpField, string>> = {
	exitValidatedOn: 'Validée en cellule le',
	exitLettersSentOn: 'Courriers envoyés le',
	exitProofReceivedOn: 'Justificatif reçu le',
	exitClosedOn: 'Dossier clôturé le',
};

/** The dates the form asks: the proof only for a positive exit (or one already recorded). */
function fieldsOf(p: Participant): ExitFollowUpField[] {
	return EXIT_FOLLOW_UP_FIELDS.filter(field => field !== 'exitProofReceivedOn' || proofExpected(p) || p.exitProofReceivedOn !== undefined);
}

/** What is due, for the form's note (one line: the due dates first): letters a month after the cellule, closure three months after. */
function dueNote(p: Participant): string {
	const exit = `sortie le ${frenchDate(p.exitDate)}${p.exitType ? ` (${p.exitType}${p.exitReason ? ` — ${p.exitReason}` : ''})` : ''}`;
	if (p.exitValidatedOn === undefined) return `Courriers dans le mois qui suit la cellule, clôture dans les trois mois · ${exit}.`;
	const validated = toDay(p.exitValidatedOn);
	return `Courriers avant le ${frenchDate(lettersDue(validated))} · clôture au plus tard le ${frenchDate(closureDue(validated))} · ${exit}.`;
}

/** `s`: the follow-up dates; a date left as stored is not written, a blank one clears it. */
export function exitFollowUpForm(context: FormContext) {
	const p = context.participant;
	const fields = fieldsOf(p);
	const stored: Record<string, string> = Object.fromEntries(fields.map(field => [field, frenchDate(p[field])]));
	const firstMissing = fields.find(field => p[field] === undefined);
	const initial = firstMissing === undefined ? stored : {...stored, [firstMissing]: frenchDate(context.today)};
	return (
		<Form
			today={context.today}
			title={`Suivi de la sortie — ${context.name}`}
			note={`${dueNote(p)} Date du jour proposée pour la première date manquante ; Ctrl-U vide un champ.`}
			fields={fields.map(field => ({key: field, label: LABELS[field], kind: 'date' as const, optional: true}))}
			initial={initial}
			submit={values => {
				const changes: ExitFollowUpFields = {};
				for (const field of fields) {
					const value = values[field] ?? '';
					if (value !== stored[field]) changes[field] = value.trim() === '' ? null : value;
				}
				return context.save(participant => recordExitFollowUp(participant, changes, context.today));
			}}
			onCancel={context.cancel}
		/>
	);
}

export interface ValidateExitsDeps {
	readonly selection: Selection;
	readonly tools: EditTools;
	readonly today: Day;
	/** whose participants the store shows (a référent login on a base): the title names them */
	readonly visible: Visibility;
	/** saves one edit, an intention on the person as listed (the handler's apply) */
	readonly apply: (id: string, edit: Edit, seen: Participant) => Promise<ChangeOutcome>;
	/** the screen from the session's data (after the saves) */
	readonly refresh: () => void;
}

/** The cellule proposed: the one recorded in the store when it has taken place, else today. */
function proposedMeeting(tools: EditTools, today: Day): Day {
	const next = tools.settings().nextCellule;
	return next !== undefined && toDay(next) <= today ? toDay(next) : today;
}

/** `V`: the cellule's date, then its exits to validate, listed for confirmation. */
export function validateExits(deps: ValidateExitsDeps): void {
	const {tools, today, selection} = deps;
	const scope = referentsShown(selection.referent, deps.visible) ?? 'tous les référent·es';
	tools.openPanel(
		<Form
			today={today}
			title={`Valider les sorties présentées en cellule — ${scope}`}
			note="Sorties de sa feuille « Sorties » (le mois précédent), non validées : à confirmer."
			fields={[{key: 'meeting', label: 'Date de la cellule', kind: 'date'}]}
			initial={{meeting: frenchDate(proposedMeeting(tools, today))}}
			submit={values => {
				const meeting = parseTypedDate(values.meeting ?? '');
				if (meeting === undefined) return 'Date de la cellule : date impossible (jj/mm/aaaa).';
				if (meeting > today) return `La cellule du ${frenchDate(meeting)} n’a pas encore eu lieu : ses sorties seront validées ce jour-là.`;
				confirmExits(deps, meeting);
				return undefined;
			}}
			onCancel={() => {
				tools.closePanel();
				tools.say('Annulé : rien n’a été modifié.');
			}}
		/>,
	);
}

function exitLine(p: Participant, discretion: boolean): string {
	return `${displayName(p, discretion)} · ${p.id} · ${p.referent ?? '—'} · sortie le ${frenchDate(p.exitDate)}${p.exitType ? ` (${p.exitType})` : ''}`;
}

function confirmExits(deps: ValidateExitsDeps, meeting: Day): void {
	const {tools, selection} = deps;
	const discretion = selection.discretion === true;
	const exits = celluleExits({participants: tools.participants(), settings: tools.settings(), meeting, referent: selection.referent});
	const sheet = `feuille « Sorties » de la cellule du ${frenchDate(meeting)} (sorties du ${frenchDate(exits.since)} au ${frenchDate(meeting)})`;
	const period = `sorties du ${frenchDate(exits.since)} au ${frenchDate(meeting)}`;
	const already = exits.alreadyValidated.length === 0 ? '' : ` ${exits.alreadyValidated.length} déjà validée${exits.alreadyValidated.length > 1 ? 's' : ''} : inchangée${exits.alreadyValidated.length > 1 ? 's' : ''}.`;
	if (exits.toValidate.length === 0) {
		tools.openPanel(<Notice title="Aucune sortie à valider" text={visibleLines(`Rien à valider dans la ${sheet}.${already}`)} onClose={tools.closePanel} />);
		return;
	}
	const count = exits.toValidate.length;
	tools.openPanel(
		<ListConfirm
			title={visibleLines(`À valider en cellule le ${frenchDate(meeting)} — ${period} :`)}
			lines={exits.toValidate.map(p => exitLine(p, discretion))}
			question={`Valider ${count > 1 ? `ces ${count} sorties` : 'cette sortie'} en cellule le ${frenchDate(meeting)} ?${already} (o/n)`}
			onYes={() => saveAll(deps, meeting, exits.toValidate)}
			onNo={() => {
				tools.closePanel();
				tools.say('Annulé : aucune sortie validée.');
			}}
		/>,
	);
}

/** Saves each validation in turn; one message says what was done and what was not. */
async function saveAll(deps: ValidateExitsDeps, meeting: Day, people: readonly Participant[]): Promise<void> {
	const {tools, today, selection} = deps;
	let saved = 0;
	const problems: string[] = [];
	for (const person of people) {
		let outcome: ChangeOutcome;
		try {
			outcome = await deps.apply(person.id, p => validateExit(p, meeting, today), person);
		} catch (error) {
			outcome = {status: 'failed', message: (error as Error).message};
		}
		const who = `${displayName(person, selection.discretion === true)} (${person.id})`;
		if (outcome.status === 'saved') saved++;
		else if (outcome.status === 'unchanged') problems.push(`${who} : déjà enregistré sur un autre poste.`);
		else if (outcome.status === 'invalid' || outcome.status === 'failed' || outcome.status === 'conflict') problems.push(`${who} : ${outcome.message}`);
	}
	deps.refresh();
	const done = `${saved} sortie${saved > 1 ? 's' : ''} validée${saved > 1 ? 's' : ''} en cellule le ${frenchDate(meeting)}${saved > 0 ? ' (u annule la dernière, une personne à la fois)' : ''}.`;
	if (problems.length === 0) {
		tools.closePanel();
		tools.say(`Enregistré : ${done}`);
		return;
	}
	tools.openPanel(
		<Notice title="Validation des sorties : à vérifier" text={visibleLines([done, 'Non enregistré :', ...problems].join('\n'))} alarm onClose={tools.closePanel} />,
	);
}
