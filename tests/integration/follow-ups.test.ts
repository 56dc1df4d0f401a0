// Follow-up calls (回访) on each engine: a completed request nobody rated shows up for a call a
// day after completion, the call's answer is taken once, and a low one reopens the request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { TestClock, makeBuilding, makeStaff, makeVolunteer, openMigrated, testDeps } from '../helpers/factories';
import type { DatabaseHandle } from '../../src/lib/server/db/connect';
import { actOnTask, assignVolunteer, createRequest } from '../../src/lib/server/services/requests';
import { listFollowUps, recordFollowUpCall } from '../../src/lib/server/services/follow-ups';
import type { Actor } from '../../src/lib/dispatch/permissions';

const T0 = '2026-12-05T09:00:00.000Z';
const HOUR = 3_600_000;

describe(`follow-up calls on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let handle: DatabaseHandle;
	let staff: Actor;
	let volunteer: Actor;
	let buildingId: string;
	const clock = new TestClock(new Date(T0));

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

	async function completedAt(iso: string, description: string) {
		clock.set(iso);
		const { deps } = testDeps(handle.db, clock);
		const created = await createRequest(deps, staff, {
			type: 'repair',
			buildingId,
			description,
			urgency: 'normal',
			unit: '1-101',
			contactName: '李',
			contactPhone: '13900000001'
		});
		await assignVolunteer(deps, staff, created.id, { volunteerId: volunteer.volunteerId!, version: created.version });
		for (const action of ['accept', 'start', 'complete'] as const) await actOnTask(deps, volunteer, created.id, action, { note: null });
		return created.id;
	}

	it('lists a completed request a day after completion, until the call is recorded, once', async () => {
		const id = await completedAt(T0, '回访一');
		const { deps } = testDeps(handle.db, clock);
		const due = (offset: number) => {
			clock.set(new Date(Date.parse(T0) + offset).toISOString());
			return listFollowUps(deps, staff, staff.communityIds);
		};
		expect((await due(23 * HOUR)).map((r) => r.id)).not.toContain(id);
		const list = await due(24 * HOUR);
		expect(list.map((r) => r.id)).toContain(id);
		// Staff call the resident: the contact comes with it.
		expect(list.find((r) => r.id === id)).toMatchObject({ contactPhone: '13900000001', feedback: null });

		const answered = await recordFollowUpCall(deps, staff, id, { rating: 5, comment: '很满意' });
		expect(answered.feedback).toMatchObject({ rating: 5, comment: '很满意', via: 'phone' });
		expect((await due(25 * HOUR)).map((r) => r.id)).not.toContain(id);
		await expect(recordFollowUpCall(deps, staff, id, { rating: 4, comment: null })).rejects.toMatchObject({ status: 409 });
		const events = await handle.db
			.selectFrom('events')
			.select(['action', 'actor_id', 'note'])
			.where('request_id', '=', id)
			.where('action', '=', 'feedback')
			.execute();
		expect(events).toEqual([{ action: 'feedback', actor_id: staff.userId, note: '很满意' }]);
	});

	it('reopens the request on a low answer, linked and flagged', async () => {
		const id = await completedAt(T0, '回访二');
		clock.set(new Date(Date.parse(T0) + 30 * HOUR).toISOString());
		const { deps, published } = testDeps(handle.db, clock);
		await recordFollowUpCall(deps, staff, id, { rating: 1, comment: '没修好' });
		const reopened = published
			.map((e) => e.payload as { id: string; reopenOf: string | null; attention: string[]; status: string })
			.find((p) => p.reopenOf === id);
		expect(reopened).toMatchObject({ status: 'open', reopenOf: id });
		expect(reopened!.attention).toContain('low_rating');
	});

	it('refuses an open request, and one outside the scope as unknown', async () => {
		clock.set(T0);
		const { deps } = testDeps(handle.db, clock);
		const open = await createRequest(deps, staff, {
			type: 'repair',
			buildingId,
			description: '未完成',
			urgency: 'normal',
			unit: '1-101',
			contactName: null,
			contactPhone: null
		});
		await expect(recordFollowUpCall(deps, staff, open.id, { rating: 3, comment: null })).rejects.toMatchObject({ status: 409 });
		const outsider = { ...staff, communityIds: [crypto.randomUUID()], scope: { ...staff.scope, id: crypto.randomUUID() } };
		await expect(recordFollowUpCall(deps, outsider, open.id, { rating: 3, comment: null })).rejects.toMatchObject({ status: 404 });
	});
});
