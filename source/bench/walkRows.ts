// Child process: the reference floor for the import — exceljs's streaming reader
// walking every row of every sheet of a workbook and doing nothing with them. The
// import no longer uses exceljs to read (source/io/xlsx/); this floor is kept so
// that the budget keeps comparing with what the import once was built on. The
// input stream works around unzipper ending the zip early on a busy machine,
// which would drop whole sheets and make this floor look faster. Prints the row count.
import {createReadStream} from 'node:fs';
import type {Readable, Writable} from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * exceljs' streaming reader loses zip entries at random under load: its unzipper
 * Parse emits 'end' as soon as the file is read, while parsed entries still wait
 * in its readable buffer. This input swaps that listener for a proper end of the
 * readable side (push(null): buffered entries are still delivered).
 */
function zipSource(file: string): Readable {
	const source = createReadStream(file);
	const pipe = source.pipe.bind(source);
	source.pipe = (<T extends NodeJS.WritableStream>(destination: T, options?: {end?: boolean}) => {
		const zip = destination as unknown as Writable & {push?: (chunk: unknown) => boolean};
		const early = zip.listeners('finish').find(listener => /emit\(\s*['"]end['"]/.test(String(listener)));
		if (early !== undefined && typeof zip.push === 'function') {
			zip.removeListener('finish', early as (...args: unknown[]) => void);
			zip.on('finish', () => zip.push!(null));
		}
		return pipe(destination, options);
	}) as typeof source.pipe;
	return source;
}

const file = process.argv[2];
if (!file) throw new Error('usage: walkRows FICHIER.xlsx');
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const reader = new ExcelJS.stream.xlsx.WorkbookReader(zipSource(file) as any, {
	worksheets: 'emit',
	sharedStrings: 'cache',
	hyperlinks: 'ignore',
	styles: 'ignore',
	entries: 'ignore',
});
let rows = 0;
for await (const worksheet of reader) {
	for await (const _row of worksheet) rows++;
}
process.stdout.write(JSON.stringify({rows}) + '\n');
