// Follow-up calls (回访): completed requests nobody has rated a day after completion, for staff
// to call; and the call's answer, recorded once (contract part two, "Deadlines, follow-up calls").
import type { RequestView } from '../../api/types';
import { isStaff, inScope, type Actor } from '../../dispatch/permissions';
import { forbidden, notFound } from '../http/api-error';
import { findRequest, listUnratedCompletedBefore, toRequestView } from '../repositories/requests';
import { recordFeedback } from './residents';
import type { ServiceDeps } from './deps';

/** A day after completion with no word from the resident: time to call. */
export const FOLLOW_UP_AFTER_MS = 24 * 3_600_000;

/** `communityIds`: the scope's, or the one community asked for (checked against the scope by the route). */
export async function listFollowUps(
	deps: Pick<ServiceDeps, 'db' | 'now'>,
	actor: Actor,
	communityIds: readonly string[]
): Promise<RequestView[]> {
	if (!isStaff(actor.role)) throw forbidden('Only dispatchers and coordinators may do this.');
	const rows = await listUnratedCompletedBefore(deps.db, communityIds, new Date(deps.now().getTime() - FOLLOW_UP_AFTER_MS));
	// Staff call the resident, so the contact comes with it.
	return rows.map((row) => toRequestView(row, true));
}

/** What the resident said on the phone: once per request, like their own rating. */
export async function recordFollowUpCall(
	deps: ServiceDeps,
	actor: Actor,
	requestId: string,
	input: { rating: number; comment: string | null }
): Promise<RequestView> {
	if (!isStaff(actor.role)) throw forbidden('Only dispatchers and coordinators may do this.');
	const row = await findRequest(deps.db, requestId);
	if (!row || !inScope(actor, row.community_id)) throw notFound('The request');
	return toRequestView(await recordFeedback(deps, requestId, { ...input, via: 'phone' }, actor.userId), true);
}
