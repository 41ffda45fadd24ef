// Which cell styles show a number as a date (xl/styles.xml): a cell's `s` is an
// index into <cellXfs>, each <xf> names a number format, built in (by id) or
// declared in <numFmts> (by its code). Only a date cell becomes a day; a number
// elsewhere stays a number (a date column still reads it as an Excel serial).
import {parseXml} from './xmlText.js';

/** Built-in formats that show a date (14–17, 22; 27–36 and 50–58: East Asian dates). Times alone (18–21, 45–47) are not days. */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/**
 * A format code shows a date when, outside quoted text, escaped characters and
 * [brackets] (colours, conditions, locales, elapsed [h]), it has a day or a year.
 */
export function isDateFormatCode(code: string): boolean {
	const bare = code
		.replace(/"[^"]*"/g, '')
		.replace(/\\./g, '')
		.replace(/\[[^\]]*\]/g, '');
	// only the first section counts for a positive number
	const first = bare.split(';')[0] ?? '';
	return /[dy]/i.test(first.replace(/General/gi, ''));
}

/** For each style index, whether it shows numbers as dates. */
export async function readDateStyles(chunks: AsyncIterable<Uint8Array>, part: string): Promise<boolean[]> {
	const customDates = new Map<number, boolean>();
	const formats: number[] = [];
	let section: 'cellXfs' | 'numFmts' | undefined;
	let xfDepth = 0;
	const handler = {
		open(name: string, attributes: Readonly<Record<string, string>>): void {
			if (name === 'cellXfs' || name === 'numFmts') section = name;
			else if (section === 'numFmts' && name === 'numFmt') {
				const id = Number(attributes.numFmtId);
				if (Number.isInteger(id)) customDates.set(id, isDateFormatCode(attributes.formatCode ?? ''));
			} else if (section === 'cellXfs' && name === 'xf') {
				if (xfDepth++ === 0) formats.push(Number(attributes.numFmtId ?? 0));
			}
		},
		close(name: string): void {
			if (name === section) section = undefined;
			else if (name === 'xf' && section === 'cellXfs') xfDepth--;
		},
		text(): void {},
	};
	for await (const _ of parseXml(chunks, handler, part));
	return formats.map(id => customDates.get(id) ?? BUILT_IN_DATES.has(id));
}
