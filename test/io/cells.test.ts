import {describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import {dayOfDateCell, displayPlain, parseBoolean, parseDate, parseText, plainText} from '../../source/io/cells.js';

const iso = (result: ReturnType<typeof parseDate>) => (result.ok && result.value !== undefined ? isoFromDay(result.value) : result);

describe('date cells and date text', () => {
	it('reads dd/mm/yyyy, d/m/yyyy and yyyy-mm-dd as the same calendar date', () => {
		expect(iso(parseDate('03/02/2026'))).toBe('2026-02-03');
		expect(iso(parseDate('3/2/2026'))).toBe('2026-02-03');
		expect(iso(parseDate('2026-02-03'))).toBe('2026-02-03');
	});

	it('ignores a time of day written after the date', () => {
		expect(iso(parseDate('03/02/2026 00:00'))).toBe('2026-02-03');
		expect(iso(parseDate('03/02/2026 14:30:00'))).toBe('2026-02-03');
		expect(iso(parseDate('2026-02-03T00:00:00'))).toBe('2026-02-03');
	});

	it('refuses impossible dates and two-digit years, saying which', () => {
		expect(parseDate('31/02/2026')).toEqual({ok: false, problem: 'date impossible'});
		const twoDigits = parseDate('03/02/26');
		expect(twoDigits.ok).toBe(false);
		expect(!twoDigits.ok && twoDigits.problem).toMatch(/deux chiffres/);
		expect(parseDate('2026-13-01').ok).toBe(false);
		expect(parseDate('demain').ok).toBe(false);
	});

	it('reads an Excel serial (date cell read without its style) as the day Excel shows, time of day ignored', () => {
		// 46056 is 2026-02-03 in Excel's 1900 date system
		expect(iso(parseDate(46056))).toBe('2026-02-03');
		expect(iso(parseDate(46056.99))).toBe('2026-02-03');
		expect(iso(parseDate(46056, true))).toBe('2030-02-04');
	});

	it('reads a date cell by the day Excel shows; a date-formatted number that is no plausible date stays a number', () => {
		const day = dayOfDateCell(46056.75);
		expect(day).toBe(toDay('2026-02-03'));
		expect(iso(parseDate({day: day!}))).toBe('2026-02-03');
		expect(dayOfDateCell(46056, true)).toBe(toDay('2030-02-04'));
		expect(dayOfDateCell(99_999_999)).toBeUndefined();
	});
});

describe('cells as users have them', () => {
	it('trims text; a blank cell is no value', () => {
		expect(plainText('  DUPONT Léa ')).toBe('DUPONT Léa');
		expect(plainText('   ')).toBeUndefined();
	});

	it('never reads an error cell as a blank', () => {
		const error = {error: '#N/A'};
		expect(parseDate(error).ok).toBe(false);
		expect(parseBoolean(error).ok).toBe(false);
		expect(parseText(error)).toBe('#N/A');
		expect(displayPlain(error)).toBe('#N/A');
	});

	it('reads Oui/Non in any case and refuses other words', () => {
		expect(parseBoolean('OUI')).toEqual({ok: true, value: true});
		expect(parseBoolean('non')).toEqual({ok: true, value: false});
		expect(parseBoolean(true)).toEqual({ok: true, value: true});
		expect(parseBoolean('peut-être').ok).toBe(false);
	});

	it('keeps numbers typed in text columns as their digits', () => {
		expect(parseText(1234567)).toBe('1234567');
	});
});
