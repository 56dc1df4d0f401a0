// The 2026-12-04 migration on both engines: rows written the old way (machine data in notes,
// server-written Chinese in a plan visit's description) move into meta and out of the
// description, the app then reads them as it reads new ones, and `down` gives the old shape back.
import { Migrator, sql, type Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { countyActor } from '../helpers/factories';
import { ENGINE, createTestDatabase, type TestDatabase } from '../helpers/database';
import { connectDatabase, type DatabaseHandle } from '../../src/lib/server/db/connect';
import { migrations } from '../../db/migrations/index';
import { readTimeline } from '../../src/lib/server/services/requests';
import { timelineDetail } from '../../src/lib/history/timeline-note';
import { createTranslator } from '../../src/lib/i18n/translate';

const BEFORE = '2026-11-26T1400-workload-index';
const DUE = '2026-11-30T01:00:00.000Z';

describe(`the event meta migration on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let handle: DatabaseHandle;
	let db: Kysely<any>;
	let migrator: Migrator;
	/** The ids of the rows written below, by name: all set in beforeAll. */
	type Row =
		| 'staff'
		| 'a'
		| 'b'
		| 'plan'
		| 'repair'
		| 'visit'
		| 'orphan'
		| 'create'
		| 'assign'
		| 'reassign'
		| 'expired'
		| 'requeued'
		| 'decline'
		| 'cancel'
		| `${'visit' | 'orphan'}${'Create' | 'Assign'}`
		| 'onDuty'
		| 'offDuty';
	const ids = {} as Record<Row, string>;

	const one = async <T>(query: ReturnType<typeof sql<T>>) => (await query.execute(db)).rows[0];
	const insertId = async (query: ReturnType<typeof sql<{ id: string }>>) => (await one(query))!.id;

	/** An event as the old services wrote it: plain columns, machine data in the note. */
	async function oldEvent(e: {
		kind?: string;
		action: string;
		actor?: string | null;
		request?: string | null;
		volunteer?: string | null;
		previous?: string | null;
		note: string | null;
		payload?: object;
	}) {
		const payload = JSON.stringify(e.payload ?? { id: e.request });
		return insertId(sql<{ id: string }>`
			insert into events (kind, action, actor_id, request_id, volunteer_id, previous_assignee_id, note, payload)
			values (${e.kind ?? 'request_updated'}, ${e.action}, ${e.actor ?? null}, ${e.request ?? null}, ${e.volunteer ?? null}, ${e.previous ?? null}, ${e.note}, ${payload}::jsonb)
			returning seq::text as id`);
	}

	beforeAll(async () => {
		database = await createTestDatabase(engine);
		handle = await connectDatabase(database.target, 2);
		db = handle.db as Kysely<any>;
		migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
		const before = await migrator.migrateTo(BEFORE);
		if (before.error) throw before.error;

		const building = await insertId(
			sql`insert into buildings (name, kind, lat, lng, footprint) values ('7栋', 'residential', 31.2, 105.9, '{}') returning id`
		);
		ids.staff = await insertId(
			sql`insert into users (username, name, password_hash, role) values ('d1', '王芳', 'x', 'dispatcher') returning id`
		);
		const volunteer = (name: string) =>
			insertId(
				sql`insert into volunteers (name, skills, team, home_building_id, lat, lng) values (${name}, array['repair', 'elder_visit'], 'repair', ${building}, 31.2, 105.9) returning id`
			);
		ids.a = await volunteer('张伟');
		ids.b = await volunteer('李娜');
		const elder = await insertId(
			sql`insert into elders (name, building_id, notes) values ('刘奶奶', ${building}, '独居，耳背') returning id`
		);
		ids.plan = await insertId(
			sql`insert into visit_plans (elder_id, volunteer_id, next_due_at) values (${elder}, ${ids.a}, ${DUE}) returning id`
		);

		const request = (description: string, visit?: { planId: string }) =>
			insertId(sql`
				insert into requests (type, building_id, description, contact_name, elder_id, visit_key, visit_due_at)
				values (${visit ? 'elder_visit' : 'repair'}, ${building}, ${description}, ${visit ? '刘奶奶' : '陈阿姨'}, ${visit ? elder : null},
					${visit ? `${visit.planId}:${DUE}` : null}, ${visit ? DUE : null})
				returning id`);
		ids.repair = await request('厨房插座没电');
		ids.visit = await request('定期探访 刘奶奶：独居，耳背', { planId: ids.plan });
		// The plan of this one is gone: its events keep that a plan made it, without its id.
		ids.orphan = await request('定期探访 刘奶奶', { planId: '00000000-0000-4000-8000-000000000000' });

		const repair = ids.repair;
		ids.create = await oldEvent({ kind: 'request_created', action: 'create', actor: ids.staff, request: repair, note: null });
		ids.assign = await oldEvent({ action: 'assign', actor: ids.staff, request: repair, volunteer: ids.a, note: '张伟' });
		ids.reassign = await oldEvent({
			action: 'reassign',
			actor: ids.staff,
			request: repair,
			volunteer: ids.b,
			previous: ids.a,
			note: '张伟 → 李娜'
		});
		ids.expired = await oldEvent({ action: 'offer_expired', request: repair, volunteer: ids.b, note: '5 min' });
		ids.requeued = await oldEvent({ action: 'offer_requeued', request: repair, previous: ids.b, note: '0.05 min' });
		ids.decline = await oldEvent({ action: 'decline', request: repair, previous: ids.a, note: '5 min' });
		ids.cancel = await oldEvent({ action: 'cancel', actor: ids.staff, request: repair, note: '居民取消' });
		for (const [request, key] of [
			[ids.visit, 'visit'],
			[ids.orphan, 'orphan']
		] as const) {
			const payload = { id: request, description: key === 'visit' ? '定期探访 刘奶奶：独居，耳背' : '定期探访 刘奶奶' };
			ids[`${key}Create`] = await oldEvent({ kind: 'request_created', action: 'create', request, note: 'visit plan', payload });
			ids[`${key}Assign`] = await oldEvent({ action: 'assign', request, volunteer: ids.a, note: '张伟', payload });
		}
		ids.onDuty = await oldEvent({
			kind: 'volunteer_updated',
			action: 'position',
			volunteer: ids.a,
			note: 'on duty',
			payload: { id: ids.a, available: true }
		});
		ids.offDuty = await oldEvent({
			kind: 'volunteer_updated',
			action: 'availability',
			volunteer: ids.a,
			note: 'off duty',
			payload: { id: ids.a, available: false }
		});

		const up = await migrator.migrateToLatest();
		if (up.error) throw up.error;
	});
	afterAll(async () => {
		await handle?.close();
		await database?.drop();
	});

	const eventRow = (seq: string) =>
		one(
			sql<{
				meta: unknown;
				note: string | null;
				payload: { description?: string };
			}>`select meta, note, payload from events where seq = ${seq}::bigint`
		);
	const description = async (id: string) =>
		(await one(sql<{ description: string }>`select description from requests where id = ${id}`))!.description;

	it('moves the machine data of old notes into meta, from the columns, and clears those notes', async () => {
		expect(await eventRow(ids.create)).toMatchObject({ meta: { source: 'staff' }, note: null });
		expect(await eventRow(ids.assign)).toMatchObject({ meta: { source: 'staff', volunteerId: ids.a }, note: null });
		expect(await eventRow(ids.reassign)).toMatchObject({ meta: { fromVolunteerId: ids.a, toVolunteerId: ids.b }, note: null });
		expect(await eventRow(ids.expired)).toMatchObject({ meta: { minutes: 5 }, note: null });
		expect(await eventRow(ids.requeued)).toMatchObject({ meta: { minutes: 0.05 }, note: null });
		expect(await eventRow(ids.visitCreate)).toMatchObject({ meta: { source: 'visit_plan', planId: ids.plan }, note: null });
		expect(await eventRow(ids.visitAssign)).toMatchObject({
			meta: { source: 'visit_plan', planId: ids.plan, volunteerId: ids.a },
			note: null
		});
		expect(await eventRow(ids.orphanCreate)).toMatchObject({ meta: { source: 'visit_plan', planId: null }, note: null });
		expect(await eventRow(ids.onDuty)).toMatchObject({ meta: { available: true }, note: null });
		expect(await eventRow(ids.offDuty)).toMatchObject({ meta: { available: false }, note: null });
	});

	it("keeps what people typed, even when it reads like the system's phrases", async () => {
		expect(await eventRow(ids.decline)).toMatchObject({ meta: {}, note: '5 min' });
		expect(await eventRow(ids.cancel)).toMatchObject({ meta: {}, note: '居民取消' });
	});

	it("leaves only the elder's notes in a plan visit's description, in the row and in its events", async () => {
		expect(await description(ids.visit)).toBe('独居，耳背');
		expect(await description(ids.orphan)).toBe('');
		expect(await description(ids.repair)).toBe('厨房插座没电');
		expect((await eventRow(ids.visitCreate))!.payload.description).toBe('独居，耳背');
		expect((await eventRow(ids.orphanAssign))!.payload.description).toBe('');
	});

	it('allows an empty description only on a plan visit, and meta only as an object', async () => {
		await expect(sql`update requests set description = '', version = version + 1 where id = ${ids.repair}`.execute(db)).rejects.toThrow();
		await expect(
			sql`update requests set description = ${'长'.repeat(2001)}, version = version + 1 where id = ${ids.visit}`.execute(db)
		).rejects.toThrow();
		await expect(
			sql`insert into events (kind, action, payload, meta) values ('request_updated', 'cancel', '{}', '[]')`.execute(db)
		).rejects.toThrow();
		// Still append-only once the migration is done with them.
		await expect(sql`update events set note = null where seq = ${ids.cancel}::bigint`.execute(db)).rejects.toThrow();
	});

	it('serves migrated rows as it serves new ones: a timeline read and said from meta', async () => {
		const staff = { ...(await countyActor(handle.db, ids.staff)), role: 'dispatcher' as const, name: '王芳' };
		const timeline = await readTimeline({ db: handle.db }, staff, ids.repair);
		const names: Record<string, string> = { [ids.a]: '张伟', [ids.b]: '李娜' };
		const en = createTranslator('en');
		expect(timeline.map((e) => [e.action, timelineDetail(e, en, (id) => names[id]), e.note])).toEqual([
			['create', null, null],
			['assign', 'to 张伟', null],
			['reassign', '张伟 → 李娜', null],
			['offer_expired', 'Not accepted within 5 min', null],
			['offer_requeued', 'Not accepted within 0.05 min', null],
			['decline', null, '5 min'],
			['cancel', null, '居民取消']
		]);
	});

	it('gives the old shape back on the way down, and up again', async () => {
		const down = await migrator.migrateTo(BEFORE);
		if (down.error) throw down.error;
		const notes = async () => {
			const rows = await sql<{ seq: string; note: string | null }>`select seq::text, note from events order by seq`.execute(db);
			return Object.fromEntries(rows.rows.map((r) => [r.seq, r.note]));
		};
		const old = await notes();
		expect([ids.assign, ids.reassign, ids.expired, ids.requeued, ids.decline, ids.cancel].map((s) => old[s])).toEqual([
			'张伟',
			'张伟 → 李娜',
			'5 min',
			'0.05 min',
			'5 min',
			'居民取消'
		]);
		expect([ids.create, ids.visitCreate, ids.orphanCreate, ids.visitAssign, ids.onDuty, ids.offDuty].map((s) => old[s])).toEqual([
			null,
			'visit plan',
			'visit plan',
			'张伟',
			'on duty',
			'off duty'
		]);
		expect(await description(ids.visit)).toBe('定期探访 刘奶奶：独居，耳背');
		expect(await description(ids.orphan)).toBe('定期探访 刘奶奶');
		const payload = await one(
			sql<{ description: string }>`select payload ->> 'description' as description from events where seq = ${ids.visitCreate}::bigint`
		);
		expect(payload!.description).toBe('定期探访 刘奶奶：独居，耳背');
		const columns = await sql<{
			name: string;
		}>`select column_name as name from information_schema.columns where table_name = 'events'`.execute(db);
		expect(columns.rows.map((c) => c.name)).not.toContain('meta');

		const again = await migrator.migrateToLatest();
		if (again.error) throw again.error;
		expect(await eventRow(ids.reassign)).toMatchObject({ meta: { fromVolunteerId: ids.a, toVolunteerId: ids.b }, note: null });
		expect(await description(ids.visit)).toBe('独居，耳背');
	});
});
