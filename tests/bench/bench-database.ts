import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Kysely } from 'kysely';
import { connectDatabase, type DatabaseTarget } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import { seedDemoCounty } from '../../db/seed/seed';

/**
 * The bench's own database: a new database on the PostgreSQL server that DATABASE_URL names,
 * or an embedded PGlite in a temporary directory when DATABASE_URL is unset. Either way it
 * starts empty, gets the demo community, and is dropped at the end.
 */
export interface BenchDatabase {
	engine: 'postgres' | 'pglite';
	/** What the app server is started with. */
	env: Record<string, string>;
	/**
	 * Runs `work` on a direct connection. PGlite is one process's database, so for PGlite
	 * this may only run while no app server has the directory open.
	 */
	use<T>(work: (db: Kysely<Database>) => Promise<T>): Promise<T>;
	drop(): Promise<void>;
}

export async function createBenchDatabase(adminUrl: string | undefined): Promise<BenchDatabase> {
	const target = adminUrl ? await createPostgresDatabase(adminUrl) : createPgliteDirectory();
	const database: BenchDatabase = {
		engine: target.kind === 'postgres' ? 'postgres' : 'pglite',
		env: target.kind === 'postgres' ? { DATABASE_URL: target.url } : { DATA_DIR: target.dataDir },
		async use(work) {
			const handle = await connectDatabase(target, 4);
			try {
				return await work(handle.db);
			} finally {
				await handle.close();
			}
		},
		async drop() {
			if (target.kind === 'embedded') return rmSync(target.dataDir, { recursive: true, force: true });
			await dropPostgresDatabase(adminUrl!, new URL(target.url).pathname.slice(1));
		}
	};
	await database.use(async (db) => {
		await migrateToLatest(db);
		await seedDemoCounty(db, new Date());
	});
	return database;
}

async function createPostgresDatabase(adminUrl: string): Promise<DatabaseTarget & { kind: 'postgres' }> {
	const name = `vd_bench_${randomBytes(5).toString('hex')}`;
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(`create database ${name}`);
	} catch (error) {
		throw new Error(`The bench creates its own database on the server DATABASE_URL names, and could not: ${(error as Error).message}`, {
			cause: error
		});
	} finally {
		await admin.end();
	}
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return { kind: 'postgres', url: url.toString() };
}

async function dropPostgresDatabase(adminUrl: string, name: string): Promise<void> {
	const admin = new pg.Client({ connectionString: adminUrl });
	await admin.connect();
	try {
		await admin.query(`drop database if exists ${name} with (force)`);
	} finally {
		await admin.end();
	}
}

function createPgliteDirectory(): DatabaseTarget & { kind: 'embedded' } {
	return { kind: 'embedded', dataDir: join(mkdtempSync(join(tmpdir(), 'vd-bench-')), 'pglite') };
}
