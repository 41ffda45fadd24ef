// What every reader of the store needs without loading zod or lowdb (the
// `report` command's start-up): the version, where the file is, the error.
import path from 'node:path';

export const STORE_VERSION = 1;

export const DEFAULT_STORE_PATH = path.join('data', 'caseload.json');

export class StoreError extends Error {
	constructor(
		readonly file: string,
		readonly reason: string,
	) {
		super(`${file} : ${reason}`);
		this.name = 'StoreError';
	}
}

/** `--data FILE`, else PLIE_TRIAGE_DATA, else data/caseload.json. */
export function resolveStorePath(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
	return flag ?? (env.PLIE_TRIAGE_DATA || DEFAULT_STORE_PATH);
}
