// `echeances --ics FICHIER`: an iCalendar file a calendar program reads (parsed
// back here with ical.js): one all-day event per visible item, UIDs that stay the
// same from one export to the next, initials and ids unless --noms, mode 0600,
// no file replaced without --force.
import {mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import ICAL from 'ical.js';
import {afterAll, beforeAll, describe, expect, it} from 'vitest';
import {generateCaseload, storeText} from '../../source/bench/caseload.js';
import {toDay} from '../../source/domain/calendar.js';
import {initials} from '../../source/domain/text.js';
import {runCli} from '../helpers/cli.js';
import {oracleEcheances} from '../helpers/echeancesOracle.js';

interface ParsedEvent {
	uid: string;
	summary: string;
	start: string;
	end: string;
	allDay: boolean;
	description: string | null;
	sequence: number;
}

function parseCalendar(file: string): ParsedEvent[] {
	const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, 'utf8')));
	expect(calendar.name).toBe('vcalendar');
	return calendar.getAllSubcomponents('vevent').map(vevent => {
		const event = new ICAL.Event(vevent);
		return {
			uid: event.uid,
			summary: event.summary,
			start: event.startDate.toString(),
			end: event.endDate.toString(),
			allDay: event.startDate.isDate && event.endDate.isDate,
			description: event.description,
			sequence: event.sequence,
		};
	});
}

let dir: string;
let store: string;
const T = '2026-11-22';
const caseload = generateCaseload(150, toDay(T), 77, {previousContracts: true});
const people = new Map(caseload.participants.map(p => [p.id, p]));

beforeAll(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-ics-'));
	store = path.join(dir, 'caseload.json');
	writeFileSync(store, storeText(caseload), {mode: 0o600});
});
afterAll(() => rmSync(dir, {recursive: true, force: true}));

const ics = (name: string, ...args: string[]) => {
	const file = path.join(dir, name);
	return {file, run: runCli(['echeances', '--data', store, '--ics', file, ...args])};
};

describe('echeances --ics', () => {
	it('writes one all-day event per item, on its due day, mode 0600', () => {
		const {file, run} = ics('all.ics', '--today', T);
		expect(run.stderr).toBe('');
		expect(run.code).toBe(0);
		const expected = oracleEcheances(caseload.participants, T, '2026-12-20').filter(item => !item.snoozed);
		expect(run.stdout).toContain(`Calendrier écrit : ${file} (${expected.length} échéances jusqu’au 20/12/2026`);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		const events = parseCalendar(file);
		expect(events.length).toBe(expected.length);
		expect(events.every(event => event.allDay)).toBe(true);
		expect(new Set(events.map(event => event.uid)).size).toBe(events.length);
		for (const [i, event] of events.entries()) {
			const item = expected[i]!;
			expect(event.start).toBe(item.due);
			expect(toDay(event.end) - toDay(event.start)).toBe(1);
			const name = people.get(item.participant)!.name;
			expect(event.summary).toBe(`${item.label} — ${initials(name)} (${item.participant})`);
			expect(event.uid.startsWith(`${item.kind}.${item.participant}`)).toBe(true);
		}
	});

	it('never writes a name or a step label without --noms', () => {
		const {file} = ics('private.ics', '--today', T);
		// unfolded (RFC 5545 cuts long lines), so that a name cut in two would still be found
		const text = readFileSync(file, 'utf8').replace(/\r\n[ \t]/g, '');
		for (const p of caseload.participants) {
			expect(text).not.toContain(p.name);
			for (const step of p.steps) expect(text).not.toContain(step.label);
		}
		const {file: named} = ics('named.ics', '--today', T, '--noms');
		const events = parseCalendar(named);
		expect(events.some(event => [...people.values()].some(p => event.summary.includes(p.name)))).toBe(true);
		expect(events.some(event => event.description?.startsWith('Étape : '))).toBe(true);
	});

	it('keeps each UID from one export to the next, so that a calendar updates its events', () => {
		const {file: first} = ics('week1.ics', '--today', T);
		const {file: second} = ics('week2.ics', '--today', '2026-11-29');
		const before = new Map(parseCalendar(first).map(event => [event.uid, event]));
		const after = parseCalendar(second);
		const kept = after.filter(event => before.has(event.uid));
		// the items still there a week later (steps, CER ends, renewals…) keep their UID
		expect(kept.length).toBeGreaterThan(after.length / 2);
		const stepEnds = after.filter(event => event.uid.startsWith('step.end.'));
		expect(stepEnds.length).toBeGreaterThan(0);
		for (const event of stepEnds) if (before.has(event.uid)) expect(before.get(event.uid)!.start).toBe(event.start);
		// a later export has a later SEQUENCE (or the same within the minute)
		expect(after[0]!.sequence).toBeGreaterThanOrEqual([...before.values()][0]!.sequence);
	});

	it('refuses to replace a file without --force, leaving it as it was', () => {
		const file = path.join(dir, 'existing.ics');
		writeFileSync(file, 'mon calendrier', {mode: 0o600});
		const run = runCli(['echeances', '--data', store, '--today', T, '--ics', file]);
		expect(run.code).toBe(1);
		expect(run.stderr).toContain(`${file} : le fichier existe déjà. Ajoutez --force pour le remplacer`);
		expect(readFileSync(file, 'utf8')).toBe('mon calendrier');
		const forced = runCli(['echeances', '--data', store, '--today', T, '--ics', file, '--force']);
		expect(forced.code).toBe(0);
		expect(parseCalendar(file).length).toBeGreaterThan(0);
		expect(statSync(file).mode & 0o777).toBe(0o600);
	});

	it('says in French when the folder does not exist', () => {
		const file = path.join(dir, 'absent', 'e.ics');
		const run = runCli(['echeances', '--data', store, '--today', T, '--ics', file]);
		expect(run.code).toBe(1);
		expect(run.stderr).toMatch(/e\.ics : écriture impossible \(fichier ou dossier introuvable\)/);
	});

	it('a folder given as the calendar is said to be a folder; a name without .ics is refused, naming the ending', () => {
		const folder = path.join(dir, 'un-dossier');
		mkdirSync(folder);
		const onFolder = runCli(['echeances', '--data', store, '--today', T, '--ics', folder]);
		expect(onFolder.code).toBe(1);
		expect(onFolder.stderr).toContain(`${folder} : c’est un dossier`);
		const noEnding = runCli(['echeances', '--data', store, '--today', T, '--ics', path.join(dir, 'echeances.txt')]);
		expect(noEnding.code).toBe(2);
		expect(noEnding.stderr).toContain('donnez un nom de fichier qui finit par .ics');
	});
});
