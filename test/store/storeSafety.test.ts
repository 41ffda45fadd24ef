// The store's files under odd conditions: a symbolic link (written at its
// target, the link stays), a read-only store or folder (refused before any
// change), a journal and backups with loose modes (forced to 0600), a lock left
// by a dead process (taken over at once, with a notice), a lock held by someone
// alive (« fichier occupé par … » until a deadline).
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {toDay} from '../../source/domain/calendar.js';
import {setStandby} from '../../source/domain/edits/index.js';
import {applyChange} from '../../source/store/applyChange.js';
import {readOnlyReason, withStoreLock} from '../../source/store/lock.js';
import {readJournal} from '../../source/store/journal.js';
import {readStoreFile} from '../../source/store/storeFile.js';
import {type StoreNotice, setStoreNoticeSink} from '../../source/store/storeNotices.js';
import {backupPath, journalPath, lockOwnerPath, lockPath} from '../../source/store/storePaths.js';
import {updateStore} from '../../source/store/transaction.js';
import {person} from '../helpers/caseload.js';
import {createTempStore, removeTempDir} from '../helpers/tempStore.js';

const posix = process.platform !== 'win32';
let dir: string;
let file: string;
let notices: StoreNotice[];
let restoreSink: ((notice: StoreNotice) => void) | undefined;

beforeEach(async () => {
	({dir, file} = await createTempStore('plie-safety-', [person({id: 'A', name: 'ALPHA Test'})]));
	notices = [];
	restoreSink = setStoreNoticeSink(notice => notices.push(notice));
});

afterEach(async () => {
	if (restoreSink) setStoreNoticeSink(restoreSink);
	await fs.chmod(dir, 0o700).catch(() => undefined);
	await removeTempDir(dir);
});

const mode = async (f: string) => (await fs.stat(f)).mode & 0o777;

function addNote(note: string) {
	return updateStore(file, data => {
		data.participants[0]!.events.push({date: '2026-11-22', type: 'Autre', note});
		return [{participantId: 'A', action: `note ${note}`}];
	});
}

describe('a store reached through a symbolic link', () => {
	it.runIf(posix)('is written at its target: the link stays a link, the files beside the real store', async () => {
		const elsewhere = path.join(dir, 'partage');
		await fs.mkdir(elsewhere);
		const real = path.join(elsewhere, 'suivi.json');
		await fs.rename(file, real);
		await fs.rename(journalPath(file), journalPath(real));
		await fs.symlink(real, file);
		await updateStore(file, data => {
			data.participants[0]!.romeCode = 'M1607';
			return [{participantId: 'A', action: 'ROME'}];
		});
		const base = (await readStoreFile(file)).data.participants[0]!;
		const outcome = await applyChange(file, base, p => setStandby(p, 'start', toDay('2026-11-22')));
		expect(outcome.status).toBe('saved');
		expect((await fs.lstat(file)).isSymbolicLink()).toBe(true);
		expect(await fs.readlink(file)).toBe(real);
		const stored = (await readStoreFile(real)).data.participants[0]!;
		expect(stored.romeCode).toBe('M1607');
		expect(stored.standbySince).toBeDefined();
		expect((await readJournal(real))!.lines.map(line => line.action)).toEqual(['création', 'ROME', expect.stringMatching(/^Mise en veille/)]);
		await expect(fs.access(backupPath(real, 1))).resolves.toBeUndefined();
		// nothing created beside the link
		expect((await fs.readdir(dir)).sort()).toEqual(['caseload.json', 'partage']);
		expect(await mode(real)).toBe(0o600);
	});

	it.runIf(posix)('a link to a store not created yet: the store is created at the target', async () => {
		const real = path.join(dir, 'nouveau.json');
		const link = path.join(dir, 'lien.json');
		await fs.symlink(real, link);
		await updateStore(link, data => [{action: `création ${data.participants.length}`}], {create: true});
		expect((await fs.lstat(link)).isSymbolicLink()).toBe(true);
		expect((await readStoreFile(real)).data.participants).toEqual([]);
	});
});

describe('a read-only store', () => {
	it.runIf(posix)('0400: refused in French before any change, the file byte-identical', async () => {
		const before = await fs.readFile(file, 'utf8');
		const journal = await fs.readFile(journalPath(file), 'utf8');
		expect(await readOnlyReason(file)).toBeUndefined();
		await fs.chmod(file, 0o400);
		// what the dashboard says as it opens
		expect(await readOnlyReason(file)).toBe(`${file} : fichier de suivi en lecture seule (droits 400).`);
		await expect(addNote('x')).rejects.toThrow(/fichier de suivi en lecture seule \(droits 400\) : rien n’a été modifié/);
		const base = (await readStoreFile(file)).data.participants[0]!;
		const outcome = await applyChange(file, base, p => setStandby(p, 'start', toDay('2026-11-22')));
		expect(outcome).toMatchObject({status: 'failed', message: expect.stringContaining('lecture seule')});
		expect(await fs.readFile(file, 'utf8')).toBe(before);
		expect(await fs.readFile(journalPath(file), 'utf8')).toBe(journal);
		expect(await mode(file)).toBe(0o400);
		await expect(fs.access(backupPath(file, 1))).rejects.toThrow();
	});

	it.runIf(posix)('in a read-only folder: refused too', async () => {
		const before = await fs.readFile(file, 'utf8');
		await fs.chmod(dir, 0o500);
		await expect(addNote('x')).rejects.toThrow(/lecture seule : rien n’a été modifié/);
		await fs.chmod(dir, 0o700);
		expect(await fs.readFile(file, 'utf8')).toBe(before);
	});
});

