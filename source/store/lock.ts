// The cross-process lock (proper-lockfile) that guards every read-modify-write of
// a store: two terminals, an import and the dashboard never write over each other.
// The lock is a directory next to the store's real file (through a symbolic link,
// the same lock for everyone); beside it, `caseload.json.lock.owner` says who
// holds it (user, machine, process, since when), so that a wait shows « fichier
// occupé par … » with its deadline. A lock whose holder is gone is taken over at
// once, with a notice: its process is dead (same machine), or it was not
// refreshed for `staleMs` (another machine, or no owner file).
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {currentUser} from './journal.js';
import {settlePendingWrite} from './pendingWrite.js';
import {StoreError} from './storeBasics.js';
import {systemReason} from './systemError.js';
import {storeNotice} from './storeNotices.js';
import {lockOwnerPath, lockPath} from './storePaths.js';
import {resolveWriteTarget} from './writeTarget.js';
import {processAlive} from './processAlive.js';
import {PRIVATE_MODE} from './secureJsonFile.js';

export interface LockOptions {
	/** a lock not refreshed for this long belongs to a dead process (proper-lockfile minimum 2000) */
	readonly staleMs?: number;
	/** how long to keep trying to get the lock before giving up, roughly */
	readonly waitMs?: number;
}

export const DEFAULT_STALE_MS = 10_000;

/** More than the longest wait between two attempts (500 ms × 1.25): our takeover always comes first. */
const SILENT_TAKEOVER_MARGIN_MS = 1000;

/** A lock held by another writer for too long, or a lock we lost: French, exit 1 in the CLI. */
export class LockError extends StoreError {
	override readonly name: string = 'LockError';
}

export interface HeldLock {
	/** true when another process took the lock over (we stalled past `staleMs`): do not write */
	readonly compromised: () => boolean;
	/** the store's real path (through symbolic links): where to write it, its backups and journal */
	readonly target: string;
}

/** Who holds a lock, as written in the owner file. */
export interface LockOwner {
	readonly user: string;
	readonly host: string;
	readonly pid: number;
	/** ISO date-time the lock was taken */
	readonly since: string;
	readonly token: string;
}

/** PLIE_TRIAGE_LOCK_WAIT_MS: how long to wait for a busy store (slow shared drives may want more). */
function waitFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
	const value = Number(env.PLIE_TRIAGE_LOCK_WAIT_MS);
	return Number.isFinite(value) && value >= 0 && env.PLIE_TRIAGE_LOCK_WAIT_MS !== '' ? value : undefined;
}

function clock(date: Date): string {
	return date.toLocaleTimeString('fr-FR', {hour: '2-digit', minute: '2-digit', second: '2-digit'});
}

/** « marie sur poste-3 (processus 4242, depuis 10:02:03) », or a vaguer phrase without owner file. */
export function describeOwner(owner: LockOwner | undefined): string {
	if (!owner) return 'une autre modification en cours (autre poste ou autre fenêtre)';
	const since = new Date(owner.since);
	const when = Number.isNaN(since.getTime()) ? '' : `, depuis ${clock(since)}`;
	return `${owner.user} sur ${owner.host} (processus ${owner.pid}${when})`;
}

async function readOwner(lockFile: string): Promise<LockOwner | undefined> {
	try {
		const owner = JSON.parse(await fs.readFile(`${lockFile}.owner`, 'utf8')) as LockOwner;
		return typeof owner.pid === 'number' && typeof owner.host === 'string' && typeof owner.token === 'string' ? owner : undefined;
	} catch {
		return undefined;
	}
}

/**
 * Removes a lock whose holder is gone: dead process on this machine, or no
 * refresh for `staleMs`. Checked twice (another waiter may take it over at the
 * same moment: then it is theirs, live, and left alone).
 */
async function takeOverAbandoned(lockFile: string, staleMs: number): Promise<void> {
	const first = await fs.stat(lockFile).catch(() => undefined);
	if (!first) return;
	const owner = await readOwner(lockFile);
	const dead = owner !== undefined && owner.host === os.hostname() && owner.pid !== process.pid && !processAlive(owner.pid);
	const silentMs = Date.now() - first.mtimeMs;
	if (!dead && silentMs <= staleMs) return;
	const again = await fs.stat(lockFile).catch(() => undefined);
	if (!again || again.mtimeMs !== first.mtimeMs || (await readOwner(lockFile))?.token !== owner?.token) return;
	await fs.rm(`${lockFile}.owner`, {force: true});
	await fs.rmdir(lockFile).catch(() => undefined);
	const why = dead ? 'son processus est terminé' : `sans nouvelles depuis ${Math.round(silentMs / 1000)} s`;
	storeNotice({kind: 'notice', text: `verrou abandonné par ${describeOwner(owner)} (${why}) : repris.`});
}

async function writeOwner(lockFile: string, token: string): Promise<void> {
	const owner: LockOwner = {user: currentUser(), host: os.hostname(), pid: process.pid, since: new Date().toISOString(), token};
	// best effort: the lock works without it, only the waiting message is vaguer
	await fs.writeFile(`${lockFile}.owner`, JSON.stringify(owner), {mode: PRIVATE_MODE}).catch(() => undefined);
}

