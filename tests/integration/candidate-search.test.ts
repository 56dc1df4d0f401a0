// The candidate search as a service, on a real database of each engine: continuity for elder
// visits, and exactness and index use with 10,000 volunteers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CompiledQuery, sql } from 'kysely';
import { createTestDatabase, type TestDatabase, ENGINE } from '../helpers/database';
import { insertCrowd, seededRandom } from '../helpers/crowd';
import { openInProcess, type InProcessApp } from '../helpers/in-process';
import { listCandidates } from '../../src/lib/server/services/candidates';
import { createRequest } from '../../src/lib/server/services/requests';
import { candidatesInBoxQuery } from '../../src/lib/server/repositories/candidates';
import type { ServiceDeps } from '../../src/lib/server/services/deps';
import type { Actor } from '../../src/lib/dispatch/permissions';
import { boundingBox, haversineMeters } from '../../src/lib/dispatch/geo';
import { RANKING_WEIGHTS } from '../../src/lib/dispatch/ranking';
import { startOfCommunityDay } from '../../src/lib/history/community-time';
import { SEARCH_RADII_M } from '../../src/lib/dispatch/candidate-search';
import { FIRST_SERVICES, type RequestType } from '../../src/lib/dispatch/vocabulary';
import { countyActor, testCommunity } from '../helpers/factories';

const METRES_PER_DEGREE = 111_195;

