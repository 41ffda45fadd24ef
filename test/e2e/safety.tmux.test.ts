// The built CLI in a real terminal (tmux), where issue 12 found confirmed work
// lost or the terminal taken over: the window closed (SIGHUP) after a burst of
// edits loses none of them, saves held back by a colleague's write, and a name imported with
// ESC ]2;… BEL is listed without retitling the terminal.
import {existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload, storeText} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {readJournal} from '../../source/store/journal.js';
import {withStoreLock} from '../../source/store/lock.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {pendingPath} from '../../source/store/storePaths.js';
import {csvText} from '../io/importHelpers.js';
import {tmuxDriver} from '../helpers/tmux.js';
import {CLI, runCli} from '../helpers/cli.js';

const TODAY = '2026-11-22';
const SOCKET = `plie-e2e-safety-${process.pid}`;
const driver = tmuxDriver(SOCKET);
const {tmux, screenWith} = driver;
let dir: string;

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-e2e-safety-'));
});

afterAll(() => {
	driver.kill();
	rmSync(dir, {recursive: true, force: true});
});

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function alive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch {
		return false;
	}
}

const INTERVIEW_TODAY = 'Événement « Entretien individuel » du 22/11/2026 ajouté';

describe('a closed terminal', () => {
	it('loses no edit the screen showed: the session killed (SIGHUP) while saves wait, every one is in the store and the journal', async () => {
		const store = path.join(dir, 'grand.json');
		const data = generateCaseload(2_000, toDay(TODAY));
		// nobody has an interview today yet: each `e` is a new event
		for (const p of data.participants) p.events = p.events.filter(e => !(e.date === TODAY && e.type === 'Entretien individuel'));
		writeFileSync(store, storeText(data), {mode: 0o600});
		const pidFile = path.join(dir, 'pid');
		driver.start('burst', `echo $$ > '${pidFile}'; exec node '${CLI}' --data '${store}' --today ${TODAY} --queue caseload.active`, {
			cwd: dir,
			env: {NO_COLOR: '1', PLIE_TRIAGE_LOCK_WAIT_MS: '120000'},
		});
		await screenWith('burst', 'File active', 60_000);
		tmux('send-keys', '-t', 'burst', 'Enter');
		await screenWith('burst', 'Fiche 1/', 30_000);
		// a colleague's long write holds the store: the saves queue up behind it, shown on screen only
		let release!: () => void;
		let held!: () => void;
		const taken = new Promise<void>(resolve => (held = resolve));
		const colleague = withStoreLock(store, async () => {
			held();
			await new Promise<void>(resolve => (release = resolve));
		});
		await taken;
		try {
			// six people, one interview each: all six shown, none on disk yet, and the screen says so
			for (let i = 0; i < 6; i++) tmux('send-keys', '-t', 'burst', ...(i === 0 ? ['e'] : ['n', 'e']));
			await screenWith('burst', '⏳ 6 modifications en cours d’enregistrement', 30_000);
			const shown = await screenWith('burst', 'Fichier occupé par', 30_000);
			expect(shown).toContain('⏳ 6 modifications en cours d’enregistrement');
			const pid = Number(readFileSync(pidFile, 'utf8'));
			tmux('kill-session', '-t', 'burst'); // the window closes: SIGHUP, the terminal gone
			await pause(1000);
			expect(alive(pid)).toBe(true); // still there, waiting to save
			release();
			await colleague;
			for (let waited = 0; alive(pid) && waited < 120_000; waited += 200) await pause(200);
			expect(alive(pid)).toBe(false);
		} finally {
			release();
		}
		const {data: after} = await readStoreFile(store);
		const interviews = after.participants.filter(p => p.events.some(e => e.date === TODAY && e.type === 'Entretien individuel'));
		expect(interviews).toHaveLength(6);
		const journal = (await readJournal(store))!.lines.filter(line => line.action === INTERVIEW_TODAY && line.kind === 'modification');
		expect(journal.map(line => line.participantId).sort()).toEqual(interviews.map(p => p.id).sort());
		expect(existsSync(pendingPath(store))).toBe(false);
	}, 300_000);
});

describe('a name holding terminal escapes', () => {
	it('is listed inert: the pane keeps its title, the screen shows ␛]2;…␇, no escape from the data in the output', async () => {
		const store = path.join(dir, 'petit.json');
		expect(runCli(['demo', '--data', store, '--today', TODAY]).code).toBe(0);
		const csv = path.join(dir, 'pirate.csv');
		writeFileSync(
			csv,
			csvText([
				['ID', 'Responsable', 'Bénéficiaire', 'Date intégration'],
				['AAA-1', 'ROUVRAY Karim', 'AAPIRATE\u001b]2;titre-vole\u0007 Lea\u001b[31m', '01/06/2026'],
			]),
		);
		expect(runCli(['import', csv, '--data', store]).code).toBe(0);
		const exitFile = path.join(dir, 'exit-title');
		driver.start('title', `node '${CLI}' --data '${store}' --today ${TODAY} --queue caseload.active; echo EXIT=$? > '${exitFile}'; sleep 5`, {
			cwd: dir,
			env: {NO_COLOR: '1'},
		});
		tmux('set-option', '-t', 'title', 'allow-rename', 'on');
		tmux('select-pane', '-t', 'title', '-T', 'titre-initial');
		await screenWith('title', 'File active', 30_000);
		// the filter keeps the one person (Entrée), then her fiche opens (Entrée) with the whole name
		tmux('send-keys', '-t', 'title', '/', 'aapirate', 'Enter', 'Enter');
		const screen = await screenWith('title', 'Lea␛[31m', 30_000);
		expect(screen).toContain('AAPIRATE␛]2;titre-vole␇ Lea␛[31m');
		const withEscapes = tmux('capture-pane', '-p', '-e', '-t', 'title');
		expect(withEscapes).not.toContain('\u001b]2;');
		expect(withEscapes).not.toContain('\u0007');
		expect(tmux('display-message', '-p', '-t', 'title', '#{pane_title}').trim()).toBe('titre-initial');
		tmux('send-keys', '-t', 'title', 'q');
		await driver.fileWith(exitFile);
	}, 120_000);
});
