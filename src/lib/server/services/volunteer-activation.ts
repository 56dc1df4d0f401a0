// Deactivating a volunteer, and bringing them back. A deactivated volunteer keeps their record,
// teams and history, is offered nothing new, is off duty and cannot sign in.
import type { DeactivatedView, VolunteerAdminView } from '../../api/volunteer-types';
import { inScope, type Actor } from '../../dispatch/permissions';
import { heldTasksRefusal } from '../../dispatch/volunteer-admin';
import { findVolunteerForUpdate, setVolunteerActive } from '../repositories/volunteers';
import { listActiveTasksOf, toRequestView, updateRequestIf } from '../repositories/requests';
import { deleteOtherSessionsOfUser } from '../repositories/sessions';
import type { NewEventRecord } from '../repositories/events';
import { conflict, notFound } from '../http/api-error';
import type { Queryable } from '../db/types';
import type { RequestView } from '../../api/types';
import { commitChange } from './commit';
import { taskReleased, volunteerSaved } from './event-records';
import { boardView, readAdminView, requireVolunteerAdmin } from './volunteer-admin';
import type { ServiceDeps } from './deps';

/** Ends sessions' sockets on every node (session-watch.ts); nothing to end without sockets. */
export interface SessionSockets {
	end(tokenHashes: string[]): void;
}

/**
 * Deactivates a volunteer of the coordinator's scope. Tasks they hold (assigned, accepted, in
 * progress) refuse it (409) unless `releaseTasks`: then each goes back to the queue, open and
 * unassigned, with the event of a task given back (`decline`, by the coordinator), which the
 * board, the roster and the volunteer's own tab all know. In the same transaction they go off
 * duty and offline, and every session of theirs ends; after the commit their sockets are told
 * (session:ended) and closed, and each node's roster drops them on the volunteer:updated event.
 * Deactivating someone already inactive changes nothing.
 */
export async function deactivateVolunteer(
	deps: ServiceDeps,
	actor: Actor,
	id: string,
	input: { releaseTasks: boolean },
	sessions: SessionSockets
): Promise<DeactivatedView> {
	requireVolunteerAdmin(actor);
	const { view, released, endedSessions } = await commitChange(deps, async (trx) => {
		const before = await lockInScope(trx, actor, id);
		if (!before.active) return { result: { view: await readAdminView(trx, id), released: [], endedSessions: [] }, events: [] };
		const held = await listActiveTasksOf(trx, id, true);
		if (held.length && !input.releaseTasks) throw conflict(heldTasksRefusal(before.name, held.length));

		const events: NewEventRecord[] = [];
		const released: RequestView[] = [];
		for (const task of held) {
			// Locked above, so it is still theirs and in this status.
			const updated = (await updateRequestIf(
				trx,
				{ id: task.id, statuses: [task.status], assigneeId: id },
				// Back on the board, flagged as given back, like a volunteer's own release.
				{
					status: 'open',
					assignee_id: null,
					assigned_at: null,
					accepted_at: null,
					started_at: null,
					offer_expired_at: null,
					requeued_by: 'release'
				}
			))!;
			const request = toRequestView(updated, true);
			released.push(request);
			// The volunteer cannot come any more: their account is closed.
			events.push(taskReleased({ actorId: actor.userId, request, from: task.status, note: null, volunteerId: id, reason: 'cannot_come' }));
		}
		await setVolunteerActive(trx, id, false, deps.now());
		const endedSessions = before.user_id ? await deleteOtherSessionsOfUser(trx, before.user_id, null) : [];
		const view = await readAdminView(trx, id);
		events.push(volunteerSaved(actor.userId, boardView(view)));
		return { result: { view, released, endedSessions }, events };
	});
	sessions.end(endedSessions);
	return { volunteer: view, released };
}

/** A deactivated volunteer of the coordinator's scope may sign in and be offered tasks again; they start off duty. */
export async function reactivateVolunteer(deps: ServiceDeps, actor: Actor, id: string): Promise<VolunteerAdminView> {
	requireVolunteerAdmin(actor);
	return commitChange(deps, async (trx) => {
		const before = await lockInScope(trx, actor, id);
		if (before.active) return { result: await readAdminView(trx, id), events: [] };
		await setVolunteerActive(trx, id, true, deps.now());
		const view = await readAdminView(trx, id);
		return { result: view, events: [volunteerSaved(actor.userId, boardView(view))] };
	});
}

/** The volunteer, held until the commit; outside the coordinator's scope, as if unknown (404). */
async function lockInScope(trx: Queryable, actor: Actor, id: string) {
	const row = await findVolunteerForUpdate(trx, id);
	if (!row || !inScope(actor, row.community_id)) throw notFound('The volunteer');
	return row;
}
