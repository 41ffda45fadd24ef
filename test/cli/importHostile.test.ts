// The import and the store as a careful attacker or an unlucky user meets them
// through the real command: special files refused at once, nothing left in the
// temporary folder, unexpected failures told in French with their details in a
// private log, and what an import changes shown before → after.
import {execFileSync} from 'node:child_process';
import {existsSync, mkdirSync, readdirSync, readFileSync, statSync} from 'node:fs';
import path from 'node:path';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {runCli} from '../helpers/cli.js';
import {TODAY_ISO, TempDir, csvText, writeStore} from '../io/importHelpers.js';
import {zipBytes} from '../helpers/zipWriter.js';
import {row, workbookEntries} from '../io/xlsxParts.js';

let dir: TempDir;
beforeAll(() => {
	dir = new TempDir();
});
afterAll(() => dir.remove());

const STACK = /\n\s+at |Error:|Cannot read|TypeError/;

function fifo(name: string): string {
	const file = dir.file(name);
	execFileSync('mkfifo', [file]);
	return file;
}

describe('only regular files are read', () => {
	it('refuses to import a FIFO, a folder, a device — at once, exit 1, in French', () => {
		const store = dir.file('special.json');
		const cases: Array<[string, RegExp]> = [
			[fifo('tube.csv'), /tube\.csv : c’est un tube nommé \(FIFO\), pas un fichier à importer/],
			[dir.path, /c’est un dossier, pas un fichier à importer/],
			['/dev/zero', /\/dev\/zero : c’est un périphérique, pas un fichier à importer/],
		];
		for (const [file, message] of cases) {
			const run = runCli(['import', file, '--data', store, '--today', TODAY_ISO]);
			expect(run.code).toBe(1);
			expect(run.stderr).toMatch(message);
			expect(run.stderr).not.toMatch(STACK);
		}
		expect(existsSync(store)).toBe(false);
	});

	it('refuses /dev/zero, a FIFO or a folder as --data, for every command, without touching it', () => {
		const tube = fifo('tube.json');
		const folder = dir.file('dossier.json');
		mkdirSync(folder);
		const file = dir.write('b.csv', csvText([['ID', 'Bénéficiaire'], ['C-1', 'ÉLODIE Zoé']]));
		const cases: Array<[string, string]> = [
			['/dev/zero', 'un périphérique'],
			[tube, 'un tube nommé (FIFO)'],
			[folder, 'un dossier'],
		];
		for (const [data, kind] of cases) {
			for (const args of [['report'], ['import', file], ['journal'], ['export', '--echange', '--out', dir.file('x.xlsx')]]) {
				const run = runCli([...args, '--data', data, '--today', TODAY_ISO]);
				expect(run.code, `${args[0]} --data ${data}`).toBe(1);
				expect(run.stderr).toContain(`${data} : c’est ${kind}`);
				expect(run.stderr).not.toMatch(STACK);
			}
		}
		expect(existsSync('/dev/zero.lock')).toBe(false);
		expect(existsSync(`${tube}.lock`)).toBe(false);
	});
});

describe('nothing personal left in the temporary folder', () => {
	it('reads a workbook whose sheets come before workbook.xml without writing anything to TMPDIR', () => {
		const tmp = dir.file('tmp');
		mkdirSync(tmp);
		const store = dir.file('tmp-store.json');
		const parts = {sheets: [{name: 'Bénéficiaires', rows: row(1, ['ID', 'Bénéficiaire', 'N° CAF']) + row(2, ['E-1', 'LÉVÊQUE Aurélien', '1234567'])}]};
		// sheets first, as exceljs and others write them: a streaming reader would have to spool them
		const entries = workbookEntries(parts);
		const sheetsFirst = [...entries.filter(entry => entry.name.includes('worksheets/')), ...entries.filter(entry => !entry.name.includes('worksheets/'))];
		const file = dir.write('ordre.xlsx', zipBytes(sheetsFirst));
		const run = runCli(['import', file, '--data', store, '--today', TODAY_ISO], {env: {TMPDIR: tmp, TMP: tmp, TEMP: tmp}});
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		expect(readdirSync(tmp)).toEqual([]);
	});
});

