// The keyboard dashboard: needs a terminal; opens the store, then hands over to Ink.
import {access} from 'node:fs/promises';
import {INDICATOR_IDS} from '../domain/indicators.js';
import type {StoreNotice, StoreNoticeSink} from '../store/storeNotices.js';
import type {CommandContext} from './context.js';
import type {PostgresStore} from '../store/postgres/postgresStore.js';
import type {EditingSession} from '../store/editingSession.js';
import type {Editor} from '../ui/edits/editHandler.js';
import {UsageError} from '../domain/errors.js';

export const NO_TTY_MESSAGE =
	'le tableau de bord a besoin d’un terminal interactif. Pour une sortie texte, utilisez « plie-triage report » (ou « report --json »).';

/** `--queue ID` must name an indicator; the message lists the valid ids. */
export function checkQueueFlag(queue: unknown): string | undefined {
	if (queue === undefined) return undefined;
	if (typeof queue === 'string' && INDICATOR_IDS.includes(queue)) return queue;
	throw new UsageError(`--queue : indicateur inconnu « ${String(queue)} ». Indicateurs : ${INDICATOR_IDS.join(', ')}.`);
}

export async function runDashboard(context: CommandContext): Promise<void> {
	const queue = checkQueueFlag(context.flags.queue);
	if (!process.stdin.isTTY || !process.stdout.isTTY) throw new UsageError(NO_TTY_MESSAGE);
	// Ink draws only the last frame when it believes it runs in CI (CI or
	// CONTINUOUS_INTEGRATION set). Both ends are terminals here: a person is typing,
	// so the screen must follow. Read by Ink when it loads, below.
	for (const name of ['CI', 'CONTINUOUS_INTEGRATION']) if (name in process.env) process.env[name] = 'false';
	// From now on, keys typed while the store is read wait unechoed in the terminal's
	// buffer, Entrée included, for the dashboard to take them (a 10,000-person store
	// takes about a second; in the terminal's usual mode they would be printed).
	process.stdin.setRawMode(true);
	try {
		await openDashboard(context, queue);
	} finally {
		try {
			process.stdin.setRawMode(false);
		} catch {
			// the terminal is gone (closed window): nothing to restore
		}
	}
}

async function openDashboard(context: CommandContext, queue: string | undefined): Promise<void> {
	// the team's PostgreSQL base (issue 18): no file to scan, the session reads the rows
	if ((await import('../store/postgres/url.js')).isDatabaseUrl(context.storePath)) return openTeamDashboard(context, queue);
	if (context.flags.demoIfMissing === true) {
		const exists = await access(context.storePath).then(() => true, () => false);
		if (!exists) await (await import('./demo.js')).writeDemo(context.storePath, context.today);
	}
	// the store's notices (a stale lock taken over, an interrupted write settled) wait
	// for the screen: on stderr, Ink would draw over them
	const {setStoreNoticeSink} = await import('../store/storeNotices.js');
	const early: StoreNotice[] = [];
	const previousSink = setStoreNoticeSink(notice => early.push(notice));
	try {
		await showDashboard(context, queue, (sink: StoreNoticeSink) => {
			setStoreNoticeSink(sink);
			for (const notice of early.splice(0)) sink(notice);
		});
	} finally {
		setStoreNoticeSink(previousSink);
		for (const notice of early) previousSink(notice);
	}
}

async function showDashboard(context: CommandContext, queue: string | undefined, noticesTo: (sink: StoreNoticeSink) => void): Promise<void> {
	// a write a crash interrupted is settled before anything is read (store/pendingWrite.ts)
	await (await import('../store/settleAtOpening.js')).settleAtOpening(context.storePath);
	const {storeRevision} = await import('../store/storeBasics.js');
	// taken before the read: a colleague's save during the read is then seen by the first check
	const revision = await storeRevision(context.storePath);
	loadInkEarly();
	const {readStoreBytes, storeFromBytes} = await import('../store/readStore.js');
	const bytes = await readStoreBytes(context.storePath);
	const color = !process.env.NO_COLOR;
	// the counts first, from a scan of the bytes; then the participants, for the queues and files
	const app = queue === undefined && context.referent === undefined ? await showPreview(context, bytes, color) : undefined;
	const screen: Screen = {app};
	try {
		const data = await storeFromBytes(context.storePath, bytes);
		const {EditSession} = await import('../store/editSession.js');
		const session = new EditSession(context.storePath, data, {}, revision);
		await runOnSession(context, queue, color, session, screen, async editor => {
			noticesTo(editor.storeNotice);
			// a read-only store: said at once, before anyone types an edit that would be refused
			const readOnly = await (await import('../store/lock.js')).readOnlyReason(context.storePath);
			if (readOnly !== undefined) editor.storeNotice({kind: 'notice', text: `${readOnly} Les modifications seront refusées.`});
		});
	} catch (error) {
		screen.app?.unmount();
		throw error;
	}
}

type InkInstance = ReturnType<typeof import('ink').render>;

