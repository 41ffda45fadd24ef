// Writing the store without building its whole text: JSON.stringify of a
// 50,000-person store is a 155 MB string — 310 MB once one curly apostrophe makes
// V8 store it on two bytes — then a 155 MB buffer, which took an import of that
// size past 1 GB. Here each participant is serialized on its own and written in
// ~1 MiB pieces; the bytes are exactly JSON.stringify(data, null, 1)'s (tested).
import {randomBytes} from 'node:crypto';
import {promises as fs} from 'node:fs';
import path from 'node:path';
import type {StoreData} from './schema.js';
import {PRIVATE_MODE, renameWithRetry} from './secureJsonFile.js';

const MARKER = '\u0000plie-triage:participants';
const PIECE = 1 << 20;

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

/** Writes `data` as the store file `file`: temp file (0600), fsync, rename — as writeFileAtomic does. */
export async function writeStoreAtomic(file: string, data: StoreData): Promise<void> {
	const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
	const handle = await fs.open(temp, 'wx', PRIVATE_MODE);
	try {
		let pending = '';
		for (const piece of storeJsonPieces(data)) {
			pending += piece;
			if (pending.length >= PIECE) {
				await handle.writeFile(pending, 'utf8');
				pending = '';
			}
		}
		if (pending !== '') await handle.writeFile(pending, 'utf8');
		await handle.sync();
	} catch (error) {
		await handle.close();
		await fs.rm(temp, {force: true});
		throw error;
	}
	await handle.close();
	try {
		await fs.chmod(temp, PRIVATE_MODE); // an umask cannot widen it, but a restrictive FS may ignore open's mode
		await renameWithRetry(temp, file);
	} catch (error) {
		await fs.rm(temp, {force: true});
		throw error;
	}
}
