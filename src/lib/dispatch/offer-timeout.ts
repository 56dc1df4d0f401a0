/** What happens to an offer nobody answered: flag it on the board, or put it back in the queue. */
export type OfferTimeoutAction = 'flag' | 'requeue';

export interface OfferTimeoutSettings {
	timeoutMs: number;
	action: OfferTimeoutAction;
}

/** Offers made at or before this moment have waited long enough. */
export function offerCutoff(now: Date, timeoutMs: number): Date {
	return new Date(now.getTime() - timeoutMs);
}

/**
 * How often to look for unanswered offers: a tenth of the timeout, so a flag shows up at most
 * 10% late, but never busier than four times a second nor lazier than every five seconds.
 */
export function offerCheckIntervalMs(timeoutMs: number): number {
	return Math.round(Math.min(5_000, Math.max(250, timeoutMs / 10)));
}
