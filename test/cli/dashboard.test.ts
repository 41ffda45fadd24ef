import {mkdtempSync, rmSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {INDICATOR_IDS} from '../../source/domain/indicators.js';
import {inOrder} from '../helpers/caseload.js';
import {runCli} from '../helpers/cli.js';

let dir: string;
let store: string;

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-dash-'));
	store = path.join(dir, 'caseload.json');
	writeFileSync(store, JSON.stringify({version: 1, participants: [inOrder('2026-11-22', {id: 'A-1'})]}), {mode: 0o600});
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

describe('plie-triage (dashboard) outside a terminal', () => {
	it('says to use report, in French, and exits 2 without touching the screen', () => {
		const run = runCli(['--data', store, '--today', '2026-11-22']);
		expect(run.code).toBe(2);
		expect(run.stdout).toBe('');
		expect(run.stderr).toContain('terminal interactif');
		expect(run.stderr).toContain('plie-triage report');
	});

	it('refuses an unknown --queue with exit 2, listing the valid indicator ids', () => {
		const run = runCli(['--data', store, '--queue', 'steps.todo']);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain('« steps.todo »');
		for (const id of INDICATOR_IDS) expect(run.stderr).toContain(id);
	});
});
