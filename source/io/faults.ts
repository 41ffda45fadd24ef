// What an import found wrong, located the way the user will look for it:
// file, sheet, row number as the spreadsheet shows it (header = row 1), column, value.
import {InputError} from '../domain/errors.js';

export interface Fault {
	readonly sheet?: string;
	readonly row?: number;
	readonly column?: string;
	readonly value?: string;
	readonly problem: string;
}

/** `fichier.xlsx, feuille « Étapes », ligne 4, colonne « Début », valeur « 31/02/2026 » : date impossible` */
export function describeFault(fileName: string, fault: Fault): string {
	const where = [fileName];
	if (fault.sheet !== undefined) where.push(`feuille « ${fault.sheet} »`);
	if (fault.row !== undefined) where.push(`ligne ${fault.row}`);
	if (fault.column !== undefined) where.push(`colonne « ${fault.column} »`);
	if (fault.value === '') where.push('cellule vide');
	else if (fault.value !== undefined) where.push(`valeur « ${fault.value} »`);
	return `${where.join(', ')} : ${fault.problem}`;
}

/** The file itself cannot be read (missing, empty, not a spreadsheet, truncated): exit 1. */
export class ImportFileError extends InputError {
	override readonly name: string = 'ImportFileError';
	constructor(
		readonly file: string,
		readonly reason: string,
	) {
		super(`${file} : ${reason}`);
	}
}

/** The file was read but has faults: nothing is written (exit 1). */
export class ImportRejectedError extends InputError {
	override readonly name: string = 'ImportRejectedError';
	constructor(
		readonly file: string,
		readonly faults: readonly Fault[],
	) {
		const fileName = file.split(/[\\/]/).pop() ?? file;
		const count = faults.length === 1 ? '1 erreur' : `${faults.length} erreurs`;
		super(
			[
				`import refusé : ${count} dans « ${file} ». Rien n’a été écrit ; corrigez le fichier puis relancez l’import.`,
				...faults.map(fault => '  - ' + describeFault(fileName, fault)),
			].join('\n'),
		);
	}
}
