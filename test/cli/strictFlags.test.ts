// Issue 13: a flag that does not apply to the command is a usage error naming the
// flag and the command (exit 2), never silently ignored; the store is left as it was.
import {readFileSync} from 'node:fs';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {COMMAND_FLAGS} from '../../source/commands/commandFlags.js';
import {runCli} from '../helpers/cli.js';
import {TODAY_ISO, TempDir} from '../io/importHelpers.js';

let dir: TempDir;
let store: string;
beforeAll(() => {
	dir = new TempDir();
	store = dir.file('demo.json');
	expect(runCli(['demo', '--data', store, '--today', TODAY_ISO]).code).toBe(0);
});
afterAll(() => dir.remove());

describe('strict flags per command', () => {
	it.each([
		[['report', '--queue', 'steps.to-start'], '--queue', 'la commande report'],
		[['report', '--discret'], '--discret', 'la commande report'],
		[['journal', '--since', '2026-01-01'], '--since', 'la commande journal'],
		[['import', 'x.csv', '--referent', 'X'], '--referent', 'la commande import'],
		[['export', '--echange', '--discret'], '--discret', 'la commande export --echange'],
		[['export', '--echange', '--referent', 'X'], '--referent', 'la commande export --echange'],
		[['import', 'x.csv', '--force'], '--force', 'la commande import'],
		[['echeances', '--du', '2026-01-01'], '--du', 'la commande echeances'],
		[['bilan', '--annee', '2026', '--ics', 'a.ics'], '--ics', 'la commande bilan'],
		[['--json'], '--json', 'le tableau de bord'],
	])('%j is refused, naming the flag and the command', (args, flag, what) => {
		const before = readFileSync(store);
		const run = runCli([...args, '--data', store]);
		expect(run.code).toBe(2);
		expect(run.stderr).toContain(`${flag} : ne s’applique pas à ${what}`);
		expect(run.stdout).toBe('');
		expect(readFileSync(store)).toEqual(before);
	});

	it('every flag a command lists is one the command line knows, and the usual ones still work', () => {
		for (const flags of Object.values(COMMAND_FLAGS)) expect(flags).toEqual(expect.arrayContaining(['data', 'today']));
		expect(runCli(['report', '--json', '--hide-snoozed', '--data', store, '--today', TODAY_ISO]).code).toBe(0);
		expect(runCli(['journal', '--referent', 'MARTEL Inès', '--depuis', '01/01/2026', '--data', store]).code).toBe(0);
	});
});
