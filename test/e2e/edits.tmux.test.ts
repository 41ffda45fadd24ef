// The built CLI in a real terminal (tmux, 80×24), as the assistant works: open the
// "Étapes 'Prévue' → 'En cours'" queue, Enter, then d, n… until the end, quit,
// and `report --json` agrees; then `E` writes the cellule workbook in the folder.
import {mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {tmuxDriver} from '../helpers/tmux.js';
import {CLI, runCli} from '../helpers/cli.js';

const SOCKET = `plie-e2e-edits-${process.pid}`;
let dir: string;
let store: string;

const driver = tmuxDriver(SOCKET);
const {tmux, screenWith, fileWith, kill} = driver;
function start(session: string, command: string) {
	driver.start(session, command, {cwd: dir, env: {NO_COLOR: '1'}});
}

function toStartCount(): number {
	const report = runCli(['report', '--json', '--data', store, '--today', '2026-11-22']);
	expect(report.code).toBe(0);
	const json = JSON.parse(report.stdout) as {indicators: Array<{id: string; count: number}>};
	return json.indicators.find(i => i.id === 'steps.to-start')!.count;
}

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-e2e-edits-'));
	store = path.join(dir, 'demo.json');
	expect(runCli(['demo', '--data', store, '--today', '2026-11-22']).code).toBe(0);
});

afterAll(() => {
	kill();
	rmSync(dir, {recursive: true, force: true});
});

describe('editing in tmux at 80×24', () => {
	it('empties « Étapes Prévue → En cours » with Enter, d, n…; report agrees after q', async () => {
		const before = toStartCount();
		expect(before).toBeGreaterThan(0);
		const exitFile = path.join(dir, 'exit-flow');
		start('flow', `node '${CLI}' --data '${store}' --today 2026-11-22; echo EXIT=$? > '${exitFile}'; sleep 5`);
		await screenWith('flow', 'q quitter');
		for (let i = 0; i < 10; i++) tmux('send-keys', '-t', 'flow', 'Down');
		await screenWith('flow', "Étapes 'Prévue' → 'En cours' : ");
		tmux('send-keys', '-t', 'flow', 'Enter');
		await screenWith('flow', `Étapes 'Prévue' → 'En cours' — 1/${before}`);
		tmux('send-keys', '-t', 'flow', 'Enter');
		await screenWith('flow', 'Fiche 1/');
		let people = 0;
		for (; people <= before; people++) {
			tmux('send-keys', '-t', 'flow', 'd');
			const done = await screenWith('flow', 'Prévue → En cours');
			expect(done).toMatch(/› +En cours/);
			tmux('send-keys', '-t', 'flow', 'n');
			const next = await screenWith('flow', ['Fiche ', 'La file est vide : tout est traité']);
			if (next.includes('La file est vide : tout est traité')) break;
		}
		expect(people + 1).toBe(before);
		tmux('send-keys', '-t', 'flow', 'Escape');
		await screenWith('flow', "Étapes 'Prévue' → 'En cours' — 0/0");
		tmux('send-keys', '-t', 'flow', 'q');
		expect(await fileWith(exitFile)).toBe('EXIT=0\n');
		expect(toStartCount()).toBe(0);
	});

	it('E writes the cellule workbook in the current folder', async () => {
		const exitFile = path.join(dir, 'exit-export');
		start('export', `node '${CLI}' --data '${store}' --today 2026-11-22; echo EXIT=$? > '${exitFile}'; sleep 5`);
		await screenWith('export', 'E cellule');
		tmux('send-keys', '-t', 'export', 'E');
		await screenWith('export', 'Date de la cellule');
		tmux('send-keys', '-t', 'export', 'Enter');
		const screen = await screenWith('export', 'écrite', 30_000);
		const match = /cellule-\d{4}-\d{2}-\d{2}\.xlsx/.exec(screen);
		expect(match).not.toBeNull();
		expect(statSync(path.join(dir, match![0])).mode & 0o777).toBe(0o600);
		tmux('send-keys', '-t', 'export', 'Space');
		await screenWith('export', 'Effectifs');
		tmux('send-keys', '-t', 'export', 'q');
		expect(await fileWith(exitFile)).toBe('EXIT=0\n');
	});
});
