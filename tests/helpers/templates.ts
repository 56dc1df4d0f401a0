// The demo community, seeded once per test run into a template for each engine: a PGlite data
// directory that test files copy, and a PostgreSQL database that test files create theirs from
// (CREATE DATABASE … TEMPLATE). Seeding is the slow part of starting a test server.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { connectDatabase, type DatabaseTarget } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { seedDemoCounty } from '../../db/seed/seed';

async function seedInto(target: DatabaseTarget): Promise<void> {
	const handle = await connectDatabase(target, 1);
	try {
		await migrateToLatest(handle.db);
		await seedDemoCounty(handle.db, new Date());
	} finally {
		await handle.close();
	}
}

export function databaseUrl(adminUrl: string, name: string): string {
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return url.toString();
}

export async function adminQuery(sql: string): Promise<void> {
	const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
	await admin.connect();
	try {
		await admin.query(sql);
	} finally {
		await admin.end();
	}
}

/** The template for one engine (the project's); the other's location stays empty. */
export async function createTemplates(engine: 'pglite' | 'postgres') {
	const parent = mkdtempSync(join(tmpdir(), 'vd-template-'));
	const pglite = join(parent, 'pgdata');
	if (engine === 'pglite') await seedInto({ kind: 'embedded', dataDir: pglite });
	let postgres: string | null = null;
	if (engine === 'postgres') {
		postgres = `vd_template_${randomBytes(6).toString('hex')}`;
		await adminQuery(`create database ${postgres}`);
		await seedInto({ kind: 'postgres', url: databaseUrl(process.env.TEST_DATABASE_URL!, postgres) });
	}
	return {
		locations: { pglite, postgres },
		async drop() {
			rmSync(parent, { recursive: true, force: true });
			if (postgres) await adminQuery(`drop database if exists ${postgres} with (force)`);
		}
	};
}
