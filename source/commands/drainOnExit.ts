// The dashboard's saves survive the end of the terminal: a closed window or a
// dropped SSH link (SIGHUP, then stdin ends or fails with EIO), SIGTERM (a
// shutdown, `kill`) or SIGINT from outside. Instead of dying at once with edits
// shown but still queued, the process stops drawing, waits for the save queue
// to be on disk, then exits (code 128 + signal, as the shell would report it).
// A second signal while draining is ignored; only SIGKILL cuts it short — and
// then the write-ahead intent (store/pendingWrite.ts) keeps store and journal in
// agreement.
import {constants} from 'node:os';

export interface DrainOptions {
	/** resolves once every save asked for is on disk or refused */
	readonly drain: () => Promise<void>;
	/** stop drawing (unmount Ink): the terminal may be gone */
	readonly stopScreen: () => void;
	readonly exit?: (code: number) => void;
}

const SIGNALS = ['SIGHUP', 'SIGTERM', 'SIGINT'] as const;

/** Installs the handlers; returns their removal (for a normal end, once the queue is drained by the caller). */
export function drainOnExit(options: DrainOptions): () => void {
	const exit = options.exit ?? ((code: number) => process.exit(code));
	let ending = false;
	const end = (code: number) => {
		if (ending) return;
		ending = true;
		try {
			options.stopScreen();
		} catch {
			// a terminal already gone
		}
		void options
			.drain()
			.catch(() => undefined)
			.finally(() => exit(code));
	};
	const onSignal = (signal: NodeJS.Signals) => end(128 + (constants.signals[signal] ?? 1));
	const lostTerminal = () => end(128 + constants.signals.SIGHUP);
	// writes to a terminal that is gone fail with EIO: not a reason to crash before the saves are done
	const ignore = () => undefined;
	for (const signal of SIGNALS) process.on(signal, onSignal);
	process.stdin.on('end', lostTerminal);
	process.stdin.on('error', lostTerminal);
	process.stdout.on('error', ignore);
	process.stderr.on('error', ignore);
	return () => {
		for (const signal of SIGNALS) process.off(signal, onSignal);
		process.stdin.off('end', lostTerminal);
		process.stdin.off('error', lostTerminal);
		process.stdout.off('error', ignore);
		process.stderr.off('error', ignore);
	};
}
