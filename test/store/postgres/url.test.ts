// Telling a base from a file, and refusing a URL that carries a password without
// repeating it (REFERENTIEL §9). No server needed.
import {describe, expect, it} from 'vitest';
import {checkDatabaseUrl, hasPassword, isDatabaseUrl} from '../../../source/store/postgres/url.js';

describe('PostgreSQL URLs', () => {
	it('a postgres:// or postgresql:// address is a base; anything else a file', () => {
		expect(isDatabaseUrl('postgresql://ines@serveur/plie')).toBe(true);
		expect(isDatabaseUrl(' POSTGRES://ines@serveur/plie')).toBe(true);
		expect(isDatabaseUrl('data/caseload.json')).toBe(false);
		expect(isDatabaseUrl('postgresql.json')).toBe(false);
	});

	it('finds a password in the user part or in the parameters, not elsewhere', () => {
		expect(hasPassword('postgresql://ines:secret@serveur/plie')).toBe(true);
		expect(hasPassword('postgresql://:secret@serveur/plie')).toBe(true);
		expect(hasPassword('postgresql://ines@serveur/plie?sslmode=require&password=secret')).toBe(true);
		expect(hasPassword('postgresql://ines@serveur:5432/plie')).toBe(false);
		expect(hasPassword('postgresql://serveur:5432/plie?sslmode=require')).toBe(false);
		expect(hasPassword('postgresql://ines@/plie?host=/var/run/postgresql')).toBe(false);
	});

	it('refuses a password as a usage error naming the option, never the URL', () => {
		const attempt = () => checkDatabaseUrl('postgresql://ines:tr3s-secret@db.plie.example/plie', '--to');
		expect(attempt).toThrow(expect.objectContaining({name: 'UsageError'}));
		expect(attempt).toThrow(/^--to : l’adresse PostgreSQL contient un mot de passe/);
		expect(() => attempt()).not.toThrow(/tr3s-secret|plie.example/);
		expect(checkDatabaseUrl(' postgresql://ines@serveur/plie ')).toBe('postgresql://ines@serveur/plie');
	});
});
