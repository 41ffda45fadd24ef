// `plie-triage demo`: writes the invented demo caseload.
import {isoFromDay} from '../domain/calendar.js';
import {demoCaseload, demoNextCellule} from '../domain/demoCaseload.js';
import {openStore, saveStore} from '../store/openStore.js';
import type {CommandContext} from './context.js';

export async function writeDemo(storePath: string, today: number): Promise<number> {
	const store = await openStore(storePath, {create: true});
	store.data.participants = demoCaseload(today);
	store.data.settings = {...store.data.settings, nextCellule: demoNextCellule(today)};
	await saveStore(store);
	return store.data.participants.length;
}

export async function runDemo(context: CommandContext): Promise<void> {
	const count = await writeDemo(context.storePath, context.today);
	process.stdout.write(
		`Démo écrite : ${context.storePath} (${count} bénéficiaires inventés, dates relatives au ${isoFromDay(context.today)}).\n`,
	);
}
