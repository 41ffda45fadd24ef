// Crash points for the tests of the write path: with NODE_ENV=test and
// PLIE_TRIAGE_FAULT=<point>, the process kills itself (SIGKILL) when a write
// reaches that point, as a power cut or `kill -9` would. Nothing happens in any
// other case: the CLI sets NODE_ENV=production unless told otherwise.
//
// Points, in the order of a write (store/storeFile.ts commitStore):
//   after-backup    bak1 written (the previous version), nothing else
//   after-temp      the new store complete in its temp file, no intent yet
//   after-pending   the intent (store.pending) on disk, the store not renamed yet
//   after-rename    the new store in place, the journal not appended
//   after-journal   the journal appended, the intent not removed
export const FAULT_POINTS = ['after-backup', 'after-temp', 'after-pending', 'after-rename', 'after-journal'] as const;
export type FaultPoint = (typeof FAULT_POINTS)[number];

export function faultPoint(point: FaultPoint, env: NodeJS.ProcessEnv = process.env): void {
	if (env.NODE_ENV === 'test' && env.PLIE_TRIAGE_FAULT === point) process.kill(process.pid, 'SIGKILL');
}
