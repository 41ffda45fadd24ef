import {describe, expect, it} from 'vitest';
import {initials, uniqueInitials} from '../../source/domain/text.js';

describe('initials', () => {
	it('keeps the hyphens of compound names', () => {
		expect(initials('DUPONT Marie-Claire')).toBe('D. M.-C.');
	});
});

describe('uniqueInitials', () => {
	it('adds the id only where two people would read alike', () => {
		const names = uniqueInitials([
			{id: 'p23', name: 'QUENTIN Rose'},
			{id: 'p30', name: 'QUILLET Raoul'},
			{id: 'p01', name: 'ARNAUD Léa'},
		]);
		expect(Object.fromEntries(names)).toEqual({p23: 'Q. R. (p23)', p30: 'Q. R. (p30)', p01: 'A. L.'});
		expect(new Set(names.values()).size).toBe(3);
	});
});
