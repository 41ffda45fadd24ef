// The cross-process lock (proper-lockfile) that guards every read-modify-write of
// a store: two terminals, an import and the dashboard never write over each other.
// The lock is a directory next to the store; a process killed while holding it
// leaves it behind, and it is taken over once stale (not refreshed for `staleMs`).
import {promises as fs} from 'node:fs';
import path from 'node:path';
import lockfile from 'proper-lockfile';
import {StoreError} from './storeBasics.js';
import {lockPath} from './storePaths.js';

export interface LockOptions {
	/** a lock not refreshed for this long belongs to a dead process (proper-lockfile minimum 2000) */
	readonly staleMs?: number;
	/** how long to keep trying to get the lock before giving up, roughly */
	readonly waitMs?: number;
}

export const DEFAULT_STALE_MS = 10_000;

/** A lock held by another writer for too long, or a lock we lost: French, exit 1 in the CLI. */
export class LockError extends StoreError {
	override readonly name: string = 'LockError';
}

export interface HeldLock {
	/** true when another process took the lock over (we stalled past `staleMs`): do not write */
	readonly compromised: () => boolean;
}

function retriesFor(waitMs: number): {retries: number; factor: number; minTimeout: number; maxTimeout: number; randomize: boolean} {
	// 25 ms doubling up to 500 ms, then 500 ms steps: quick when the holder is quick
	const maxTimeout = 500;
	let total = 0;
	let retries = 0;
	for (let timeout = 25; total < waitMs; retries++) {
		total += timeout;
		timeout = Math.min(timeout * 2, maxTimeout);
	}
	return {retries, factor: 2, minTimeout: 25, maxTimeout, randomize: true};
}

/** PLIE_TRIAGE_LOCK_WAIT_MS: how long to wait for a busy store (slow shared drives may want more). */
function waitFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
	const value = Number(env.PLIE_TRIAGE_LOCK_WAIT_MS);
	return Number.isFinite(value) && value >= 0 && env.PLIE_TRIAGE_LOCK_WAIT_MS !== '' ? value : undefined;
}

/** Runs `work` while holding the store's lock; the lock is released whatever happens. */
export async function withStoreLock<T>(file: string, work: (lock: HeldLock) => Promise<T>, options: LockOptions = {}): Promise<T> {
	const staleMs = Math.max(options.staleMs ?? DEFAULT_STALE_MS, 2000);
	const waitMs = options.waitMs ?? waitFromEnv() ?? staleMs * 2;
	let compromised = false;
	let release: () => Promise<void>;
	try {
		release = await lockfile.lock(file, {
			realpath: false, // the store may not exist yet (first write)
			lockfilePath: lockPath(file),
			stale: staleMs,
			update: Math.floor(staleMs / 2),
			retries: retriesFor(waitMs),
			onCompromised: () => {
				compromised = true;
			},
		});
	} catch (error) {
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ELOCKED') {
			throw new LockError(
				file,
				`fichier de suivi verrouillé par une autre modification en cours (${path.basename(lockPath(file))}) : rien n’a été écrit, réessayez dans un instant.`,
			);
		}
		if (code === 'ENOENT') throw new StoreError(file, 'dossier du fichier de suivi introuvable.');
		if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS') {
			throw new StoreError(file, 'impossible de poser le verrou à côté du fichier de suivi (droits d’accès au dossier).');
		}
		throw new StoreError(file, `verrou impossible (${(error as Error).message}).`);
	}
	try {
		return await work({compromised: () => compromised});
	} finally {
		await release().catch(() => undefined); // a compromised lock is already gone
	}
}

/** Creates the store's folder (private) so that the lock and the first write can happen there. */
export async function ensureStoreFolder(file: string): Promise<void> {
	await fs.mkdir(path.dirname(path.resolve(file)), {recursive: true, mode: 0o700});
}