async function removeOwner(lockFile: string, token: string): Promise<void> {
	if ((await readOwner(lockFile))?.token === token) await fs.rm(`${lockFile}.owner`, {force: true});
}

const sleep = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

function lockFailure(file: string, error: unknown): StoreError {
	const code = (error as NodeJS.ErrnoException).code;
	if (code === 'ENOENT') return new StoreError(file, 'dossier du fichier de suivi introuvable.');
	if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
		return new StoreError(file, 'dossier du fichier de suivi en lecture seule (impossible d’y poser le verrou) : rien n’a été modifié.');
	}
	return new StoreError(file, `verrou impossible (${(error as Error).message}).`);
}

/** Why the store at `target` cannot be written (read-only file or folder), in French, or undefined. */
async function writeProblem(target: string): Promise<string | undefined> {
	const info = await fs.stat(target).catch(() => undefined);
	if (info?.isFile()) {
		// the mode bits as well as access(): root may write anything, but a file made read-only means « do not touch »
		const writable = (info.mode & 0o222) !== 0 && (await fs.access(target, fs.constants.W_OK).then(() => true, () => false));
		if (!writable) return `fichier de suivi en lecture seule (droits ${(info.mode & 0o777).toString(8).padStart(3, '0')})`;
	}
	const folder = path.dirname(target);
	const dir = await fs.stat(folder).catch(() => undefined);
	if (!dir) return undefined; // the lock says the folder is missing
	const writable = (dir.mode & 0o222) !== 0 && (await fs.access(folder, fs.constants.W_OK).then(() => true, () => false));
	return writable ? undefined : `dossier ${folder} en lecture seule`;
}

/** Why the store cannot be written, with its path, or undefined: the dashboard says it as it opens. */
export async function readOnlyReason(file: string): Promise<string | undefined> {
	const problem = await writeProblem(await resolveWriteTarget(file)).catch(() => undefined);
	return problem === undefined ? undefined : `${file} : ${problem}.`;
}

/** The store (and its folder) must be writable: refused before anything is changed, the file left as is. */
async function requireWritable(file: string, target: string): Promise<void> {
	const problem = await writeProblem(target);
	if (problem?.startsWith('fichier')) throw new StoreError(file, `${problem} : rien n’a été modifié. Rendez-le modifiable ou travaillez sur une copie.`);
	if (problem !== undefined) throw new StoreError(file, `${problem} : rien n’a été modifié.`);
}

/**
 * Runs `work` while holding the store's lock; the lock is released whatever
 * happens. A write a crash interrupted is settled first (pendingWrite.ts). A
 * read-only store or folder is refused before `work` runs.
 */
export async function withStoreLock<T>(file: string, work: (lock: HeldLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
	const staleMs = Math.max(options.staleMs ?? DEFAULT_STALE_MS, 2000);
	const waitMs = options.waitMs ?? waitFromEnv() ?? staleMs * 2;
	const target = await resolveWriteTarget(file);
	const lockFile = lockPath(target);
	await requireWritable(file, target);
	const deadline = Date.now() + waitMs;
	let compromised = false;
	let release: (() => Promise<void>) | undefined;
	let waiting = false;
	try {
		for (let attempt = 0; release === undefined; attempt++) {
			await takeOverAbandoned(lockFile, staleMs);
			try {
				release = await lockfile.lock(target, {
					realpath: false, // the store may not exist yet (first write)
					lockfilePath: lockFile,
					// a little later than takeOverAbandoned, which runs before every attempt: a stale
					// lock is taken over by it, with its notice, never removed silently by proper-lockfile
					stale: staleMs + SILENT_TAKEOVER_MARGIN_MS,
					update: Math.floor(staleMs / 2),
					retries: 0,
					onCompromised: () => {
						compromised = true;
					},
				});
			} catch (error) {
				if ((error as NodeJS.ErrnoException).code !== 'ELOCKED') throw lockFailure(file, error);
				const who = describeOwner(await readOwner(lockFile));
				if (Date.now() >= deadline) {
					throw new LockError(file, `fichier occupé par ${who} : rien n’a été écrit, réessayez dans un instant.`);
				}
				if (!waiting) {
					waiting = true;
					storeNotice({kind: 'busy', text: `fichier occupé par ${who} : attente jusqu’à ${clock(new Date(deadline))}…`});
				}
				// 25 ms doubling up to 500 ms: quick when the holder is quick
				await sleep(Math.min(deadline - Date.now(), Math.min(25 * 2 ** attempt, 500) * (0.75 + Math.random() / 2)));
			}
		}
	} finally {
		if (waiting) storeNotice({kind: 'free'});
	}
	const token = randomBytes(8).toString('hex');
	await writeOwner(lockFile, token);
	try {
		try {
			await settlePendingWrite(target, file);
		} catch (error) {
			throw new StoreError(file, `une écriture interrompue n’a pas pu être réglée (${systemReason(error) ?? (error as Error).message}) : rien n’a été modifié.`);
		}
		return await work({compromised: () => compromised, target});
	} finally {
		await removeOwner(lockFile, token).catch(() => undefined);
		await release().catch(() => undefined); // a compromised lock is already gone
	}
}

