import type { NewVisitPlanBody, VisitPlanChange } from '../../api/history-schemas';
import type { VisitPlanView } from '../../api/history-types';
import { visitState } from '../../dispatch/visits';
import { findPlanRecord, insertPlan, listPlanRecords, updatePlan, type PlanRecord } from '../repositories/visit-plans';
import { findElder } from '../repositories/elders';
import { findVolunteer, servesCommunity } from '../repositories/volunteers';
import { lockUnansweredVisits } from '../repositories/visit-requests';
import type { NewEventRecord } from '../repositories/events';
import { inScope, type Actor } from '../../dispatch/permissions';
import { commitChange } from './commit';
import { moveOffer } from './reassign';
import { conflict, notFound, unprocessable } from '../http/api-error';
import type { Queryable } from '../db/types';
import type { ServiceDeps } from './deps';

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/**
 * The plan's current visit: one that fell due but has no request yet (the scheduler has not
 * run since) comes first; otherwise the latest visit request, whatever its status.
 */
function currentVisit(plan: PlanRecord, now: Date): VisitPlanView['visit'] {
	if (plan.active && plan.next_due_at <= now && (!plan.latest_due_at || plan.latest_due_at < plan.next_due_at)) {
		return { requestId: null, dueAt: plan.next_due_at.toISOString(), status: null, state: visitState(plan.next_due_at, null, now) };
	}
	if (!plan.latest_due_at) return null;
	return {
		requestId: plan.latest_request_id,
		dueAt: plan.latest_due_at.toISOString(),
		status: plan.latest_status,
		state: visitState(plan.latest_due_at, plan.latest_status, now)
	};
}

function toPlanView(plan: PlanRecord, now: Date): VisitPlanView {
	return {
		id: plan.id,
		communityId: plan.community_id,
		elderId: plan.elder_id,
		elderName: plan.elder_name,
		buildingId: plan.building_id,
		buildingName: plan.building_name,
		unit: plan.unit,
		volunteerId: plan.volunteer_id,
		volunteerName: plan.volunteer_name,
		intervalDays: plan.interval_days,
		nextDueAt: plan.next_due_at.toISOString(),
		active: plan.active,
		lastVisitedAt: iso(plan.last_visited_at),
		visit: currentVisit(plan, now)
	};
}

export async function listVisitPlans(deps: ServiceDeps, communityIds: readonly string[]): Promise<VisitPlanView[]> {
	const now = deps.now();
	return (await listPlanRecords(deps.db, communityIds)).map((plan) => toPlanView(plan, now));
}

/**
 * Only a volunteer with the elder_visit skill, who serves the elder's community, may carry a
 * plan: the scheduler assigns to them unasked.
 */
async function requireVisitor(db: Queryable, volunteerId: string, communityId: string): Promise<void> {
	const volunteer = await findVolunteer(db, volunteerId);
	if (!volunteer) throw unprocessable('That volunteer does not exist.');
	if (!volunteer.skills.includes('elder_visit')) throw unprocessable(`${volunteer.name} does not visit elders (no elder_visit skill).`);
	if (!(await servesCommunity(db, volunteer, communityId))) throw unprocessable(`${volunteer.name} does not serve this community.`);
}

async function viewOf(deps: ServiceDeps, id: string): Promise<VisitPlanView> {
	const plan = await findPlanRecord(deps.db, id);
	if (!plan) throw notFound('The visit plan');
	return toPlanView(plan, deps.now());
}

export async function createVisitPlan(deps: ServiceDeps, actor: Actor, body: NewVisitPlanBody): Promise<VisitPlanView> {
	// An elder outside the scope is one this coordinator cannot see: as if it did not exist.
	const elder = await findElder(deps.db, body.elderId);
	if (!elder || !inScope(actor, elder.community_id)) throw unprocessable('That elder does not exist.');
	await requireVisitor(deps.db, body.volunteerId, elder.community_id);
	const id = await insertPlan(deps.db, {
		communityId: elder.community_id,
		elderId: body.elderId,
		volunteerId: body.volunteerId,
		intervalDays: body.intervalDays,
		// Without a date, the first visit is due now and the scheduler creates it on its next run.
		nextDueAt: body.nextDueAt ? new Date(body.nextDueAt) : deps.now(),
		active: body.active
	});
	if (!id) throw conflict('This elder already has a visit plan; edit that one instead.');
	deps.roster?.invalidate(); // the elder's planned visitor, for ranking
	return viewOf(deps, id);
}

/**
 * Edits a plan. A new volunteer takes over the plan's visits that are offered but not yet
 * accepted too (the old volunteer hears they are gone, the new one is told at once); a visit
 * already accepted stays with whoever accepted it.
 */
export async function changeVisitPlan(deps: ServiceDeps, actor: Actor, id: string, change: VisitPlanChange): Promise<VisitPlanView> {
	const plan = await findPlanRecord(deps.db, id);
	if (!plan || !inScope(actor, plan.community_id)) throw notFound('The visit plan');
	if (change.volunteerId) await requireVisitor(deps.db, change.volunteerId, plan.community_id);
	await commitChange(deps, async (trx) => {
		const before = await findPlanRecord(trx, id);
		const updated = await updatePlan(trx, id, {
			...(change.volunteerId ? { volunteer_id: change.volunteerId } : {}),
			...(change.intervalDays ? { interval_days: change.intervalDays } : {}),
			...(change.nextDueAt ? { next_due_at: new Date(change.nextDueAt) } : {}),
			...(change.active !== undefined ? { active: change.active } : {})
		});
		if (!before || !updated) throw notFound('The visit plan');
		const handOver = change.volunteerId && change.volunteerId !== before.volunteer_id;
		return { result: null, events: handOver ? await handOverVisits(trx, deps, actor, id, change.volunteerId!) : [] };
	});
	deps.roster?.invalidate(); // the elder's planned visitor, for ranking
	return viewOf(deps, id);
}

async function handOverVisits(
	trx: Queryable,
	deps: ServiceDeps,
	actor: Actor,
	planId: string,
	volunteerId: string
): Promise<NewEventRecord[]> {
	const next = await findVolunteer(trx, volunteerId);
	if (!next) return []; // checked by requireVisitor just before
	const events: NewEventRecord[] = [];
	for (const visit of await lockUnansweredVisits(trx, planId)) {
		const moved = await moveOffer(trx, deps.now(), actor.userId, visit, next);
		if (moved) events.push(moved.event);
	}
	return events;
}
