// The two kinds of failure a user can cause, with the exit codes the CLI gives them
// (REFERENTIEL §6). Here, at the bottom of the layers, so that io/ and store/ can
// raise them without depending on the commands. Every error a user may meet
// extends one of them (StoreError, LockError, ImportFileError…), and the command
// line and the import worker tell them apart by `exitCode` alone: the dashboard's
// bundle carries its own copies of these classes, and an error that crossed from
// the import worker is plain data, so neither `instanceof` nor a class name would do.

/** Bad flags or arguments: exit 2. */
export class UsageError extends Error {
	override readonly name: string = 'UsageError';
	readonly exitCode: 2 = 2;
}

/** A file the user gave cannot be used (store, import file…): exit 1, message names the file. */
export class InputError extends Error {
	override readonly name: string = 'InputError';
	readonly exitCode: 1 = 1;
}

/** The exit code a user's error carries (1 a file, 2 usage); undefined for anything else (a bug, a system failure). */
export function exitCodeOf(error: unknown): 1 | 2 | undefined {
	const code = typeof error === 'object' && error !== null ? (error as {exitCode?: unknown}).exitCode : undefined;
	return code === 1 || code === 2 ? code : undefined;
}
