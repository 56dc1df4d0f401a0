// The release-and-attention migration on a demo database: taken back, rows set up the way the
// old app left them, and run again. It fills the attention columns from what is true now, and
// its status guard lets a held task go back to open, which the old one refused.
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { connectDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';
import { migrations } from '../../db/migrations/index';

const MIGRATION = '2026-12-05T0300-release-and-attention';
const BEFORE = '2026-12-05T0000-county';

describe(`the release-and-attention migration on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let handle: DatabaseHandle;
	let db: Kysely<any>;
	let migrator: Migrator;
	let declined: string;
	let held: string;
	let calm: string;

	const rows = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		handle = await connectDatabase(database.target, 2);
		db = handle.db as Kysely<any>;
		migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
		// Back to just before it: the migrations after it go too.
		const down = await migrator.migrateTo(BEFORE);
		if (down.error) throw down.error;
		expect(down.results?.map((r) => r.migrationName)).toContain(MIGRATION);

		const open = await rows(
			sql<{ id: string; community_id: string }>`select id, community_id from requests where status = 'open' order by id limit 2`
		);
		expect(open).toHaveLength(2);
		declined = open[0]!.id;
		calm = open[1]!.id;
		// An open request whose last status change was a decline, as the old app wrote it.
		await sql`insert into events (kind, action, request_id, community_id, from_status, to_status, note, payload)
			values ('request_updated', 'decline', ${declined}, ${open[0]!.community_id}, 'assigned', 'open', '不在小区', '{}'::jsonb)`.execute(db);
		// A held task whose volunteer is off duty.
		const [task] = await rows(sql<{ id: string; assignee_id: string }>`
			select id, assignee_id from requests where status in ('accepted', 'in_progress') order by id limit 1`);
		expect(task).toBeDefined();
		held = task!.id;
		await sql`update volunteers set available = false where id = ${task!.assignee_id}`.execute(db);
		// The old guard: a held task never goes back to open.
		await expect(
			sql`update requests set status = 'open', assignee_id = null, version = version + 1 where id = ${held}`.execute(db)
		).rejects.toThrow();

		const up = await migrator.migrateToLatest();
		if (up.error) throw up.error;
	});
	afterAll(async () => {
		await handle?.close();
		await database?.drop();
	});

	it('marks an open request after a decline, and nothing else', async () => {
		const marked = await rows(sql<{ id: string }>`select id from requests where requeued_by is not null`);
		expect(marked.map((r) => r.id)).toContain(declined);
		expect(marked.map((r) => r.id)).not.toContain(calm);
		const [row] = await rows(sql<{ requeued_by: string }>`select requeued_by from requests where id = ${declined}`);
		expect(row!.requeued_by).toBe('decline');
	});

	it('flags a held task whose volunteer is off duty, and only held ones', async () => {
		const [row] = await rows(sql<{ assignee_off_duty: boolean }>`select assignee_off_duty from requests where id = ${held}`);
		expect(row!.assignee_off_duty).toBe(true);
		const stray = await rows(sql`
			select r.id from requests r left join volunteers v on v.id = r.assignee_id
			where r.assignee_off_duty and (r.status not in ('assigned', 'accepted', 'in_progress') or v.available)`);
		expect(stray).toEqual([]);
	});

	it('lets a held task go back to open, and keeps the give-back only while open', async () => {
		await sql`update requests set status = 'open', assignee_id = null, requeued_by = 'release', assignee_off_duty = false, version = version + 1
			where id = ${held}`.execute(db);
		await expect(
			sql`update requests set status = 'assigned', version = version + 1, assignee_id = (select id from volunteers limit 1) where id = ${held}`.execute(
				db
			)
		).rejects.toThrow(); // still marked released: the database wants it cleared with the assign
	});

	it('goes down and up again cleanly', async () => {
		await sql`update requests set requeued_by = null, version = version + 1 where id = ${held}`.execute(db);
		const down = await migrator.migrateTo(BEFORE);
		expect(down.error).toBeUndefined();
		const columns = await rows(sql<{ column_name: string }>`
			select column_name from information_schema.columns where table_name = 'requests' and column_name in ('requeued_by', 'assignee_off_duty')`);
		expect(columns).toEqual([]);
		expect((await migrator.migrateToLatest()).error).toBeUndefined();
	});
});
