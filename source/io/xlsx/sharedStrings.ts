// The shared-strings table (xl/sharedStrings.xml): every text of the workbook
// once, that cells point to by number. Read whole before the first sheet, held
// to a count and a total length.
import {LIMITS, frenchNumber} from './limits.js';
import {ReadRefusal} from './refusal.js';
import {StringItem} from './stringItem.js';
import {parseXml} from './xmlText.js';

export async function readSharedStrings(chunks: AsyncIterable<Uint8Array>, part: string): Promise<string[]> {
	const strings: string[] = [];
	let chars = 0;
	let inItem = false;
	const refuse = (reason: string): never => {
		throw new ReadRefusal(`${reason} (texte partagé n° ${strings.length + 1})`);
	};
	const item = new StringItem(refuse);
	const handler = {
		open(name: string): void {
			if (name === 'si') {
				inItem = true;
				if (strings.length >= LIMITS.sharedStrings) {
					throw new ReadRefusal(`plus de ${frenchNumber(LIMITS.sharedStrings)} textes différents dans le classeur (limite) : refusé.`);
				}
			} else if (inItem) item.open(name);
		},
		close(name: string): void {
			if (name === 'si') {
				inItem = false;
				const text = item.take();
				chars += text.length;
				if (chars > LIMITS.sharedChars) {
					throw new ReadRefusal(`plus de ${frenchNumber(LIMITS.sharedChars)} caractères de texte dans le classeur (limite) : refusé.`);
				}
				strings.push(text);
			} else if (inItem) item.close(name);
		},
		text(text: string): void {
			if (inItem) item.text(text);
		},
	};
	for await (const _ of parseXml(chunks, handler, part));
	return strings;
}
