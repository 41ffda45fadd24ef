// CER dates and renewals, ROME code, standby (keys v and c).
import {addMonths, type Day, frenchDate, toDay} from '../calendar.js';
import type {Participant, PreviousContract} from '../model.js';
import {matchVocabulary} from '../text.js';
import {STANDBY_REASONS} from '../vocabulary.js';
import {type DateInput, endBeforeStart, iso, readDate, readOptionalDate} from './dates.js';
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

/**
 * The CER that follows `end` for `months` months (REFERENTIEL §2): it starts the day
 * after, and ends the day before the same date `months` months later — date-fns's
 * addMonths, the day clamped to the month's length, minus one day:
 * 21/11/2026 + 6 months → 22/11/2026 to 21/05/2027; 30/08/2027 → 31/08/2027 to 28/02/2028.
 */
export function followingContract(end: Day, months: number): {start: Day; end: Day} {
	const start = end + 1;
	return {start, end: addMonths(start, months) - 1};
}

/** The current CER as an entry of previousContracts (its start may be unknown). */
function asPrevious(participant: Participant): PreviousContract {
	return participant.contractStart === undefined ? {end: participant.contractEnd!} : {start: participant.contractStart, end: participant.contractEnd!};
}

/** The current CER moved to previousContracts (oldest first), the new one in its place. */
function renewed(participant: Participant, start: Day, end: Day): Participant {
	return {
		...participant,
		previousContracts: [...(participant.previousContracts ?? []), asPrevious(participant)],
		contractStart: iso(start),
		contractEnd: iso(end),
	};
}

function previousText(participant: Participant): string {
	return participant.contractStart === undefined
		? `jusqu’au ${frenchDate(participant.contractEnd)}`
		: `du ${frenchDate(participant.contractStart)} au ${frenchDate(participant.contractEnd)}`;
}

/**
 * Renewal (REFERENTIEL §2): the current CER goes to previousContracts and the new
 * one starts the day after its end, for `months` months (see followingContract).
 */
export function renewContract(participant: Participant, months: number): EditResult {
	if (participant.contractEnd === undefined) {
		return refused('Pas de date de fin de CER à renouveler : saisissez d’abord les dates du contrat.');
	}
	if (!Number.isInteger(months) || months <= 0) return refused(`Durée de renouvellement impossible : ${months} mois.`);
	const next = followingContract(toDay(participant.contractEnd), months);
	return edited(
		renewed(participant, next.start, next.end),
		`CER renouvelé pour ${months} mois : du ${frenchDate(next.start)} au ${frenchDate(next.end)} (précédent ${previousText(participant)})`,
	);
}

/** A renewal with dates typed by hand: the current CER goes to previousContracts, the new one is `start` to `end`. */
export function renewContractWith(participant: Participant, fields: {readonly start: DateInput; readonly end: DateInput}): EditResult {
	if (participant.contractEnd === undefined) {
		return refused('Pas de date de fin de CER à renouveler : saisissez d’abord les dates du contrat.');
	}
	const start = readDate(fields.start, 'début du nouveau CER');
	if (!start.ok) return refused(start.error);
	const end = readDate(fields.end, 'fin du nouveau CER');
	if (!end.ok) return refused(end.error);
	const order = endBeforeStart(start.value, end.value, 'nouveau CER');
	if (order) return refused(order);
	if (start.value <= toDay(participant.contractEnd)) {
		return refused(`Le nouveau CER doit commencer après la fin du CER actuel (${frenchDate(participant.contractEnd)}).`);
	}
	return edited(
		renewed(participant, start.value, end.value),
		`CER renouvelé : du ${frenchDate(start.value)} au ${frenchDate(end.value)} (précédent ${previousText(participant)})`,
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

export interface StandbyFields {
	/** the day the accompaniment is paused (the form offers today) */
	readonly since: DateInput;
	/** why (REFERENTIEL §2: one of STANDBY_REASONS, or the text typed for « Autre »); blank: none recorded */
	readonly reason?: string;
}

/** Starts a standby (`v`): its first day and why. */
export function startStandby(participant: Participant, fields: StandbyFields): EditResult {
	if (participant.standbySince !== undefined) {
		return refused(`Déjà en veille depuis le ${frenchDate(participant.standbySince)}.`);
	}
	const since = readDate(fields.since, 'début de la veille');
	if (!since.ok) return refused(since.error);
	const typed = fields.reason?.trim() ?? '';
	const reason = typed === '' ? undefined : (matchVocabulary(STANDBY_REASONS, typed) ?? typed);
	const next: Participant = {...without(participant, 'standbyReason'), standbySince: iso(since.value)};
	if (reason !== undefined) next.standbyReason = reason;
	return edited(next, `Mise en veille le ${frenchDate(since.value)}${reason === undefined ? '' : ` : ${reason}`}`);
}

/**
 * Ends the standby. The store keeps only the current standby: its first day and its
 * reason are removed, and the journal line keeps both.
 */
export function endStandby(participant: Participant): EditResult {
	if (participant.standbySince === undefined) return refused('Pas en veille.');
	const reason = participant.standbyReason === undefined ? '' : ` (${participant.standbyReason})`;
	return edited(
		without(without(participant, 'standbySince'), 'standbyReason'),
		`Fin de la veille commencée le ${frenchDate(participant.standbySince)}${reason}`,
	);
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
		return startStandby(participant, {since: today});
	}
	if (participant.standbySince === undefined) return edited(participant, 'Déjà sorti·e de veille');
	return endStandby(participant);
}
