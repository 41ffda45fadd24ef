// Driving the built CLI in a real terminal: a private tmux server, 80×24 sessions,
// and polls for what the screen or a file shows (the terminal draws asynchronously).
import {execFileSync} from 'node:child_process';
import {existsSync, readFileSync} from 'node:fs';

const pause = (ms: number) => new Promise(resolve => setTimeout(resolve, ms));

export function tmuxDriver(socket: string) {
	const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', socket, ...args], {encoding: 'utf8'});

	return {
		tmux,

		/** Starts `command` in a new 80×24 session, in `cwd`, with extra environment variables. */
		start(session: string, command: string, options: {cwd: string; env?: Record<string, string>}): void {
			const vars = Object.entries(options.env ?? {}).map(([k, v]) => `${k}=${v}`);
			const args = ['new-session', '-d', '-s', session, '-x', '80', '-y', '24', '-c', options.cwd, 'env', ...vars, 'sh', '-c', command];
			try {
				tmux(...args);
			} catch (error) {
				// the private server quits with its last session: a new one started at that moment finds it gone
				if (!String((error as Error).message).includes('server exited unexpectedly')) throw error;
				execFileSync('sleep', ['0.3']);
				tmux(...args);
			}
		},

		/** The screen once one of `texts` is on it. */
		async screenWith(session: string, texts: string | string[], timeoutMs = 15_000): Promise<string> {
			const wanted = Array.isArray(texts) ? texts : [texts];
			const start = Date.now();
			let screen = '';
			while (Date.now() - start < timeoutMs) {
				screen = tmux('capture-pane', '-p', '-t', session);
				if (wanted.some(text => screen.includes(text))) return screen;
				await pause(100);
			}
			throw new Error(`« ${wanted.join(' » / « ')} » never appeared on the screen:\n${screen}`);
		},

		/** The text of `file` once a complete line is in it. */
		async fileWith(file: string, timeoutMs = 15_000): Promise<string> {
			const start = Date.now();
			while (Date.now() - start < timeoutMs) {
				if (existsSync(file)) {
					const text = readFileSync(file, 'utf8');
					if (text.includes('\n')) return text;
				}
				await pause(100);
			}
			throw new Error(`${file} was never written`);
		},

		/** The screen once it has stopped changing for `quietMs` (every key handled, every save shown). */
		async quietScreen(session: string, quietMs = 700, timeoutMs = 20_000): Promise<string> {
			const start = Date.now();
			let screen = tmux('capture-pane', '-p', '-t', session);
			let since = Date.now();
			while (Date.now() - start < timeoutMs) {
				await pause(100);
				const now = tmux('capture-pane', '-p', '-t', session);
				if (now !== screen) {
					screen = now;
					since = Date.now();
				} else if (Date.now() - since >= quietMs) return screen;
			}
			throw new Error(`the screen never settled:\n${screen}`);
		},

		/** Ends the private server (already gone once its last session ended). */
		kill(): void {
			try {
				tmux('kill-server');
			} catch {
				// nothing left to end
			}
		},
	};
}

