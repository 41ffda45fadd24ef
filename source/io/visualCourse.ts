// The Visual Course extraction has no identifier: derive one from what identifies
// a person there (name and birth date), identical on every re-import.
import {createHash} from 'node:crypto';
import {type Day, isoFromDay} from '../domain/calendar.js';
import {foldText} from '../domain/text.js';
import type {StepState} from '../domain/vocabulary.js';

/**
 * `VC-` + 10 hex digits of SHA-1(folded name without punctuation | ISO birth date).
 * Case, accents, spaces and hyphens do not change it (`DUPONT Marie-Claire` = `dupont marie claire`).
 */
export function visualCourseId(name: string, birthDate: Day | undefined): string {
	const folded = foldText(name).replace(/[^a-z0-9]/g, '');
	const birth = birthDate === undefined ? '' : isoFromDay(birthDate);
	return 'VC-' + createHash('sha1').update(`${folded}|${birth}`).digest('hex').slice(0, 10).toUpperCase();
}

/**
 * A step given only by its dates (the Visual Course "dernière étape", or an exchange
 * row with a blank state): ended on or before the import day → Terminée; starting
 * after it → Prévue; otherwise En cours.
 */
export function stateFromDates(start: Day, end: Day | undefined, today: Day): StepState {
	if (end !== undefined && end <= today) return 'Terminée';
	if (start > today) return 'Prévue';
	return 'En cours';
}
