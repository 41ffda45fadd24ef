// What the terminal sends, cut into keys: every sequence the keymap uses, chunks
// cut in the middle of a sequence, a lone Échap, Alt combinations, pastes.
import fc from 'fast-check';
import {describe, expect, it} from 'vitest';
import {char, createKeySplitter, type KeyPress, named, PASTE_END, PASTE_START, splitKeys, typedText} from '../../source/ui/keys/splitKeys.js';

const ESC = '\u001B';
const all = (input: string) => splitKeys(input, true).keys;

describe('splitKeys', () => {
	it('cuts plain characters into one key each, accents and emoji whole', () => {
		expect(all('jjjj')).toEqual([char('j'), char('j'), char('j'), char('j')]);
		expect(all('éÀ😀')).toEqual([char('é'), char('À'), char('😀')]);
	});

	it('reads Entrée (\\r, \\n, \\r\\n once), Tab, Retour arrière (0x7f and 0x08), Ctrl-C and Ctrl-U', () => {
		expect(all('\r')).toEqual([named('enter')]);
		expect(all('\n')).toEqual([named('enter')]);
		expect(all('a\r\nb')).toEqual([char('a'), named('enter'), char('b')]);
		expect(all('\r\r')).toEqual([named('enter'), named('enter')]);
		expect(all('\t')).toEqual([named('tab')]);
		expect(all('\u007F\u007F')).toEqual([named('backspace'), named('backspace')]);
		expect(all('\b')).toEqual([named('backspace')]);
		expect(all('\u0003')).toEqual([char('c', {ctrl: true})]);
		expect(all('\u0015')).toEqual([char('u', {ctrl: true})]);
	});

	it('reads the arrows, PgUp/PgDn, Début/Fin, Suppr and Maj-Tab in their usual spellings', () => {
		const cases: Array<[string, KeyPress]> = [
			[`${ESC}[A`, named('up')],
			[`${ESC}[B`, named('down')],
			[`${ESC}[C`, named('right')],
			[`${ESC}[D`, named('left')],
			[`${ESC}OA`, named('up')],
			[`${ESC}OB`, named('down')],
			[`${ESC}[5~`, named('pageUp')],
			[`${ESC}[6~`, named('pageDown')],
			[`${ESC}[H`, named('home')],
			[`${ESC}[F`, named('end')],
			[`${ESC}OH`, named('home')],
			[`${ESC}OF`, named('end')],
			[`${ESC}[1~`, named('home')],
			[`${ESC}[4~`, named('end')],
			[`${ESC}[7~`, named('home')],
			[`${ESC}[8~`, named('end')],
			[`${ESC}[2~`, named('insert')],
			[`${ESC}[3~`, named('delete')],
			[`${ESC}[Z`, named('tab', {shift: true})],
			[`${ESC}[1;2A`, named('up', {shift: true})],
			[`${ESC}[1;5C`, named('right', {ctrl: true})],
			[`${ESC}[1;3B`, named('down', {meta: true})],
			[`${ESC}[5;5~`, named('pageUp', {ctrl: true})],
		];
		for (const [input, key] of cases) expect(all(input), JSON.stringify(input)).toEqual([key]);
	});

	it('reads c Tab Tab ↓ Entrée sent together as those five keys', () => {
		expect(all(`c\t\t${ESC}[B\r`)).toEqual([char('c'), named('tab'), named('tab'), named('down'), named('enter')]);
	});

	it('tells Échap alone from an Alt combination, and Échap Échap from one Échap', () => {
		expect(all(ESC)).toEqual([named('escape')]);
		expect(all(`${ESC}${ESC}`)).toEqual([named('escape'), named('escape')]);
		expect(all(`${ESC}${ESC}${ESC}`)).toEqual([named('escape'), named('escape'), named('escape')]);
		expect(all(`${ESC}j`)).toEqual([char('j', {meta: true})]);
		expect(all(`${ESC}\r`)).toEqual([named('enter', {meta: true})]);
		expect(all(`${ESC}${ESC}[A`)).toEqual([named('up', {meta: true})]);
		expect(all(`${ESC}[A${ESC}`)).toEqual([named('up'), named('escape')]);
	});

	it('keeps a sequence cut at the end of a chunk for the next one; a lone ESC is decided only when flushed', () => {
		expect(splitKeys(`j${ESC}`)).toEqual({keys: [char('j')], rest: ESC});
		expect(splitKeys(`j${ESC}[`)).toEqual({keys: [char('j')], rest: `${ESC}[`});
		expect(splitKeys(`${ESC}[5`)).toEqual({keys: [], rest: `${ESC}[5`});
		expect(splitKeys(`${ESC}O`)).toEqual({keys: [], rest: `${ESC}O`});
		// nothing more came: Échap, and what followed it as typed
		expect(all(`${ESC}[`)).toEqual([char('[', {meta: true})]);
		expect(all(`${ESC}[1;`)).toEqual([char('[', {meta: true}), char('1'), char(';')]);
	});

	it('names a sequence it does not know, without losing the keys around it', () => {
		expect(all(`a${ESC}[15~b`)).toEqual([char('a'), {type: 'unknown', sequence: `${ESC}[15~`}, char('b')]);
		expect(all(`${ESC}OP`)).toEqual([{type: 'unknown', sequence: `${ESC}OP`}]);
	});
});

