// Child process: the floor for the import — exceljs's streaming reader walking
// every row of every sheet of a workbook and doing nothing with them, with the
// reader options and the input stream the importer uses (source/io/readSheets.ts:
// zipSource works around unzipper ending the zip early on a busy machine, which
// would drop whole sheets and make this floor look faster). Prints the row count.
import ExcelJS from 'exceljs';

const file = process.argv[2];
if (!file) throw new Error('usage: walkRows FICHIER.xlsx');
const readSheetsModule = '../io/readSheets.js';
const {zipSource} = (await import(readSheetsModule).catch(() => ({}))) as {zipSource?: (file: string) => NodeJS.ReadableStream};
const input = zipSource ? zipSource(file) : file;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as any, {
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
