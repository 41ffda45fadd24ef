// `plie-triage report --json | head`: the reader leaving early is no error of
// ours. Without this, Node ends the command with its English stack trace of the
// EPIPE; here it stops quietly, with the exit code it had so far.
export function endQuietlyWhenPipeCloses(stream: NodeJS.WriteStream = process.stdout): void {
	stream.on('error', error => {
		if ((error as NodeJS.ErrnoException).code === 'EPIPE') process.exit(process.exitCode ?? 0);
		throw error;
	});
}