/** A fresh database, a seeded server and sign-ins can take minutes on two busy shared cores. */
const SETUP_TIMEOUT_MS = 240_000;
describe(`the candidate search on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let app: InProcessApp;
	let deps: ServiceDeps;
	let dispatcher: Actor;
	let community: string;
	const now = new Date();

	beforeAll(async () => {
		database = await createTestDatabase(engine);
		app = await openInProcess(database.target, { seedAt: now, now: () => now });
		deps = app.deps;
		dispatcher = await countyActor(app.db, '00000000-0000-4000-8000-000000000001');
		community = await testCommunity(app.db);
	}, SETUP_TIMEOUT_MS);
	afterAll(async () => {
		await app?.close();
		await database?.drop();
	});

	const db = () => app.db;
	const place = (buildingId: string) =>
		db().selectFrom('buildings').select(['lat', 'lng']).where('id', '=', buildingId).executeTakeFirstOrThrow();
	const standAt = (id: string, at: { lat: number; lng: number }, available = true) =>
		db().updateTable('volunteers').set({ available, lat: at.lat, lng: at.lng }).where('id', '=', id).execute();
	const openRequest = async (type: RequestType, buildingId: string, elderId: string | null = null) =>
		(
			await db()
				.insertInto('requests')
				.values({ community_id: community, type, building_id: buildingId, description: '测试', elder_id: elderId, created_at: now })
				.returning('id')
				.executeTakeFirstOrThrow()
		).id;
	/** Free of tasks, so distances alone decide between the volunteers below. */
	const clearWorkload = (ids: string[]) =>
		// Through the lifecycle trigger like any change: cancelled, with a version that grows.
		db()
			.updateTable('requests')
			.set((eb) => ({ status: 'cancelled', cancelled_at: now, version: eb('version', '+', 1) }))
			.where('assignee_id', 'in', ids)
			.where('status', 'in', ['assigned', 'accepted', 'in_progress'])
			.execute();

	describe('continuity for elder visits', () => {
		let elder: { id: string; building_id: string; unit: string; planned: string };
		let lastVisitor: string;
		let neighbour: string;
		let home: { lat: number; lng: number };
		const north = (m: number) => ({ lat: home.lat + m / METRES_PER_DEGREE, lng: home.lng });

		beforeAll(async () => {
			elder = await db()
				.selectFrom('elders')
				.innerJoin('visit_plans', 'visit_plans.elder_id', 'elders.id')
				.select(['elders.id', 'elders.building_id', 'elders.unit', 'visit_plans.volunteer_id as planned'])
				.where('elders.community_id', '=', community)
				.orderBy('elders.name')
				.executeTakeFirstOrThrow();
			home = await place(elder.building_id);
			const others = await db()
				.selectFrom('volunteers')
				.select('id')
				.where(sql<boolean>`skills @> array['elder_visit']::text[]`)
				.where('community_id', '=', community)
				.where('id', '<>', elder.planned)
				.orderBy('id')
				.limit(2)
				.execute();
			expect(others).toHaveLength(2);
			[lastVisitor, neighbour] = [others[0]!.id, others[1]!.id];
			// Someone other than the planned visitor made the latest visit.
			await db()
				.insertInto('requests')
				.values({
					community_id: community,
					type: 'elder_visit',
					building_id: elder.building_id,
					description: '上门探访',
					elder_id: elder.id,
					status: 'completed',
					assignee_id: lastVisitor,
					created_at: now,
					assigned_at: now,
					accepted_at: now,
					started_at: now,
					completed_at: now
				})
				.execute();
			// The demo day may already have given them tasks; make sure there is one to clear, always.
			await db()
				.insertInto('requests')
				.values({
					community_id: community,
					type: 'elder_visit',
					building_id: elder.building_id,
					description: '忙',
					status: 'assigned',
					assignee_id: elder.planned,
					created_at: now,
					assigned_at: now
				})
				.execute();
			await clearWorkload([elder.planned, lastVisitor, neighbour]);
		});

		it('puts the planned visitor first and the last visitor next, even from outside the first boxes', async () => {
			await standAt(neighbour, north(0));
			await standAt(lastVisitor, north(500));
			// 700 m away: beyond the 50, 150 and 450 m boxes; one of those already settles limit 1 with the neighbour at the door.
			await standAt(elder.planned, north(700));
			const id = await openRequest('elder_visit', elder.building_id, elder.id);

			const ranked = await listCandidates(deps, dispatcher, id, { limit: 50 });
			const byId = new Map(ranked.map((c) => [c.volunteerId, c]));
			expect(byId.get(elder.planned)?.continuity).toBe('planned');
			expect(byId.get(lastVisitor)?.continuity).toBe('last');
			expect(byId.get(neighbour)?.continuity).toBeNull();
			const order = ranked.map((c) => c.volunteerId).filter((v) => [elder.planned, lastVisitor, neighbour].includes(v));
			expect(order).toEqual([elder.planned, lastVisitor, neighbour]);
			expect([elder.planned, lastVisitor, neighbour].map((v) => byId.get(v)!.activeCount)).toEqual([0, 0, 0]);
			expect(byId.get(elder.planned)!.score).toBeCloseTo(
				-(700 - RANKING_WEIGHTS.plannedVisitorBonusM + byId.get(elder.planned)!.tasksToday * RANKING_WEIGHTS.metresPerTaskToday),
				-1
			);

			const best = await listCandidates(deps, dispatcher, id, { limit: 1 });
			expect(best.map((c) => c.volunteerId)).toEqual([elder.planned]);
		});

		it("links an elder visit taken in by hand at the elder's building and unit to the elder, so it keeps continuity too", async () => {
			const staff = await db().selectFrom('users').select(['id', 'name']).where('role', '=', 'dispatcher').executeTakeFirstOrThrow();
			const intake: Actor = { ...(await countyActor(db(), staff.id)), role: 'dispatcher', name: staff.name };
			const atHome = await createRequest(deps, intake, {
				type: 'elder_visit',
				buildingId: elder.building_id,
				unit: elder.unit,
				description: '电话预约探访',
				urgency: 'normal',
				contactName: null,
				contactPhone: null
			});
			expect(atHome.elderId).toBe(elder.id);
			const ranked = await listCandidates(deps, dispatcher, atHome.id, { limit: 5 });
			expect(ranked.slice(0, 2).map((c) => [c.volunteerId, c.continuity])).toEqual([
				[elder.planned, 'planned'],
				[lastVisitor, 'last']
			]);
			// Another unit of the same building is somebody else's door; a repair at the elder's is no visit.
			const nextDoor = await createRequest(deps, intake, {
				type: 'elder_visit',
				buildingId: elder.building_id,
				unit: `${elder.unit}-隔壁`,
				description: '探访',
				urgency: 'normal',
				contactName: null,
				contactPhone: null
			});
			const repair = await createRequest(deps, intake, {
				type: 'repair',
				buildingId: elder.building_id,
				unit: elder.unit,
				description: '修水管',
				urgency: 'normal',
				contactName: null,
				contactPhone: null
			});
			expect([nextDoor.elderId, repair.elderId]).toEqual([null, null]);
		});

		it('leaves out a planned visitor who is off duty, and gives no continuity to other request types', async () => {
			await standAt(elder.planned, north(700), false);
			const visit = await openRequest('elder_visit', elder.building_id, elder.id);
			const ranked = await listCandidates(deps, dispatcher, visit, { limit: 50 });
			expect(ranked.map((c) => c.volunteerId)).not.toContain(elder.planned);
			expect(ranked.find((c) => c.volunteerId === lastVisitor)?.continuity).toBe('last');

			const haircut = await openRequest('haircut', elder.building_id, elder.id);
			expect((await listCandidates(deps, dispatcher, haircut, { limit: 50 })).every((c) => c.continuity === null)).toBe(true);
		});

		it('looks beyond a busy volunteer at the door for a free one outside the first box', async () => {
			const repairers = await db()
				.selectFrom('volunteers')
				.select('id')
				.where(sql<boolean>`skills @> array['repair']::text[]`)
				.orderBy('id')
				.execute();
			expect(repairers.length).toBeGreaterThanOrEqual(2);
			const [busy, free] = [repairers[0]!.id, repairers[1]!.id];
			await db()
				.updateTable('volunteers')
				.set({ available: false })
				.where(sql<boolean>`skills @> array['repair']::text[]`)
				.execute();
			await clearWorkload([busy, free]);
			await standAt(busy, north(0));
			await standAt(free, north(150)); // outside the first, 50 m box
			for (let i = 0; i < 2; i++) {
				await db()
					.insertInto('requests')
					.values({
						community_id: community,
						type: 'repair',
						building_id: elder.building_id,
						description: '忙',
						status: 'assigned',
						assignee_id: busy,
						created_at: now,
						assigned_at: now
					})
					.execute();
			}
			const id = await openRequest('repair', elder.building_id);
			// At the door with two tasks costs 600 m and more; free at 150 m costs 150 m and a few tasks today.
			const [best] = await listCandidates(deps, dispatcher, id, { limit: 1 });
			expect(best).toMatchObject({ volunteerId: free, distanceM: 150, activeCount: 0 });
			const both = await listCandidates(deps, dispatcher, id, { limit: 5 });
			expect(both.map((c) => c.volunteerId)).toEqual([free, busy]);
			expect(both[1]).toMatchObject({ distanceM: 0, activeCount: 2 });
		});

		it('is for staff only, and knows unknown requests', async () => {
			const id = await openRequest('repair', elder.building_id);
			await expect(
				listCandidates(deps, { ...dispatcher, role: 'volunteer', volunteerId: neighbour }, id, { limit: 5 })
			).rejects.toMatchObject({
				code: 'forbidden'
			});
			await expect(listCandidates(deps, dispatcher, crypto.randomUUID(), { limit: 5 })).rejects.toMatchObject({ code: 'not_found' });
		});
	});

	describe('with 10,000 more volunteers', () => {
		beforeAll(async () => {
			const crowd = await insertCrowd(db(), 10_000);
			// Some of them busy, some with tasks done today, so workload shapes the ranking.
			const random = seededRandom(5);
			const buildings = await db().selectFrom('buildings').select('id').where('community_id', '=', community).execute();
			const tasks = crowd
				.filter(() => random() < 0.1)
				.map((assignee, i) => ({
					community_id: community,
					type: FIRST_SERVICES[i % 3]!,
					building_id: buildings[i % buildings.length]!.id,
					description: '任务',
					status: i % 2 ? ('assigned' as const) : ('completed' as const),
					assignee_id: assignee,
					created_at: now,
					assigned_at: now,
					completed_at: i % 2 ? null : now
				}));
			for (let i = 0; i < tasks.length; i += 500)
				await db()
					.insertInto('requests')
					.values(tasks.slice(i, i + 500))
					.execute();
			await sql`analyze`.execute(db());
		}, SETUP_TIMEOUT_MS);

		/** Every on-duty volunteer with the skill and their load in metres, read the slow, obvious way. */
		async function everyone() {
			// The community's own volunteers and the members of teams serving it.
			const viaTeams = await db()
				.selectFrom('team_members')
				.innerJoin('team_communities', 'team_communities.team_id', 'team_members.team_id')
				.innerJoin('teams', 'teams.id', 'team_members.team_id')
				.select('team_members.volunteer_id')
				.where('team_communities.community_id', '=', community)
				.where('teams.active', '=', true)
				.execute();
			const served = new Set(viaTeams.map((m) => m.volunteer_id));
			const volunteers = (
				await db().selectFrom('volunteers').select(['id', 'community_id', 'lat', 'lng', 'skills', 'available']).execute()
			).filter((v) => v.community_id === community || served.has(v.id));
			const tasks = await db()
				.selectFrom('requests')
				.select(['assignee_id', 'status', 'assigned_at'])
				.where('assignee_id', 'is not', null)
				.execute();
			const dayStart = startOfCommunityDay(now).getTime();
			const load = new Map<string, number>();
			for (const t of tasks) {
				const active = ['assigned', 'accepted', 'in_progress'].includes(t.status) ? RANKING_WEIGHTS.metresPerActiveTask : 0;
				const today = t.assigned_at && t.assigned_at.getTime() >= dayStart ? RANKING_WEIGHTS.metresPerTaskToday : 0;
				load.set(t.assignee_id!, (load.get(t.assignee_id!) ?? 0) + active + today);
			}
			return { volunteers, load };
		}

		function bruteForce(all: Awaited<ReturnType<typeof everyone>>, type: RequestType, at: { lat: number; lng: number }): string[] {
			return all.volunteers
				.filter((v) => v.available && v.skills.includes(type))
				.map((v) => ({ id: v.id, cost: haversineMeters(at, v) + (all.load.get(v.id) ?? 0) }))
				.sort((a, b) => a.cost - b.cost || (a.id < b.id ? -1 : 1))
				.map((c) => c.id);
		}

		it('finds exactly the best ones that a scan of everyone finds, across the community', async () => {
			const all = await everyone();
			const sample = await db()
				.selectFrom('buildings')
				.select(['id', 'lat', 'lng'])
				.where('community_id', '=', community)
				.orderBy('name')
				.execute();
			for (const [i, building] of sample.filter((_, i) => i % 30 === 0).entries()) {
				const type = FIRST_SERVICES[i % 3]!;
				const id = await openRequest(type, building.id);
				const expected = bruteForce(all, type, building);
				for (const limit of [1, 10, 50]) {
					const found = (await listCandidates(deps, dispatcher, id, { limit })).map((c) => c.volunteerId);
					expect(found, `${type} at ${building.id}, limit ${limit}`).toEqual(expected.slice(0, limit));
				}
			}
		});

		it('reads the first box through the on-duty position index', async () => {
			const center = await db().selectFrom('buildings').select(['lat', 'lng']).orderBy('name').executeTakeFirstOrThrow();
			const compiled = candidatesInBoxQuery(
				db(),
				{ skill: 'repair', communityId: community, dayStart: startOfCommunityDay(now) },
				boundingBox(center, SEARCH_RADII_M[0]!)
			).compile();
			const plan = await db().executeQuery<{ 'QUERY PLAN': string }>(
				CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters])
			);
			const text = plan.rows.map((r) => r['QUERY PLAN']).join('\n');
			expect(text).toContain('volunteers_on_duty_position_idx');
		});
	});
});
