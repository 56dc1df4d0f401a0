import { sql, type Kysely, type Transaction } from 'kysely';
import { countUsers } from '../../src/lib/server/repositories/users';
import { ensureArea } from '../../src/lib/server/repositories/areas';
import type { Database, RequestRow } from '../../src/lib/server/db/schema';
import { isActiveStatus, type Status } from '../../src/lib/dispatch/vocabulary';
import { deadlinesFor } from '../../src/lib/dispatch/deadlines';
import { listServices } from '../../src/lib/server/repositories/services';
import type { ServiceView } from '../../src/lib/api/types';
import { nextStatus } from '../../src/lib/dispatch/lifecycle';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { toRequestView } from '../../src/lib/server/repositories/requests';
import { appendEvents, type NewEventRecord } from '../../src/lib/server/repositories/events';
import {
	requestAssigned,
	requestCancelled,
	requestCreated,
	requestHandedToTeam,
	deadlinePassed,
	feedbackGiven,
	taskAccepted,
	taskCompleted,
	taskDeclined,
	taskStarted
} from '../../src/lib/server/services/event-records';
import { generateCommunity, type Community, type SeedBuilding, type SeedRequest } from './community';
import { generateGuanyinan, generateYiduan, type DemoCommunity } from './jincheng';
import { communityStreets } from './streets';

export const DEMO_PASSWORD = 'demo1234';

/** The demo county (contract part two): its streets and towns, and their communities. */
export const DEMO_COUNTY = {
	name: '西充县',
	streets: [
		{ name: '常林镇', communities: ['大田坝社区'] },
		{ name: '晋城街道', communities: ['一段社区', '观音庵社区'] }
	]
} as const;

/** The three communities, 大田坝 (part one's demo, unchanged) first. */
function demoCommunities(now: Date): DemoCommunity[] {
	return [{ name: '大田坝社区', teams: [], ...generateCommunity(now) }, generateYiduan(now), generateGuanyinan(now)];
}

/**
 * The building heads and grid workers (contract part two, "Reporters"), each with their grid:
 * 大田坝's 1–20栋, and 观音庵's first resident group.
 */
export const DEMO_REPORTERS = [
	{ username: 'louzhang01', name: '刘建国', community: '大田坝社区', inGrid: (b: SeedBuilding) => /^([1-9]|1[0-9]|20)栋$/.test(b.name) },
	{
		username: 'wangge01',
		name: '陈淑芬',
		community: '观音庵社区',
		inGrid: (b: SeedBuilding) => b.kind === 'residential' && b.name.startsWith('一组')
	}
] as const;

/** Staff who work above one community; everyone else works in the community they are seeded with. */
const WIDER_SCOPES: Record<string, string> = { coordinator: DEMO_COUNTY.name, 'jc.coordinator': '晋城街道' };

/** The demo's logins by community, for the start banner; no clock needed, since people never depend on it. */
export function demoLogins() {
	return demoCommunities(new Date(0)).map((c) => ({
		community: c.name,
		staff: c.staff.map((s) => ({ ...s, scope: WIDER_SCOPES[s.username] ?? c.name })),
		volunteers: c.volunteers.map((v) => v.username),
		reporters: DEMO_REPORTERS.filter((r) => r.community === c.name).map((r) => r.username),
		teamLeaders: c.teams.map((t) => ({ team: t.name, username: t.leader }))
	}));
}

/**
 * Writes the demo county into an empty database, in one transaction: its areas, 大田坝 (the
 * community of part one, unchanged), 一段 and 观音庵, and 观音庵's teams. Several nodes may
 * start at once on one database, so the emptiness check holds a lock; only one seeds. Returns
 * null when the database already had users.
 */
export async function seedDemoCounty(db: Kysely<Database>, now: Date): Promise<DemoCommunity[] | null> {
	const communities = demoCommunities(now);
	// Every demo user shares one password, so one argon2 hash serves them all.
	const passwordHash = await hashPassword(DEMO_PASSWORD);
	return db.transaction().execute(async (trx) => {
		await sql`select pg_advisory_xact_lock(hashtext('volunteer-dispatch:seed'))`.execute(trx);
		if ((await countUsers(trx)) > 0) return null;
		const areas = await insertCountyAreas(trx);
		const services = new Map((await listServices(trx)).map((service) => [service.code, service]));
		const areaId = (name: string) => {
			const id = areas.get(name);
			if (!id) throw new Error(`seed: no area ${name}`);
			return id;
		};
		for (const community of communities) {
			const communityId = areaId(community.name);
			const userIdOf = await insertCommunity(trx, communityId, community, {
				passwordHash,
				now,
				scopeOf: (username) => areaId(WIDER_SCOPES[username] ?? community.name),
				// Only 大田坝's map has its streets and river drawn.
				streets: community.name === '大田坝社区' ? communityStreets() : []
			});
			await insertReporters(trx, communityId, community, passwordHash);
			const teamIdOf = await insertTeams(trx, community, areaId);
			await insertRequests(trx, communityId, community, { userIdOf, teamIdOf, services, now });
		}
		return communities;
	});
}