describe('an unexpected failure', () => {
	// a defect is simulated by a preloaded module that breaks one built-in, in the main thread or in the worker
	function breaking(where: 'main' | 'worker'): string {
		const module = dir.write(
			`break-${where}.mjs`,
			`import {isMainThread} from 'node:worker_threads';\n` +
				`if (isMainThread === ${where === 'main'}) Array.prototype.${where === 'main' ? 'flatMap' : 'toSorted'} = function () { throw new TypeError("Cannot read properties of undefined (reading 'x')"); };\n` +
				(where === 'worker' ? `if (!isMainThread) String.prototype.normalize = function () { throw new TypeError("Cannot read properties of undefined (reading 'x')"); };\n` : ''),
		);
		return module;
	}

	for (const where of ['main', 'worker'] as const) {
		it(`in the ${where === 'main' ? 'command' : 'import worker'}: exit 1, one French sentence, the details in a 0600 log next to the store`, () => {
			const folder = dir.file(`logs-${where}`);
			mkdirSync(folder);
			const store = path.join(folder, 'caseload.json');
			const file = dir.write(`ok-${where}.csv`, csvText([['ID', 'Bénéficiaire'], ['C-1', 'ÉLODIE Zoé']]));
			const run = runCli(['import', file, '--data', store, '--today', TODAY_ISO], {env: {NODE_OPTIONS: `--import=${breaking(where)}`}});
			expect(run.code).toBe(1);
			const log = path.join(folder, 'caseload.erreurs.log');
			expect(run.stderr).toBe(
				`plie-triage : erreur inattendue (un défaut du programme, pas de vos données) ; le fichier de suivi n’est jamais écrit à moitié. ` +
					`Le détail est enregistré dans « ${log} » : transmettez ce fichier à la personne qui maintient plie-triage.\n`,
			);
			expect(statSync(log).mode & 0o777).toBe(0o600);
			expect(readFileSync(log, 'utf8')).toMatch(/TypeError: Cannot read properties of undefined/);
		});
	}
});

describe('what an import changes is visible', () => {
	it('--dry-run lists each updated person’s fields before → after, blanked values first; the journal keeps them', () => {
		const store = dir.file('changes.json');
		writeStore(store, [
			{id: 'C-1', name: 'ÉLODIE Zoé', commune: 'Rouen', cafNumber: '1234567', rsa: false, steps: [], events: []},
			...Array.from({length: 25}, (_, i) => ({id: `D-${i + 10}`, name: `DUPLO${i} Léa`, rsa: false, steps: [], events: []})),
		]);
		const rows = [['ID', 'Bénéficiaire', 'Commune', 'N° CAF', 'RSA'], ['C-1', 'ÉLODIE Zoé', 'Elbeuf', '', 'Non']];
		for (let i = 0; i < 25; i++) rows.push([`D-${i + 10}`, `DUPLO${i} Léa`, 'Dieppe', '', 'Non']);
		const file = dir.write('maj.csv', csvText(rows));
		const dry = runCli(['import', file, '--dry-run', '--data', store, '--today', TODAY_ISO]);
		expect(dry.code).toBe(0);
		expect(dry.stdout).toContain('À vérifier :\n  1 valeur(s) enregistrée(s) effacée(s) par une cellule vide du fichier :\n    ÉLODIE Zoé (C-1) — N° CAF : 1234567 effacé');
		expect(dry.stdout).toContain('Modifications (avant → après) :\n  ÉLODIE Zoé (C-1) :\n    Commune : Rouen → Elbeuf\n    N° CAF : 1234567 → —');
		expect(dry.stdout).toContain('… et 6 autre(s) personne(s) mise(s) à jour (toutes avec --details).');
		const all = runCli(['import', file, '--dry-run', '--details', '--data', store, '--today', TODAY_ISO]);
		expect(all.stdout).toContain('DUPLO24 Léa (D-34) :\n    Commune : — → Dieppe');
		expect(all.stdout).not.toContain('autre(s) personne(s)');

		const real = runCli(['import', file, '--data', store, '--today', TODAY_ISO]);
		expect(real.code).toBe(0);
		const journal = readFileSync(dir.file('changes.journal.jsonl'), 'utf8').trim().split('\n').map(line => JSON.parse(line));
		expect(journal.find(line => line.participantId === 'C-1')).toMatchObject({
			action: 'import : mis à jour',
			before: {Commune: 'Rouen', 'N° CAF': '1234567'},
			after: {Commune: 'Elbeuf', 'N° CAF': null},
		});
		const shown = runCli(['journal', '--participant', 'C-1', '--data', store]);
		expect(shown.stdout).toContain('Commune : Rouen → Elbeuf');
	});

	it('lists texts holding U+FFFD with their row', () => {
		const store = dir.file('fffd.json');
		const file = dir.write('fffd.csv', csvText([['ID', 'Bénéficiaire'], ['C-1', 'L\uFFFDV\u00caQUE Aur\u00e9lien']]));
		const run = runCli(['import', file, '--dry-run', '--data', store, '--today', TODAY_ISO]);
		expect(run.stdout).toContain('1 texte(s) contiennent « \uFFFD », la trace d’un caractère perdu avant l’import (encodage) :\n    ligne 2 : « L\uFFFDVÊQUE Aurélien »');
	});
});
