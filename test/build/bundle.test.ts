// The dashboard runs from one bundled file (dist/bundle/). Code bundled there is
// "outside node_modules" for Node, which then prints deprecation warnings meant for
// library authors (exceljs's `new Buffer()`: DEP0005) over the screen at the first
// `E` export. Nothing may print over the TUI: exceljs must load from node_modules.
import {spawnSync} from 'node:child_process';
import {mkdtempSync, readdirSync, readFileSync, rmSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {fileURLToPath} from 'node:url';
import {afterAll, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {DEFAULT_SETTINGS} from '../../source/domain/settings.js';

const bundle = fileURLToPath(new URL('../../dist/bundle/', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'plie-bundle-'));
afterAll(() => rmSync(dir, {recursive: true, force: true}));

/** The bundle chunk that writes the cellule workbook (names carry content hashes). */
function workbookChunk(): string {
	const chunk = readdirSync(bundle).find(name => /export\s*\{[^}]*writeCelluleWorkbook/.test(readFileSync(path.join(bundle, name), 'utf8')));
	if (chunk === undefined) throw new Error(`no chunk of ${bundle} exports writeCelluleWorkbook (run npm run build)`);
	return path.join(bundle, chunk);
}

describe('the dashboard bundle', () => {
	it('writes the cellule workbook from the bundle without a word on stderr (no DEP0005 over the screen)', () => {
		const out = path.join(dir, 'cellule.xlsx');
		const options = {participants: [], settings: DEFAULT_SETTINGS, meeting: toDay('2026-12-08'), today: toDay('2026-11-22'), out};
		const script = `
			const {writeCelluleWorkbook} = await import(${JSON.stringify(workbookChunk())});
			await writeCelluleWorkbook(${JSON.stringify(options)});
		`;
		const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], {cwd: dir, encoding: 'utf8'});
		expect(run.status).toBe(0);
		expect(run.stderr).toBe('');
		expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
	});

	it('keeps exceljs out of the bundle', () => {
		for (const name of readdirSync(bundle)) expect(readFileSync(path.join(bundle, name), 'utf8')).not.toContain('new Buffer(');
	});
});
