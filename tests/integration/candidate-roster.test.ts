// The in-memory candidate roster ranks exactly as the database search does, while requests,
// offers, duty and visit plans change through the services: on this node (events applied as
// published) and on "another node" (a publisher that tells the roster nothing, so it must
// read the events table).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { insertCrowd, seededRandom } from '../helpers/crowd';
import { openInProcess, type InProcessApp } from '../helpers/in-process';
import { createLogger } from '../../src/lib/server/log';
import { startCandidateRoster, type CandidateRoster } from '../../src/lib/server/roster/candidate-roster';
import { listCandidates, rankFromDatabase } from '../../src/lib/server/services/candidates';
import { findRequestPlace } from '../../src/lib/server/repositories/requests';
import { actOnTask, assignVolunteer, cancelRequest, createRequest } from '../../src/lib/server/services/requests';
import { reassignRequest } from '../../src/lib/server/services/reassign';
import { setAvailability } from '../../src/lib/server/services/volunteers';
import { changeVisitPlan } from '../../src/lib/server/services/visit-plans';
import { createDueVisit } from '../../src/lib/server/services/visit-scheduler';
import type { ServiceDeps } from '../../src/lib/server/services/deps';
import { renewOnline } from '../../src/lib/server/repositories/volunteers';
import type { Actor } from '../../src/lib/dispatch/permissions';
import { FIRST_SERVICES, type RequestType } from '../../src/lib/dispatch/vocabulary';
import { countyActor } from '../helpers/factories';
import type { AssigneeAction } from '../../src/lib/dispatch/lifecycle';
import type { RequestView } from '../../src/lib/api/types';

const SETUP_TIMEOUT_MS = 240_000;

/** The database's ranking of a request, as the service asks for it when the roster cannot answer. */
async function rankedByDatabase(deps: ServiceDeps, requestId: string, limit: number) {
	return rankFromDatabase(deps, (await findRequestPlace(deps.db, requestId))!, limit);
}
const CROWD = 1500;
const STEPS = 240;

