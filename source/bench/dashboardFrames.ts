// Child process: the dashboard as `plie-triage` opens it (openStore, then Ink,
// React and the Dashboard), rendered into an in-memory 120×40 terminal.
// Measures the first frame (ms since the process started) and, on a queue, the
// time from each ↓ keypress to the frame Ink writes for it.
// Ink renders with debug: true here: every render is written at once instead of
// being throttled to 30 frames a second, so the time is the work a key costs.
import {EventEmitter} from 'node:events';

const [file, todayText, queue, keyCountText] = process.argv.slice(2);
if (!file || !todayText) throw new Error('usage: dashboardFrames STORE AAAA-MM-JJ [QUEUE] [KEYS]');
const keyCount = Number(keyCountText ?? 100);
const DOWN = '\u001B[B';

class FakeStdout extends EventEmitter {
	readonly columns = 120;
	readonly rows = 40;
	readonly isTTY = true;
	frames = 0;
	last = '';
	write = (frame: string): boolean => {
		this.frames++;
		this.last = frame;
		this.emit('frame', frame);
		return true;
	};
}

class FakeStdin extends EventEmitter {
	readonly isTTY = true;
	private data: string | null = null;
	write(data: string): void {
		this.data = data;
		this.emit('readable');
		this.emit('data', data);
	}
	read = (): string | null => {
		const data = this.data;
		this.data = null;
		return data;
	};
	setEncoding(): void {}
	setRawMode(): void {}
	resume(): void {}
	pause(): void {}
	ref(): void {}
	unref(): void {}
}

function nextFrame(stdout: FakeStdout, timeoutMs = 5000): Promise<string> {
	return new Promise((resolve, reject) => {
		const timer = setTimeout(() => reject(new Error('aucune image')), timeoutMs);
		stdout.once('frame', (frame: string) => {
			clearTimeout(timer);
			resolve(frame);
		});
	});
}

const settle = () => new Promise(resolve => setImmediate(resolve));

// as dist/cli.js does before it loads React
process.env.NODE_ENV ??= 'production';

const {openStore} = await import('../store/openStore.js');
const {toDay} = await import('../domain/calendar.js');
const today = toDay(todayText);
const store = await openStore(file);
const dashboardModule = '../ui/Dashboard.js';
const [{render}, React, {Dashboard}] = await Promise.all([import('ink'), import('react'), import(dashboardModule)]);

function open(props: Record<string, unknown>) {
	const stdout = new FakeStdout();
	const stdin = new FakeStdin();
	const stderr = new FakeStdout();
	const frame = nextFrame(stdout, 60_000);
	const app = render(
		React.createElement(Dashboard, {
			initialParticipants: store.data.participants,
			initialSettings: store.data.settings,
			storePath: file,
			today,
			color: true,
			...props,
		}),
		// eslint-disable-next-line @typescript-eslint/no-explicit-any
		{stdout: stdout as any, stdin: stdin as any, stderr: stderr as any, debug: true, exitOnCtrlC: false, patchConsole: false},
	);
	return {app, stdout, stdin, frame};
}

const first = open({});
await first.frame;
const firstFrameMs = performance.now();
first.app.unmount();

let keypressMs: number[] = [];
let moved = false;
if (queue) {
	const view = open({queue});
	const opened = await view.frame;
	await settle();
	for (let i = 0; i < keyCount; i++) {
		const frame = nextFrame(view.stdout);
		const start = performance.now();
		view.stdin.write(DOWN);
		await frame;
		keypressMs.push(performance.now() - start);
		await settle();
	}
	moved = view.stdout.last !== opened;
	view.app.unmount();
}
process.stdout.write(JSON.stringify({firstFrameMs, keypressMs, moved}) + '\n');
process.exit(0);
