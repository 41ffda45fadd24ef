// The periods the « Bilan » screen offers: three presets computed from today, or
// two dates typed. « En cours » stops at today: the tables read statuses on D2
// (file active, parcours inactifs, personnes suivies en fin de mois), and a D2
// still to come would count plans as if they had happened.
import {type Day, dayFromParts, frenchDate, partsOfDay} from '../../domain/calendar.js';
import {type BilanPeriod, yearPeriod} from '../../domain/bilan/index.js';

export type BilanPreset = 'semester' | 'year' | 'previous-year';

export type PeriodChoice = {readonly kind: 'preset'; readonly preset: BilanPreset} | ({readonly kind: 'dates'} & BilanPeriod);

/** The presets in the order the screen lists them, with their French names. */
export const PRESETS: ReadonlyArray<{readonly preset: BilanPreset; readonly label: string}> = [
	{preset: 'semester', label: 'Semestre en cours'},
	{preset: 'year', label: 'Année en cours'},
	{preset: 'previous-year', label: 'Année précédente'},
];

export const DATES_LABEL = 'Dates choisies';

export const DEFAULT_CHOICE: PeriodChoice = {kind: 'preset', preset: 'semester'};

/**
 * [D1, D2] of a choice on `today`: the semester (1 January → 30 June, or 1 July →
 * 31 December) and the year that hold today, up to today; the whole previous year.
 */
export function periodOf(choice: PeriodChoice, today: Day): BilanPeriod {
	if (choice.kind === 'dates') return {from: choice.from, to: choice.to};
	const {year, month} = partsOfDay(today);
	switch (choice.preset) {
		case 'semester':
			return {from: dayFromParts(year, month <= 6 ? 1 : 7, 1)!, to: today};
		case 'year':
			return {from: dayFromParts(year, 1, 1)!, to: today};
		case 'previous-year':
			return yearPeriod(year - 1);
	}
}

/** The choice's name: « Semestre en cours », « Dates choisies »… */
export function choiceLabel(choice: PeriodChoice): string {
	return choice.kind === 'dates' ? DATES_LABEL : PRESETS.find(p => p.preset === choice.preset)!.label;
}

/** « du 01/07/2026 au 22/11/2026 » */
export function periodText(period: BilanPeriod): string {
	return `du ${frenchDate(period.from)} au ${frenchDate(period.to)}`;
}
