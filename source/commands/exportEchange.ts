// `plie-triage export --echange [--out FICHIER] [--force]`: the exchange workbook of the whole store.
import {isoFromDay} from '../domain/calendar.js';
import {visibleText} from '../domain/text.js';
import {readCaseload} from '../store/caseloadStore.js';
import type {CommandContext} from './context.js';
import {InputError} from '../domain/errors.js';
import {checkOutPath} from '../store/outPath.js';

export function defaultExchangeName(today: number): string {
	return `echange-${isoFromDay(today)}.xlsx`;
}

export async function runExportEchange(context: CommandContext): Promise<void> {
	const out = typeof context.flags.out === 'string' && context.flags.out !== '' ? context.flags.out : defaultExchangeName(context.today);
	// never the store or its files, always an .xlsx name (exit 2 before anything is read)
	await checkOutPath(out, {storePath: context.storePath, extension: '.xlsx', what: 'un classeur Excel'});
	// read-only: the light reader (same store and messages as openStore, without lowdb and zod when the file is sound)
	const store = {data: await readCaseload(context.storePath)};
	const {writeExchangeWorkbook, ExportFileExistsError} = await import('../io/exchangeWorkbook.js');
	try {
		await writeExchangeWorkbook(store.data.participants, out, {overwrite: context.flags.force === true});
	} catch (error) {
		// ExportFileExistsError is an InputError already: it goes out as it is
		const code = (error as NodeJS.ErrnoException).code;
		if (code === 'ENOENT') throw new InputError(`${out} : dossier introuvable.`);
		if (code === 'ENOTDIR') throw new InputError(`${out} : dossier introuvable (un élément du chemin est un fichier).`);
		if (code === 'EACCES' || code === 'EPERM') throw new InputError(`${out} : écriture refusée (droits d’accès).`);
		if (code === 'EISDIR') throw new InputError(`${out} : c’est un dossier ; donnez un nom de fichier avec --out.`);
		throw error;
	}
	const participants = store.data.participants;
	const steps = participants.reduce((sum, p) => sum + p.steps.length, 0);
	const events = participants.reduce((sum, p) => sum + p.events.length, 0);
	process.stdout.write(
		`Classeur d’échange écrit : ${visibleText(out)} (${participants.length} bénéficiaires, ${steps} étapes, ${events} événements).\n`,
	);
}
