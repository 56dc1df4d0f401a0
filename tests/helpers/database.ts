import { randomBytes } from 'node:crypto';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/lib/server/db/connect';

export type Engine = 'pglite' | 'postgres';

/** PGlite always; real PostgreSQL too when TEST_DATABASE_URL is set. */
export const ENGINES: Engine[] = process.env.TEST_DATABASE_URL ? ['pglite', 'postgres'] : ['pglite'];

/** For heavy tests that run once: real PostgreSQL when there is one, else PGlite. */
export const PRIMARY_ENGINE: Engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

export interface TestDatabase {
	target: DatabaseTarget;
	/** Environment for a server process using this database. */
	env: Record<string, string>;
	drop(): Promise<void>;
}

/** A fresh database of its own for each test file: an in-memory PGlite, or a new PostgreSQL database. */
export async function createTestDatabase(engine: Engine, dataDir = 'memory://'): Promise<TestDatabase> {
	if (engine === 'pglite') {
		return { target: { kind: 'embedded', dataDir }, env: { DATA_DIR: dataDir }, drop: async () => {} };
	}
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const name = `vd_test_${randomBytes(6).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	await admin.query(`create database ${name}`);
	await admin.end();
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return {
		target: { kind: 'postgres', url: url.toString() },
		env: { DATABASE_URL: url.toString() },
		async drop() {
			const client = new pg.Client({ connectionString: adminUrl });
			await client.connect();
			await client.query(`drop database if exists ${name} with (force)`);
			await client.end();
		}
	};
}
