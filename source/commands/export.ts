// `plie-triage export --cellule DATE | --echange`: each workbook has its own module.
import type {CommandContext} from './context.js';
import {UsageError} from '../domain/errors.js';

export async function runExport(context: CommandContext): Promise<void> {
	const {cellule, echange} = context.flags;
	if (cellule !== undefined && echange === true) throw new UsageError('choisissez --cellule DATE ou --echange, pas les deux.');
	if (typeof cellule === 'string') return (await import('./exportCellule.js')).runExportCellule(context);
	if (echange === true) return (await import('./exportEchange.js')).runExportEchange(context);
	throw new UsageError('export : précisez --cellule AAAA-MM-JJ (préparation de la cellule) ou --echange (classeur d’échange).');
}
