// CER dates and renewals, ROME code, standby (keys v and the contract form).
import {addMonths, type Day, frenchDate, toDay} from '../calendar.js';
import type {Participant} from '../model.js';
import {type DateInput, endBeforeStart, iso, readOptionalDate} from './dates.js';
import {formatValue} from './format.js';
import {type EditResult, edited, refused} from './result.js';

function without<K extends keyof Participant>(participant: Participant, key: K): Participant {
	const copy = {...participant};
	delete copy[key];
	return copy;
}

function setOptional<K extends 'contractStart' | 'contractEnd' | 'standbySince' | 'romeCode'>(
	participant: Participant,
	key: K,
	value: string | undefined,
): Participant {
	return value === undefined ? without(participant, key) : {...participant, [key]: value};
}

export interface ContractFields {
	/** blank text or null clears the date; undefined keeps it */
	readonly start?: DateInput | null;
	readonly end?: DateInput | null;
}

/** The contract form: CER start and end. */
export function setContract(participant: Participant, fields: ContractFields): EditResult {
	const start = fields.start === undefined ? undefined : readOptionalDate(fields.start, 'début du CER');
	if (start && !start.ok) return refused(start.error);
	const end = fields.end === undefined ? undefined : readOptionalDate(fields.end, 'fin du CER');
	if (end && !end.ok) return refused(end.error);
	const startIso = start ? (start.value === undefined ? undefined : iso(start.value)) : participant.contractStart;
	const endIso = end ? (end.value === undefined ? undefined : iso(end.value)) : participant.contractEnd;
	const order = endBeforeStart(
		startIso === undefined ? undefined : toDay(startIso),
		endIso === undefined ? undefined : toDay(endIso),
		'CER',
	);
	if (order) return refused(order);
	const next = setOptional(setOptional(participant, 'contractStart', startIso), 'contractEnd', endIso);
	return edited(next, `CER : du ${formatValue(startIso)} au ${formatValue(endIso)}`);
}

/** Quick renewal: the CER end moves `months` months later (the start is kept). */
export function renewContract(participant: Participant, months: number): EditResult {
	if (participant.contractEnd === undefined) {
		return refused('Pas de date de fin de CER à prolonger : saisissez d’abord les dates du contrat.');
	}
	if (!Number.isInteger(months) || months <= 0) return refused(`Durée de renouvellement impossible : ${months} mois.`);
	const end = iso(addMonths(toDay(participant.contractEnd), months));
	return edited(
		{...participant, contractEnd: end},
		`CER renouvelé de ${months} mois : fin ${frenchDate(participant.contractEnd)} → ${frenchDate(end)}`,
	);
}

const ROME_RE = /^[A-Z]\d{4}$/;

/** The ROME code: a letter and four digits (M1607); blank removes it. */
export function setRomeCode(participant: Participant, code: string): EditResult {
	const clean = code.trim().toUpperCase();
	if (clean !== '' && !ROME_RE.test(clean)) {
		return refused(`Code ROME « ${code.trim()} » impossible : une lettre et quatre chiffres (par exemple M1607).`);
	}
	const value = clean === '' ? undefined : clean;
	return edited(
		setOptional(participant, 'romeCode', value),
		`Code ROME : ${formatValue(participant.romeCode)} → ${formatValue(value)}`,
	);
}

/** Starts a standby today. */
export function startStandby(participant: Participant, today: Day): EditResult {
	if (participant.standbySince !== undefined) {
		return refused(`Déjà en veille depuis le ${frenchDate(participant.standbySince)}.`);
	}
	return edited({...participant, standbySince: iso(today)}, `Mise en veille le ${frenchDate(today)}`);
}

/** Ends the standby (the date it began is removed: the store keeps only the current standby). */
export function endStandby(participant: Participant): EditResult {
	if (participant.standbySince === undefined) return refused('Pas en veille.');
	return edited(without(participant, 'standbySince'), `Fin de la veille commencée le ${frenchDate(participant.standbySince)}`);
}

/** What `v` asks for: the state the person should be in, decided on the version the user sees. */
export type StandbyWish = 'start' | 'end';

/** `v` flips what the screen shows: the wish is taken from that version, once, when the key is pressed. */
export function standbyWish(seen: Participant): StandbyWish {
	return seen.standbySince === undefined ? 'start' : 'end';
}

/**
 * `v`, as an intention: start (or end) the standby. Re-run on a fresher version
 * (a colleague saved meanwhile), a wish already met changes nothing — two people
 * asking for the standby agree instead of the second one ending it.
 */
export function setStandby(participant: Participant, wish: StandbyWish, today: Day): EditResult {
	if (wish === 'start') {
		if (participant.standbySince !== undefined) return edited(participant, `Déjà en veille depuis le ${frenchDate(participant.standbySince)}`);
		return startStandby(participant, today);
	}
	if (participant.standbySince === undefined) return edited(participant, 'Déjà sorti·e de veille');
	return endStandby(participant);
}
