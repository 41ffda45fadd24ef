// The schema's migrations, in order: migrations[n - 1] takes the schema to version n.
import * as init from './001_init.js';
import * as rightsPerBase from './002_rights_per_base.js';

export interface SqlMigration {
	readonly name: string;
	readonly sql: string;
}

export const MIGRATIONS: readonly SqlMigration[] = [init, rightsPerBase];

export const SCHEMA_VERSION = MIGRATIONS.length;
