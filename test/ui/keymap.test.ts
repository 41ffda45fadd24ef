import type {Key} from 'ink';
import {describe, expect, it} from 'vitest';
import {helpLines} from '../../source/ui/HelpOverlay.js';
import {footerText} from '../../source/ui/Footer.js';
import {commandFor, KEYMAP, EDIT_KEYS} from '../../source/ui/keymap.js';

const noKey: Key = {
	upArrow: false, downArrow: false, leftArrow: false, rightArrow: false, pageDown: false, pageUp: false, home: false, end: false,
	return: false, escape: false, ctrl: false, shift: false, tab: false, backspace: false, delete: false, meta: false, super: false,
	hyper: false, capsLock: false, numLock: false,
} as Key;

describe('keymap', () => {
	it('maps the documented keys to commands', () => {
		expect(commandFor('', {...noKey, downArrow: true}, 'queue')).toBe('down');
		expect(commandFor('j', noKey, 'queue')).toBe('down');
		expect(commandFor('k', noKey, 'dashboard')).toBe('up');
		expect(commandFor('', {...noKey, pageDown: true}, 'queue')).toBe('pageDown');
		expect(commandFor('g', noKey, 'queue')).toBe('first');
		expect(commandFor('G', noKey, 'queue')).toBe('last');
		expect(commandFor('', {...noKey, return: true}, 'dashboard')).toBe('open');
		expect(commandFor('', {...noKey, escape: true}, 'participant')).toBe('back');
		expect(commandFor('q', noKey, 'participant')).toBe('quit');
		expect(commandFor('/', noKey, 'queue')).toBe('filter');
		expect(commandFor('r', noKey, 'queue')).toBe('referent');
		expect(commandFor('*', noKey, 'participant')).toBe('discretion');
		expect(commandFor('?', noKey, 'participant')).toBe('help');
	});

	it('binds n / p only in the participant view', () => {
		expect(commandFor('n', noKey, 'participant')).toBe('next');
		expect(commandFor('p', noKey, 'participant')).toBe('previous');
		expect(commandFor('n', noKey, 'queue')).toBeUndefined();
	});

	it('binds each key once per view, every edit key in the participant view', () => {
		for (const view of ['dashboard', 'queue', 'participant'] as const) {
			const seen = new Set<string>();
			for (const binding of KEYMAP) {
				if (binding.views && !binding.views.includes(view)) continue;
				for (const stroke of binding.strokes) {
					const id = 'char' in stroke ? stroke.char : stroke.key;
					expect(seen.has(id), `${id} bound twice in ${view}`).toBe(false);
					seen.add(id);
				}
			}
			if (view === 'participant') for (const key of EDIT_KEYS) expect(seen.has(key), key).toBe(true);
		}
	});

	it('generates the help from the table: one line per binding, with its keys and French label', () => {
		const lines = helpLines();
		expect(lines).toHaveLength(KEYMAP.length);
		for (const [i, binding] of KEYMAP.entries()) {
			expect(lines[i]).toContain(binding.keys);
			expect(lines[i]).toContain(binding.label);
		}
	});

	it('shows 4 to 6 keys in each footer, quit and help always among them', () => {
		for (const view of ['dashboard', 'queue', 'participant'] as const) {
			const hints = footerText(view).split('  ');
			expect(hints.length).toBeGreaterThanOrEqual(4);
			expect(hints.length).toBeLessThanOrEqual(6);
			expect(hints).toContain('q quitter');
			expect(hints).toContain('? aide');
			expect(footerText(view).length).toBeLessThanOrEqual(80);
		}
	});
});
