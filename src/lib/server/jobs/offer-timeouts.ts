import { offerCheckIntervalMs, type OfferTimeoutSettings } from '../../dispatch/offer-timeout';
import { settleUnansweredOffers } from '../services/offer-timeouts';
import type { Job } from './runner';

/** Flags or requeues assignments nobody accepted in time (OFFER_TIMEOUT_MINUTES / _ACTION). */
export function offerTimeoutJob(settings: OfferTimeoutSettings): Job {
	return {
		name: 'offer-timeouts',
		intervalMs: offerCheckIntervalMs(settings.timeoutMs),
		run: async (deps, now) => {
			await settleUnansweredOffers(deps, settings, now);
		}
	};
}
