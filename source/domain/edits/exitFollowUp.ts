// The exit procedure after the cellule (004_…, REFERENTIEL §2 version 2): the
// four dates an assistant records once the exit is decided — validated in
// cellule, letters sent, proof received (positive exits), file closed. Each is a
// record of something done, so never after today; letters and closure follow the
// validation (the letters inform of the cellule's decision, the file is closed
// after it), and a file is not closed before its letters are sent.
import {type Day, frenchDate, toDay} from '../calendar.js';
import type {Participant} from '../model.js';
import {type DateInput, iso, readOptionalDate} from './dates.js';
import {type EditResult, edited, refused} from './result.js';

/** The four dates, by the participant field that holds each. */
export const EXIT_FOLLOW_UP_FIELDS = ['exitValidatedOn', 'exitLettersSentOn', 'exitProofReceivedOn', 'exitClosedOn'] as const;
export type ExitFollowUpField = (typeof EXIT_FOLLOW_UP_FIELDS)[number];

/** How each date is written in descriptions and messages. */
export const EXIT_FOLLOW_UP_WORDS: Readonly<Record<ExitFollowUpField, string>> = {
	exitValidatedOn: 'validée en cellule le',
	exitLettersSentOn: 'courriers envoyés le',
	exitProofReceivedOn: 'justificatif reçu le',
	exitClosedOn: 'dossier clôturé le',
};

/** For each date: undefined leaves it, null or blank text clears it, a date sets it. */
export type ExitFollowUpFields = Partial<Record<ExitFollowUpField, DateInput | null>>;

/** Whether the exit is positive: only then is a proof (attestation, bulletin de salaire, diploma) asked for. */
export function proofExpected(participant: Participant): boolean {
	return participant.exitType === 'Positive';
}

function capitalized(text: string): string {
	return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Records (or corrects, or clears) the exit follow-up dates given; the others stay as stored. */
export function recordExitFollowUp(participant: Participant, fields: ExitFollowUpFields, today: Day): EditResult {
	if (participant.exitDate === undefined) {
		return refused('Aucune sortie enregistrée pour cette personne : le suivi de sortie vient après la sortie.');
	}
	const next: Participant = {...participant};
	const said: string[] = [];
	for (const field of EXIT_FOLLOW_UP_FIELDS) {
		const input = fields[field];
		if (input === undefined) continue;
		const words = EXIT_FOLLOW_UP_WORDS[field];
		const read = readOptionalDate(input, words.replace(/ le$/, ''));
		if (!read.ok) return refused(read.error);
		const before = participant[field];
		if (read.value === undefined) {
			delete next[field];
			if (before !== undefined) said.push(`${words.replace(/ le$/, '')} : date effacée`);
			continue;
		}
		if (read.value > today) {
			return refused(`${capitalized(words)} ${frenchDate(read.value)} : date à venir (aujourd’hui au plus tard, ${frenchDate(today)}).`);
		}
		if (field === 'exitProofReceivedOn' && !proofExpected(participant) && before === undefined) {
			return refused(`Justificatif de sortie : seulement pour une sortie positive (sortie « ${participant.exitType ?? 'sans type'} »).`);
		}
		next[field] = iso(read.value);
		if (before !== next[field]) said.push(`${words} ${frenchDate(read.value)}`);
	}
	const problem = orderProblem(next);
	if (problem !== undefined) return refused(problem);
	if (said.length === 0) return edited(participant, 'Suivi de sortie inchangé');
	const noProof = next.exitClosedOn !== undefined && participant.exitClosedOn === undefined && proofExpected(next) && next.exitProofReceivedOn === undefined;
	return edited(next, `Suivi de sortie : ${said.join(' ; ')}${noProof ? ' (sans justificatif de sortie positive)' : ''}`);
}

/** The refusal when the dates are out of the procedure's order, or undefined. */
function orderProblem(p: Participant): string | undefined {
	const validated = p.exitValidatedOn === undefined ? undefined : toDay(p.exitValidatedOn);
	for (const field of ['exitLettersSentOn', 'exitClosedOn'] as const) {
		const value = p[field];
		if (value === undefined) continue;
		const words = capitalized(EXIT_FOLLOW_UP_WORDS[field]);
		if (validated === undefined) return `${words} ${frenchDate(value)} : la sortie n’est pas validée en cellule (date de validation à renseigner d’abord).`;
		if (toDay(value) < validated) return `${words} ${frenchDate(value)} : avant la validation en cellule (${frenchDate(validated)}).`;
	}
	if (p.exitClosedOn !== undefined && p.exitLettersSentOn === undefined) {
		return `Dossier clôturé le ${frenchDate(p.exitClosedOn)} : les courriers de sortie ne sont pas enregistrés comme envoyés.`;
	}
	return undefined;
}

/** The cellule of `meeting` validates the exit (the dashboard's action after a cellule). */
export function validateExit(participant: Participant, meeting: Day, today: Day): EditResult {
	return recordExitFollowUp(participant, {exitValidatedOn: meeting}, today);
}
