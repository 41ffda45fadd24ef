// What the dashboard shows of saving and of data it does not trust: a one-key
// edit says « en cours d'enregistrement » until it is on disk (and who holds a
// busy store), `v` asks for a state rather than flipping whatever the file now
// holds, and names, labels and notes holding terminal escapes are shown inert.
import {promises as fs} from 'node:fs';
import {afterEach, describe, expect, it} from 'vitest';
import {frenchDate, isoFromDay, toDay} from '../../source/domain/calendar.js';
import {setStandby} from '../../source/domain/edits/index.js';
import {applyChange} from '../../source/store/applyChange.js';
import {readJournal} from '../../source/store/journal.js';
import {withStoreLock} from '../../source/store/lock.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {type StoreNoticeSink, setStoreNoticeSink} from '../../source/store/storeNotices.js';
import {inOrder} from '../helpers/caseload.js';
import {type Editor, renderEditor} from './editHarness.js';
import {KEYS} from './renderApp.js';

const T = '2026-11-22';
const iso = (offset: number) => isoFromDay(toDay(T) + offset);

let editor: Editor | undefined;
let restoreSink: StoreNoticeSink | undefined;
afterEach(async () => {
	await editor?.close();
	editor = undefined;
	if (restoreSink) setStoreNoticeSink(restoreSink);
	restoreSink = undefined;
});

async function openFirst(people: Parameters<typeof renderEditor>[0], watchMs = 600_000): Promise<Editor> {
	editor = await renderEditor(people, {queue: 'caseload.active', watchMs});
	await editor.press(KEYS.enter);
	return editor;
}

/** A colleague's dashboard on the same file: its own session, the participant as their screen shows it. */
async function colleagueStandby(file: string, id: string, wish: 'start' | 'end') {
	const seen = (await readStoreFile(file)).data.participants.find(p => p.id === id)!;
	return applyChange(file, seen, p => setStandby(p, wish, toDay(T)));
}

