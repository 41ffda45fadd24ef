// The dashboard on the team's PostgreSQL base, in a real terminal (tmux, 80×24),
// built and bundled as users run it: a colleague's save shows up on its own, a
// key saves to the base, q leaves with exit 0.
import {mkdtempSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {openCaseloadStore} from '../../source/store/caseloadStore.js';
import {CLI, runCli} from '../helpers/cli.js';
import {createTestDatabase, pgAdminUrl, pgSkipReason, type TestDatabase} from '../helpers/pg.js';
import {tmuxDriver} from '../helpers/tmux.js';

const admin = await pgAdminUrl();
const SOCKET = `plie-e2e-pg-${process.pid}`;
const TODAY = '2026-11-22';
const driver = tmuxDriver(SOCKET);

describe.skipIf(admin === undefined)(`tableau de bord sur la base, dans tmux${pgSkipReason()}`, () => {
	let db: TestDatabase;
	let dir: string;

	function toStart(): string[] {
		const report = runCli(['report', '--json', '--data', db.ownerUrl, '--today', TODAY]);
		expect(report.code).toBe(0);
		return (JSON.parse(report.stdout) as {indicators: Array<{id: string; participants: string[]}>}).indicators.find(i => i.id === 'steps.to-start')!
			.participants;
	}

	beforeAll(async () => {
		db = await createTestDatabase(admin!);
		dir = mkdtempSync(path.join(tmpdir(), 'plie-e2e-pg-'));
		const file = path.join(dir, 'demo.json');
		expect(runCli(['demo', '--data', file, '--today', TODAY]).code).toBe(0);
		expect(runCli(['db', 'init', db.ownerUrl]).code).toBe(0);
		expect(runCli(['db', 'copy', '--from', file, '--to', db.ownerUrl]).code).toBe(0);
	});

	afterAll(async () => {
		driver.kill();
		rmSync(dir, {recursive: true, force: true});
		await db?.drop();
	});

	it('shows a colleague’s save by itself, saves d to the base, and quits cleanly', async () => {
		const before = toStart();
		expect(before.length).toBeGreaterThanOrEqual(2);
		const exitFile = path.join(dir, 'exit');
		driver.start('pg', `node '${CLI}' --data '${db.ownerUrl}' --today ${TODAY} --queue steps.to-start; echo EXIT=$? > '${exitFile}'; sleep 5`, {
			cwd: dir,
			env: {NO_COLOR: '1'},
		});
		await driver.screenWith('pg', `Étapes 'Prévue' → 'En cours' — 1/${before.length}`);
		// a colleague starts the steps of the last person of the queue, from another terminal
		const colleague = await openCaseloadStore(db.ownerUrl);
		await colleague.update(data => {
			const p = data.participants.find(x => x.id === before.at(-1))!;
			for (const step of p.steps) if (step.state === 'Prévue' && toDay(step.start) <= toDay(TODAY)) step.state = 'En cours';
			return [{participantId: p.id, action: 'étapes démarrées ailleurs'}];
		});
		await colleague.close();
		await driver.screenWith('pg', `Étapes 'Prévue' → 'En cours' — 1/${before.length - 1}`, 20_000);
		driver.tmux('send-keys', '-t', 'pg', 'Enter');
		await driver.screenWith('pg', 'Fiche 1/');
		driver.tmux('send-keys', '-t', 'pg', 'd');
		await driver.screenWith('pg', 'Prévue → En cours');
		driver.tmux('send-keys', '-t', 'pg', 'Escape');
		driver.tmux('send-keys', '-t', 'pg', 'q');
		expect(await driver.fileWith(exitFile, 20_000)).toBe('EXIT=0\n');
		const after = toStart();
		expect(after).not.toContain(before[0]);
		expect(after).toHaveLength(before.length - 2);
	}, 90_000);

	it('opens on the base’s counts (those of report), and Entrée then opens the queue', async () => {
		const report = runCli(['report', '--json', '--data', db.ownerUrl, '--today', TODAY]);
		expect(report.code).toBe(0);
		const counts = new Map((JSON.parse(report.stdout) as {indicators: Array<{label: string; count: number}>}).indicators.map(i => [i.label, i.count]));
		const exitFile = path.join(dir, 'exit-counts');
		driver.start('pg-counts', `node '${CLI}' --data '${db.ownerUrl}' --today ${TODAY}; echo EXIT=$? > '${exitFile}'; sleep 5`, {
			cwd: dir,
			env: {NO_COLOR: '1'},
		});
		const screen = await driver.screenWith('pg-counts', ['Effectifs', 'Entrée : voir les personnes']);
		// the status line names the first row and its count: « Effectif en phase d'accueil : 3 — Entrée : … »
		const [, label, count] = /^(?:! )?(.+) : (\d+)(?: \(\+\d+ en attente\))? — Entrée : voir les personnes/m.exec(screen)!;
		expect(counts.get(label!)).toBe(Number(count));
		driver.tmux('send-keys', '-t', 'pg-counts', 'Enter');
		await driver.screenWith('pg-counts', `${label} — 1/${count}`);
		driver.tmux('send-keys', '-t', 'pg-counts', 'Escape');
		driver.tmux('send-keys', '-t', 'pg-counts', 'q');
		expect(await driver.fileWith(exitFile, 20_000)).toBe('EXIT=0\n');
	}, 60_000);
});
