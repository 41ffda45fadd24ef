// The « Bilan » screen of the built CLI in a real terminal (tmux, 80×24, NO_COLOR):
// b from the dashboard, a preset, a row's people and back, E writes the workbook
// in the current folder.
import {existsSync, mkdtempSync, rmSync, statSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {CLI, runCli} from '../helpers/cli.js';
import {tmuxDriver} from '../helpers/tmux.js';

const SOCKET = `plie-bilan-${process.pid}`;
const driver = tmuxDriver(SOCKET);
const {tmux, screenWith, fileWith, kill} = driver;
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-bilan-'));
	expect(runCli(['demo', '--data', path.join(dir, 'demo.json'), '--today', '2026-11-22']).code).toBe(0);
});

afterAll(() => {
	kill();
	rmSync(dir, {recursive: true, force: true});
});

const lineCount = (screen: string) => screen.replace(/\n+$/, '').split('\n').length;

describe('the « Bilan » screen in tmux at 80×24', () => {
	it('opens with b, changes period, opens a row’s queue and comes back, writes the workbook with E', async () => {
		const exitFile = path.join(dir, 'exit');
		driver.start('bilan', `node '${CLI}' --data demo.json --today 2026-11-22; echo EXIT=$? > '${exitFile}'; sleep 5`, {cwd: dir, env: {NO_COLOR: '1'}});
		await screenWith('bilan', 'q quitter');
		tmux('send-keys', '-t', 'bilan', 'b');
		let screen = await screenWith('bilan', 'Semestre en cours : du 01/07/2026 au 22/11/2026');
		expect(screen).toContain('II.1 · Nombre de dossiers traités');
		expect(screen).toContain('Entrée personnes  s/a/p/d période  E classeur');
		expect(lineCount(screen)).toBeLessThanOrEqual(23);
		tmux('send-keys', '-t', 'bilan', 'a');
		await screenWith('bilan', 'Année en cours : du 01/01/2026 au 22/11/2026');
		tmux('send-keys', '-t', 'bilan', 'Enter');
		screen = await screenWith('bilan', 'Nombre d’intégrations (bilan II.1) — 1/');
		expect(screen).toContain('Bénéficiaire');
		expect(lineCount(screen)).toBeLessThanOrEqual(23);
		tmux('send-keys', '-t', 'bilan', 'Escape');
		screen = await screenWith('bilan', 'Année en cours : du 01/01/2026');
		expect(screen).toContain('› ');
		tmux('send-keys', '-t', 'bilan', 'E');
		screen = await screenWith('bilan', 'Écrire le bilan');
		expect(screen).toContain('bilan-2026-01-01-2026-11-22.xlsx');
		tmux('send-keys', '-t', 'bilan', 'o');
		screen = await screenWith('bilan', 'accompagnées sur la période');
		const file = path.join(dir, 'bilan-2026-01-01-2026-11-22.xlsx');
		expect(tmux('capture-pane', '-p', '-J', '-t', 'bilan')).toContain(file);
		expect(existsSync(file)).toBe(true);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		tmux('send-keys', '-t', 'bilan', 'Space');
		await screenWith('bilan', 'Période :');
		tmux('send-keys', '-t', 'bilan', 'q');
		expect(await fileWith(exitFile)).toBe('EXIT=0\n');
	});
});