/**
 * The dashboard on a PostgreSQL base: the same screens, edits saved row by row
 * (store/postgres/). As on a file, the counts show first: the rows are read as a
 * store file's bytes (store/postgres/snapshot.ts) while the screens load, and
 * scanned; they are parsed for the session after the first frame, while the
 * session's own modules load.
 */
async function openTeamDashboard(context: CommandContext, queue: string | undefined): Promise<void> {
	const {checkDatabaseUrl} = await import('../store/postgres/url.js');
	const {Connection, visibleTo} = await import('../store/postgres/connection.js');
	const url = checkDatabaseUrl(context.storePath);
	// a login without access is refused here, in French, before anything is read
	const connection = await Connection.open(url);
	let store: PostgresStore | undefined;
	const screen: Screen = {};
	try {
		const snapshot = (await import('../store/postgres/snapshot.js')).readRowsSnapshot(connection);
		snapshot.catch(() => undefined); // a failed read is thrown where it is awaited
		loadInkEarly();
		const color = !process.env.NO_COLOR;
		if (queue === undefined && context.referent === undefined) {
			const [{render}, React, {DashboardPreview}, {previewQueues}, rows] = await Promise.all([
				import('ink'),
				import('react').then(module => module.default),
				import('../ui/DashboardPreview.js'),
				import('../store/postgres/snapshotCounts.js'),
				snapshot,
			]);
			const counts = previewQueues(rows, context.today);
			if (counts !== undefined) {
				screen.app = render(React.createElement(DashboardPreview, {...counts, storePath: context.storePath, today: context.today, color, visible: visibleTo(connection.access)}), {
					exitOnCtrlC: true,
				});
			}
		}
		const {PostgresStore} = await import('../store/postgres/postgresStore.js');
		store = new PostgresStore(url, connection);
		await runOnSession(context, queue, color, await store.openSession({}, await snapshot), screen);
	} catch (error) {
		screen.app?.unmount();
		throw error;
	} finally {
		await (store ?? connection).close();
	}
}

/** Ink and React load while the store is read (the process would only wait then); runOnSession takes them. */
function loadInkEarly(): void {
	Promise.all([import('ink'), import('react')]).catch(() => undefined);
}

/** The Ink instance on screen: the preview, then the dashboard in its place. */
interface Screen {
	app?: InkInstance;
}

/**
 * The dashboard on an opened session (file or base), until q: it takes the
 * preview's place on screen; `prepare` gets the edit handler before the first
 * frame. Saves still queued at the end, or when the terminal closes, reach the store.
 */
async function runOnSession(
	context: CommandContext,
	queue: string | undefined,
	color: boolean,
	session: EditingSession,
	screen: Screen,
	prepare?: (editor: Editor) => Promise<void>,
): Promise<void> {
	const [{render}, React, {Dashboard}, {createEditHandler}, {drainOnExit}] = await Promise.all([
		import('ink'),
		import('react').then(module => module.default),
		import('../ui/Dashboard.js'),
		import('../ui/edits/editHandler.js'),
		import('./drainOnExit.js'),
	]);
	const editor = createEditHandler({session, today: context.today});
	await prepare?.(editor);
	// a closed terminal, SIGHUP, SIGTERM: the queued saves are written before the process ends
	const stopDraining = drainOnExit({
		drain: () => session.drain(),
		stopScreen: () => {
			screen.app?.unmount();
			process.stdin.setRawMode(false);
		},
	});
	try {
		const dashboard = React.createElement(Dashboard, {
			initialParticipants: session.data.participants,
			initialSettings: session.data.settings,
			storePath: context.storePath,
			today: context.today,
			referent: context.referent,
			queue,
			color,
			visible: session.visible,
			onEdit: editor,
			// a colleague's saved changes appear within a few seconds
			onStart: tools => editor.watch(tools),
			saveStatus: editor.saveStatus,
		});
		if (screen.app) screen.app.rerender(dashboard);
		else screen.app = render(dashboard, {exitOnCtrlC: true});
		await screen.app.waitUntilExit();
		// keys pressed just before q are still being saved: wait for them
		await session.drain();
	} finally {
		stopDraining();
	}
}

/**
 * The dashboard's counts on screen before the participants are read
 * (ui/DashboardPreview.tsx); undefined when the scan leaves the file to the usual
 * reader (which then says what is wrong with it).
 */
async function showPreview(context: CommandContext, bytes: Buffer, color: boolean): Promise<InkInstance | undefined> {
	const {scanStore} = await import('../store/storeScan.js');
	const scanned = scanStore(bytes, {today: context.today, hideSnoozed: true});
	if (scanned === undefined) return undefined;
	const [{render}, React, {DashboardPreview}] = await Promise.all([
		import('ink'),
		import('react').then(module => module.default),
		import('../ui/DashboardPreview.js'),
	]);
	const preview = React.createElement(DashboardPreview, {
		queues: scanned.queues,
		settings: scanned.settings,
		storePath: context.storePath,
		today: context.today,
		color,
	});
	return render(preview, {exitOnCtrlC: true});
}
