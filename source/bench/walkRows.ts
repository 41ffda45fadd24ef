// Child process: the floor for the import — exceljs's streaming reader walking
// every row of every sheet of a workbook and doing nothing with them, with the
// reader options the importer uses (source/io/readSheets.ts). Prints the row count.
import ExcelJS from 'exceljs';

const file = process.argv[2];
if (!file) throw new Error('usage: walkRows FICHIER.xlsx');
const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
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
