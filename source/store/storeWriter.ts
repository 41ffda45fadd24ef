// Writing the store without building its whole text: JSON.stringify of a
// 50,000-person store is a 155 MB string — 310 MB once one curly apostrophe makes
// V8 store it on two bytes — then a 155 MB buffer, which took an import of that
// size past 1 GB. Here each participant is serialized on its own and written in
// ~1 MiB pieces (secureJsonFile.ts); the bytes are exactly JSON.stringify(data, null, 1)'s (tested).
import type {StoreData} from './schema.js';
import {writeFileAtomic} from './secureJsonFile.js';

const MARKER = '\u0000plie-triage:participants';

/** The pieces of JSON.stringify(data, null, 1), participant by participant. */
export function* storeJsonPieces(data: StoreData): Generator<string> {
	const skeleton = JSON.stringify({...data, participants: MARKER}, null, 1);
	const at = skeleton.indexOf(JSON.stringify(MARKER));
	yield skeleton.slice(0, at);
	const participants = data.participants;
	if (participants.length === 0) yield '[]';
	else {
		// an element of a top-level array sits two levels deep: its lines gain two spaces
		// (a string never holds a raw line break in JSON, so only structure lines move)
		for (let i = 0; i < participants.length; i++) {
			yield (i === 0 ? '[\n  ' : ',\n  ') + JSON.stringify(participants[i], null, 1).replace(/\n/g, '\n  ');
		}
		yield '\n ]';
	}
	yield skeleton.slice(at + JSON.stringify(MARKER).length);
}

/** Writes `data` as the store file `file`, atomically and 0600 (writeFileAtomic); the path written. */
export async function writeStoreAtomic(file: string, data: StoreData): Promise<string> {
	return writeFileAtomic(file, storeJsonPieces(data));
}
