// The schema's migrations, in order: migrations[n - 1] takes the schema to version n.
import * as init from './001_init.js';

export interface SqlMigration {
	readonly name: string;
	readonly sql: string;
}

export const MIGRATIONS: readonly SqlMigration[] = [init];

export const SCHEMA_VERSION = MIGRATIONS.length;
