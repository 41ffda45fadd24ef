// The two kinds of failure a user can cause, with the exit codes the CLI gives them
// (REFERENTIEL §6). Here, at the bottom of the layers, so that io/ and store/ can
// raise them without depending on the commands.

/** Bad flags or arguments: exit 2. */
export class UsageError extends Error {
	override readonly name: string = 'UsageError';
	readonly exitCode = 2;
}

/** A file the user gave cannot be used (store, import file…): exit 1, message names the file. */
export class InputError extends Error {
	override readonly name: string = 'InputError';
	readonly exitCode = 1;
}