describe('createKeySplitter', () => {
	const feed = (chunks: string[]) => {
		const splitter = createKeySplitter();
		const keys = chunks.flatMap(chunk => splitter.push(chunk));
		return {keys: [...keys, ...splitter.flush()], splitter};
	};

	it('joins a sequence cut between chunks anywhere', () => {
		const input = `j${ESC}[6~k${ESC}OB${ESC}[1;5Cl`;
		const whole = all(input);
		for (let cut = 0; cut <= input.length; cut++) {
			expect(feed([input.slice(0, cut), input.slice(cut)]).keys, `cut at ${cut}`).toEqual(whole);
		}
	});

	it('waits after an ESC at the end of a chunk; flush makes it Échap', () => {
		const splitter = createKeySplitter();
		expect(splitter.push(ESC)).toEqual([]);
		expect(splitter.waiting).toBe(true);
		expect(splitter.push('[B')).toEqual([named('down')]);
		expect(splitter.waiting).toBe(false);
		expect(splitter.push(ESC)).toEqual([]);
		expect(splitter.flush()).toEqual([named('escape')]);
		expect(splitter.waiting).toBe(false);
		expect(splitter.push('j')).toEqual([char('j')]);
	});

	it('gives a bracketed paste as one paste, never as keys, even cut into pieces', () => {
		const text = 'MARTEL\tInès\r\nq?';
		const input = `a${PASTE_START}${text}${PASTE_END}b`;
		const expected = [char('a'), {type: 'paste', text}, char('b')];
		for (let cut = 0; cut <= input.length; cut++) {
			expect(feed([input.slice(0, cut), input.slice(cut)]).keys, `cut at ${cut}`).toEqual(expected);
		}
		// a paste under way is not flushed as keys by the Échap timer
		const splitter = createKeySplitter();
		splitter.push(`${PASTE_START}abc${ESC}`);
		expect(splitter.waiting).toBe(false);
		expect(splitter.flush()).toEqual([]);
		expect(splitter.push(`[201~`)).toEqual([{type: 'paste', text: 'abc'}]);
	});

	it('loses no key and invents none, however the input is cut (random keys, random cuts)', () => {
		const pieces = ['a', 'é', '\r', '\t', '\u007F', `${ESC}[A`, `${ESC}[6~`, `${ESC}OH`, `${ESC}[Z`, `${ESC}[3~`, '\u0003'];
		fc.assert(
			fc.property(fc.array(fc.constantFrom(...pieces), {maxLength: 30}), fc.array(fc.nat(), {maxLength: 5}), (keys, cuts) => {
				const input = keys.join('');
				const points = [...new Set(cuts.map(c => c % (input.length + 1)))].sort((a, b) => a - b);
				const bounds = [0, ...points, input.length];
				const chunks = bounds.slice(1).map((end, i) => input.slice(bounds[i], end));
				expect(chunks.join('')).toBe(input);
				const got = feed(chunks).keys;
				expect(got).toEqual(keys.map(piece => all(piece)[0]));
			}),
		);
	});
});

describe('typedText', () => {
	it('makes pasted text one line without control characters', () => {
		expect(typedText('MARTEL\tInès\r\nq\u0007\u001B[31m')).toBe('MARTEL Inès q[31m');
	});
});
