import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'embedded'; dataDir: string };

export interface DatabaseHandle {
	db: Kysely<Database>;
	target: DatabaseTarget;
	close(): Promise<void>;
}

// bigint (int8) columns such as events.seq stay exact as strings; counts are parsed where read.
// timestamptz comes back as Date, which is what the row types promise.

/** One Kysely dialect for both engines: a pg Pool, or PGlite behind its node-postgres shim. */
export async function connectDatabase(target: DatabaseTarget, poolSize = 10): Promise<DatabaseHandle> {
	if (target.kind === 'postgres') {
		const pool = new pg.Pool({ connectionString: target.url, max: poolSize, connectionTimeoutMillis: 5_000 });
		// An idle client losing its server must not crash the process; the next query reports it.
		pool.on('error', () => {});
		// Nor may a client that is checked out between two queries (inside a transaction, or
		// holding a job's advisory lock): pg emits its reset on the client, where nobody listens,
		// and an unhandled 'error' event ends the process. The work in hand still fails with it.
		pool.on('connect', (client) => client.on('error', () => {}));
		const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
		return { db, target, close: () => db.destroy() };
	}

	const { PGlite } = await import('@electric-sql/pglite');
	const { createPgConfig } = await import('@electric-sql/pglite/node-postgres');
	const pglite = await PGlite.create(target.dataDir);
	// PGlite is one session; its shim pool has size 1, so transactions queue rather than interleave.
	const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig);
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	return {
		db,
		target,
		async close() {
			await db.destroy();
			await pglite.close();
		}
	};
}
