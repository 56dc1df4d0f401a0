// The rules that must never break hold in the database itself: these writes go around the
// application with plain SQL, and the database refuses every one of them.
import { sql, type Kysely } from 'kysely';
import { ensureArea } from '../../src/lib/server/repositories/areas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { connectDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import { FIELD_LIMITS, VISIT_INTERVAL_DAYS, type LimitedField } from '../../src/lib/dispatch/field-limits';

type Db = Kysely<Database>;

/** The request columns whose length the initial migration checks, by their FIELD_LIMITS name. */
const CHECKED_COLUMNS = { description: 'description', unit: 'unit', contactName: 'contact_name', contactPhone: 'contact_phone' } as const;
/** Limits the application alone keeps: these texts land in events.note, which any length may fill. */
const APP_ONLY: LimitedField[] = ['cancelReason', 'note'];

describe(`database constraints on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let handle: DatabaseHandle;
	let db: Db;
	let buildingId: string;
	let volunteerId: string;
	let community: string;
	let otherCommunity: string;

	beforeAll(async () => {
		database = await createTestDatabase(engine);
		handle = await connectDatabase(database.target, 2);
		db = handle.db;
		await migrateToLatest(db);
		const county = await ensureArea(db, { name: '测试县', kind: 'county', parentId: null });
		const street = await ensureArea(db, { name: '测试街道', kind: 'street', parentId: county });
		community = await ensureArea(db, { name: '测试社区', kind: 'community', parentId: street });
		otherCommunity = await ensureArea(db, { name: '邻近社区', kind: 'community', parentId: street });
		const building = await sql<{ id: string }>`
			insert into buildings (community_id, name, kind, lat, lng, footprint)
			values (${community}, '测试楼', 'residential', 31.2, 121.4, '{}') returning id`.execute(db);
		buildingId = building.rows[0]!.id;
		const volunteer = await sql<{ id: string }>`
			insert into volunteers (community_id, name, skills, home_building_id, lat, lng, available)
			values (${community}, '测试志愿者', array['repair'], ${buildingId}, 31.2, 121.4, true) returning id`.execute(db);
		volunteerId = volunteer.rows[0]!.id;
	});
	afterAll(async () => {
		await handle?.close();
		await database?.drop();
	});

	async function requestIn(status: 'open' | 'assigned' | 'accepted' | 'in_progress' | 'completed' | 'cancelled'): Promise<string> {
		const { rows } = await sql<{ id: string }>`
			insert into requests (community_id, type, building_id, description) values (${community}, 'repair', ${buildingId}, '绕过应用') returning id`.execute(
			db
		);
		const id = rows[0]!.id;
		const path = {
			open: [],
			assigned: ['assigned'],
			accepted: ['assigned', 'accepted'],
			in_progress: ['assigned', 'accepted', 'in_progress'],
			completed: ['assigned', 'accepted', 'in_progress', 'completed'],
			cancelled: ['cancelled']
		}[status];
		for (const next of path) {
			await sql`update requests set status = ${next}, assignee_id = ${next === 'cancelled' ? null : volunteerId}, version = version + 1 where id = ${id}`.execute(
				db
			);
		}
		return id;
	}

	const refused = (statement: Promise<unknown>) => expect(statement).rejects.toThrow();

	// Each row: what a careless or malicious write tries, and the state it starts from.
	const attempts: { name: string; from: Parameters<typeof requestIn>[0]; write: (id: string) => ReturnType<typeof sql> }[] = [
		{
			name: 'skip from open to completed',
			from: 'open',
			write: (id) => sql`update requests set status = 'completed', assignee_id = ${volunteerId}, version = version + 1 where id = ${id}`
		},
		{
			name: 'skip from assigned to in_progress',
			from: 'assigned',
			write: (id) => sql`update requests set status = 'in_progress', version = version + 1 where id = ${id}`
		},
		{
			name: 'reopen a completed request',
			from: 'completed',
			write: (id) => sql`update requests set status = 'open', assignee_id = null, version = version + 1 where id = ${id}`
		},
		{
			name: 'revive a cancelled request',
			from: 'cancelled',
			write: (id) => sql`update requests set status = 'assigned', assignee_id = ${volunteerId}, version = version + 1 where id = ${id}`
		},
		{
			name: 'complete a cancelled request',
			from: 'cancelled',
			write: (id) => sql`update requests set status = 'completed', assignee_id = ${volunteerId}, version = version + 1 where id = ${id}`
		},
		{ name: 'change without a new version', from: 'open', write: (id) => sql`update requests set description = '偷偷改' where id = ${id}` },
		{ name: 'move the version backwards', from: 'accepted', write: (id) => sql`update requests set version = 1 where id = ${id}` },
		{
			name: 'assign with no assignee',
			from: 'open',
			write: (id) => sql`update requests set status = 'assigned', version = version + 1 where id = ${id}`
		},
		{
			name: 'an open request with an assignee',
			from: 'open',
			write: (id) => sql`update requests set assignee_id = ${volunteerId}, version = version + 1 where id = ${id}`
		},
		{
			name: 'clear the assignee of an accepted task',
			from: 'accepted',
			write: (id) => sql`update requests set assignee_id = null, version = version + 1 where id = ${id}`
		},
		{
			name: 'an unknown status',
			from: 'open',
			write: (id) => sql`update requests set status = 'lost', version = version + 1 where id = ${id}`
		},
		{
			name: 'an assignee who does not exist',
			from: 'assigned',
			write: (id) => sql`update requests set assignee_id = gen_random_uuid(), version = version + 1 where id = ${id}`
		}
	];

	it.each(attempts)('refuses to $name', async ({ from, write }) => {
		const id = await requestIn(from);
		const before = await sql<{
			status: string;
			version: number;
			assignee_id: string | null;
		}>`select status, version, assignee_id from requests where id = ${id}`.execute(db);
		await refused(write(id).execute(db));
		const after = await sql`select status, version, assignee_id from requests where id = ${id}`.execute(db);
		expect(after.rows).toEqual(before.rows);
	});

	it('refuses to insert a request that starts assigned to nobody', async () => {
		await refused(
			sql`insert into requests (community_id, type, building_id, description, status) values (${community}, 'repair', ${buildingId}, 'x', 'assigned')`.execute(
				db
			)
		);
	});

	it('refuses to rewrite or delete the event log', async () => {
		await sql`insert into events (kind, action, payload) values ('service_updated', 'service_saved', '{}')`.execute(db);
		await refused(sql`update events set note = '改写历史'`.execute(db));
		await refused(sql`delete from events`.execute(db));
		const { rows } = await sql<{ n: string }>`select count(*) as n from events`.execute(db);
		expect(Number(rows[0]!.n)).toBe(1);
	});

	it('names every field limit either as a checked column or as kept by the application alone', () => {
		expect([...Object.keys(CHECKED_COLUMNS), ...APP_ONLY].sort()).toEqual(Object.keys(FIELD_LIMITS).sort());
	});

	// The migration is frozen and cannot import FIELD_LIMITS, so its checks are held to them here:
	// exactly the limit fits, one more character does not. '字' is one character for both sides.
	it.each(Object.entries(CHECKED_COLUMNS))('holds requests.%s to FIELD_LIMITS.%s', async (field, column) => {
		const limit = FIELD_LIMITS[field as keyof typeof CHECKED_COLUMNS];
		const row = (length: number) => ({
			description: '长度',
			unit: '',
			contact_name: null,
			contact_phone: null,
			[column]: '字'.repeat(length)
		});
		const insert = (length: number) => {
			const r = row(length);
			return sql`insert into requests (community_id, type, building_id, description, unit, contact_name, contact_phone)
				values (${community}, 'repair', ${buildingId}, ${r.description}, ${r.unit}, ${r.contact_name}, ${r.contact_phone})`.execute(db);
		};
		await expect(insert(limit)).resolves.toBeDefined();
		await refused(insert(limit + 1));
	});

	it('holds visit_plans.interval_days to VISIT_INTERVAL_DAYS', async () => {
		// A new elder for each plan, in the same statement: one plan per elder.
		const plan = (days: number) =>
			sql`with elder as (insert into elders (community_id, name, building_id) values (${community}, '测试老人', ${buildingId}) returning id)
			insert into visit_plans (community_id, elder_id, volunteer_id, interval_days, next_due_at)
			select ${community}, id, ${volunteerId}, ${days}, now() from elder`.execute(db);
		await expect(plan(VISIT_INTERVAL_DAYS.min)).resolves.toBeDefined();
		await expect(plan(VISIT_INTERVAL_DAYS.max)).resolves.toBeDefined();
		await refused(plan(VISIT_INTERVAL_DAYS.min - 1));
		await refused(plan(VISIT_INTERVAL_DAYS.max + 1));
	});

	it('refuses an empty description, as the API does', async () => {
		await refused(
			sql`insert into requests (community_id, type, building_id, description) values (${community}, 'repair', ${buildingId}, '')`.execute(
				db
			)
		);
	});

	it("keeps every record in its building's community: no request, elder or volunteer of one community at another's building", async () => {
		await refused(
			sql`insert into requests (community_id, type, building_id, description) values (${otherCommunity}, 'repair', ${buildingId}, '错社区')`.execute(
				db
			)
		);
		await refused(
			sql`insert into elders (community_id, name, building_id) values (${otherCommunity}, '错社区', ${buildingId})`.execute(db)
		);
		await refused(
			sql`insert into volunteers (community_id, name, skills, home_building_id, lat, lng)
			values (${otherCommunity}, '错社区', array['repair'], ${buildingId}, 31.2, 121.4)`.execute(db)
		);
	});

	it('takes only a service of the catalogue as a request type', async () => {
		await refused(
			sql`insert into requests (community_id, type, building_id, description) values (${community}, 'no_such_service', ${buildingId}, 'x')`.execute(
				db
			)
		);
	});

	it('keeps building names unique within a community, not across the county', async () => {
		await refused(
			sql`insert into buildings (community_id, name, kind, lat, lng, footprint) values (${community}, '测试楼', 'residential', 31.2, 121.4, '{}')`.execute(
				db
			)
		);
		await expect(
			sql`insert into buildings (community_id, name, kind, lat, lng, footprint) values (${otherCommunity}, '测试楼', 'residential', 31.2, 121.4, '{}')`.execute(
				db
			)
		).resolves.toBeDefined();
	});

	it('roots only a county, and gives every street and community a parent', async () => {
		await refused(sql`insert into areas (name, kind, parent_id) values ('无上级街道', 'street', null)`.execute(db));
		await refused(sql`insert into areas (name, kind, parent_id) values ('有上级的县', 'county', ${community})`.execute(db));
	});

	// PGlite is one connection; concurrent transactions exist only on a real server.
	if (engine === 'postgres')
		it('lets only one of two raw conditional assigns through, even in concurrent transactions', async () => {
			const id = await requestIn('open');
			const second = await connectDatabase(database.target, 1);
			try {
				const claim = (conn: Db) =>
					conn.transaction().execute(async (trx) => {
						const result = await sql`update requests set status = 'assigned', assignee_id = ${volunteerId}, version = version + 1
						where id = ${id} and status = 'open' and version = 1`.execute(trx);
						await sql`select pg_sleep(0.2)`.execute(trx);
						return Number(result.numAffectedRows ?? 0);
					});
				const counts = await Promise.all([claim(db), claim(second.db)]);
				expect(counts.sort()).toEqual([0, 1]);
			} finally {
				await second.close();
			}
		});
});
