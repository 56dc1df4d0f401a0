import type { Transaction } from 'kysely';
import type { Database, RequestRow } from '../db/schema';
import { offerCutoff, type OfferTimeoutSettings } from '../../dispatch/offer-timeout';
import { listUnansweredOffers, toRequestView, updateRequestIf } from '../repositories/requests';
import { commitChange, type Change } from './commit';
import { offerExpired, offerRequeued } from './event-records';
import type { ServiceDeps } from './deps';

/**
 * Settles every offer left unanswered past the timeout, and returns how many it settled.
 *
 * Exactly once, whoever runs it and however often: each offer changes through a conditional
 * update pinned to the version it was read at, and a settled offer no longer matches the search
 * (it is flagged, or no longer assigned). Two nodes, a second run, or a run after a restart
 * therefore find nothing to do, and write no second event.
 */
export async function settleUnansweredOffers(
	deps: Pick<ServiceDeps, 'db' | 'publisher'>,
	settings: OfferTimeoutSettings,
	now: Date
): Promise<number> {
	const overdue = await listUnansweredOffers(deps.db, offerCutoff(now, settings.timeoutMs));
	let settled = 0;
	for (const offer of overdue) {
		const changed = await commitChange(deps, (trx) => settleOffer(trx, offer, settings, now));
		if (changed) settled += 1;
	}
	return settled;
}

async function settleOffer(
	trx: Transaction<Database>,
	offer: RequestRow,
	settings: OfferTimeoutSettings,
	now: Date
): Promise<Change<boolean>> {
	const where = { id: offer.id, statuses: ['assigned'] as const, version: offer.version };

	// Auto-offer moves on to the next volunteer (auto-offer.ts), so its offers always go back to the queue.
	if (settings.action === 'flag' && !offer.auto_offer) {
		const updated = await updateRequestIf(trx, where, { offer_expired_at: now });
		if (!updated) return { result: false, events: [] };
		// Staff see "no response" on the board; the assignee may still accept.
		return { result: true, events: [offerExpired(toRequestView(updated, true), settings.timeoutMs)] };
	}

	const updated = await updateRequestIf(trx, where, { status: 'open', assignee_id: null, assigned_at: null, offer_expired_at: null });
	if (!updated) return { result: false, events: [] };
	// Back in the queue; the volunteer it was offered to is told it left them.
	return { result: true, events: [offerRequeued(toRequestView(updated, true), offer.assignee_id, settings.timeoutMs)] };
}
