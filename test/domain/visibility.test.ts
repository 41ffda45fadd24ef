import {describe, expect, it} from 'vitest';
import {referentsShown} from '../../source/domain/visibility.js';

describe('whom a title names', () => {
	it('the référent·e chosen, else those seen in French order, else nobody (the caller says « Tous »)', () => {
		expect(referentsShown('MARTEL Inès', ['PETIT Jules'])).toBe('MARTEL Inès');
		expect(referentsShown(undefined, ['PETIT Jules', 'élise DURAND', 'MARTEL Inès'])).toBe('élise DURAND, MARTEL Inès, PETIT Jules');
		expect(referentsShown(undefined, undefined)).toBeUndefined();
		expect(referentsShown(undefined, [])).toBeUndefined();
	});
});
