import {describe, expect, expectTypeOf, it} from 'vitest';
import {footerText} from '../../source/ui/Footer.js';
import {helpLines} from '../../source/ui/HelpOverlay.js';
import {type Binding, bindingFor, type CommandIn, type EditCommand, KEYMAP, keysText, type Scope, SCOPES} from '../../source/ui/keymap.js';
import {char, type KeyPress, named} from '../../source/ui/keys/splitKeys.js';

const SCOPE_NAMES = Object.keys(SCOPES) as Scope[];
const commandAt = (key: KeyPress, ...scopes: Scope[]) => bindingFor(key, scopes)?.command;

describe('keymap', () => {
	it('maps the documented keys to commands, per scope', () => {
		expect(commandAt(named('down'), 'queue')).toBe('down');
		expect(commandAt(char('j'), 'queue')).toBe('down');
		expect(commandAt(char('k'), 'dashboard')).toBe('up');
		expect(commandAt(named('pageDown'), 'queue')).toBe('pageDown');
		expect(commandAt(char('g'), 'queue')).toBe('first');
		expect(commandAt(char('G'), 'queue')).toBe('last');
		expect(commandAt(named('enter'), 'dashboard')).toBe('open');
		expect(commandAt(named('escape'), 'participant')).toBe('back');
		expect(commandAt(char('q'), 'participant')).toBe('quit');
		expect(commandAt(char('c', {ctrl: true}), 'global')).toBe('quit');
		expect(commandAt(char('/'), 'queue')).toBe('filter');
		expect(commandAt(char('?'), 'participant')).toBe('help');
		expect(commandAt(named('escape'), 'help')).toBe('help');
		// letters are typed where text is typed
		expect(commandAt(char('q'), 'filter')).toBe('filter-type');
		expect(commandAt(char('j'), 'picker')).toBe('picker-type');
		expect(commandAt({type: 'paste', text: 'MARTEL'}, 'filter')).toBe('filter-type');
		expect(commandAt(named('backspace'), 'filter')).toBe('filter-erase');
	});

	it('lets a field kind take a key before the form does: + is a day on a date, a + in a text', () => {
		expect(commandAt(char('+'), 'form-date', 'form')).toBe('form-later');
		expect(commandAt(char('+'), 'form-text', 'form')).toBe('form-type');
		expect(commandAt(named('down'), 'form-choice', 'form')).toBe('form-option-next');
		expect(commandAt(named('down'), 'form-text', 'form')).toBe('form-next');
		expect(commandAt(named('tab', {shift: true}), 'form-text', 'form')).toBe('form-previous');
		expect(commandAt(named('tab'), 'form-text', 'form')).toBe('form-next');
		expect(commandAt(char('u', {ctrl: true}), 'form-date', 'form')).toBe('form-clear');
	});

	it('takes no Alt combination and no Ctrl-letter as a typed letter', () => {
		expect(commandAt(char('j', {meta: true}), 'dashboard')).toBeUndefined();
		expect(commandAt(char('j', {meta: true}), 'filter')).toBeUndefined();
		expect(commandAt(char('a', {ctrl: true}), 'form-text', 'form')).toBeUndefined();
	});

	it('binds n / p only in the participant view', () => {
		expect(commandAt(char('n'), 'participant')).toBe('next');
		expect(commandAt(char('p'), 'participant')).toBe('previous');
		expect(commandAt(char('n'), 'queue')).toBeUndefined();
	});

	it('binds each key once per scope, and every edit key in the participant view', () => {
		for (const scope of SCOPE_NAMES) {
			const seen = new Set<string>();
			for (const binding of KEYMAP as readonly Binding[]) {
				if (!binding.scopes.includes(scope)) continue;
				for (const stroke of binding.strokes) {
					const id = JSON.stringify(stroke);
					expect(seen.has(id), `${id} bound twice in ${scope}`).toBe(false);
					seen.add(id);
				}
			}
		}
		// the « Bilan » screen's E writes that screen's workbook: it acts on no person
		const edits = (KEYMAP as readonly Binding[]).filter(binding => binding.edit && binding.command !== 'bilan-export');
		expect(edits.length).toBeGreaterThanOrEqual(14);
		for (const binding of edits) expect(binding.scopes, binding.command).toContain('participant');
	});

	it('generates the help from the table: the current scope first, then every other binding once, with keys and label', () => {
		for (const current of ['dashboard', 'queue', 'participant'] as const) {
			const lines = helpLines(KEYMAP, current);
			expect(lines[0]).toBe(`${SCOPES[current]} (cet écran)`);
			const here = (KEYMAP as readonly Binding[]).filter(binding => binding.scopes.includes(current));
			for (const [i, binding] of here.entries()) {
				expect(lines[i + 1]).toContain(keysText(binding));
				expect(lines[i + 1]).toContain(binding.label);
			}
			const bindingLines = lines.filter(line => line.startsWith('  ') && !line.includes('alerte à traiter'));
			expect(bindingLines).toHaveLength(KEYMAP.length);
			for (const binding of KEYMAP) expect(lines.some(line => line.includes(binding.label))).toBe(true);
		}
	});

	it('shows 4 to 6 keys in each view’s footer, quit and help always among them; every other scope has its own footer', () => {
		for (const view of ['dashboard', 'queue', 'participant'] as const) {
			const hints = footerText([view]).split('  ');
			expect(hints.length).toBeGreaterThanOrEqual(4);
			expect(hints.length).toBeLessThanOrEqual(6);
			expect(hints).toContain('q quitter');
			expect(hints).toContain('? aide');
			expect(footerText([view]).length).toBeLessThanOrEqual(80);
		}
		for (const scopes of [['filter'], ['picker'], ['help'], ['form-text', 'form'], ['form-date', 'form'], ['form-choice', 'form'], ['confirm'], ['notice']] as Scope[][]) {
			const text = footerText(scopes);
			expect(text, scopes.join(' ')).not.toBe('');
			expect(text.length).toBeLessThanOrEqual(80);
		}
		expect(footerText(['form-date', 'form'])).toBe('Entrée valider  Échap annuler  Tab champ suivant  +/− un jour');
		expect(footerText(['help'])).toBe('↑↓ défiler  Échap fermer  q quitter');
	});

	it('derives each scope’s commands from the table, so that a handler table missing one does not compile', () => {
		expectTypeOf<CommandIn<'confirm'>>().toEqualTypeOf<'confirm-yes' | 'confirm-no'>();
		expectTypeOf<CommandIn<'notice'>>().toEqualTypeOf<'notice-close'>();
		expectTypeOf<'undo'>().toExtend<EditCommand>();
		expectTypeOf<'next'>().not.toExtend<EditCommand>();
		// @ts-expect-error — 'confirm-no' has no action
		const incomplete: Record<CommandIn<'confirm'>, () => void> = {'confirm-yes': () => undefined};
		expect(Object.keys(incomplete)).toEqual(['confirm-yes']);
	});
});
