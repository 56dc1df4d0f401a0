import { randomBytes } from 'node:crypto';
import type { DatabaseTarget } from '../../src/lib/server/db/connect';
import { adminQuery, databaseUrl } from './templates';

export type Engine = 'pglite' | 'postgres';

/** For heavy tests that run once: real PostgreSQL when there is one, else PGlite. */
const PRIMARY_ENGINE: Engine = process.env.TEST_DATABASE_URL ? 'postgres' : 'pglite';

/**
 * The engine of this test file's run: vitest runs each integration file once per engine, as a
 * project of its own (vite.config.ts), and says which in TEST_ENGINE.
 */
export const ENGINE: Engine =
	process.env.TEST_ENGINE === 'postgres' ? 'postgres' : process.env.TEST_ENGINE === 'pglite' ? 'pglite' : PRIMARY_ENGINE;

export interface TestDatabase {
	target: DatabaseTarget;
	/** Environment for a server using this database. */
	env: Record<string, string>;
	drop(): Promise<void>;
}

/** The connection URL of a PostgreSQL test database (a PGlite one has none). */
export function postgresUrl(database: TestDatabase): string {
	if (database.target.kind !== 'postgres') throw new Error('needs a PostgreSQL test database, not PGlite');
	return database.target.url;
}

/**
 * A fresh, empty database of its own for each test file: an in-memory PGlite (or one in
 * `dataDir`, for a server that must restart on the same data), or a new PostgreSQL database.
 */
export async function createTestDatabase(engine: Engine, dataDir = 'memory://'): Promise<TestDatabase> {
	if (engine === 'pglite') {
		return { target: { kind: 'embedded', dataDir }, env: { DATA_DIR: dataDir }, drop: async () => {} };
	}
	return postgresDatabase('');
}

export async function postgresDatabase(from: string): Promise<TestDatabase> {
	const adminUrl = process.env.TEST_DATABASE_URL!;
	const name = `vd_test_${randomBytes(6).toString('hex')}`;
	await withRetry(() => adminQuery(`create database ${name}${from}`));
	const url = databaseUrl(adminUrl, name);
	return {
		target: { kind: 'postgres', url },
		env: { DATABASE_URL: url },
		drop: () => adminQuery(`drop database if exists ${name} with (force)`)
	};
}

/** Two files copying one template at the same moment may meet "source database is being accessed". */
async function withRetry(work: () => Promise<void>, attempts = 10): Promise<void> {
	for (let i = 1; ; i++) {
		try {
			return await work();
		} catch (error) {
			if (i >= attempts || (error as { code?: string }).code !== '55006') throw error;
			await new Promise((resolve) => setTimeout(resolve, 100 * i));
		}
	}
}
