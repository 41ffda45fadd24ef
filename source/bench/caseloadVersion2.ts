// The version-2 fields of REFERENTIEL §2 on a synthetic caseload (caseload.ts):
// orientations of RSA beneficiaries, earlier CERs, standby reasons, and the exit
// follow-up of 004_… (validated in cellule, letters, proof, file closed), with the
// lapses real files have (letters not sent, files left open past 3 months). Drawn
// from a second random stream, so that the version-1 fields stay as they were.
import {addMonths, type Day, isoFromDay, toDay} from '../domain/calendar.js';
import type {Participant} from '../domain/model.js';
import {Random} from './random.js';

const STANDBY_REASONS = [
	'En étape emploi ou formation',
	'À la demande du bureau insertion',
	'Santé',
	'Indisponibilité momentanée',
	'Autre',
];

const iso = isoFromDay;
const dayOf = (text: string | undefined) => (text === undefined ? undefined : toDay(text));

function orientation(random: Random, p: Participant, today: Day): void {
	if (!p.rsa || random.chance(0.4)) return;
	const entry = dayOf(p.integrationDate) ?? dayOf(p.firstAppointment) ?? today;
	const start = dayOf(p.contractStart);
	if (start !== undefined) {
		// oriented before the current CER (signed in time, or late), or before an earlier one
		p.orientationDate = iso(start - random.between(5, 60));
	} else if (random.chance(0.7)) {
		// oriented recently, the contract still to sign (some already past the month)
		p.orientationDate = iso(Math.min(today, entry + random.between(-30, 20), today - random.between(0, 50)));
	}
}

function previousContracts(random: Random, p: Participant): void {
	const start = dayOf(p.contractStart);
	if (start === undefined || !random.chance(0.35)) return;
	const contracts: NonNullable<Participant['previousContracts']> = [];
	let end = start - 1;
	for (let n = random.between(1, 2); n > 0; n--) {
		const begin = addMonths(end + 1, -random.pick([6, 12]));
		contracts.unshift(random.chance(0.1) ? {end: iso(end)} : {start: iso(begin), end: iso(end)});
		end = begin - 1;
	}
	p.previousContracts = contracts;
}

function exitFollowUp(random: Random, p: Participant, today: Day): void {
	const exit = dayOf(p.exitDate);
	if (exit === undefined) return;
	const validated = exit + random.between(5, 45);
	if (validated > today || random.chance(0.05)) return; // not yet presented in cellule
	p.exitValidatedOn = iso(validated);
	const age = today - validated;
	// older exits are mostly processed; the last few months' are in progress
	const done = (probability: number) => random.chance(age > 200 ? 0.95 : probability);
	if (done(0.7)) p.exitLettersSentOn = iso(Math.min(today, validated + random.between(2, 40)));
	if (p.exitType === 'Positive' && done(0.5)) p.exitProofReceivedOn = iso(Math.min(today, validated + random.between(10, 80)));
	const processed = p.exitLettersSentOn !== undefined && (p.exitType !== 'Positive' || p.exitProofReceivedOn !== undefined);
	if (processed && done(0.6)) p.exitClosedOn = iso(Math.min(today, validated + random.between(20, 95)));
}

export interface Version2Options {
	/**
	 * Earlier CERs. Off in the benchmark's stores for now: the byte scan of `report`
	 * hands a participant with previousContracts to JSON.parse (storeScan.ts), and
	 * the report budget would measure that fallback (+25 % CPU at 10,000) rather
	 * than the scan. The tests turn it on.
	 */
	readonly previousContracts?: boolean;
}

/** Adds the version-2 fields to `participants` (in place), the same for the same seed. */
export function addVersion2Fields(participants: Participant[], today: Day, seed: number, options: Version2Options = {}): void {
	const random = new Random(seed ^ 0x2f2f_2f2f);
	for (const p of participants) {
		orientation(random, p, today);
		// drawn either way, so that the other fields do not depend on the option
		const earlier = {...p};
		previousContracts(random, earlier);
		if (options.previousContracts === true && earlier.previousContracts !== undefined) p.previousContracts = earlier.previousContracts;
		if (p.standbySince !== undefined) p.standbyReason = random.pick(STANDBY_REASONS);
		exitFollowUp(random, p, today);
	}
}
