// `plie-triage demo`: writes the invented demo caseload. It never replaces a
// caseload that holds other people's files unless --force is given.
import {access} from 'node:fs/promises';
import {visibleText} from '../domain/text.js';
import {frenchDate} from '../domain/calendar.js';
import {demoCaseload, demoNextCellule} from '../domain/demoCaseload.js';
import {openCaseloadStore} from '../store/caseloadStore.js';
import type {CommandContext} from './context.js';
import {InputError} from '../domain/errors.js';

export async function writeDemo(storePath: string, today: number, force = false): Promise<number> {
	const participants = demoCaseload(today);
	const store = await openCaseloadStore(storePath);
	const {data} = await store.update(
		data => {
			const foreign = data.participants.filter(p => !p.id.startsWith('DEMO-')).length;
			if (foreign > 0 && !force) {
				throw new InputError(
					`${storePath} contient déjà ${foreign} dossier(s) qui ne sont pas ceux de la démo : rien n’a été écrit. ` +
						'Choisissez un autre fichier (--data) ou ajoutez --force pour le remplacer.',
				);
			}
			data.participants = participants;
			data.settings = {...data.settings, nextCellule: demoNextCellule(today)};
			return [{action: `démo écrite (${participants.length} bénéficiaires inventés)`}];
		},
		{create: true},
	).finally(() => store.close());
	return data.participants.length;
}

export async function runDemo(context: CommandContext): Promise<void> {
	const count = await writeDemo(context.storePath, context.today, context.flags.force === true);
	process.stdout.write(
		`Démo écrite : ${visibleText(context.storePath)} (${count} bénéficiaires inventés, dates relatives au ${frenchDate(context.today)}).\n`,
	);
}

export async function storeExists(file: string): Promise<boolean> {
	return access(file).then(
		() => true,
		() => false,
	);
}
