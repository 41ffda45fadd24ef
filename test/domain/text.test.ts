// Text from data shown inert: every control character a terminal would obey
// (C0, DEL, C1, bidi overrides and isolates) made visible, nothing else touched.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {hasControlCharacters, inertJson, initials, uniqueInitials, visibleLines, visibleText} from '../../source/domain/text.js';

const ESC = '\u001b';
const BEL = '\u0007';

describe('visibleText', () => {
	it('shows a retitling sequence and colour codes instead of passing them on', () => {
		expect(visibleText(`DUPONT${ESC}]2;pirate${BEL} Marie`)).toBe('DUPONT␛]2;pirate␇ Marie');
		expect(visibleText(`${ESC}[31mROUGE${ESC}[0m`)).toBe('␛[31mROUGE␛[0m');
	});

	it('C0 become control pictures (one column each), DEL ␡, line breaks and tabs too', () => {
		expect(visibleText('a\nb\tc\rd\u0000e\u007f')).toBe('a␊b␉c␍d␀e␡');
		expect(visibleText('\u001f')).toBe('␟');
	});

	it('C1 and bidi overrides and isolates show their code point', () => {
		expect(visibleText('x\u009b31my')).toBe('x⟦U+009B⟧31my');
		expect(visibleText('\u202eabc\u202c')).toBe('⟦U+202E⟧abc⟦U+202C⟧');
		for (const code of [0x202a, 0x202b, 0x202d, 0x2066, 0x2067, 0x2068, 0x2069, 0x0080, 0x009f]) {
			expect(visibleText(String.fromCharCode(code))).toBe(`⟦U+${code.toString(16).toUpperCase().padStart(4, '0')}⟧`);
		}
	});

	it('leaves French text, accents, ligatures and emoji as they are', () => {
		const text = 'Œuvre « Élodie » — l’été à Évreux · 12 € ✓ 👍 ‘quote’';
		expect(visibleText(text)).toBe(text);
	});

	it('never leaves a control character, and is idempotent (fast-check)', () => {
		fc.assert(
			fc.property(fc.string({unit: 'binary', maxLength: 40}), text => {
				const shown = visibleText(text);
				expect(hasControlCharacters(shown)).toBe(false);
				expect(visibleText(shown)).toBe(shown);
			}),
			{numRuns: 300},
		);
	});
});

describe('visibleLines', () => {
	it('keeps the line breaks of a message, everything else made visible', () => {
		expect(visibleLines(`ligne 1\nnom ${ESC}]0;x${BEL}\r`)).toBe('ligne 1\nnom ␛]0;x␇␍');
	});
});

describe('inertJson', () => {
	it('escapes the controls JSON.stringify leaves raw; the JSON means the same', () => {
		const value = {id: 'ID\u009b1', name: 'a\u202eb\u007f', esc: `${ESC}]2;x`};
		const json = inertJson(JSON.stringify(value));
		expect(json).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
		expect(JSON.parse(json)).toEqual(value);
	});
});

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
