import type { RequestView } from '../../api/types';
import { isStaff, type Actor } from '../../dispatch/permissions';
import type { Status } from '../../dispatch/vocabulary';
import { findRequest, toRequestView, updateRequestIf } from '../repositories/requests';
import { findVolunteer } from '../repositories/volunteers';
import { forbidden, notFound, unprocessable } from '../http/api-error';
import { commitChange } from './commit';
import { explainConflict } from './requests';
import { lockEligibleVolunteer } from './eligible-volunteer';
import type { ServiceDeps } from './deps';

/**
 * Only an offer nobody has accepted yet can move: once accepted, the task is the volunteer's
 * until they finish it or staff cancel it.
 */
const REASSIGNABLE_FROM: readonly Status[] = ['assigned'];

/**
 * Moves an unanswered offer to another volunteer in one conditional update on (id, version,
 * status 'assigned'). The new assignee hears task:assigned, the old one task:updated.
 */
export async function reassignRequest(
	deps: ServiceDeps,
	actor: Actor,
	id: string,
	input: { volunteerId: string; version: number }
): Promise<RequestView> {
	if (!isStaff(actor.role)) throw forbidden('Only dispatchers and coordinators may do this.');
	return commitChange(deps, async (trx) => {
		const before = await findRequest(trx, id);
		if (!before) throw notFound('The request');
		// Checked before the volunteer, so "same volunteer" below compares with the assignee the caller saw.
		if (before.version !== input.version || !REASSIGNABLE_FROM.includes(before.status)) {
			return explainConflict(trx, id, input.version, REASSIGNABLE_FROM);
		}
		const volunteer = await lockEligibleVolunteer(trx, input.volunteerId, before.type);
		if (volunteer.id === before.assignee_id) throw unprocessable(`${volunteer.name} already has this request.`);

		const updated = await updateRequestIf(
			trx,
			{ id, statuses: REASSIGNABLE_FROM, version: input.version },
			{ assignee_id: volunteer.id, assigned_at: deps.now(), offer_expired_at: null }
		);
		if (!updated) return explainConflict(trx, id, input.version, REASSIGNABLE_FROM);
		// The version matched, so the row we read above still named the previous assignee.
		const previous = before.assignee_id ? await findVolunteer(trx, before.assignee_id) : undefined;
		const view = toRequestView(updated, true);
		return {
			result: view,
			events: [
				{
					kind: 'request_updated',
					action: 'reassign',
					actorId: actor.userId,
					requestId: id,
					volunteerId: volunteer.id,
					previousAssigneeId: before.assignee_id,
					fromStatus: 'assigned',
					toStatus: 'assigned',
					note: previous ? `${previous.name} → ${volunteer.name}` : volunteer.name,
					payload: view
				}
			]
		};
	});
}
