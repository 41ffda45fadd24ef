// The built CLI in a real terminal (tmux, 80×24): open a queue, a participant, quit with q.
import {existsSync, mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tmuxDriver} from '../helpers/tmux.js';
import {CLI, ROOT, runCli} from '../helpers/cli.js';

const SOCKET = `plie-e2e-${process.pid}`;
let dir: string;

const driver = tmuxDriver(SOCKET);
const {tmux, screenWith, fileWith, kill} = driver;
function start(session: string, command: string, env: Record<string, string> = {}) {
	driver.start(session, command, {cwd: ROOT, env});
}

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-e2e-'));
	const demo = runCli(['demo', '--data', path.join(dir, 'demo.json'), '--today', '2026-11-22']);
	expect(demo.code).toBe(0);
});

afterAll(() => {
	kill();
	rmSync(dir, {recursive: true, force: true});
});

describe('dashboard in tmux at 80×24', () => {
	it('opens a queue, a participant, and quits with q, exit code 0', async () => {
		const exitFile = path.join(dir, 'exit-ok');
		const store = path.join(dir, 'demo.json');
		start('ok', `node '${CLI}' --data '${store}' --today 2026-11-22; echo EXIT=$? > '${exitFile}'; sleep 5`, {NO_COLOR: '1'});
		let screen = await screenWith('ok', 'q quitter');
		expect(screen).toContain('Parcours à rectifier');
		expect(screen.split('\n').filter(line => line !== '').length).toBeLessThanOrEqual(23);
		// down to "Étapes 'Prévue' → 'En cours'" (10th indicator), open its queue
		for (let i = 0; i < 10; i++) tmux('send-keys', '-t', 'ok', 'Down');
		await screenWith('ok', "Étapes 'Prévue' → 'En cours' : ");
		tmux('send-keys', '-t', 'ok', 'Enter');
		screen = await screenWith('ok', "Étapes 'Prévue' → 'En cours' — 1/");
		expect(screen).toContain('Bénéficiaire');
		tmux('send-keys', '-t', 'ok', 'Enter');
		screen = await screenWith('ok', 'Dans les indicateurs');
		expect(screen).toContain("commencée : passer à 'En cours'");
		tmux('send-keys', '-t', 'ok', 'q');
		expect(await fileWith(exitFile)).toBe('EXIT=0\n');
	});

	it('quits with Ctrl-C even while typing a filter, where q is just a letter', async () => {
		const exitFile = path.join(dir, 'exit-ctrl-c');
		const store = path.join(dir, 'demo.json');
		start('ctrlc', `node '${CLI}' --data '${store}' --today 2026-11-22 --queue caseload.active; echo EXIT=$? > '${exitFile}'; sleep 5`);
		await screenWith('ctrlc', 'File active en parcours — 1/');
		tmux('send-keys', '-t', 'ctrlc', '/');
		await screenWith('ctrlc', 'Filtre : ');
		tmux('send-keys', '-t', 'ctrlc', 'q');
		await screenWith('ctrlc', 'Filtre : q');
		expect(existsSync(exitFile)).toBe(false);
		tmux('send-keys', '-t', 'ctrlc', 'C-c');
		expect(await fileWith(exitFile)).toMatch(/^EXIT=\d+\n$/);
	});

	it('gives the report message, not a stack trace, for a store that cannot be opened', async () => {
		const exitFile = path.join(dir, 'exit-bad');
		const bad = path.join(dir, 'bad.json');
		writeFileSync(bad, '{ pas du json', {mode: 0o600});
		start('bad', `node '${CLI}' --data '${bad}'; echo EXIT=$? > '${exitFile}'; sleep 5`);
		expect(await fileWith(exitFile)).toBe('EXIT=1\n');
		// -J joins the lines the terminal wrapped
		const screen = tmux('capture-pane', '-p', '-J', '-t', 'bad');
		const report = runCli(['report', '--data', bad]);
		expect(report.code).toBe(1);
		expect(screen).toContain(report.stderr.trim());
		expect(screen).not.toContain('    at ');
	});
	it('takes keys typed while a large store is still being read, in order, without printing them', async () => {
		const big = path.join(dir, 'big.json');
		const {generateCaseload, storeText} = await import('../../source/bench/caseload.js');
		const {toDay} = await import('../../source/domain/calendar.js');
		writeFileSync(big, storeText(generateCaseload(4000, toDay('2026-11-22'))));
		start('early', `node '${CLI}' --data '${big}' --today 2026-11-22; sleep 5`, {NO_COLOR: '1'});
		// as soon as the program runs (before any frame): two rows down, then Entrée
		await new Promise(resolve => setTimeout(resolve, 150));
		tmux('send-keys', '-t', 'early', 'j', 'j', 'Enter');
		const screen = await screenWith('early', 'Dont en veille — 1/');
		expect(screen).not.toMatch(/^jj/m);
		tmux('send-keys', '-t', 'early', 'q');
	});
});
