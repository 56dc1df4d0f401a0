import { nextDueAfter, visitKey } from '../../dispatch/visits';
import { FIELD_LIMITS } from '../../dispatch/field-limits';
import { listDuePlanIds, lockDuePlan } from '../repositories/visit-plans';
import { insertVisitRequestOnce } from '../repositories/visit-requests';
import { toRequestView, updateRequestIf } from '../repositories/requests';
import { findVolunteerForShare } from '../repositories/volunteers';
import type { NewEventRecord } from '../repositories/events';
import { commitChange } from './commit';
import { byVisitPlan, requestAssigned, requestCreated } from './event-records';
import type { ServiceDeps } from './deps';

export interface SchedulerRun {
	due: number;
	created: number;
}

/**
 * Creates the visit of every plan that has fallen due by `now`. Safe to run any number of
 * times, concurrently and across restarts: see createDueVisit.
 */
export async function scheduleDueVisits(deps: ServiceDeps, now: Date): Promise<SchedulerRun> {
	const due = await listDuePlanIds(deps.db, now);
	let created = 0;
	for (const planId of due) if (await createDueVisit(deps, planId, now)) created++;
	return { due: due.length, created };
}

/**
 * In one transaction: lock the plan if still due, insert its visit under the unique
 * visit_key (a duplicate does nothing), assign it to the plan's volunteer, who accepts it
 * as usual, and move the plan to its next due time. Both events go out after the commit,
 * so the volunteer hears task:assigned and the board request:created/updated.
 *
 * A visit is never handed to a volunteer who is off duty: it is created open, flagged
 * assignee_off_duty so the board shows it needs someone. The volunteer's row is held (for
 * share) meanwhile, so a switch going off duty at the same moment waits and then flags the
 * visit it finds assigned.
 */
export async function createDueVisit(deps: ServiceDeps, planId: string, now: Date): Promise<boolean> {
	return commitChange(deps, async (trx) => {
		const plan = await lockDuePlan(trx, planId, now);
		if (!plan) return { result: false, events: [] };
		const dueAt = plan.next_due_at;
		await trx
			.updateTable('visit_plans')
			.set({ next_due_at: nextDueAfter(dueAt, plan.interval_days, now) })
			.where('id', '=', plan.id)
			.execute();

		const volunteer = await findVolunteerForShare(trx, plan.volunteer_id);
		const offDuty = volunteer !== undefined && !volunteer.available;
		const inserted = await insertVisitRequestOnce(trx, {
			community_id: plan.community_id,
			type: 'elder_visit',
			building_id: plan.building_id,
			unit: plan.unit,
			// Only what a person wrote about the elder: each screen says "planned visit" itself, in
			// its reader's language, from visit_due_at (history/request-description.ts).
			description: plan.notes.slice(0, FIELD_LIMITS.description),
			urgency: 'normal',
			contact_name: plan.elder_name,
			contact_phone: plan.phone,
			elder_id: plan.elder_id,
			visit_key: visitKey(plan.id, dueAt),
			visit_due_at: dueAt,
			created_by: null,
			created_at: now,
			assignee_off_duty: offDuty
		});
		if (!inserted) return { result: false, events: [] };

		const source = byVisitPlan(plan.id);
		const events: NewEventRecord[] = [requestCreated(null, toRequestView(inserted, true), source)];
		// A plan whose volunteer has since lost the skill, or is off duty, leaves its visit open for the dispatcher.
		if (volunteer?.skills.includes('elder_visit') && !offDuty) {
			const assigned = await updateRequestIf(
				trx,
				{ id: inserted.id, statuses: ['open'] },
				{ status: 'assigned', assignee_id: volunteer.id, assigned_at: now }
			);
			if (assigned) {
				events.push(requestAssigned(null, toRequestView(assigned, true), volunteer.id, source));
			}
		}
		return { result: true, events };
	});
}
