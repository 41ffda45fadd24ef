// Workbooks written part by part, as the test needs them (odd cell types, rich
// text, phonetic runs, hidden sheets, damage): the XML of each part is given, the
// zip is built by test/helpers/zipWriter.ts. Invented people only.
import {type ZipEntry, type ZipOptions, zipBytes} from '../helpers/zipWriter.js';

export interface SheetPart {
	readonly name: string;
	/** the <sheetData> content: <row> elements */
	readonly rows: string;
	readonly state?: 'hidden' | 'veryHidden';
}

export interface WorkbookParts {
	readonly sheets: readonly SheetPart[];
	/** the <sst> content: <si> elements (no shared strings part when undefined) */
	readonly sharedStrings?: string;
	/** the <cellXfs> content and the <numFmts> content */
	readonly cellXfs?: string;
	readonly numFmts?: string;
	readonly date1904?: boolean;
}

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG = 'http://schemas.openxmlformats.org/package/2006/relationships';

export function xmlEscape(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** A row of inline-string and number cells, from column A: strings become <is>, numbers <v>, undefined is skipped. */
export function row(number: number, values: ReadonlyArray<string | number | undefined>): string {
	const cells = values
		.map((value, i) => {
			const ref = `${String.fromCharCode(65 + i)}${number}`;
			if (value === undefined) return '';
			if (typeof value === 'number') return `<c r="${ref}"><v>${value}</v></c>`;
			return `<c r="${ref}" t="inlineStr"><is><t>${xmlEscape(value)}</t></is></c>`;
		})
		.join('');
	return `<row r="${number}">${cells}</row>`;
}

export function workbookEntries(parts: WorkbookParts): ZipEntry[] {
	const sheets = parts.sheets
		.map((sheet, i) => `<sheet name="${xmlEscape(sheet.name)}" sheetId="${i + 1}"${sheet.state ? ` state="${sheet.state}"` : ''} r:id="rId${i + 1}"/>`)
		.join('');
	const rels = parts.sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`);
	rels.push(`<Relationship Id="rIdS" Type="${REL}/styles" Target="styles.xml"/>`);
	if (parts.sharedStrings !== undefined) rels.push(`<Relationship Id="rIdT" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
	const entries: ZipEntry[] = [
		{name: '[Content_Types].xml', data: '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'},
		{name: '_rels/.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`},
		{
			name: 'xl/workbook.xml',
			data: `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${parts.date1904 ? '<workbookPr date1904="1"/>' : '<workbookPr/>'}<sheets>${sheets}</sheets></workbook>`,
		},
		{name: 'xl/_rels/workbook.xml.rels', data: `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="${PKG}">${rels.join('')}</Relationships>`},
		{
			name: 'xl/styles.xml',
			data:
				`<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${parts.numFmts ? `<numFmts>${parts.numFmts}</numFmts>` : ''}` +
				`<cellXfs>${parts.cellXfs ?? '<xf numFmtId="0"/><xf numFmtId="14"/>'}</cellXfs></styleSheet>`,
		},
	];
	if (parts.sharedStrings !== undefined) {
		entries.push({name: 'xl/sharedStrings.xml', data: `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}">${parts.sharedStrings}</sst>`});
	}
	parts.sheets.forEach((sheet, i) => {
		entries.push({name: `xl/worksheets/sheet${i + 1}.xml`, data: `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${sheet.rows}</sheetData></worksheet>`});
	});
	return entries;
}

export function workbookBytes(parts: WorkbookParts, options?: ZipOptions): Buffer {
	return zipBytes(workbookEntries(parts), options);
}
