// The periods a bilan is asked for: a semester (1 January → 30 June, as the seed's
// « bilan semestriel ») or a calendar year (« bilan annuel »).
import {dayFromParts} from '../calendar.js';
import type {BilanPeriod} from './types.js';

export function semesterPeriod(year: number): BilanPeriod {
	return {from: dayFromParts(year, 1, 1)!, to: dayFromParts(year, 6, 30)!};
}

export function yearPeriod(year: number): BilanPeriod {
	return {from: dayFromParts(year, 1, 1)!, to: dayFromParts(year, 12, 31)!};
}