/** The county's areas, by name (demo names are unique across the county); ones already there (an import) are kept. */
async function insertCountyAreas(trx: Transaction<Database>): Promise<Map<string, string>> {
	const ids = new Map<string, string>();
	const add = async (name: string, kind: 'county' | 'street' | 'community', parentId: string | null) => {
		const id = await ensureArea(trx, { name, kind, parentId });
		ids.set(name, id);
		return id;
	};
	const county = await add(DEMO_COUNTY.name, 'county', null);
	for (const street of DEMO_COUNTY.streets) {
		const streetId = await add(street.name, 'street', county);
		for (const name of street.communities) await add(name, 'community', streetId);
	}
	return ids;
}

/** One community's buildings, streets, staff and volunteers with their logins, elders and plans; answers user ids by username. */
async function insertCommunity(
	trx: Transaction<Database>,
	communityId: string,
	community: Community,
	options: { passwordHash: string; now: Date; scopeOf(username: string): string; streets: ReturnType<typeof communityStreets> }
): Promise<Map<string, string>> {
	const { passwordHash, now } = options;
	await trx
		.insertInto('buildings')
		.values(
			community.buildings.map((b) => ({
				id: b.id,
				community_id: communityId,
				name: b.name,
				kind: b.kind,
				lat: b.lat,
				lng: b.lng,
				footprint: JSON.stringify(b.footprint),
				street: b.street
			}))
		)
		.execute();

	if (options.streets.length) {
		await trx
			.insertInto('map_features')
			.values(
				options.streets.map((f) => ({
					community_id: communityId,
					kind: f.kind,
					name: f.name,
					geometry: JSON.stringify(f.geometry),
					width_m: f.widthM
				}))
			)
			.execute();
	}

	const staffRows = community.staff.length
		? await trx
				.insertInto('users')
				.values(
					community.staff.map((s) => ({
						username: s.username,
						name: s.name,
						role: s.role,
						password_hash: passwordHash,
						scope_area_id: options.scopeOf(s.username)
					}))
				)
				.returning(['id', 'username'])
				.execute()
		: [];
	const volunteerUsers = await trx
		.insertInto('users')
		.values(
			community.volunteers.map((v) => ({
				username: v.username,
				name: v.name,
				role: 'volunteer' as const,
				password_hash: passwordHash,
				scope_area_id: communityId
			}))
		)
		.returning(['id', 'username'])
		.execute();
	const userIdOf = new Map([...staffRows, ...volunteerUsers].map((u) => [u.username, u.id]));

	const buildingById = new Map(community.buildings.map((b) => [b.id, b]));
	await trx
		.insertInto('volunteers')
		.values(
			community.volunteers.map((v) => {
				const home = buildingById.get(v.homeBuildingId)!;
				return {
					id: v.id,
					community_id: communityId,
					user_id: userIdOf.get(v.username)!,
					name: v.name,
					phone: v.phone,
					skills: v.skills,
					home_building_id: v.homeBuildingId,
					available: v.available,
					lat: home.lat,
					lng: home.lng,
					last_seen_at: now
				};
			})
		)
		.execute();

	if (community.elders.length) {
		await trx
			.insertInto('elders')
			.values(
				community.elders.map((e) => ({
					id: e.id,
					community_id: communityId,
					name: e.name,
					building_id: e.buildingId,
					unit: e.unit,
					phone: e.phone,
					notes: e.notes
				}))
			)
			.execute();
		await trx
			.insertInto('visit_plans')
			.values(
				community.elders.map((e) => ({
					community_id: communityId,
					elder_id: e.id,
					volunteer_id: e.planVolunteerId,
					interval_days: e.intervalDays,
					next_due_at: e.nextDueAt
				}))
			)
			.execute();
	}

	return userIdOf;
}

/** The community's reporters, and the buildings of each one's grid. */
async function insertReporters(trx: Transaction<Database>, communityId: string, community: DemoCommunity, passwordHash: string) {
	for (const reporter of DEMO_REPORTERS.filter((r) => r.community === community.name)) {
		const user = await trx
			.insertInto('users')
			.values({
				username: reporter.username,
				name: reporter.name,
				role: 'reporter',
				password_hash: passwordHash,
				scope_area_id: communityId
			})
			.returning('id')
			.executeTakeFirstOrThrow();
		const grid = community.buildings.filter((b) => reporter.inGrid(b));
		if (grid.length === 0) throw new Error(`seed: ${reporter.username} has no buildings in their grid`);
		await trx
			.insertInto('reporter_buildings')
			.values(grid.map((b) => ({ user_id: user.id, building_id: b.id })))
			.execute();
	}
}

