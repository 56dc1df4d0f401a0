// Deadlines from the catalogue, and the job that marks a passed one once (contract part two,
// "Deadlines"), on each engine: exactly once across runs and across two connections racing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { TestClock, makeBuilding, makeStaff, makeVolunteer, openMigrated, testDeps } from '../helpers/factories';
import type { DatabaseHandle } from '../../src/lib/server/db/connect';
import { assignVolunteer, createRequest } from '../../src/lib/server/services/requests';
import { markPassedDeadlines } from '../../src/lib/server/services/deadlines';
import { findService } from '../../src/lib/server/repositories/services';
import { toRequestView } from '../../src/lib/server/repositories/requests';
import type { Actor } from '../../src/lib/dispatch/permissions';

const T0 = '2026-12-05T09:00:00.000Z';
const MINUTE = 60_000;
const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs);

describe(`deadlines on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let handle: DatabaseHandle;
	let staff: Actor;
	let volunteer: Actor;
	let buildingId: string;

	beforeAll(async () => {
		database = await createTestDatabase(engine);
		handle = await openMigrated(database.target);
		buildingId = await makeBuilding(handle.db);
		staff = await makeStaff(handle.db);
		volunteer = await makeVolunteer(handle.db, buildingId);
	});
	afterAll(async () => {
		await handle?.close();
		await database?.drop();
	});

	const overdueEvents = (id: string) =>
		handle.db.selectFrom('events').select(['meta']).where('request_id', '=', id).where('action', '=', 'overdue').execute();
	const rowOf = (id: string) => handle.db.selectFrom('requests').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

	async function requestAt(clock: TestClock, urgency: 'normal' | 'urgent' = 'normal') {
		clock.set(T0);
		const { deps } = testDeps(handle.db, clock);
		return createRequest(deps, staff, {
			type: 'repair',
			buildingId,
			description: '时限',
			urgency,
			unit: '1-101',
			contactName: null,
			contactPhone: null
		});
	}

	it('sets both deadlines from the catalogue at creation, shorter when urgent', async () => {
		const repair = (await findService(handle.db, 'repair'))!;
		const clock = new TestClock(new Date(T0));
		const normal = await requestAt(clock);
		const urgent = await requestAt(clock, 'urgent');
		expect(normal.deadlines).toEqual({
			assignBy: at(repair.assignWithinMin * MINUTE).toISOString(),
			completeBy: at(repair.completeWithinMin * MINUTE).toISOString()
		});
		expect(urgent.deadlines).toEqual({
			assignBy: at(repair.urgentAssignWithinMin * MINUTE).toISOString(),
			completeBy: at(repair.urgentCompleteWithinMin * MINUTE).toISOString()
		});
	});

	it('marks the assign deadline once when it passes, tells staff, and lets it go once assigned', async () => {
		const repair = (await findService(handle.db, 'repair'))!;
		const clock = new TestClock(new Date(T0));
		const request = await requestAt(clock);
		const { deps, published } = testDeps(handle.db, clock);
		const due = repair.assignWithinMin * MINUTE;
		// (Other tests' requests share the database: each check is about this request alone.)
		await markPassedDeadlines(deps, at(due - 1000));
		expect(await overdueEvents(request.id)).toEqual([]);
		await markPassedDeadlines(deps, at(due));
		expect(await overdueEvents(request.id)).toEqual([{ meta: { milestone: 'assign' } }]);
		const marked = published
			.map((e) => e.payload as { id: string; overdue: string; attention: string[] })
			.find((p) => p.id === request.id)!;
		expect(marked).toMatchObject({ overdue: 'assign' });
		expect(marked.attention).toContain('overdue');
		await markPassedDeadlines(deps, at(due + 60_000));
		expect(await overdueEvents(request.id)).toHaveLength(1);

		const row = await rowOf(request.id);
		const assigned = await assignVolunteer(deps, staff, request.id, { volunteerId: volunteer.volunteerId!, version: row.version });
		expect(assigned).toMatchObject({ status: 'assigned', overdue: null });
		expect(assigned.attention).not.toContain('overdue');
	});

	it('marks the complete deadline once when two connections race', async () => {
		const repair = (await findService(handle.db, 'repair'))!;
		const clock = new TestClock(new Date(T0));
		const request = await requestAt(clock);
		const late = at(repair.completeWithinMin * MINUTE + 1000);
		// PostgreSQL gets a second pool; PGlite is one process, so there the two runs share its one connection and queue.
		const other = engine === 'postgres' ? await openMigrated(database.target) : handle;
		await Promise.all([
			markPassedDeadlines(testDeps(handle.db, clock).deps, late),
			markPassedDeadlines(testDeps(other.db, clock).deps, late)
		]);
		if (other !== handle) await other.close();
		const events = await overdueEvents(request.id);
		expect(events.filter((e) => (e.meta as { milestone: string }).milestone === 'complete')).toHaveLength(1);
		expect(toRequestView(await rowOf(request.id), true).overdue).toBe('complete');
	});
});
