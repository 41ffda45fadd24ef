// The import, run in a worker thread with a larger young generation (see import.ts).
import {parentPort, workerData} from 'node:worker_threads';
import type {Day} from '../domain/calendar.js';
import {exitCodeOf} from '../domain/errors.js';
import {importFile} from '../io/importFile.js';

export interface ImportJob {
	readonly file: string;
	readonly storePath: string;
	readonly today: Day;
	readonly dryRun: boolean;
}

/** What the worker posts back: the result, or the error as plain data (its exit code, message, stack). */
export type ImportOutcome =
	| {readonly ok: true; readonly result: Awaited<ReturnType<typeof importFile>>}
	| {
			readonly ok: false;
			/** a user's error: the exit code it carries (domain/errors.ts), which the command line goes by */
			readonly exitCode?: 1 | 2;
			readonly name: string;
			readonly message: string;
			readonly stack?: string;
			/** a file-system error's code, path and dest, so that the command line can describe it */
			readonly code?: string;
			readonly path?: string;
			readonly dest?: string;
	  };

const job = workerData as ImportJob;
let outcome: ImportOutcome;
try {
	outcome = {ok: true, result: await importFile(job.file, {storePath: job.storePath, today: job.today, dryRun: job.dryRun})};
} catch (error) {
	const {name, message, stack} = error as Error;
	const {code, path, dest} = error as {code?: unknown; path?: unknown; dest?: unknown};
	const exitCode = exitCodeOf(error);
	outcome = {
		ok: false,
		...(exitCode === undefined ? {} : {exitCode}),
		name: String(name),
		message: String(message),
		stack,
		...(typeof code === 'string' ? {code} : {}),
		...(typeof path === 'string' ? {path} : {}),
		...(typeof dest === 'string' ? {dest} : {}),
	};
}
parentPort!.postMessage(outcome);