describe(`the candidate roster on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let app: InProcessApp;
	let roster: CandidateRoster;
	/** This node: its commits reach the roster at once, and ranking may use it. */
	let here: ServiceDeps;
	/** Another node sharing the database: its commits reach the roster only through the events table. */
	let elsewhere: ServiceDeps;
	/** The database search alone, the reference. */
	let reference: ServiceDeps;
	let dispatcher: Actor;
	let volunteers: { actor: Actor; skills: RequestType[] }[];
	let buildingIds: string[];

	beforeAll(async () => {
		database = await createTestDatabase(engine);
		app = await openInProcess(database.target, { seedAt: new Date() });
		const db = app.db;
		await insertCrowd(db, CROWD);
		roster = startCandidateRoster(db, createLogger('silent'), { tailMs: 20, refreshMs: 3_600_000, reloadMs: 3_600_000 });
		const now = () => new Date();
		here = { db, now, roster, publisher: { publish: (events) => roster.apply(events) } };
		elsewhere = { db, now, publisher: { publish() {} } };
		reference = { db, now, publisher: { publish() {} } };
		const staff = await db.selectFrom('users').select(['id', 'name']).where('role', '=', 'dispatcher').executeTakeFirstOrThrow();
		dispatcher = { ...(await countyActor(db, staff.id)), role: 'dispatcher', name: staff.name };
		const people = await db
			.selectFrom('volunteers')
			.innerJoin('users', 'users.id', 'volunteers.user_id')
			.select(['users.id as userId', 'volunteers.id', 'volunteers.name', 'volunteers.skills', 'volunteers.community_id'])
			.orderBy('volunteers.name')
			.execute();
		volunteers = people.map((p) => ({
			actor: {
				userId: p.userId,
				role: 'volunteer',
				volunteerId: p.id,
				name: p.name,
				scope: { id: p.community_id, kind: 'community', name: 'community' },
				communityIds: [p.community_id]
			},
			skills: p.skills
		}));
		buildingIds = (await db.selectFrom('buildings').select('id').execute()).map((b) => b.id);
		// One in twenty has the app open: their tier ranks them first, wherever they stand.
		const online = volunteers.filter((_, i) => i % 20 === 0).map((v) => v.actor.volunteerId!);
		await renewOnline(db, online, new Date(Date.now() + 3_600_000));
		roster.invalidate();
		await roster.sync();
	}, SETUP_TIMEOUT_MS);
	afterAll(async () => {
		roster?.stop();
		await app?.close();
		await database?.drop();
	});

	/** Every request the dispatcher could rank now: open, held, and some finished today. */
	async function rankable(): Promise<string[]> {
		const rows = await app.db
			.selectFrom('requests')
			.select('id')
			.where('assigned_at', '>=', new Date(Date.now() - 3_600_000))
			.execute();
		const open = await app.db
			.selectFrom('requests')
			.select('id')
			.where('status', 'in', ['open', 'assigned', 'accepted', 'in_progress'])
			.execute();
		return [...new Set([...rows, ...open].map((r) => r.id))];
	}

	let withPlannedVisitor = 0;
	/**
	 * Ranks every request from the roster at one moment, just caught up, and then from the
	 * database (nothing changes in between). Ranked one by one between slow database searches,
	 * a busy machine could let the roster go stale mid-way and rightly refuse to answer.
	 */
	async function expectSameAsDatabase(limit: number) {
		const ids = await rankable();
		expect(ids.length).toBeGreaterThan(0);
		await roster.sync();
		const now = new Date();
		const fromRoster = ids.map((id) => roster.rank(id, limit, now));
		// Every request the app knows of has been heard of by now, through one path or the other.
		expect(fromRoster.filter((ranked) => ranked === null)).toEqual([]);
		for (const [i, id] of ids.entries()) {
			if (fromRoster[i]!.some((c) => c.continuity === 'planned')) withPlannedVisitor++;
			expect(fromRoster[i], `request ${id}`).toEqual(await rankedByDatabase({ ...reference, now: () => now }, id, limit));
		}
	}

	it('ranks every request as the database does, through hundreds of changes on two nodes', async () => {
		const random = seededRandom(7);
		const pick = <T>(items: readonly T[]): T => {
			if (items.length === 0) throw new Error('nothing to pick from');
			return items[Math.floor(random() * items.length)]!;
		};
		const requests: RequestView[] = [];
		let done = 0;
		for (let step = 0; step < STEPS; step++) {
			const deps = random() < 0.5 ? here : elsewhere;
			const roll = random();
			try {
				if (roll < 0.25 || requests.length < 5) {
					requests.push(
						await createRequest(deps, dispatcher, {
							type: pick(FIRST_SERVICES),
							buildingId: pick(buildingIds),
							description: '名册测试',
							urgency: 'normal',
							unit: '',
							contactName: null,
							contactPhone: null
						})
					);
				} else if (roll < 0.45) {
					const request = pick(requests);
					const [best] = await listCandidates(reference, dispatcher, request.id, { limit: 1 });
					const demo = volunteers.find((v) => v.actor.volunteerId === best?.volunteerId) ?? pick(volunteers);
					const current = await app.db
						.selectFrom('requests')
						.select(['version', 'status'])
						.where('id', '=', request.id)
						.executeTakeFirstOrThrow();
					const move = current.status === 'assigned' ? reassignRequest : assignVolunteer;
					await move(deps, dispatcher, request.id, { volunteerId: demo.actor.volunteerId!, version: current.version });
				} else if (roll < 0.75) {
					const held = await app.db
						.selectFrom('requests')
						.select(['id', 'assignee_id', 'status'])
						.where('status', 'in', ['assigned', 'accepted', 'in_progress'])
						.execute();
					const task = held.length ? pick(held) : null;
					const holder = volunteers.find((v) => v.actor.volunteerId === task?.assignee_id);
					if (task && holder) {
						const next: AssigneeAction =
							task.status === 'assigned' ? (random() < 0.8 ? 'accept' : 'decline') : task.status === 'accepted' ? 'start' : 'complete';
						await actOnTask(deps, holder.actor, task.id, next, { note: next === 'complete' ? '已完成' : null });
						if (next === 'complete') done++;
					}
				} else if (roll < 0.82) {
					await cancelRequest(deps, dispatcher, pick(requests).id, '名册测试取消');
				} else if (roll < 0.95) {
					const volunteer = pick(volunteers);
					const place = await app.db
						.selectFrom('buildings')
						.select(['lat', 'lng'])
						.where('id', '=', pick(buildingIds))
						.executeTakeFirstOrThrow();
					await setAvailability(
						deps,
						volunteer.actor,
						random() < 0.3 ? { available: false } : { available: true, lat: place.lat, lng: place.lng }
					);
				} else {
					// Plans carry no event: this node invalidates, and ranking waits for a fresh snapshot.
					const plan = await app.db
						.selectFrom('visit_plans')
						.select('id')
						.orderBy('id')
						.offset(Math.floor(random() * 5))
						.limit(1)
						.executeTakeFirstOrThrow();
					const visitor = pick(volunteers.filter((v) => v.skills.includes('elder_visit')));
					await changeVisitPlan(here, dispatcher, plan.id, { volunteerId: visitor.actor.volunteerId! });
					// and the plan's next visit falls due, so an elder visit with continuity is ranked below.
					await createDueVisit(deps, plan.id, new Date(Date.now() + 400 * 86_400_000));
					await roster.sync();
				}
			} catch (error) {
				// A 409 or 422 (a finished request, a volunteer off duty) is part of the traffic.
				const status = (error as { status?: number }).status;
				if (status !== 409 && status !== 422) throw error;
			}
			if (step % 60 === 59) await expectSameAsDatabase(10);
		}
		expect(done).toBeGreaterThan(3);
		// However the traffic fell, one more plan change with a visitor surely on duty, so the
		// comparison below surely covers a planned visitor.
		const plan = await app.db
			.selectFrom('visit_plans')
			.innerJoin('elders', 'elders.id', 'visit_plans.elder_id')
			.innerJoin('buildings', 'buildings.id', 'elders.building_id')
			.select(['visit_plans.id', 'buildings.community_id as communityId'])
			.orderBy('visit_plans.id')
			.limit(1)
			.executeTakeFirstOrThrow();
		const visitor = volunteers.find((v) => v.skills.includes('elder_visit') && v.actor.communityIds.includes(plan.communityId))!;
		await setAvailability(here, visitor.actor, { available: true });
		await changeVisitPlan(here, dispatcher, plan.id, { volunteerId: visitor.actor.volunteerId! });
		expect(await createDueVisit(here, plan.id, new Date(Date.now() + 4000 * 86_400_000))).toBe(true);
		await roster.sync();
		await expectSameAsDatabase(50);
		expect(withPlannedVisitor).toBeGreaterThan(0);
		// Elder visits rank their continuity candidates first, from memory too.
		const visit = await createRequest(here, dispatcher, {
			type: 'elder_visit',
			buildingId: pick(buildingIds),
			description: '探访',
			urgency: 'normal',
			unit: '',
			contactName: null,
			contactPhone: null
		});
		await roster.sync();
		expect(roster.rank(visit.id, 5, new Date())).toEqual(await rankedByDatabase(reference, visit.id, 5));
	}, 240_000);

	it('rereads what no event carries: a plan changed and a volunteer come online on another node', async () => {
		const rereading = startCandidateRoster(app.db, createLogger('silent'), { tailMs: 20, refreshMs: 1500, reloadMs: 3_600_000 });
		try {
			await rereading.sync();
			const plan = await app.db
				.selectFrom('visit_plans')
				.select(['id', 'volunteer_id', 'community_id'])
				.where('active', '=', true)
				.orderBy('id')
				.executeTakeFirstOrThrow();
			const visitor = volunteers.find(
				(v) => v.skills.includes('elder_visit') && v.actor.volunteerId !== plan.volunteer_id && v.actor.scope.id === plan.community_id
			)!;
			await setAvailability(elsewhere, visitor.actor, { available: true });
			await changeVisitPlan(elsewhere, dispatcher, plan.id, { volunteerId: visitor.actor.volunteerId! });
			await createDueVisit(elsewhere, plan.id, new Date(Date.now() + 800 * 86_400_000));
			const visit = await app.db
				.selectFrom('requests')
				.select('id')
				.where('visit_key', 'like', `${plan.id}:%`)
				.orderBy('created_at', 'desc')
				.executeTakeFirstOrThrow();
			await renewOnline(app.db, [visitor.actor.volunteerId!], new Date(Date.now() + 60_000));
			const plannedOf = () => rereading.rank(visit.id, 50, new Date())?.find((c) => c.continuity === 'planned');

			await rereading.sync(); // the tail alone, well within refreshMs: the visit is known, the plan change is not
			expect(rereading.rank(visit.id, 50, new Date())).not.toBeNull();
			expect(plannedOf()?.volunteerId ?? null).not.toBe(visitor.actor.volunteerId);
			await new Promise((resolve) => setTimeout(resolve, 1600));
			await rereading.sync();
			expect(plannedOf()).toMatchObject({ volunteerId: visitor.actor.volunteerId, online: true });
			expect(rereading.rank(visit.id, 50, new Date())).toEqual(await rankedByDatabase(reference, visit.id, 50));
		} finally {
			rereading.stop();
		}
	});

	it('hears this node’s changes at once, and another node’s only from the events table', async () => {
		await roster.sync(); // fresh now; the changes below must show without another sync
		const place = await app.db
			.selectFrom('buildings')
			.select(['id', 'lat', 'lng', 'community_id'])
			.where('id', '=', buildingIds[0]!)
			.executeTakeFirstOrThrow();
		const volunteer = volunteers.find((v) => v.skills.includes('repair') && v.actor.scope.id === place.community_id)!;
		await setAvailability(here, volunteer.actor, { available: true, lat: place.lat, lng: place.lng });
		const request = await createRequest(here, dispatcher, {
			type: 'repair',
			buildingId: place.id,
			description: '就在门口',
			urgency: 'normal',
			unit: '',
			contactName: null,
			contactPhone: null
		});
		const atTheDoor = () => roster.rank(request.id, CROWD, new Date())?.find((c) => c.volunteerId === volunteer.actor.volunteerId);
		expect(atTheDoor()).toMatchObject({ distanceM: 0 });

		await setAvailability(elsewhere, volunteer.actor, { available: false });
		await roster.sync();
		expect(atTheDoor()).toBeUndefined();
		roster.stop(); // no tail from here on (a step under way ends within a few ms)
		await new Promise((resolve) => setTimeout(resolve, 200));
		const unheard = await createRequest(elsewhere, dispatcher, {
			type: 'repair',
			buildingId: place.id,
			description: '别处创建',
			urgency: 'normal',
			unit: '',
			contactName: null,
			contactPhone: null
		});
		expect(roster.rank(unheard.id, 5, new Date())).toBeNull();
		expect(await listCandidates(here, dispatcher, unheard.id, { limit: 5 })).toEqual(
			await listCandidates(reference, dispatcher, unheard.id, { limit: 5 })
		);
	});
});