describe('saving, as the screen says it', () => {
	it('« en cours d’enregistrement » (and who holds the file) until the edit is on disk, then « Enregistré »', async () => {
		const e = await openFirst([inOrder(T, {id: 'S'})]);
		// the store's notices go to the dashboard while it runs (as in the command)
		restoreSink = setStoreNoticeSink(e.handler.storeNotice);
		let release!: () => void;
		let held!: () => void;
		const taken = new Promise<void>(resolve => (held = resolve));
		const holder = withStoreLock(e.file, async () => {
			held();
			await new Promise<void>(resolve => (release = resolve));
		});
		await taken;
		let frame = await e.type('e');
		expect(frame).toContain('⏳ en cours d’enregistrement…');
		frame = await e.waitFor('Fichier occupé par');
		expect(frame).toMatch(/Fichier occupé par .* \(processus \d+/);
		expect((await e.disk('S')).events.filter(ev => ev.date === T)).toEqual([]);
		// navigating does not hide it: the edit is still not on disk
		frame = await e.type(KEYS.down);
		expect(frame).toContain('en cours d’enregistrement');
		release();
		await holder;
		frame = await e.saved();
		expect((await e.disk('S')).events).toContainEqual({date: T, type: 'Entretien individuel'});
		expect(frame).toContain(`Enregistré : Événement « Entretien individuel » du ${frenchDate(T)} ajouté`);
		expect(frame).not.toContain('en cours d’enregistrement');
		expect(frame).not.toContain('Fichier occupé');
	});
});

describe('v asks for a state', () => {
	it('a colleague started the standby meanwhile, and my session had just re-read the file: both agree, no reversal', async () => {
		const e = await openFirst([inOrder(T, {id: 'V'})]);
		expect(e.frame()).toContain('Pas en veille');
		expect(await colleagueStandby(e.file, 'V', 'start')).toMatchObject({status: 'saved'});
		// the session's check for a colleague's changes ran just before the key (the screen not redrawn yet)
		expect(await e.session.reloadIfChanged()).toBe(true);
		// `v` asks the day (today) and the reason: Entrée keeps both
		expect(await e.press('v')).toContain('Mise en veille');
		const frame = await e.press(KEYS.enter);
		const journal = (await readJournal(e.file))!.lines.map(line => line.action);
		// the colleague's standby, then my reason merged in: never a « Fin de la veille »
		expect(journal.filter(action => /veille/i.test(action))).toEqual([
			`Mise en veille le ${frenchDate(T)}`,
			`Mise en veille le ${frenchDate(T)} : En étape emploi ou formation`,
		]);
		expect(await e.disk('V')).toMatchObject({standbySince: T, standbyReason: 'En étape emploi ou formation'});
		expect(frame).toContain(`Veille depuis le ${frenchDate(T)} (En étape emploi ou formation)`);
		expect(frame).toContain('fusio');
	});

	it('both end the same standby: one « Fin de la veille » in the journal, the person out of standby', async () => {
		const e = await openFirst([inOrder(T, {id: 'W', standbySince: iso(-30)})]);
		expect(await colleagueStandby(e.file, 'W', 'end')).toMatchObject({status: 'saved'});
		await e.session.reloadIfChanged();
		await e.press('v');
		const journal = (await readJournal(e.file))!.lines.map(line => line.action);
		expect(journal.filter(action => /veille/.test(action))).toHaveLength(1);
		expect((await e.disk('W')).standbySince).toBeUndefined();
	});

	it('asking to end a standby a colleague has meanwhile restarted at another date: the conflict message, nothing written', async () => {
		const e = await openFirst([inOrder(T, {id: 'X', standbySince: iso(-30)})]);
		const seen = (await readStoreFile(e.file)).data.participants[0]!;
		// the colleague ends it, then starts a new one: the file now holds a standby the screen never showed
		await applyChange(e.file, seen, p => setStandby(p, 'end', toDay(T)));
		const ended = (await readStoreFile(e.file)).data.participants[0]!;
		await applyChange(e.file, ended, p => setStandby(p, 'start', toDay(T) - 2));
		const before = await fs.readFile(e.file, 'utf8');
		const frame = await e.press('v');
		expect(frame).toContain('Conflit');
		expect(frame.replace(/\s*\n/g, ' ')).toContain(`En veille depuis — enregistré entre-temps : ${frenchDate(iso(-2))} ; votre saisie : —`);
		expect(await fs.readFile(e.file, 'utf8')).toBe(before);
	});
});

const ESC = '\u001b';
const BEL = '\u0007';
const RAW = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe('text from data is shown inert', () => {
	it('a name retitling the terminal, a coloured referent, a reversed step label, a C1 note: visible, never raw', async () => {
		const e = await openFirst([
			inOrder(T, {
				id: 'Z',
				name: `PIRATE${ESC}]2;titre volé${BEL} Léa`,
				referent: `${ESC}[31mROUGE${ESC}[0m Anne`,
				steps: [{label: `Atelier\u202eVC`, type: 'Atelier', start: iso(-10), state: 'En cours'}],
				events: [{date: iso(-1), type: 'Entretien individuel', note: `note\u009b31m cachée`}],
			}),
		]);
		const frames = [e.frame()];
		frames.push(await e.press(KEYS.escape)); // the queue, with the name and the referent in columns
		frames.push(await e.press(KEYS.enter));
		frames.push(await e.press('r')); // the referent picker
		for (const frame of frames) expect(frame).not.toMatch(RAW);
		const all = frames.join('\n');
		expect(all).toContain('PIRATE␛]2;titre volé␇ Léa');
		expect(all).toContain('␛[31mROUGE␛[0m Anne');
		expect(all).toContain('Atelier⟦U+202E⟧VC');
		expect(all).toContain('note⟦U+009B⟧31m cachée');
	});
});
