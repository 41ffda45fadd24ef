// Keys that arrive together (a slow link, a remote desktop, a paste, tmux send-keys)
// must do exactly what the same keys typed one by one do. Each scenario runs the
// built CLI twice on its own copy of the demo store, in a private tmux server at
// 80×24: once with the keys in ONE send-keys call, once one key at a time with the
// screen left to settle in between; the final screens, stores and journals must match.
import {copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, runCli} from '../helpers/cli.js';
import {tmuxDriver} from '../helpers/tmux.js';

const SOCKET = `plie-e2e-bursts-${process.pid}`;
const TODAY = '2026-11-22';
const driver = tmuxDriver(SOCKET);
const {tmux, screenWith, quietScreen, fileWith, kill} = driver;
let root: string;
let demo: string;

beforeAll(() => {
	root = mkdtempSync(path.join(tmpdir(), 'plie-e2e-bursts-'));
	demo = path.join(root, 'demo.json');
	expect(runCli(['demo', '--data', demo, '--today', TODAY]).code).toBe(0);
});

afterAll(() => {
	kill();
	rmSync(root, {recursive: true, force: true});
});

interface Scenario {
	readonly name: string;
	readonly flags: readonly string[];
	/** keys sent before the burst, each group once the screen shows its text */
	readonly setup: ReadonlyArray<{readonly keys: readonly string[]; readonly then: string}>;
	/** tmux key names and strings, sent together or one by one */
	readonly burst: readonly string[];
}

interface Outcome {
	readonly screen: string;
	readonly store: unknown;
	/** the journal's lines without their time and transaction id */
	readonly journal: unknown[];
}

let runs = 0;

async function play(scenario: Scenario, mode: 'burst' | 'one by one'): Promise<Outcome> {
	const session = `s${++runs}`;
	const dir = mkdtempSync(path.join(root, `${session}-`));
	copyFileSync(demo, path.join(dir, 'demo.json'));
	const exitFile = path.join(dir, 'exit');
	driver.start(session, `node '${CLI}' --data demo.json --today ${TODAY} ${scenario.flags.join(' ')}; echo EXIT=$? > '${exitFile}'; sleep 5`, {
		cwd: dir,
		env: {NO_COLOR: '1'},
	});
	// the header's due date comes once the holiday calendar is loaded: a screen that changes by itself
	await screenWith(session, 'au plus tard le 02/12/2026');
	for (const step of scenario.setup) {
		tmux('send-keys', '-t', session, ...step.keys);
		await screenWith(session, step.then);
	}
	await quietScreen(session);
	if (mode === 'burst') tmux('send-keys', '-t', session, ...scenario.burst);
	else {
		for (const key of scenario.burst) {
			// a string of several letters is several keys
			for (const one of key.length > 1 && !/^[A-Z][A-Za-z]+$/.test(key) ? [...key] : [key]) {
				tmux('send-keys', '-t', session, one);
				await quietScreen(session, 400);
			}
		}
	}
	const screen = await quietScreen(session);
	// Ctrl-C quits from every screen (q would be typed into a filter); saves under way finish first
	tmux('send-keys', '-t', session, 'C-c');
	expect(await fileWith(exitFile)).toBe('EXIT=0\n');
	const journalFile = path.join(dir, 'demo.journal.jsonl');
	const journal = existsSync(journalFile)
		? readFileSync(journalFile, 'utf8')
				.split('\n')
				.filter(line => line !== '')
				.map(line => {
					// the time and the write's transaction id differ from run to run
					const {time: _time, tx: _tx, ...rest} = JSON.parse(line) as Record<string, unknown>;
					return rest;
				})
		: [];
	return {screen, store: JSON.parse(readFileSync(path.join(dir, 'demo.json'), 'utf8')), journal};
}

async function both(scenario: Scenario): Promise<{burst: Outcome; paced: Outcome}> {
	const paced = await play(scenario, 'one by one');
	const burst = await play(scenario, 'burst');
	expect(burst.screen).toBe(paced.screen);
	expect(burst.store).toEqual(paced.store);
	expect(burst.journal).toEqual(paced.journal);
	return {burst, paced};
}

const lineWith = (screen: string, text: string) => screen.split('\n').find(line => line.includes(text)) ?? '';

describe('keys sent in one burst do what the same keys typed one by one do (tmux, 80×24)', () => {
	it('jjjj moves four rows down the dashboard', async () => {
		const {paced} = await both({name: 'jjjj', flags: [], setup: [], burst: ['jjjj']});
		expect(lineWith(paced.screen, '›')).toContain('Parcours 6 à 12 mois'); // the short label: its section's long ones do not fit 80 columns
	}, 60_000);

	it('c Tab Tab ↓ Entrée: the CER form takes the Tabs, the renewal and the Entrée', async () => {
		const {paced} = await both({
			name: 'cer',
			flags: ['--queue', 'rsa.contract-lt15'],
			setup: [{keys: ['Enter'], then: 'Fiche 1/'}],
			burst: ['c', 'Tab', 'Tab', 'Down', 'Enter'],
		});
		expect(paced.journal.length).toBeGreaterThan(0);
		expect(paced.screen).toContain('Enregistré');
	}, 60_000);

	it('two Backspaces in the / filter erase two letters', async () => {
		const {paced} = await both({name: 'filter', flags: [], setup: [], burst: ['/cont', 'BSpace', 'BSpace']});
		expect(paced.screen).toContain('Filtre : co▏');
	}, 60_000);

	it('Échap Échap goes back two levels, from a fiche to the dashboard', async () => {
		const {paced} = await both({
			name: 'escape',
			flags: ['--queue', 'caseload.active'],
			setup: [{keys: ['Enter'], then: 'Fiche 1/'}],
			burst: ['Escape', 'Escape'],
		});
		expect(paced.screen).toContain('Effectifs');
	}, 60_000);

	it('ddd in « Étapes Prévue → En cours » starts both people’s steps, then says the queue is empty', async () => {
		const {paced} = await both({
			name: 'ddd',
			flags: ['--queue', 'steps.to-start'],
			setup: [],
			burst: ['ddd'],
		});
		expect(paced.journal).toHaveLength(2);
		expect(paced.screen).toContain("Étapes 'Prévue' → 'En cours' — 0/0");
	}, 60_000);
});
