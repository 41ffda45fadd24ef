// The exit procedure of 004_… with the built CLI in a real terminal (tmux, 80×24):
// V validates the cellule's exits after the listed confirmation, S opens « Sorties à
// clôturer », Entrée a fiche, s Entrée… records letters, proof and closure; after
// q the store and the journal hold the four dates.
import {mkdtempSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {journalPath} from '../../source/store/storePaths.js';
import {CLI, runCli} from '../helpers/cli.js';
import {tmuxDriver} from '../helpers/tmux.js';

const SOCKET = `plie-e2e-exits-${process.pid}`;
const T = '2026-11-22';
let dir: string;
let store: string;

const driver = tmuxDriver(SOCKET);
const {tmux, screenWith, fileWith, kill} = driver;

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-e2e-exits-'));
	store = path.join(dir, 'demo.json');
	expect(runCli(['demo', '--data', store, '--today', T]).code).toBe(0);
});

afterAll(() => {
	kill();
	rmSync(dir, {recursive: true, force: true});
});

describe('the exit follow-up in tmux at 80×24', () => {
	it('V o, S Entrée, then s Entrée until closed: the four dates in the store and the journal', async () => {
		const exitFile = path.join(dir, 'exit-flow');
		driver.start('exits', `node '${CLI}' --data '${store}' --today ${T}; echo EXIT=$? > '${exitFile}'; sleep 5`, {cwd: dir, env: {NO_COLOR: '1'}});
		await screenWith('exits', 'q quitter');
		tmux('send-keys', '-t', 'exits', 'V');
		await screenWith('exits', 'Date de la cellule : 22/11/2026');
		tmux('send-keys', '-t', 'exits', 'Enter');
		const listed = await screenWith('exits', '(o/n)');
		const ids = [...listed.matchAll(/ · (DEMO-\d+) · /g)].map(m => m[1]!);
		expect(ids.length).toBeGreaterThan(0);
		tmux('send-keys', '-t', 'exits', 'o');
		await screenWith('exits', `validée${ids.length > 1 ? 's' : ''} en cellule le 22/11/2026`);
		tmux('send-keys', '-t', 'exits', 'S');
		await screenWith('exits', `Sorties à clôturer — 1/${ids.length}`);
		tmux('send-keys', '-t', 'exits', 'Enter');
		const fiche = await screenWith('exits', 'Suivi de la sortie (s)');
		const id = /(DEMO-\d+) · Référent·e/.exec(fiche)![1]!;
		expect(ids).toContain(id);
		for (let i = 0; i < 3; i++) {
			tmux('send-keys', '-t', 'exits', 's');
			await screenWith('exits', 'Suivi de la sortie — ');
			tmux('send-keys', '-t', 'exits', 'Enter');
			const saved = await screenWith('exits', ['Enregistré : Suivi de sortie', 'Suivi de sortie inchangé']);
			if (saved.includes('dossier clôturé le 22/11/2026')) break;
		}
		tmux('send-keys', '-t', 'exits', 'q');
		expect(await fileWith(exitFile)).toBe('EXIT=0\n');
		const person = (JSON.parse(readFileSync(store, 'utf8')) as {participants: Array<Record<string, unknown>>}).participants.find(p => p.id === id)!;
		expect(person).toMatchObject({exitValidatedOn: T, exitLettersSentOn: T, exitClosedOn: T});
		if (person.exitType === 'Positive') expect(person.exitProofReceivedOn).toBe(T);
		const journal = readFileSync(journalPath(store), 'utf8')
			.trim()
			.split('\n')
			.map(line => JSON.parse(line) as {participantId: string; action: string});
		const actions = journal.filter(line => line.participantId === id).map(line => line.action);
		expect(actions.some(a => /validée en cellule le 22\/11\/2026/.test(a))).toBe(true);
		expect(actions.some(a => /courriers envoyés le 22\/11\/2026/.test(a))).toBe(true);
		expect(actions.some(a => /dossier clôturé le 22\/11\/2026/.test(a))).toBe(true);
	});
});
