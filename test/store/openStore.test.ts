import {mkdtempSync, readFileSync, rmSync, statSync, writeFileSync} from 'node:fs';
import {tmpdir} from 'node:os';
import path from 'node:path';
import {afterEach, beforeEach, describe, expect, it} from 'vitest';
import {openStore, resolveStorePath, saveStore, StoreError} from '../../source/store/openStore.js';
import {STORE_VERSION} from '../../source/store/schema.js';

let dir: string;
beforeEach(() => {
	dir = mkdtempSync(path.join(tmpdir(), 'plie-store-'));
});
afterEach(() => rmSync(dir, {recursive: true, force: true}));

function refusal(file: string): Promise<StoreError> {
	return openStore(file).then(
		() => {
			throw new Error('the store was accepted');
		},
		(error: unknown) => error as StoreError,
	);
}

describe('opening the store', () => {
	it('refuses a file that is not JSON, names it, and leaves it byte for byte', async () => {
		const file = path.join(dir, 'caseload.json');
		const bytes = '{"version": 1, "participants": [ {"id": "A"';
		writeFileSync(file, bytes);
		const error = await refusal(file);
		expect(error).toBeInstanceOf(StoreError);
		expect(error.message).toContain(file);
		expect(error.message).toMatch(/JSON valide/);
		expect(readFileSync(file, 'utf8')).toBe(bytes);
	});

	it('says where the JSON breaks, in French: the line and column, or that the file stops short', async () => {
		const file = path.join(dir, 'broken.json');
		writeFileSync(file, '{\n "version": 1,\n "participants": [{"id": "A", }]\n}');
		expect((await refusal(file)).message).toContain('erreur de syntaxe ligne 3, colonne 31');
		writeFileSync(file, '{"version": 1, "participants": [');
		expect((await refusal(file)).message).toContain('fichier tronqué');
		writeFileSync(file, '{"hello": 1}');
		expect((await refusal(file)).message).toContain('tableau attendu');
	});

	it('never calls « tronqué » a file that is whole but wrong: a stray word, a BOM, a bad value mid-file, an empty file', async () => {
		const file = path.join(dir, 'wrong.json');
		const cases: Array<[string, string]> = [
			['pas du json', 'caractère inattendu « p » ligne 1, colonne 1'],
			['\ufeff{"version": 2, "participants": []}', 'marque d’ordre des octets (BOM)'],
			['{\n "version": 2,\n "participants": [{"id": "A", "rsa": tru, "name": "NOM Jean"}]\n}', 'caractère inattendu « , » ligne 3, colonne 41'],
			['{"a": 1, "b": tru}', 'caractère inattendu « } » ligne 1, colonne 18'],
			['  \n', 'le fichier est vide'],
		];
		for (const [text, reason] of cases) {
			writeFileSync(file, text);
			const message = (await refusal(file)).message;
			expect(message).toContain(reason);
			expect(message).not.toContain('tronqué');
			expect(readFileSync(file, 'utf8')).toBe(text);
		}
	});

	it('refuses JSON that is not a store, saying what is wrong', async () => {
		const file = path.join(dir, 'other.json');
		const bytes = JSON.stringify({version: 1, participants: [{id: 'A', name: 'X', steps: [{label: 'a', start: '2026-02-30', state: 'Prévue'}]}]});
		writeFileSync(file, bytes);
		const error = await refusal(file);
		expect(error.message).toMatch(/participants\.0\.steps\.0\.start/);
		// in words too, in French: which person, which step, which field
		expect(error.message).toContain('bénéficiaire A (n°1), étape n°1, champ « start » : date invalide');
		expect(readFileSync(file, 'utf8')).toBe(bytes);
		writeFileSync(file, '[1, 2, 3]');
		expect((await refusal(file)).message).toMatch(/pas un fichier de suivi/);
	});

	it('refuses a file from a newer plie-triage instead of guessing', async () => {
		const file = path.join(dir, 'future.json');
		writeFileSync(file, JSON.stringify({version: STORE_VERSION + 1, participants: []}));
		expect((await refusal(file)).message).toMatch(/plus récente/);
	});

	it('migrates a file written before versions existed', async () => {
		const file = path.join(dir, 'old.json');
		writeFileSync(file, JSON.stringify({participants: [{id: 'A', name: 'TESTARD Léa'}]}));
		const store = await openStore(file);
		expect(store.data.version).toBe(STORE_VERSION);
		expect(store.data.participants[0]).toMatchObject({id: 'A', rsa: false, steps: [], events: []});
		expect(store.data.settings.idleDays).toBe(30);
	});

	it('says the store is missing unless asked to create it', async () => {
		const file = path.join(dir, 'missing.json');
		expect((await refusal(file)).message).toMatch(/introuvable/);
		const store = await openStore(file, {create: true});
		expect(store.data.participants).toEqual([]);
	});

	it('creates the store readable by its owner only (0600), also when rewritten', async () => {
		const file = path.join(dir, 'sub', 'caseload.json');
		const store = await openStore(file, {create: true});
		store.data.participants.push({id: 'A', name: 'TESTARD Léa', rsa: true, steps: [], events: []});
		await saveStore(store);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		await saveStore(store);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect((await openStore(file)).data.participants[0]!.rsa).toBe(true);
	});

	it('finds the store in --data, then PLIE_TRIAGE_DATA, then data/caseload.json', () => {
		expect(resolveStorePath('x.json', {PLIE_TRIAGE_DATA: 'y.json'})).toBe('x.json');
		expect(resolveStorePath(undefined, {PLIE_TRIAGE_DATA: 'y.json'})).toBe('y.json');
		expect(resolveStorePath(undefined, {})).toBe(path.join('data', 'caseload.json'));
	});
});
