import {describe, expect, it} from 'vitest';
import {headerFooterText, literalCell} from '../../source/io/safeCell.js';

describe('literalCell', () => {
	it('keeps text that looks like a formula as text', () => {
		for (const text of ['=SOMME(A1)', '+33 6 12 34 56 78', '-2+3', '@cmd', '=HYPERLINK("http://exemple.invalid","x")']) {
			expect(literalCell(text)).toBe(text);
		}
	});

	it('passes numbers, booleans, dates and nothing through', () => {
		const day = new Date(Date.UTC(2026, 11, 8));
		expect(literalCell(12)).toBe(12);
		expect(literalCell(false)).toBe(false);
		expect(literalCell(day)).toBe(day);
		expect(literalCell(undefined)).toBeNull();
		expect(literalCell(null)).toBeNull();
	});

	it('refuses what exceljs would write as a formula, a link or JSON', () => {
		expect(() => literalCell({formula: 'A1'})).toThrow(TypeError);
		expect(() => literalCell({text: 'x', hyperlink: 'http://exemple.invalid'})).toThrow(TypeError);
		expect(() => literalCell(['a'])).toThrow(TypeError);
		expect(() => literalCell(Number.NaN)).toThrow(TypeError);
		expect(() => literalCell(new Date(Number.NaN))).toThrow(TypeError);
	});
});

describe('headerFooterText', () => {
	it('doubles & so that a name never becomes a page-header code, and stays short', () => {
		expect(headerFooterText('DUPONT & Fils &P')).toBe('DUPONT && Fils &&P');
		expect(headerFooterText('x'.repeat(300)).length).toBeLessThanOrEqual(80);
	});
});

describe('characters XML refuses', () => {
	it('are dropped from a text, tabs and line breaks kept, so that the file never needs repair', () => {
		expect(literalCell('A\u0007B\u0001C\uFFFE\uFFFFD\tE\nF\rG')).toBe('ABCD\tE\nF\rG');
		expect(headerFooterText('MARTEL\u0000 Inès\u001f & co')).toBe('MARTEL Inès && co');
	});
});
