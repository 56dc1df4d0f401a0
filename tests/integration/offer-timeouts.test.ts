// The offer timeout with the clock in the test's hand: against a real database on each engine,
// it fires exactly once per offer, however often it runs, on two connections at once, and
// after a restart.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { TestClock, makeBuilding, makeStaff, makeVolunteer, openMigrated, testCommunity, testDeps } from '../helpers/factories';
import type { DatabaseHandle } from '../../src/lib/server/db/connect';
import { assignVolunteer, actOnTask, createRequest } from '../../src/lib/server/services/requests';
import { listMyActiveTasks } from '../../src/lib/server/services/my-tasks';
import { saveTeam } from '../../src/lib/server/services/teams';
import { assignAsTeamLeader, handToTeam } from '../../src/lib/server/services/team-requests';
import { offerTimeoutJob } from '../../src/lib/server/jobs/offer-timeouts';
import { startJobs } from '../../src/lib/server/jobs/runner';
import { deliveriesFor } from '../../src/lib/realtime/deliveries';
import { createLogger } from '../../src/lib/server/log';
import type { Actor } from '../../src/lib/dispatch/permissions';
import type { RequestView } from '../../src/lib/api/types';
import type { EventAction } from '../../src/lib/dispatch/event-actions';

const FIVE_MINUTES = 5 * 60_000;
const T0 = '2026-11-26T09:00:00.000Z';
const at = (offsetMs: number) => new Date(Date.parse(T0) + offsetMs);

