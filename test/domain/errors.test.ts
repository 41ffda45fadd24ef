// Every error a user may meet carries its exit code (1 a file, 2 usage), which is
// all the command line and the import worker go by (domain/errors.ts).
import {describe, expect, it} from 'vitest';
import {exitCodeOf, InputError, UsageError} from '../../source/domain/errors.js';
import {CelluleFileExistsError} from '../../source/io/celluleWorkbook.js';
import {ExportFileExistsError} from '../../source/io/exchangeWorkbook.js';
import {ImportFileError, ImportRejectedError} from '../../source/io/faults.js';
import {LockError} from '../../source/store/lock.js';
import {StoreError} from '../../source/store/storeBasics.js';

describe('the errors a user may meet', () => {
	const cases: Array<[string, Error, 1 | 2]> = [
		['a usage error', new UsageError('--today : date impossible'), 2],
		['a store refused', new StoreError('caseload.json', 'ce n’est pas un fichier JSON valide'), 1],
		['a store locked', new LockError('caseload.json', 'fichier occupé'), 1],
		['an import file unreadable', new ImportFileError('x.xlsx', 'le fichier est vide.'), 1],
		['an import refused', new ImportRejectedError('x.xlsx', [{problem: 'date impossible'}]), 1],
		['an export over a file', new ExportFileExistsError('echange.xlsx'), 1],
		['a cellule workbook over a file', new CelluleFileExistsError('cellule.xlsx'), 1],
	];
	it.each(cases)('%s carries its exit code and extends the usage or input error', (_, error, code) => {
		expect(exitCodeOf(error)).toBe(code);
		expect(error instanceof (code === 2 ? UsageError : InputError)).toBe(true);
	});

	it('an error from another copy of the classes (the dashboard bundle) or sent as data (the import worker) is told by its exit code', () => {
		expect(exitCodeOf({name: 'Whatever', message: 'x', exitCode: 1})).toBe(1);
		expect(exitCodeOf(Object.assign(new Error('x'), {exitCode: 2}))).toBe(2);
		expect(exitCodeOf(new Error('bug'))).toBeUndefined();
		expect(exitCodeOf(Object.assign(new Error('EACCES'), {code: 'EACCES'}))).toBeUndefined();
		expect(exitCodeOf(undefined)).toBeUndefined();
	});
});
