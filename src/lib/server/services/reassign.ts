import type { RequestView } from '../../api/types';
import { isStaff, type Actor } from '../../dispatch/permissions';
import { REASSIGNABLE_FROM } from '../../dispatch/lifecycle';
import { toRequestView, updateRequestIf } from '../repositories/requests';
import type { NewEventRecord } from '../repositories/events';
import type { RequestRow } from '../db/schema';
import type { Queryable } from '../db/types';
import { forbidden, unprocessable } from '../http/api-error';
import { commitChange } from './commit';
import { explainConflict, findStaffRequest, lockVolunteerFor } from './requests';
import { offerReassigned } from './event-records';
import type { ServiceDeps } from './deps';

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
		const before = await findStaffRequest(trx, actor, id);
		// Checked before the volunteer, so "same volunteer" below compares with the assignee the caller saw.
		if (before.version !== input.version || !REASSIGNABLE_FROM.includes(before.status)) {
			return explainConflict(trx, id, input.version, REASSIGNABLE_FROM);
		}
		const volunteer = await lockVolunteerFor(trx, before, input.volunteerId);
		if (volunteer.id === before.assignee_id) throw unprocessable(`${volunteer.name} already has this request.`);

		const moved = await moveOffer(trx, deps.now(), actor.userId, before, volunteer);
		if (!moved) return explainConflict(trx, id, input.version, REASSIGNABLE_FROM);
		return { result: moved.view, events: [moved.event] };
	});
}

/**
 * The move itself, shared by a dispatcher's reassignment and a visit plan's hand-over: one
 * conditional update on the offer as it was read (id, version, status 'assigned') and its
 * 'reassign' event. Undefined when the offer was answered or changed meanwhile.
 */
export async function moveOffer(
	trx: Queryable,
	now: Date,
	actorId: string,
	offer: RequestRow,
	to: { id: string }
): Promise<{ view: RequestView; event: NewEventRecord } | undefined> {
	const updated = await updateRequestIf(
		trx,
		{ id: offer.id, statuses: REASSIGNABLE_FROM, version: offer.version },
		// A person moved it: auto-offer, if it was on, stops here (auto-offer.ts).
		{ assignee_id: to.id, assigned_at: now, offer_expired_at: null, auto_offer: false }
	);
	if (!updated) return undefined;
	const view = toRequestView(updated, true);
	// The version matched, so `offer` still names the previous assignee.
	return { view, event: offerReassigned(actorId, view, offer.assignee_id, to.id) };
}