describe('modes', () => {
	it.runIf(posix)('a journal and backups that exist with loose modes are forced to 0600', async () => {
		await addNote('one');
		await fs.chmod(journalPath(file), 0o666);
		await fs.chmod(backupPath(file, 1), 0o644);
		await addNote('two');
		expect(await mode(journalPath(file))).toBe(0o600);
		expect(await mode(backupPath(file, 1))).toBe(0o600);
		expect(await mode(backupPath(file, 2))).toBe(0o600);
	});
});

describe('the lock', () => {
	async function leaveLock(owner: {pid: number; host: string}, ageMs = 0) {
		await fs.mkdir(lockPath(file));
		await fs.writeFile(
			lockOwnerPath(file),
			JSON.stringify({user: 'marie', host: owner.host, pid: owner.pid, since: new Date().toISOString(), token: 'old'}),
		);
		if (ageMs > 0) {
			const then = new Date(Date.now() - ageMs);
			await fs.utimes(lockPath(file), then, then);
		}
	}

	it('left by a dead process of this machine: taken over at once (no wait allowed), with a notice', async () => {
		await leaveLock({pid: 2 ** 22 + 12_345, host: os.hostname()}); // beyond pid_max: not alive
		await updateStore(file, () => [{action: 'après'}], {lock: {waitMs: 0}});
		expect(notices).toContainEqual({kind: 'notice', text: expect.stringMatching(/^verrou abandonné par marie sur .* \(processus \d+, depuis .*\) \(son processus est terminé\) : repris\.$/)});
		await expect(fs.access(lockOwnerPath(file))).rejects.toThrow(); // released with the lock
	});

	it('not refreshed for longer than its timeout (another machine): taken over at once, with a notice', async () => {
		await leaveLock({pid: process.pid, host: 'autre-poste'}, 60_000);
		await updateStore(file, () => [{action: 'après'}], {lock: {waitMs: 0, staleMs: 10_000}});
		expect(notices).toContainEqual({kind: 'notice', text: expect.stringMatching(/^verrou abandonné par marie sur autre-poste .*sans nouvelles depuis 60 s\) : repris\.$/)});
	});

	it('without its owner file (a writer killed between taking it and signing it): waited for until stale, then taken over', async () => {
		await fs.mkdir(lockPath(file)); // proper-lockfile's directory, no owner file: who held it is unknown
		await updateStore(file, () => [{action: 'après'}], {lock: {staleMs: 2000, waitMs: 10_000}});
		expect(notices).toContainEqual({kind: 'busy', text: expect.stringMatching(/^fichier occupé par une autre modification en cours .*: attente jusqu’à [\d:]+…$/)});
		expect(notices).toContainEqual({kind: 'notice', text: expect.stringMatching(/^verrou abandonné par une autre modification en cours .*\(sans nouvelles depuis \d+ s\) : repris\.$/)});
		expect((await readJournal(file))!.lines.at(-1)).toMatchObject({action: 'après'});
	});

	it('held by someone alive: « fichier occupé par … » with its deadline, then a French refusal naming them', async () => {
		const before = await fs.readFile(file, 'utf8');
		let release!: () => void;
		const holding = new Promise<void>(resolve => (release = resolve));
		let held!: () => void;
		const taken = new Promise<void>(resolve => (held = resolve));
		const holder = withStoreLock(file, async () => {
			held();
			await holding;
		});
		await taken;
		await expect(addNoteWithin(300)).rejects.toThrow(/fichier occupé par .* sur .* \(processus \d+, depuis [\d:]+\) : rien n’a été écrit/);
		const busy = notices.find(n => n.kind === 'busy');
		expect(busy).toMatchObject({text: expect.stringMatching(/^fichier occupé par .* \(processus \d+, depuis [\d:]+\) : attente jusqu’à \d\d:\d\d:\d\d…$/)});
		expect(notices.at(-1)).toEqual({kind: 'free'});
		expect(await fs.readFile(file, 'utf8')).toBe(before);
		release();
		await holder;
		await addNote('ensuite');
	});

	function addNoteWithin(waitMs: number) {
		return updateStore(
			file,
			data => {
				data.participants[0]!.events.push({date: '2026-11-22', type: 'Autre', note: 'x'});
				return [{participantId: 'A', action: 'note x'}];
			},
			{lock: {waitMs}},
		);
	}
});