describe(`unanswered offers on ${ENGINE}`, () => {
	const engine = ENGINE;
	let dataDir: string;
	let database: TestDatabase;
	let handle: DatabaseHandle;
	let staff: Actor;
	let volunteer: Actor;
	let buildingId: string;
	let community: string;

	beforeAll(async () => {
		dataDir = mkdtempSync(join(tmpdir(), 'vd-offers-'));
		// On disk, so that reopening it below is a real restart for PGlite too.
		database = await createTestDatabase(engine, dataDir);
		handle = await openMigrated(database.target);
		buildingId = await makeBuilding(handle.db);
		community = await testCommunity(handle.db);
		staff = await makeStaff(handle.db);
		volunteer = await makeVolunteer(handle.db, buildingId);
	});
	afterAll(async () => {
		await handle?.close();
		await database?.drop();
		rmSync(dataDir, { recursive: true, force: true });
	});

	async function offerAt(clock: TestClock, deps: ReturnType<typeof testDeps>['deps']): Promise<RequestView> {
		clock.set(T0);
		const created = await createRequest(deps, staff, {
			type: 'repair',
			buildingId,
			description: '水龙头漏水',
			urgency: 'normal',
			unit: '1-101',
			contactName: '王阿姨',
			contactPhone: '13900000000'
		});
		return assignVolunteer(deps, staff, created.id, { volunteerId: volunteer.volunteerId!, version: created.version });
	}

	async function eventsOf(requestId: string, action: EventAction) {
		return handle.db.selectFrom('events').selectAll().where('request_id', '=', requestId).where('action', '=', action).execute();
	}

	it('flags an offer once, at the timeout, and tells staff and the assignee', async () => {
		const clock = new TestClock(new Date(T0));
		const { deps, published } = testDeps(handle.db, clock);
		const offer = await offerAt(clock, deps);
		const job = offerTimeoutJob({ timeoutMs: FIVE_MINUTES, action: 'flag' });
		published.length = 0;

		await job.run(deps, at(FIVE_MINUTES - 1_000));
		expect(await eventsOf(offer.id, 'offer_expired')).toHaveLength(0);

		await job.run(deps, at(FIVE_MINUTES));
		await job.run(deps, at(FIVE_MINUTES + 60_000));
		const runner = startJobs(deps, [job], { embedded: engine === 'pglite', log: createLogger('silent') });
		await runner.runAll(at(FIVE_MINUTES + 120_000));
		runner.stop();

		const events = await eventsOf(offer.id, 'offer_expired');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			from_status: 'assigned',
			to_status: 'assigned',
			volunteer_id: volunteer.volunteerId,
			actor_id: null
		});
		expect(published.map((e) => e.action)).toEqual(['offer_expired']);
		const heard = deliveriesFor(published[0]!).map((d) => [d.room, d.message.event]);
		expect(heard).toEqual([
			[`staff:${community}`, 'request:updated'],
			[`volunteer:${volunteer.volunteerId}`, 'task:updated']
		]);

		const row = await handle.db.selectFrom('requests').selectAll().where('id', '=', offer.id).executeTakeFirstOrThrow();
		expect(row.status).toBe('assigned');
		expect(row.version).toBe(offer.version + 1);
		expect(row.offer_expired_at?.toISOString()).toBe(at(FIVE_MINUTES).toISOString());

		// Flagged is not final: the volunteer may still accept, which clears the flag.
		const accepted = await actOnTask(deps, volunteer, offer.id, 'accept', { note: null });
		expect(accepted).toMatchObject({ status: 'accepted', offerExpiredAt: null });
	});

	it('fires once across a restart, and once when two connections race', async () => {
		const clock = new TestClock(new Date(T0));
		const { deps } = testDeps(handle.db, clock);
		const offer = await offerAt(clock, deps);
		const job = offerTimeoutJob({ timeoutMs: FIVE_MINUTES, action: 'flag' });
		await job.run(deps, at(FIVE_MINUTES + 1));

		// A restart: every connection closed, the database opened afresh, a new job instance.
		await handle.close();
		handle = await openMigrated(database.target);
		const restarted = testDeps(handle.db, clock);
		await offerTimeoutJob({ timeoutMs: FIVE_MINUTES, action: 'flag' }).run(restarted.deps, at(FIVE_MINUTES * 3));
		expect(restarted.published).toHaveLength(0);
		expect(await eventsOf(offer.id, 'offer_expired')).toHaveLength(1);

		// Two nodes at the same moment. PostgreSQL gets a second pool; PGlite is one process,
		// so there the two runs share its one connection and queue.
		const second = await offerAt(clock, restarted.deps);
		const other = engine === 'postgres' ? await openMigrated(database.target) : handle;
		const otherDeps = testDeps(other.db, clock);
		await Promise.all([
			job.run(restarted.deps, at(FIVE_MINUTES * 2)),
			offerTimeoutJob({ timeoutMs: FIVE_MINUTES, action: 'flag' }).run(otherDeps.deps, at(FIVE_MINUTES * 2))
		]);
		if (other !== handle) await other.close();
		expect(await eventsOf(second.id, 'offer_expired')).toHaveLength(1);
		const flags = [...restarted.published, ...otherDeps.published].filter((e) => e.action === 'offer_expired');
		expect(flags).toHaveLength(1);
	});

	it('in requeue mode returns the offer to the queue once and tells the volunteer it left them', async () => {
		const clock = new TestClock(new Date(T0));
		const { deps, published } = testDeps(handle.db, clock);
		const offer = await offerAt(clock, deps);
		published.length = 0;
		const job = offerTimeoutJob({ timeoutMs: FIVE_MINUTES, action: 'requeue' });

		await job.run(deps, at(FIVE_MINUTES));
		await job.run(deps, at(FIVE_MINUTES * 2));
		const events = await eventsOf(offer.id, 'offer_requeued');
		expect(events).toHaveLength(1);
		expect(events[0]).toMatchObject({
			from_status: 'assigned',
			to_status: 'open',
			volunteer_id: null,
			previous_assignee_id: volunteer.volunteerId
		});

		expect(published).toHaveLength(1);
		const deliveries = deliveriesFor(published[0]!);
		expect(deliveries.map((d) => [d.room, d.message.event])).toEqual([
			[`staff:${community}`, 'request:updated'],
			[`volunteer:${volunteer.volunteerId}`, 'task:updated']
		]);
		const told = deliveries[1]!.message.data as { request: RequestView };
		expect(told.request).toMatchObject({ id: offer.id, status: 'open', assigneeId: null });
		expect(told.request.contactPhone).toBeUndefined();

		const mine = await listMyActiveTasks(deps, volunteer);
		expect(mine.map((r) => r.id)).not.toContain(offer.id);
		// Back in the queue, it can be offered again, and that new offer gets its own full timeout.
		const reoffered = await assignVolunteer(deps, staff, offer.id, { volunteerId: volunteer.volunteerId!, version: offer.version + 1 });
		expect(reoffered.status).toBe('assigned');
	});

	it('in requeue mode keeps a team request with its team, so the leader hears it back and can pick again', async () => {
		const clock = new TestClock(new Date(T0));
		const { deps, published } = testDeps(handle.db, clock);
		const coordinator: Actor = { ...staff, role: 'coordinator' };
		const leader = volunteer.volunteerId!;
		const team = await saveTeam(
			deps,
			coordinator,
			null,
			{
				name: '超时测试队',
				communityId: community,
				communityIds: [],
				leaderVolunteerId: leader,
				memberIds: [leader],
				skills: ['repair'],
				active: true
			},
			{ apply: () => {} }
		);
		const created = await createRequest(deps, staff, {
			type: 'repair',
			buildingId,
			description: '灯坏了',
			urgency: 'normal',
			unit: '',
			contactName: null,
			contactPhone: null
		});
		const handed = await handToTeam(deps, staff, created.id, { teamId: team.id, version: created.version });
		const offered = await assignAsTeamLeader(deps, volunteer, handed.id, { volunteerId: leader, version: handed.version });
		published.length = 0;

		await offerTimeoutJob({ timeoutMs: FIVE_MINUTES, action: 'requeue' }).run(deps, at(FIVE_MINUTES * 10));
		const requeued = published.find((e) => e.action === 'offer_requeued' && (e.payload as RequestView).id === offered.id)!;
		expect(requeued.payload).toMatchObject({ status: 'open', assigneeId: null, teamId: team.id });
		expect(deliveriesFor(requeued).map((d) => `${d.room} ${d.message.event}`)).toContain(`team-lead:${team.id} team:request`);
		const again = await assignAsTeamLeader(deps, volunteer, offered.id, { volunteerId: leader, version: offered.version + 1 });
		expect(again).toMatchObject({ status: 'assigned', teamId: team.id });
	});

	it('leaves accepted offers alone', async () => {
		const clock = new TestClock(new Date(T0));
		const { deps, published } = testDeps(handle.db, clock);
		const offer = await offerAt(clock, deps);
		await actOnTask(deps, volunteer, offer.id, 'accept', { note: null });
		published.length = 0;
		await offerTimeoutJob({ timeoutMs: FIVE_MINUTES, action: 'flag' }).run(deps, at(FIVE_MINUTES * 10));
		await offerTimeoutJob({ timeoutMs: FIVE_MINUTES, action: 'requeue' }).run(deps, at(FIVE_MINUTES * 10));
		expect(published.filter((e) => e.payload && 'id' in e.payload && e.payload.id === offer.id)).toHaveLength(0);
	});
});
