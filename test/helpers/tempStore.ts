// A store file in a fresh temporary folder, created the way commands create it
// (updateStore, so with its journal line): the common start of store tests.
import {promises as fs} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type {Participant} from '../../source/domain/model.js';
import type {Settings} from '../../source/domain/settings.js';
import {updateStore} from '../../source/store/transaction.js';

export interface TempStore {
	readonly dir: string;
	readonly file: string;
}

export async function createTempStore(
	prefix: string,
	participants: readonly Participant[],
	settings: Partial<Settings> = {},
): Promise<TempStore> {
	const dir = await fs.mkdtemp(path.join(os.tmpdir(), prefix));
	const file = path.join(dir, 'caseload.json');
	await updateStore(
		file,
		data => {
			data.participants.push(...participants);
			Object.assign(data.settings, settings);
			return [{action: 'création'}];
		},
		{create: true},
	);
	return {dir, file};
}

export async function removeTempDir(dir: string): Promise<void> {
	await fs.rm(dir, {recursive: true, force: true});
}
