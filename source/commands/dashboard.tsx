// The keyboard dashboard: needs a terminal; opens the store, then hands over to Ink.
import {access} from 'node:fs/promises';
import {INDICATOR_IDS} from '../domain/indicators.js';
import type {CommandContext} from './context.js';
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
	if (context.flags.demoIfMissing === true) {
		const exists = await access(context.storePath).then(() => true, () => false);
		if (!exists) await (await import('./demo.js')).writeDemo(context.storePath, context.today);
	}
	const {storeRevision} = await import('../store/storeFile.js');
	// taken before the read: a colleague's save during the read is then seen by the first check
	const revision = await storeRevision(context.storePath);
	// the screens load while the store is read: both are needed before the first frame
	const [data, {render}, React, {Dashboard}, {EditSession}, {createEditHandler}] = await Promise.all([
		import('../store/readStore.js').then(({readStoreData}) => readStoreData(context.storePath)),
		import('ink'),
		import('react').then(module => module.default),
		import('../ui/Dashboard.js'),
		import('../store/editSession.js'),
		import('../ui/edits/editHandler.js'),
	]);
	const store = {data};
	const session = new EditSession(context.storePath, store.data, {}, revision);
	const editor = createEditHandler({session, today: context.today});
	const app = render(
		React.createElement(Dashboard, {
			initialParticipants: store.data.participants,
			initialSettings: store.data.settings,
			storePath: context.storePath,
			today: context.today,
			referent: context.referent,
			queue,
			color: !process.env.NO_COLOR,
			onEdit: editor,
			// a colleague's saved changes appear within a few seconds
			onStart: tools => editor.watch(tools),
		}),
		{exitOnCtrlC: true},
	);
	await app.waitUntilExit();
	// keys pressed just before q are still being saved: wait for them (a reload queued behind them)
	await session.reloadIfChanged().catch(() => false);
}
