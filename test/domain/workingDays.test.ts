import {describe, expect, it} from 'vitest';
import {isoFromDay, toDay, weekday} from '../../source/domain/calendar.js';
import {DEFAULT_SETTINGS, type Settings} from '../../source/domain/settings.js';
import {
	frenchPublicHolidays,
	isWorkingDay,
	preparationDueDate,
	proposedCellule,
	workingDaysBefore,
} from '../../source/domain/workingDays.js';

const ouvrables: Settings = DEFAULT_SETTINGS;
const ouvres: Settings = {...DEFAULT_SETTINGS, workingDays: 'ouvres'};

function due(meeting: string, settings: Settings = ouvrables): string {
	return isoFromDay(preparationDueDate(toDay(meeting), settings));
}

describe('preparationDueDate: five jours ouvrables before the cellule', () => {
	it('counts Saturday but not Sunday nor the meeting day (Tue 08/12/2026 → Wed 02/12/2026)', () => {
		expect(due('2026-12-08')).toBe('2026-12-02');
	});

	it('skips 8 May and Ascension (Tue 11/05/2027 → Mon 03/05/2027)', () => {
		expect(due('2027-05-11')).toBe('2027-05-03');
	});

	it('skips Armistice, 11 November (Tue 17/11/2026 → Tue 10/11/2026)', () => {
		// Mon 16, Sat 14, Fri 13, Thu 12, (Wed 11 holiday), Tue 10
		expect(due('2026-11-17')).toBe('2026-11-10');
	});

	it('skips Toussaint, 1 November (Thu 04/11/2027 → Thu 28/10/2027)', () => {
		// Wed 3, Tue 2, (Mon 1 holiday), (Sun), Sat 30, Fri 29, Thu 28
		expect(due('2027-11-04')).toBe('2027-10-28');
	});

	it('skips 11 November when it falls in the week (Fri 12/11/2027 → Fri 05/11/2027)', () => {
		expect(due('2027-11-12')).toBe('2027-11-05');
	});

	it('skips Easter Monday (Tue 30/03/2027 → Tue 23/03/2027)', () => {
		expect(due('2027-03-30')).toBe('2027-03-23');
	});
});

describe("the 'ouvres' setting: Monday to Friday", () => {
	it('no longer counts Saturday (Tue 08/12/2026 → Tue 01/12/2026)', () => {
		expect(due('2026-12-08', ouvres)).toBe('2026-12-01');
	});

	it('still skips public holidays (Tue 30/03/2027 → Mon 22/03/2027)', () => {
		expect(due('2027-03-30', ouvres)).toBe('2027-03-22');
	});

	it('gives the same day when no Saturday lies in between (Tue 11/05/2027 → Mon 03/05/2027)', () => {
		expect(due('2027-05-11', ouvres)).toBe('2027-05-03');
	});
});

describe('working days', () => {
	it('uses a different count when the PLIE sets one', () => {
		expect(due('2026-12-08', {...DEFAULT_SETTINGS, preparationWorkingDays: 1})).toBe('2026-12-07');
		expect(due('2026-12-08', {...DEFAULT_SETTINGS, preparationWorkingDays: 0})).toBe('2026-12-08');
		expect(isoFromDay(workingDaysBefore(toDay('2026-12-08'), 2, 'ouvrables'))).toBe('2026-12-05');
	});

	it('reads only the public holidays of France, as calendar dates', () => {
		const days = [...frenchPublicHolidays(2027)].map(isoFromDay).sort();
		expect(days).toEqual([
			'2027-01-01',
			'2027-03-29',
			'2027-05-01',
			'2027-05-06',
			'2027-05-08',
			'2027-05-17',
			'2027-07-14',
			'2027-08-15',
			'2027-11-01',
			'2027-11-11',
			'2027-12-25',
		]);
	});

	it('Pentecost Sunday and Mothers’ Day (observances) are not what makes a day non-working', () => {
		// Saturday 29/05/2027 is ouvrable; Monday 17/05/2027 (Whit Monday) is not.
		expect(isWorkingDay(toDay('2027-05-29'), 'ouvrables')).toBe(true);
		expect(isWorkingDay(toDay('2027-05-17'), 'ouvrables')).toBe(false);
		expect(isWorkingDay(toDay('2027-05-29'), 'ouvres')).toBe(false);
	});
});

describe('every meeting from 2026 to 2030', () => {
	it('is due on a working day, with exactly five working days from it to the eve of the meeting', () => {
		let longest = 0;
		for (const kind of ['ouvrables', 'ouvres'] as const) {
			for (let meeting = toDay('2026-01-01'); meeting <= toDay('2030-12-31'); meeting++) {
				const dueDay = preparationDueDate(meeting, {...DEFAULT_SETTINGS, workingDays: kind});
				expect(weekday(dueDay)).not.toBe(0);
				expect(isWorkingDay(dueDay, kind)).toBe(true);
				let count = 0;
				for (let day = dueDay; day < meeting; day++) if (isWorkingDay(day, kind)) count++;
				expect(count).toBe(5);
				longest = Math.max(longest, meeting - dueDay);
			}
		}
		// five working days never stretch beyond two weeks, holidays included
		expect(longest).toBeLessThanOrEqual(14);
	});
});

describe('proposedCellule: the meeting E and export --cellule propose when none is stored ahead', () => {
	it('is a working day two weeks on: never a Sunday, nor a holiday, nor a Saturday in jours ouvrés', () => {
		// Sun 22/11/2026 + 14 = Sun 06/12 → Mon 07/12
		expect(isoFromDay(proposedCellule(toDay('2026-11-22'), ouvrables))).toBe('2026-12-07');
		// Fri 11/12/2026 + 14 = Fri 25/12 (Noël) → Sat 26/12 in jours ouvrables, Mon 28/12 in jours ouvrés
		expect(isoFromDay(proposedCellule(toDay('2026-12-11'), ouvrables))).toBe('2026-12-26');
		expect(isoFromDay(proposedCellule(toDay('2026-12-11'), ouvres))).toBe('2026-12-28');
		// a working day is kept: Tue 24/11 + 14 = Tue 08/12
		expect(isoFromDay(proposedCellule(toDay('2026-11-24'), ouvrables))).toBe('2026-12-08');
	});
});
