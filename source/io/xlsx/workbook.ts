// The workbook's table of contents: which part is the workbook (_rels/.rels),
// its sheets in order with their names and visibility, the date system
// (xl/workbook.xml), and where each sheet, the shared strings and the styles
// are (xl/_rels/workbook.xml.rels).
import path from 'node:path';
import {LIMITS, frenchNumber} from './limits.js';
import {ReadRefusal} from './refusal.js';
import {parseXml, prefixedAttribute} from './xmlText.js';
import type {ZipArchive} from './zip.js';

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface WorkbookSheet {
	readonly name: string;
	/** the sheet's part in the zip */
	readonly part: string;
	readonly state: SheetState;
}

export interface WorkbookInfo {
	readonly sheets: readonly WorkbookSheet[];
	/** dates counted from 1904 (old Mac Excel) */
	readonly date1904: boolean;
	readonly sharedStrings?: string;
	readonly styles?: string;
}

interface Relationship {
	readonly type: string;
	readonly part: string;
}

const NOT_A_WORKBOOK =
	'ce n’est pas un classeur Excel (.xlsx) : il lui manque le classeur lui-même (xl/workbook.xml). ' +
	'Un document Word ou OpenDocument, une archive renommée ? Enregistrez-le en .xlsx ou en .csv.';

/** `_rels/.rels` → `` (the package), `xl/_rels/workbook.xml.rels` → `xl`. */
function relsFolder(relsPart: string): string {
	return path.posix.dirname(path.posix.dirname(relsPart)).replace(/^\.$/, '');
}

/** The relationships of a part, by id; external targets (links to other files) are left out. */
async function readRelationships(zip: ZipArchive, relsPart: string): Promise<Map<string, Relationship>> {
	const relationships = new Map<string, Relationship>();
	const folder = relsFolder(relsPart);
	const handler = {
		open(name: string, attributes: Readonly<Record<string, string>>): void {
			if (name !== 'Relationship' || attributes.TargetMode === 'External') return;
			const {Id: id, Type: type = '', Target: target} = attributes;
			if (id === undefined || target === undefined) return;
			const part = target.startsWith('/') ? target.slice(1) : path.posix.normalize(path.posix.join(folder, target));
			relationships.set(id, {type, part});
		},
		close(): void {},
		text(): void {},
	};
	for await (const _ of parseXml(zip.read(relsPart), handler, relsPart));
	return relationships;
}

function ofType(relationships: ReadonlyMap<string, Relationship>, type: string): string | undefined {
	for (const relationship of relationships.values()) if (relationship.type.endsWith(`/${type}`)) return relationship.part;
	return undefined;
}

async function workbookPart(zip: ZipArchive): Promise<string> {
	if (zip.has('_rels/.rels')) {
		const part = ofType(await readRelationships(zip, '_rels/.rels'), 'officeDocument');
		if (part !== undefined && zip.has(part)) return part;
	}
	if (zip.has('xl/workbook.xml')) return 'xl/workbook.xml';
	throw new ReadRefusal(NOT_A_WORKBOOK);
}

export async function readWorkbookInfo(zip: ZipArchive): Promise<WorkbookInfo> {
	const part = await workbookPart(zip);
	const listed: Array<{name: string; id: string | undefined; state: SheetState}> = [];
	let date1904 = false;
	const handler = {
		open(name: string, attributes: Readonly<Record<string, string>>): void {
			if (name === 'workbookPr') date1904 = attributes.date1904 === '1' || attributes.date1904 === 'true';
			else if (name === 'sheet') {
				if (listed.length >= LIMITS.sheets) throw new ReadRefusal(`plus de ${frenchNumber(LIMITS.sheets)} feuilles (limite) : refusé.`);
				const state = attributes.state === 'hidden' || attributes.state === 'veryHidden' ? attributes.state : 'visible';
				listed.push({name: attributes.name ?? '', id: prefixedAttribute(attributes, 'id'), state});
			}
		},
		close(): void {},
		text(): void {},
	};
	for await (const _ of parseXml(zip.read(part), handler, part));
	const relsPart = path.posix.join(path.posix.dirname(part), '_rels', `${path.posix.basename(part)}.rels`);
	if (!zip.has(relsPart)) throw new ReadRefusal(`classeur incomplet : la liste de ses parties (${relsPart}) manque. Ouvrez-le dans Excel et enregistrez-le de nouveau.`);
	const relationships = await readRelationships(zip, relsPart);
	const sheets: WorkbookSheet[] = [];
	for (const sheet of listed) {
		const relationship = sheet.id === undefined ? undefined : relationships.get(sheet.id);
		// a chart sheet or a dialog sheet holds no cells
		if (relationship !== undefined && !relationship.type.endsWith('/worksheet')) continue;
		if (relationship === undefined || !zip.has(relationship.part)) {
			throw new ReadRefusal(`classeur incomplet : la feuille « ${sheet.name} » est annoncée mais absente. Ouvrez-le dans Excel et enregistrez-le de nouveau.`);
		}
		sheets.push({name: sheet.name, part: relationship.part, state: sheet.state});
	}
	// some writers leave these two out of the relationships: their usual place then
	const sharedStrings = ofType(relationships, 'sharedStrings') ?? 'xl/sharedStrings.xml';
	const styles = ofType(relationships, 'styles') ?? 'xl/styles.xml';
	if (ofType(relationships, 'sharedStrings') !== undefined && !zip.has(sharedStrings)) {
		throw new ReadRefusal(`classeur incomplet : sa table des textes (${sharedStrings}) manque. Ouvrez-le dans Excel et enregistrez-le de nouveau.`);
	}
	return {
		sheets,
		date1904,
		...(zip.has(sharedStrings) ? {sharedStrings} : {}),
		...(zip.has(styles) ? {styles} : {}),
	};
}
