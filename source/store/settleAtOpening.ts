// At the opening of the dashboard or of `journal`: a write a crash interrupted
// (store.pending left behind, see pendingWrite.ts) is settled now, so that the
// journal read agrees with the store. Light when there is none (one stat, no
// lock code loaded: the dashboard's first frame waits for this).
import {promises as fs} from 'node:fs';
import type {LockOptions} from './lock.js';
import {pendingPath} from './storePaths.js';
import {resolveWriteTarget} from './writeTarget.js';

/** Never throws: a busy or read-only store is settled by its next write. */
export async function settleAtOpening(file: string, options: {lock?: LockOptions} = {}): Promise<void> {
	try {
		const target = await resolveWriteTarget(file);
		if (!(await fs.stat(pendingPath(target)).then(() => true, () => false))) return;
		const {withStoreLock} = await import('./lock.js');
		await withStoreLock(file, async () => undefined, {waitMs: 2000, ...options.lock});
	} catch {
		// the next write settles it
	}
}
