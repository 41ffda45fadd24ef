import {describe, expect, it} from 'vitest';
import {isoFromDay, toDay} from '../../source/domain/calendar.js';
import {parseBoolean, parseDate, parseText, plainFromCell} from '../../source/io/cells.js';

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

	it('reads a JS Date from exceljs by its UTC day', () => {
		const plain = plainFromCell(new Date(Date.UTC(2026, 1, 3)));
		expect(iso(parseDate(plain))).toBe('2026-02-03');
		expect(plain).toEqual({day: toDay('2026-02-03')});
	});
});

describe('cells as users have them', () => {
	it('reads rich text, hyperlinks and formulas as their text or cached result, trimmed', () => {
		expect(plainFromCell({richText: [{text: ' DUPONT '}, {text: 'Léa  '}]})).toBe('DUPONT Léa');
		expect(plainFromCell({text: 'Lien', hyperlink: 'https://example.org'})).toBe('Lien');
		expect(plainFromCell({formula: 'A1&B1', result: 'Rouen'})).toBe('Rouen');
		expect(plainFromCell({sharedFormula: 'A1', result: 46056})).toBe(46056);
		expect(plainFromCell('   ')).toBeUndefined();
		expect(plainFromCell({error: '#N/A'})).toBeUndefined();
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
