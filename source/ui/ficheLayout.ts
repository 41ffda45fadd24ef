// How a fiche uses the lines and columns it has (pure, so the App and the screen
// agree on the page sizes the keys move by). The identity is a flow of short
// « Champ : valeur » pieces packed onto as few lines as the width needs — a piece
// is never cut while a line is free (ROME, critère, prescripteur, the exit stay
// whole at 80 columns); the rest goes to the steps, the events and the indicators,
// the events taking every line left over.
import {frenchDate} from '../domain/calendar.js';
import {type ParticipantFacts, STATUS_LABELS} from '../domain/facts.js';
import {displayName} from '../domain/text.js';
import {plural, truncate} from './format.js';

/** Headings of the three lists (steps, events, indicators). */
const HEADINGS = 3;
const SEPARATOR = ' · ';

/** The identity's pieces, in groups that each start a line when there is room for it. */
export function identityGroups(facts: ParticipantFacts, discretion: boolean): string[][] {
	const p = facts.participant;
	const who = [displayName(p, discretion), p.id, `Référent·e : ${p.referent ?? '—'}`];
	const entry =
		facts.integration !== undefined
			? `Intégration : ${frenchDate(facts.integration)}${facts.months === undefined ? '' : ` (${plural(facts.months, 'mois', 'mois')} en parcours)`}`
			: `1er RDV : ${frenchDate(facts.firstAppointment) || '—'}`;
	const parcours = [
		`Statut : ${STATUS_LABELS[facts.status]}`,
		entry,
		...(p.planState === 'Prévisionnel' ? ['Parcours prévisionnel'] : []),
		`Critère : ${p.integrationCriterion ?? '—'}`,
		`ROME : ${p.romeCode?.trim() || '—'}`,
	];
	const standby =
		facts.standbySince !== undefined
			? `Veille depuis le ${frenchDate(facts.standbySince)}${p.standbyReason ? ` (${p.standbyReason})` : ''}`
			: 'Pas en veille';
	const exit = p.exitDate
		? `Sortie : ${frenchDate(p.exitDate)}${p.exitType ? ` (${p.exitType}${p.exitReason ? ` — ${p.exitReason}` : ''})` : ''}`
		: p.nonIntegrationDate
			? `Non-intégration : ${frenchDate(p.nonIntegrationDate)}${p.nonIntegrationReason ? ` (${p.nonIntegrationReason})` : ''}`
			: 'Pas de sortie';
	const situation = [contractText(facts), standby, exit];
	const numbers = discretion
		? ['N° France Travail et CAF masqués (mode discrétion)']
		: [`France Travail : ${p.franceTravailId ?? '—'}`, `CAF : ${p.cafNumber ?? '—'}`];
	const other = [...numbers, `Prolongation : ${p.extension ? 'oui' : 'non'}`, `Prescripteur : ${p.prescriber ?? '—'}`];
	return [who, parcours, situation, other];
}

function contractText(facts: ParticipantFacts): string {
	const p = facts.participant;
	if (!p.contractStart && !p.contractEnd) return p.rsa ? 'CER : aucun (RSA)' : 'CER : —';
	const range = `CER : ${frenchDate(p.contractStart) || '?'} → ${frenchDate(p.contractEnd) || '?'}`;
	if (facts.contractEnd === undefined) return range;
	const left = facts.contractEnd - facts.today;
	return left >= 0 ? `${range} (${plural(left, 'jour restant', 'jours restants')})` : `${range} (échu depuis ${plural(-left, 'jour', 'jours')})`;
}

/** Pieces packed onto lines of `width`, joined by « · »; a piece longer than a line is cut (the only cut). */
export function packPieces(pieces: readonly string[], width: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const piece of pieces) {
		if (line === '') line = piece;
		else if (line.length + SEPARATOR.length + piece.length <= width) line += SEPARATOR + piece;
		else {
			lines.push(line);
			line = piece;
		}
	}
	if (line !== '') lines.push(line);
	return lines.map(text => truncate(text, width));
}

/**
 * The identity in at most `maxLines` lines: each group on its own lines when
 * `grouped` and that fits, else the name's line then one flow; when even that is
 * too long, the last line is cut.
 */
export function identityLines(groups: readonly (readonly string[])[], width: number, maxLines: number, grouped = true): string[] {
	if (grouped) {
		const lines = groups.flatMap(group => packPieces(group, width));
		if (lines.length <= maxLines) return lines;
	}
	// who it is keeps its own line (bold); the rest flows
	const [who = [], ...rest] = groups;
	const flowing = [...packPieces(who, width), ...packPieces(rest.flat(), width)];
	if (flowing.length <= maxLines) return flowing;
	const limit = Math.max(1, maxLines);
	const kept = flowing.slice(0, limit - 1);
	return [...kept, truncate(flowing.slice(limit - 1).join(SEPARATOR), width)];
}

export interface FicheLines {
	readonly identity: readonly string[];
	/** lines of each list (its heading apart) */
	readonly steps: number;
	readonly events: number;
	readonly indicators: number;
}

export interface FicheCounts {
	readonly steps: number;
	readonly events: number;
	readonly indicators: number;
}

/**
 * The lines of each part in a body of `height` lines. The lists keep a few lines
 * each (steps first: the edit keys act on the selected one; the indicators say
 * why the person is here); the identity takes what it needs within that — a line
 * per group when every list still shows whole, else packed tighter; every line
 * left over goes to the indicators still hidden, then to the events.
 */
export function ficheLines(groups: readonly (readonly string[])[], counts: FicheCounts, width: number, height: number): FicheLines {
	const grouped = linesWith(groups, counts, width, height, true);
	const whole = grouped.steps >= counts.steps && grouped.events >= counts.events && grouped.indicators >= counts.indicators;
	return whole ? grouped : linesWith(groups, counts, width, height, false);
}

function linesWith(groups: readonly (readonly string[])[], counts: FicheCounts, width: number, height: number, grouped: boolean): FicheLines {
	const need = {steps: Math.max(1, counts.steps), events: Math.max(1, counts.events), indicators: Math.max(1, counts.indicators)};
	const roomy = height - HEADINGS >= 16;
	// two steps before the identity's last lines: the edit keys act on a step
	const least = Math.min(need.steps, roomy ? 3 : 2) + Math.min(need.events, roomy ? 3 : 1) + Math.min(need.indicators, roomy ? 2 : 1);
	const identity = identityLines(groups, width, Math.max(1, height - HEADINGS - least), grouped);
	const room = Math.max(3, height - HEADINGS - identity.length);
	const plenty = room >= 10;
	let indicators = Math.min(need.indicators, plenty ? 3 : 1);
	let events = Math.min(need.events, plenty ? 3 : 1);
	const steps = Math.max(1, Math.min(need.steps, room - indicators - events));
	let spare = room - steps - indicators - events;
	const moreIndicators = Math.max(0, Math.min(spare, need.indicators - indicators));
	indicators += moreIndicators;
	spare -= moreIndicators;
	events += Math.max(0, Math.min(spare, need.events - events));
	return {identity, steps, events, indicators};
}
