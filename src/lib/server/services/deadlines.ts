import type { RequestRow } from '../db/schema';
import { listPassedDeadlines, toRequestView, updateRequestIf } from '../repositories/requests';
import { ACTIVE_STATUSES } from '../../dispatch/vocabulary';
import { commitChange } from './commit';
import { deadlinePassed } from './event-records';
import type { ServiceDeps } from './deps';

/**
 * Marks every deadline passed unmet as of `now`, once each, and returns how many it marked.
 *
 * Exactly once, whoever runs it and however often: each mark is a conditional update pinned to
 * the version it was read at, and a marked milestone no longer matches the search. Two nodes, a
 * second run, or a run after a restart find nothing to do and write no second event. The
 * `request:updated` it sends reaches the request's community staff, its coordinators included.
 */
export async function markPassedDeadlines(deps: Pick<ServiceDeps, 'db' | 'publisher'>, now: Date): Promise<number> {
	let marked = 0;
	for (const milestone of ['assign', 'complete'] as const) {
		for (const request of await listPassedDeadlines(deps.db, milestone, now)) {
			if (await markOne(deps, request, milestone, now)) marked += 1;
		}
	}
	return marked;
}

async function markOne(deps: Pick<ServiceDeps, 'db' | 'publisher'>, request: RequestRow, milestone: 'assign' | 'complete', now: Date) {
	return commitChange(deps, async (trx) => {
		const updated = await updateRequestIf(
			trx,
			{ id: request.id, statuses: milestone === 'assign' ? ['open'] : ACTIVE_STATUSES, version: request.version },
			milestone === 'assign' ? { overdue_assign_at: now } : { overdue_complete_at: now }
		);
		if (!updated) return { result: false, events: [] };
		return { result: true, events: [deadlinePassed(toRequestView(updated, true), milestone)] };
	});
}
