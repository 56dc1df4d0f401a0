// Auto-offer (contract part two): the server offers an open request to the best online
// volunteer, waits for the answer, and on a decline or an offer timeout offers it to the next,
// until someone accepts, nobody online is left, or AUTO_OFFER_MAX_TRIES offers were made.
//
// The state lives on the request row (auto_offer, auto_tried, auto_exhausted; see the
// auto-offer migration), so each step is one conditional update pinned to the version it was
// decided on: two nodes deciding the same step at once, or a dispatcher acting meanwhile, leave
// exactly one of them standing and the other a no-op. A dispatcher's own assign, reassign or
// cancel, and a volunteer's release, turn it off (requests.ts, reassign.ts).

import type { RequestView } from '../../api/types';
import { isStaff, type Actor } from '../../dispatch/permissions';
import { pickAutoOffer } from '../../dispatch/auto-offer';
import { findRequest, findRequestPlace, listAutoOfferRequests, toRequestView, updateRequestIf } from '../repositories/requests';
import { listOfferedVolunteers } from '../repositories/events';
import { ApiError, forbidden } from '../http/api-error';
import { commitChange } from './commit';
import { autoOfferChanged } from './event-records';
import { candidatesFor } from './candidates';
import { explainConflict, findStaffRequest, offerOpenRequest } from './requests';
import type { ServiceDeps } from './deps';

/** Requests auto-offer may be turned on for: not yet accepted. */
const AUTO_OFFER_STATUSES = ['open', 'assigned'] as const;

/**
 * Staff turn auto-offer on or off. On starts a fresh run (no offers yet, nothing exhausted);
 * the first offer follows from the change's own event (jobs/auto-offer.ts), or, on an
 * assigned request, once its offer is declined or runs out.
 */
export async function setAutoOffer(
	deps: ServiceDeps,
	actor: Actor,
	id: string,
	input: { on: boolean; version?: number }
): Promise<RequestView> {
	if (!isStaff(actor.role)) throw forbidden('Only dispatchers and coordinators may do this.');
	return commitChange(deps, async (trx) => {
		const before = await findStaffRequest(trx, actor, id);
		if (before.auto_offer === input.on && (input.version === undefined || input.version === before.version)) {
			return { result: toRequestView(before, true), events: [] };
		}
		const updated = await updateRequestIf(
			trx,
			{ id, statuses: AUTO_OFFER_STATUSES, version: input.version ?? before.version },
			input.on ? { auto_offer: true, auto_tried: 0, auto_exhausted: false } : { auto_offer: false }
		);
		if (!updated) return explainConflict(trx, id, input.version, AUTO_OFFER_STATUSES);
		const view = toRequestView(updated, true);
		return { result: view, events: [autoOfferChanged(actor.userId, view)] };
	});
}

/**
 * One step for one request, if it is open with auto-offer on: the next offer, or "exhausted".
 * Returns the request as changed, or null when there was nothing to do or another node (or a
 * person) changed it first.
 */
export async function advanceAutoOffer(deps: ServiceDeps, id: string, maxTries: number): Promise<RequestView | null> {
	const row = await findRequest(deps.db, id);
	if (!row || !row.auto_offer || row.status !== 'open') return null;
	const place = await findRequestPlace(deps.db, id);
	if (!place) return null;
	const volunteerId = pickAutoOffer({
		tried: row.auto_tried,
		maxTries,
		candidates: await candidatesFor(deps, id, place, { fromDatabase: true }),
		offeredBefore: new Set(await listOfferedVolunteers(deps.db, id))
	});
	try {
		return await commitChange(deps, async (trx) => {
			if (volunteerId === null) {
				const updated = await updateRequestIf(
					trx,
					{ id, statuses: ['open'], version: row.version },
					{ auto_offer: false, auto_exhausted: true }
				);
				if (!updated) return { result: null, events: [] };
				const view = toRequestView(updated, true);
				return { result: view, events: [autoOfferChanged(null, view, true)] };
			}
			const source = { source: 'auto_offer', attempt: row.auto_tried + 1 } as const;
			const { view, event } = await offerOpenRequest(trx, deps.now(), null, row, { volunteerId, version: row.version }, source);
			return { result: view, events: [event] };
		});
	} catch (error) {
		// Changed meanwhile (409), or the volunteer can no longer go (422): the next step decides afresh.
		if (error instanceof ApiError && (error.status === 409 || error.status === 422)) return null;
		throw error;
	}
}

/** One step for every request waiting on auto-offer; how many changed. */
export async function advanceAllAutoOffers(deps: ServiceDeps, maxTries: number): Promise<number> {
	let changed = 0;
	for (const id of await listAutoOfferRequests(deps.db)) if (await advanceAutoOffer(deps, id, maxTries)) changed += 1;
	return changed;
}