/** A community's requests, replayed step by step so their rows and audit trails agree. */
async function insertRequests(trx: Transaction<Database>, communityId: string, community: Community, ids: ReplayContext): Promise<void> {
	const events: NewEventRecord[] = [];
	for (const request of community.requests) {
		const { row, steps } = replay(communityId, request, ids);
		await trx
			.insertInto('requests')
			.values({ ...row, version: row.version, status: row.status })
			.execute();
		events.push(...steps);
	}
	events.sort((a, b) => a.at!.getTime() - b.at!.getTime());
	for (let i = 0; i < events.length; i += 500) await appendEvents(trx, events.slice(i, i + 500));
}

/** A community's teams: leader, members, and the communities each serves (always its own); answers team ids by name. */
async function insertTeams(
	trx: Transaction<Database>,
	community: DemoCommunity,
	areaId: (name: string) => string
): Promise<Map<string, string>> {
	const teamIdOf = new Map<string, string>();
	const volunteerId = new Map(community.volunteers.map((v) => [v.username, v.id]));
	const idOf = (username: string) => {
		const id = volunteerId.get(username);
		if (!id) throw new Error(`seed: team member ${username} is not a volunteer of ${community.name}`);
		return id;
	};
	for (const team of community.teams) {
		const { id } = await trx
			.insertInto('teams')
			.values({ name: team.name, community_id: areaId(community.name), leader_volunteer_id: idOf(team.leader), skills: team.skills })
			.returning('id')
			.executeTakeFirstOrThrow();
		teamIdOf.set(team.name, id);
		await trx
			.insertInto('team_members')
			.values(team.members.map((username) => ({ team_id: id, volunteer_id: idOf(username) })))
			.execute();
		await trx
			.insertInto('team_communities')
			.values([community.name, ...team.alsoServes].map((name) => ({ team_id: id, community_id: areaId(name) })))
			.execute();
	}
	return teamIdOf;
}

interface ReplayContext {
	userIdOf: Map<string, string>;
	teamIdOf: Map<string, string>;
	services: Map<string, ServiceView>;
	now: Date;
}

/** A number in [0, 1) from a request id: the demo's ratings are the same on every seed. */
function fraction(id: string): number {
	let hash = 2_166_136_261;
	for (const char of id) hash = Math.imul(hash ^ char.charCodeAt(0), 16_777_619);
	return (hash >>> 0) / 2 ** 32;
}

/** What residents said when the desk called back: mostly content, now and then lukewarm. */
const FOLLOW_UP_COMMENTS: Record<number, readonly (string | null)[]> = {
	5: [null, '师傅很耐心，谢谢社区', '来得很快，服务很好', null],
	4: [null, '挺好的，就是等了一阵', null],
	3: ['还行，下次希望早点来', '问题解决了，但约的时间晚了']
};

/**
 * The desk's follow-up call, a day or three after completion (via phone), for most completed
 * requests; the ones finished in the last few days are still waiting for it (the follow-up list).
 */
function followUpCall(row: RequestRow, now: Date): { rating: number; comment: string | null; at: Date } | null {
	if (row.status !== 'completed' || !row.completed_at) return null;
	const roll = fraction(row.id);
	const at = new Date(row.completed_at.getTime() + (1 + 2 * roll) * DAY_MS);
	if (at > now || roll > 0.85) return null;
	const rating = roll < 0.6 ? 5 : roll < 0.78 ? 4 : 3;
	const comments = FOLLOW_UP_COMMENTS[rating]!;
	return { rating, comment: comments[Math.floor(fraction(`${row.id}:comment`) * comments.length)] ?? null, at };
}

const DAY_MS = 86_400_000;

