import { sql } from 'kysely';
import type { Queryable } from '../db/types';
import type { BoundingBox } from '../../dispatch/geo';
import type { Skill } from '../../dispatch/vocabulary';
import { LAST_VISIT, type ElderContinuity } from '../../dispatch/candidate-facts';
import { heldRequestCount } from './requests';
import { isOnline } from './volunteers';

/** An on-duty volunteer with the skill, and their load, as the candidate search reads them. */
export interface CandidateRecord {
	id: string;
	name: string;
	lat: number;
	lng: number;
	activeCount: number;
	tasksToday: number;
	/** A tab of theirs is connected to some app node (see the presence migration). */
	online: boolean;
}

export interface CandidateFilter {
	skill: Skill;
	/** The request's community: its own volunteers, and the members of teams that serve it. */
	communityId: string;
	/** Where "today" starts (tasksTodaySince in dispatch/candidate-facts.ts), for tasksToday. */
	dayStart: Date;
	/** Only volunteers whose name holds this text (the board's name filter). */
	name?: string;
}

/**
 * On-duty volunteers with the skill, with the facts of dispatch/candidate-facts.ts: their held
 * load, their tasks today (any request assigned to them since `dayStart`) and whether they are online.
 * The load is counted per volunteer found, through requests_assignee_idx (assignee_id, status)
 * and requests_assignee_assigned_idx (assignee_id, assigned_at): a few index probes per row,
 * so a box of 30 costs the same whether the history holds a thousand requests or a million.
 * `available` is written as a bare column so the planner matches the partial indexes' predicate.
 */
function selectCandidates(db: Queryable, filter: CandidateFilter) {
	return db
		.selectFrom('volunteers')
		.select([
			'volunteers.id',
			'volunteers.name',
			'volunteers.lat',
			'volunteers.lng',
			heldRequestCount.as('activeCount'),
			sql<number>`(select count(*)::int from requests r
				where r.assignee_id = volunteers.id and r.assigned_at >= ${filter.dayStart})`.as('tasksToday'),
			isOnline.as('online')
		])
		.where(sql<boolean>`volunteers.available`)
		.where(sql<boolean>`volunteers.skills @> array[${filter.skill}]::text[]`)
		.where('volunteers.active', '=', true)
		.where(servesCommunity(filter.communityId))
		.$if(filter.name !== undefined, (q) => q.where('volunteers.name', 'ilike', `%${escapeLike(filter.name!)}%`));
}

/** `%`, `_` and a backslash in typed text match themselves, not any characters. */
function escapeLike(text: string): string {
	return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** dispatch/candidate-facts.ts's rule of who serves a community, as SQL (volunteers.ts says it of one volunteer). */
function servesCommunity(communityId: string) {
	return sql<boolean>`(volunteers.community_id = ${communityId} or volunteers.id in (
		select tm.volunteer_id from team_members tm
		join teams t on t.id = tm.team_id and t.active
		join team_communities tc on tc.team_id = t.id
		where tc.community_id = ${communityId}))`;
}

/** Candidates standing inside the box: a range read on volunteers_on_duty_position_idx (lat, lng). */
export function candidatesInBoxQuery(db: Queryable, filter: CandidateFilter, box: BoundingBox) {
	return selectCandidates(db, filter)
		.where('volunteers.lat', '>=', box.minLat)
		.where('volunteers.lat', '<=', box.maxLat)
		.where('volunteers.lng', '>=', box.minLng)
		.where('volunteers.lng', '<=', box.maxLng);
}

export async function listCandidatesInBox(db: Queryable, filter: CandidateFilter, box: BoundingBox): Promise<CandidateRecord[]> {
	return candidatesInBoxQuery(db, filter, box).execute();
}

/** Every online candidate, wherever they stand: their tier ranks them above anyone a box finds. */
export async function listOnlineCandidates(db: Queryable, filter: CandidateFilter): Promise<CandidateRecord[]> {
	return selectCandidates(db, filter).where(isOnline).execute();
}

/** Every candidate, wherever they are: the last resort when no box was wide enough. */
export async function listAllCandidates(db: Queryable, filter: CandidateFilter): Promise<CandidateRecord[]> {
	return selectCandidates(db, filter).execute();
}

/** These volunteers, if they are candidates (on duty, with the skill), wherever they stand. */
export async function listCandidatesByIds(db: Queryable, filter: CandidateFilter, ids: readonly string[]): Promise<CandidateRecord[]> {
	if (ids.length === 0) return [];
	return selectCandidates(db, filter).where('volunteers.id', 'in', ids).execute();
}

/** How many candidates there are in all (volunteers_on_duty_skills_idx), to know when a box holds them all. */
export async function countCandidates(db: Queryable, filter: CandidateFilter): Promise<number> {
	const row = await db
		.selectFrom('volunteers')
		.select(sql<number>`count(*)::int`.as('n'))
		.where(sql<boolean>`volunteers.available`)
		.where(sql<boolean>`volunteers.skills @> array[${filter.skill}]::text[]`)
		.where('volunteers.active', '=', true)
		.where(servesCommunity(filter.communityId))
		.$if(filter.name !== undefined, (q) => q.where('volunteers.name', 'ilike', `%${escapeLike(filter.name!)}%`))
		.executeTakeFirstOrThrow();
	return row.n;
}

export async function findElderContinuity(db: Queryable, elderId: string): Promise<ElderContinuity> {
	const planned = await db
		.selectFrom('visit_plans')
		.select('volunteer_id')
		.where('elder_id', '=', elderId)
		.where('active', '=', true)
		.executeTakeFirst();
	const last = await db
		.selectFrom('requests')
		.select('assignee_id')
		.where('elder_id', '=', elderId)
		.where('status', '=', LAST_VISIT.status)
		.where('type', '=', LAST_VISIT.type)
		.orderBy('completed_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return { plannedVolunteerId: planned?.volunteer_id ?? null, lastVisitorId: last?.assignee_id ?? null };
}

/** What the board shows beside a ranked volunteer: their phone, and their teams that serve the community. */
export async function findCandidateContacts(
	db: Queryable,
	volunteerIds: readonly string[],
	communityId: string
): Promise<Map<string, { phone: string | null; teamIds: string[] }>> {
	if (volunteerIds.length === 0) return new Map();
	const rows = await db
		.selectFrom('volunteers')
		.select([
			'volunteers.id',
			'volunteers.phone',
			sql<string[]>`coalesce((select array_agg(tm.team_id::text order by tm.team_id) from team_members tm
				join teams t on t.id = tm.team_id and t.active
				join team_communities tc on tc.team_id = t.id and tc.community_id = ${communityId}
				where tm.volunteer_id = volunteers.id), '{}')`.as('teamIds')
		])
		.where('volunteers.id', 'in', volunteerIds)
		.execute();
	return new Map(rows.map((r) => [r.id, { phone: r.phone, teamIds: r.teamIds }]));
}
