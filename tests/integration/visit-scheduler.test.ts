// The visit scheduler creates exactly one request per due visit: run twice, after a restart
// (a fresh connection to the same database), concurrently on two connections, and when a
// plan is pushed back to a due time whose visit already exists.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { openInProcess, type InProcessApp } from '../helpers/in-process';
import { visitSchedulerJob } from '../../src/lib/server/jobs/visit-scheduler';
import { scheduleDueVisits } from '../../src/lib/server/services/visit-scheduler';
import { deliveriesFor } from '../../src/lib/realtime/deliveries';
import { toRequestView, updateRequestIf } from '../../src/lib/server/repositories/requests';

const SEEDED_AT = new Date('2026-11-20T02:00:00.000Z');
const RUN_AT = new Date(SEEDED_AT.getTime() + 5 * 60_000);
const DAY = 86_400_000;

async function planVisits(app: InProcessApp) {
	return app.db
		.selectFrom('requests')
		.select(['id', 'visit_key', 'visit_due_at', 'status', 'assignee_id', 'elder_id'])
		.where('visit_key', 'is not', null)
		.orderBy('visit_key')
		.execute();
}

describe(`the visit scheduler on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let dataDir: string;
	let app: InProcessApp;
	let duePlans: { id: string; volunteer_id: string; elder_id: string; next_due_at: Date; community_id: string }[];

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'vd-visits-'));
		database = await createTestDatabase(engine, dataDir);
		app = await openInProcess(database.target, { seedAt: SEEDED_AT });
		duePlans = await app.db
			.selectFrom('visit_plans')
			.select(['id', 'volunteer_id', 'elder_id', 'next_due_at', 'community_id'])
			.where('next_due_at', '<=', RUN_AT)
			.execute();
		// Their visitors on duty, as a visitor must be to be given a visit; the last test takes them off.
		await app.db
			.updateTable('volunteers')
			.set({ available: true })
			.where(
				'id',
				'in',
				duePlans.map((p) => p.volunteer_id)
			)
			.execute();
	});
	afterAll(async () => {
		await app?.close();
		await database?.drop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	it('has due plans to work on in the demo seed: three in 大田坝 and three in 一段', () => {
		const perCommunity = new Map<string, number>();
		for (const plan of duePlans) perCommunity.set(plan.community_id, (perCommunity.get(plan.community_id) ?? 0) + 1);
		expect([...perCommunity.values()]).toEqual([3, 3]);
	});

	it('creates one assigned visit per due plan, and nothing more when run again', async () => {
		await visitSchedulerJob().run(app.deps, RUN_AT);
		await visitSchedulerJob().run(app.deps, RUN_AT);
		const visits = await planVisits(app);
		expect(visits).toHaveLength(duePlans.length);
		for (const plan of duePlans) {
			const visit = visits.find((v) => v.visit_key === `${plan.id}:${plan.next_due_at.toISOString()}`);
			expect(visit, plan.id).toBeDefined();
			expect(visit).toMatchObject({ status: 'assigned', assignee_id: plan.volunteer_id, elder_id: plan.elder_id });
			expect(visit!.visit_due_at!.toISOString()).toBe(plan.next_due_at.toISOString());
		}
	});

	it('writes create and assign events, so the volunteer hears task:assigned', async () => {
		const visits = await planVisits(app);
		const events = await app.db
			.selectFrom('events')
			.select(['request_id', 'action', 'from_status', 'to_status', 'actor_id'])
			.where(
				'request_id',
				'in',
				visits.map((v) => v.id)
			)
			.orderBy('seq')
			.execute();
		expect(events.map((e) => e.action).sort()).toEqual([...Array(visits.length).fill('assign'), ...Array(visits.length).fill('create')]);
		const taskEvents = app.published.flatMap(deliveriesFor).filter((d) => d.message.event === 'task:assigned');
		expect(taskEvents.map((d) => d.room).sort()).toEqual(duePlans.map((p) => `volunteer:${p.volunteer_id}`).sort());
		// The board reads visitDueAt from the live payload to flag an overdue visit.
		const dueTimes = duePlans.map((p) => p.next_due_at.toISOString()).sort();
		expect(taskEvents.map((d) => (d.message.data as { request: { visitDueAt: string } }).request.visitDueAt).sort()).toEqual(dueTimes);
	});

	it("records its plan in each event's meta, and writes no words of its own into the visit", async () => {
		const visits = await planVisits(app);
		const events = await app.db
			.selectFrom('events')
			.select(['request_id', 'action', 'meta', 'note'])
			.where(
				'request_id',
				'in',
				visits.map((v) => v.id)
			)
			.execute();
		for (const visit of visits) {
			const planId = visit.visit_key!.split(':')[0];
			const mine = events.filter((e) => e.request_id === visit.id);
			expect(mine.find((e) => e.action === 'create')).toMatchObject({ meta: { source: 'visit_plan', planId }, note: null });
			expect(mine.find((e) => e.action === 'assign')).toMatchObject({
				meta: { source: 'visit_plan', planId, volunteerId: visit.assignee_id },
				note: null
			});
		}
		// The description is the elder's notes as a coordinator typed them; screens add "planned visit" in their reader's language.
		const described = await app.db
			.selectFrom('requests')
			.innerJoin('elders', 'elders.id', 'requests.elder_id')
			.select(['requests.description', 'elders.notes'])
			.where(
				'requests.id',
				'in',
				visits.map((v) => v.id)
			)
			.execute();
		for (const row of described) expect(row.description).toBe(row.notes);
	});

	it('moves each plan on by its interval', async () => {
		for (const plan of duePlans) {
			const row = await app.db.selectFrom('visit_plans').select('next_due_at').where('id', '=', plan.id).executeTakeFirstOrThrow();
			expect(row.next_due_at.getTime()).toBe(plan.next_due_at.getTime() + 7 * DAY);
		}
	});

	it('creates nothing more after a restart on a fresh connection', async () => {
		await app.close();
		app = await openInProcess(database.target);
		const result = await scheduleDueVisits(app.deps, RUN_AT);
		expect(result.created).toBe(0);
		expect(await planVisits(app)).toHaveLength(duePlans.length);
	});

	it('relies on the unique visit key when a plan is pushed back to a visit that already exists', async () => {
		const plan = duePlans[0]!;
		await app.db.updateTable('visit_plans').set({ next_due_at: plan.next_due_at }).where('id', '=', plan.id).execute();
		const result = await scheduleDueVisits(app.deps, RUN_AT);
		expect(result).toEqual({ due: 1, created: 0 });
		expect(await planVisits(app)).toHaveLength(duePlans.length);
		const row = await app.db.selectFrom('visit_plans').select('next_due_at').where('id', '=', plan.id).executeTakeFirstOrThrow();
		expect(row.next_due_at.getTime()).toBeGreaterThan(RUN_AT.getTime());
	});

	it('creates the next visit when the next due time comes, once', async () => {
		const weekLater = new Date(RUN_AT.getTime() + 7 * DAY);
		const before = (await planVisits(app)).length;
		const due = await app.db.selectFrom('visit_plans').select('id').where('next_due_at', '<=', weekLater).execute();
		expect(due.length).toBeGreaterThan(duePlans.length); // the rest of the week's plans fell due too
		await scheduleDueVisits(app.deps, weekLater);
		await scheduleDueVisits(app.deps, weekLater);
		expect((await planVisits(app)).length).toBe(before + due.length);
	});

	it('creates exactly one visit when two schedulers run at once', async () => {
		// On PostgreSQL a second connection of its own; embedded PGlite has one connection, which both share.
		const other = engine === 'postgres' ? await openInProcess(database.target) : { deps: app.deps, close: async () => {} };
		try {
			const later = new Date(RUN_AT.getTime() + 14 * DAY);
			const due = await app.db.selectFrom('visit_plans').select('id').where('next_due_at', '<=', later).execute();
			const before = (await planVisits(app)).length;
			// Straight to the service: no advisory lock in the way, only the row lock and the unique key.
			const [a, b] = await Promise.all([scheduleDueVisits(app.deps, later), scheduleDueVisits(other.deps, later)]);
			expect(a.created + b.created).toBe(due.length);
			expect((await planVisits(app)).length).toBe(before + due.length);
			const { rows } = await sql<{
				n: number;
			}>`select count(*)::int as n from (select visit_key from requests where visit_key is not null group by visit_key having count(*) > 1) d`.execute(
				app.db
			);
			expect(rows[0]!.n).toBe(0);
		} finally {
			await other.close();
		}
	});

	it('never hands a visit to a planned visitor who is off duty: it is created open and flagged', async () => {
		const later = new Date(RUN_AT.getTime() + 21 * DAY);
		const due = await app.db
			.selectFrom('visit_plans')
			.select(['id', 'volunteer_id'])
			.where('next_due_at', '<=', later)
			.where('active', '=', true)
			.execute();
		expect(due.length).toBeGreaterThan(0);
		const visitors = [...new Set(due.map((p) => p.volunteer_id))];
		await app.db.updateTable('volunteers').set({ available: false }).where('id', 'in', visitors).execute();
		await scheduleDueVisits(app.deps, later);
		const made = await app.db
			.selectFrom('requests')
			.selectAll()
			.where('visit_due_at', '>', new Date(RUN_AT.getTime() + 14 * DAY))
			.where('visit_key', 'is not', null)
			.execute();
		expect(made.length).toBe(due.length);
		for (const visit of made) {
			expect(visit).toMatchObject({ status: 'open', assignee_id: null, assignee_off_duty: true });
			expect(toRequestView(visit, true).attention).toEqual(['assignee_off_duty']);
		}
		// Offered by the dispatcher to someone on duty, the flag goes.
		const visit = made[0]!;
		const [onDutyVisitor] = await app.db
			.selectFrom('volunteers')
			.select('id')
			.where('available', '=', false)
			.where('id', 'in', visitors)
			.execute();
		await app.db.updateTable('volunteers').set({ available: true }).where('id', '=', onDutyVisitor!.id).execute();
		const offered = await updateRequestIf(
			app.db,
			{ id: visit.id, statuses: ['open'] },
			{ status: 'assigned', assignee_id: onDutyVisitor!.id, assigned_at: later }
		);
		expect(toRequestView(offered!, true).attention).toEqual([]);
	});
});
