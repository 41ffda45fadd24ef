// The two kinds of failure the CLI reports, with their exit codes (REFERENTIEL §6).

/** Bad flags or arguments: exit 2. */
export class UsageError extends Error {
	readonly exitCode = 2;
}

/** A file the user gave cannot be used (store, import file…): exit 1, message names the file. */
export class InputError extends Error {
	readonly exitCode = 1;
}
