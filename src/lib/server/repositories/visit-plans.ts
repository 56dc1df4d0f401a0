import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../db/types';
import type { Status } from '../../dispatch/vocabulary';

/** A plan with the names and the latest visit a coordinator needs to judge it. */
export interface PlanRecord {
	id: string;
	community_id: string;
	elder_id: string;
	elder_name: string;
	building_id: string;
	building_name: string;
	unit: string;
	volunteer_id: string;
	volunteer_name: string;
	interval_days: number;
	next_due_at: Date;
	active: boolean;
	last_visited_at: Date | null;
	latest_request_id: string | null;
	latest_status: Status | null;
	latest_due_at: Date | null;
}

function selectPlans(db: Queryable, where: RawBuilder<boolean>) {
	return sql<PlanRecord>`
		select p.id, p.community_id, p.elder_id, e.name as elder_name, e.building_id, b.name as building_name, e.unit,
			p.volunteer_id, v.name as volunteer_name, p.interval_days, p.next_due_at, p.active,
			last_visit.at as last_visited_at,
			latest.id as latest_request_id, latest.status as latest_status, latest.visit_due_at as latest_due_at
		from visit_plans p
		join elders e on e.id = p.elder_id
		join buildings b on b.id = e.building_id
		join volunteers v on v.id = p.volunteer_id
		left join lateral (
			select max(r.completed_at) as at from requests r
			where r.elder_id = p.elder_id and r.type = 'elder_visit' and r.status = 'completed'
		) last_visit on true
		left join lateral (
			select r.id, r.status, r.visit_due_at from requests r
			where r.elder_id = p.elder_id and r.visit_due_at is not null
			order by r.visit_due_at desc limit 1
		) latest on true
		where ${where}
		order by p.next_due_at, e.name
	`.execute(db);
}

/** The plans of these communities. */
export async function listPlanRecords(db: Queryable, communityIds: readonly string[]): Promise<PlanRecord[]> {
	if (communityIds.length === 0) return [];
	return (await selectPlans(db, sql<boolean>`p.community_id in (${sql.join(communityIds)})`)).rows;
}

export async function findPlanRecord(db: Queryable, id: string): Promise<PlanRecord | undefined> {
	return (await selectPlans(db, sql<boolean>`p.id = ${id}`)).rows[0];
}

export async function insertPlan(
	db: Queryable,
	plan: { communityId: string; elderId: string; volunteerId: string; intervalDays: number; nextDueAt: Date; active: boolean }
): Promise<string | undefined> {
	const row = await db
		.insertInto('visit_plans')
		.values({
			community_id: plan.communityId,
			elder_id: plan.elderId,
			volunteer_id: plan.volunteerId,
			interval_days: plan.intervalDays,
			next_due_at: plan.nextDueAt,
			active: plan.active
		})
		.onConflict((oc) => oc.column('elder_id').doNothing())
		.returning('id')
		.executeTakeFirst();
	return row?.id;
}

export async function updatePlan(
	db: Queryable,
	id: string,
	change: { volunteer_id?: string; interval_days?: number; next_due_at?: Date; active?: boolean }
): Promise<boolean> {
	const result = await db.updateTable('visit_plans').set(change).where('id', '=', id).executeTakeFirst();
	return result.numUpdatedRows > 0n;
}

/** Plans whose visit has fallen due. */
export async function listDuePlanIds(db: Queryable, now: Date): Promise<string[]> {
	const rows = await db
		.selectFrom('visit_plans')
		.select('id')
		.where('active', '=', true)
		.where('next_due_at', '<=', now)
		.orderBy('next_due_at')
		.execute();
	return rows.map((r) => r.id);
}

/**
 * Locks one plan for this transaction if it is still due. A second scheduler (another node,
 * or a run that overlapped) waits here, then sees the advanced due time and skips it.
 */
export async function lockDuePlan(db: Queryable, id: string, now: Date) {
	return db
		.selectFrom('visit_plans')
		.innerJoin('elders', 'elders.id', 'visit_plans.elder_id')
		.select([
			'visit_plans.id',
			'visit_plans.community_id',
			'visit_plans.volunteer_id',
			'visit_plans.interval_days',
			'visit_plans.next_due_at',
			'elders.id as elder_id',
			'elders.name as elder_name',
			'elders.building_id',
			'elders.unit',
			'elders.phone',
			'elders.notes'
		])
		.where('visit_plans.id', '=', id)
		.where('visit_plans.active', '=', true)
		.where('visit_plans.next_due_at', '<=', now)
		.forUpdate('visit_plans')
		.executeTakeFirst();
}

/** The volunteer of each elder's active plan, for the in-memory candidate roster. */
export async function listPlannedVisitors(db: Queryable): Promise<{ elderId: string; volunteerId: string }[]> {
	return db.selectFrom('visit_plans').select(['elder_id as elderId', 'volunteer_id as volunteerId']).where('active', '=', true).execute();
}