function replay(
	communityId: string,
	request: SeedRequest,
	{ userIdOf, teamIdOf, services, now }: ReplayContext
): { row: RequestRow; steps: NewEventRecord[] } {
	const [create, ...rest] = request.steps;
	if (!create) throw new Error(`seed: request ${request.id} has no steps`);
	const service = services.get(request.type);
	if (!service) throw new Error(`seed: request ${request.id} is of ${request.type}, not in the catalogue`);
	const deadlines = deadlinesFor(service, request.urgency, create.at);
	const row: RequestRow = {
		id: request.id,
		community_id: communityId,
		type: request.type,
		building_id: request.buildingId,
		unit: request.unit,
		description: request.description,
		urgency: request.urgency,
		contact_name: request.contactName,
		contact_phone: request.contactPhone,
		status: 'open',
		version: 1,
		assignee_id: null,
		elder_id: request.elderId,
		visit_key: null,
		created_by: userIdOf.get(create.actor) ?? null,
		created_at: create.at,
		assigned_at: null,
		accepted_at: null,
		started_at: null,
		completed_at: null,
		cancelled_at: null,
		offer_expired_at: null,
		// Only plan visits name their elder; they are created the moment they fall due.
		visit_due_at: request.elderId ? create.at : null,
		team_id: null,
		requeued_by: null,
		assignee_off_duty: false,
		auto_offer: false,
		auto_tried: 0,
		auto_exhausted: false,
		source: 'staff',
		reporter_id: null,
		track_token: null,
		confirmation_code: null,
		confirmed: false,
		started_off_site: false,
		assign_by: deadlines.assignBy,
		complete_by: deadlines.completeBy,
		overdue_assign_at: null,
		overdue_complete_at: null,
		feedback_rating: null,
		feedback_comment: null,
		feedback_via: null,
		feedback_at: null,
		reopen_of: null
	};
	const steps: NewEventRecord[] = [{ ...requestCreated(row.created_by, toRequestView(row, true)), at: create.at }];
	/** The deadline job's marks, as it would have made them before this moment (services/deadlines.ts). */
	const markPassedDeadlines = (before: Date) => {
		if (row.status === 'open' && !row.overdue_assign_at && row.assign_by! < before) {
			row.overdue_assign_at = row.assign_by;
			row.version += 1;
			steps.push({ ...deadlinePassed(toRequestView(row, true), 'assign'), at: row.assign_by! });
		}
		if (isActiveStatus(row.status) && !row.overdue_complete_at && row.complete_by! < before) {
			row.overdue_complete_at = row.complete_by;
			row.version += 1;
			steps.push({ ...deadlinePassed(toRequestView(row, true), 'complete'), at: row.complete_by! });
		}
	};
	for (const step of rest) {
		if (step.action === 'create') throw new Error(`seed: request ${request.id} is created twice`);
		markPassedDeadlines(step.at);
		if (step.action === 'hand_to_team') {
			// It stays open and gains its team, whose leader then assigns a member.
			const teamId = teamIdOf.get(step.team ?? '');
			if (row.status !== 'open' || !teamId) throw new Error(`seed: request ${request.id} cannot go to team ${step.team}`);
			row.team_id = teamId;
			row.version += 1;
			steps.push({ ...requestHandedToTeam(userIdOf.get(step.actor)!, toRequestView(row, true), teamId), at: step.at });
			continue;
		}
		const from: Status = row.status;
		const to = nextStatus(from, step.action);
		if (!to) throw new Error(`seed: ${step.action} is not allowed from ${from}`);
		const previousAssignee = row.assignee_id;
		row.status = to;
		row.version += 1;
		row.assignee_id = step.volunteerId;
		const stamp: Partial<Record<Status, keyof RequestRow>> = {
			assigned: 'assigned_at',
			accepted: 'accepted_at',
			in_progress: 'started_at',
			completed: 'completed_at',
			cancelled: 'cancelled_at'
		};
		const column = stamp[to];
		if (column) (row as unknown as Record<string, unknown>)[column] = step.at;
		if (step.action === 'decline') row.assigned_at = null;
		const actorId = userIdOf.get(step.actor) ?? null;
		const view = toRequestView(row, true);
		// The same constructors as the services, so the demo's audit trail reads like a real one.
		const byAssignee = { actorId: actorId!, request: view, from, note: step.note };
		const event = {
			assign: () => requestAssigned(actorId, view, row.assignee_id!),
			accept: () => taskAccepted(byAssignee),
			decline: () => taskDeclined({ ...byAssignee, volunteerId: previousAssignee!, reason: null }),
			start: () => taskStarted(byAssignee),
			complete: () => taskCompleted(byAssignee),
			cancel: () => requestCancelled(actorId, view, from, step.note ?? '')
		}[step.action]();
		steps.push({ ...event, at: step.at });
	}
	// What is still in hand is the deadline job's to mark, when the server runs.
	const call = followUpCall(row, now);
	if (call) {
		Object.assign(row, { feedback_rating: call.rating, feedback_comment: call.comment, feedback_via: 'phone', feedback_at: call.at });
		row.version += 1;
		steps.push({ ...feedbackGiven(row.created_by, toRequestView(row, true), null), at: call.at });
	}
	return { row, steps };
}
