// The XML parts of an .xlsx as text, read straight from the zip: what Excel or
// LibreOffice will read, whatever exceljs makes of it when reading back.
import {promises as fs} from 'node:fs';
import JSZip from 'jszip';

export async function xlsxParts(file: string): Promise<Map<string, string>> {
	const zip = await JSZip.loadAsync(await fs.readFile(file));
	const parts = new Map<string, string>();
	for (const [name, entry] of Object.entries(zip.files)) {
		if (!entry.dir && /\.(xml|rels)$/.test(name)) parts.set(name, await entry.async('string'));
	}
	return parts;
}

/** `xl/worksheets/sheetN.xml` by sheet name, from workbook.xml and its relationships. */
export function sheetParts(parts: Map<string, string>): Map<string, string> {
	const workbook = parts.get('xl/workbook.xml')!;
	const rels = parts.get('xl/_rels/workbook.xml.rels')!;
	const targets = new Map([...rels.matchAll(/<Relationship [^>]*Id="([^"]+)"[^>]*Target="([^"]+)"/g)].map(m => [m[1]!, m[2]!]));
	const sheets = new Map<string, string>();
	for (const match of workbook.matchAll(/<sheet [^>]*name="([^"]+)"[^>]*r:id="([^"]+)"/g)) {
		const target = targets.get(match[2]!)!.replace(/^\/?(xl\/)?/, '');
		sheets.set(decodeXml(match[1]!), parts.get(`xl/${target}`)!);
	}
	return sheets;
}

export function decodeXml(text: string): string {
	return text
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&apos;/g, "'")
		.replace(/&amp;/g, '&');
}

/** Every text of the workbook as Excel stores it: shared strings and inline strings, decoded. */
export function storedTexts(parts: Map<string, string>): string[] {
	const texts: string[] = [];
	for (const [name, xml] of parts) {
		if (!name.startsWith('xl/')) continue;
		for (const match of xml.matchAll(/<t(?: [^>]*)?>([^<]*)<\/t>/g)) texts.push(decodeXml(match[1]!));
	}
	return texts;
}
