// A part's XML, parsed as it inflates: bytes → text by one streaming UTF-8
// decoder (a character split between two chunks is joined, never replaced by
// U+FFFD; invalid UTF-8 is refused), text → events by saxes. The parser is
// never left to gather more than LIMITS.xmlPendingChars without an event, so
// that a tag, an attribute or a text without end cannot fill the memory.
import {SaxesParser, type SaxesTagPlain} from 'saxes';
import {LIMITS, frenchNumber} from './limits.js';
import {ReadRefusal} from './refusal.js';

export interface XmlHandler {
	/** an element opens; `name` without its namespace prefix (`x:row` → `row`) */
	open(name: string, attributes: Readonly<Record<string, string>>): void;
	close(name: string): void;
	/** text, CDATA included, as the XML means it (entities decoded) */
	text(text: string): void;
}

/** `x:row` → `row`: some producers prefix every element. */
export function localName(name: string): string {
	const colon = name.indexOf(':');
	return colon < 0 ? name : name.slice(colon + 1);
}

/** The attribute named `local` whatever its prefix (`r:id`, `ns2:id`…). */
export function prefixedAttribute(attributes: Readonly<Record<string, string>>, local: string): string | undefined {
	for (const name in attributes) if (name !== local && name.endsWith(`:${local}`)) return attributes[name];
	return undefined;
}

/**
 * Feeds the chunks of `part` to `handler`; yields after each chunk so that the
 * caller can hand over what that chunk completed. Throws ReadRefusal.
 */
export async function* parseXml(chunks: AsyncIterable<Uint8Array>, handler: XmlHandler, part: string): AsyncGenerator<void> {
	const decoder = new TextDecoder('utf-8', {fatal: true});
	const parser = new SaxesParser<{xmlns: false; position: false}>({xmlns: false, position: false});
	let pending = 0;
	parser.on('opentag', (tag: SaxesTagPlain) => {
		pending = 0;
		handler.open(localName(tag.name), tag.attributes);
	});
	parser.on('closetag', (tag: SaxesTagPlain) => {
		pending = 0;
		handler.close(localName(tag.name));
	});
	parser.on('text', text => {
		pending = 0;
		handler.text(text);
	});
	parser.on('cdata', text => {
		pending = 0;
		handler.text(text);
	});
	parser.on('doctype', () => {
		// Excel never writes one; entity declarations are how XML bombs are built
		throw new ReadRefusal(`XML avec une déclaration DOCTYPE (partie ${part}) : refusé.`);
	});
	// saxes's own complaints (English) become one French refusal; a handler's errors pass as they are
	parser.on('error', () => {
		throw new ReadRefusal(`le classeur est abîmé : XML invalide ou incomplet (partie ${part}). Ouvrez-le dans Excel et enregistrez-le de nouveau en .xlsx.`);
	});
	const write = (text: string) => {
		pending += text.length;
		parser.write(text);
		if (pending > LIMITS.xmlPendingChars) {
			throw new ReadRefusal(
				`élément XML de plus de ${frenchNumber(LIMITS.xmlPendingChars)} caractères (partie ${part}) : ce n’est pas un classeur ordinaire, refusé.`,
			);
		}
	};
	const decode = (chunk?: Uint8Array) => {
		try {
			return chunk === undefined ? decoder.decode() : decoder.decode(chunk, {stream: true});
		} catch {
			throw new ReadRefusal(`texte qui n’est pas de l’UTF-8 valide (partie ${part}) : le classeur est abîmé. Ouvrez-le dans Excel et enregistrez-le de nouveau.`);
		}
	};
	for await (const chunk of chunks) {
		write(decode(chunk));
		yield;
	}
	write(decode());
	parser.close();
	yield;
}
