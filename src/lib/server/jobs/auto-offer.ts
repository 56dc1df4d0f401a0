import type { StoredEvent } from '../../realtime/deliveries';
import type { RequestView } from '../../api/types';
import type { Logger } from '../log';
import type { ServiceDeps } from '../services/deps';
import { advanceAllAutoOffers, advanceAutoOffer } from '../services/auto-offer';
import type { Job } from './runner';

/**
 * The sweep: every open request with auto-offer on gets its next step. It catches what no
 * node heard of at once: a decline committed on a node that died before acting, a start-up
 * after downtime. Each step is conditional (services/auto-offer.ts), so sweeping twice is harmless.
 */
export const autoOfferJob = (maxTries: number, intervalMs = 2_000): Job => ({
	name: 'auto-offer',
	intervalMs,
	run: async (deps) => {
		await advanceAllAutoOffers(deps, maxTries);
	}
});

export interface AutoOfferNudge {
	/** Events this node just committed: any request they leave open with auto-offer on gets its step now. */
	heard(events: readonly StoredEvent[]): void;
	/** Takes no new steps (the app is closing). */
	stop(): void;
}

/**
 * The fast path: the node that committed a change (created with auto-offer, turned it on, a
 * decline, a lapsed offer) takes the next step at once instead of at the next sweep.
 */
export function autoOfferNudge(deps: () => ServiceDeps, maxTries: number, log: Logger): AutoOfferNudge {
	const pending = new Set<string>();
	let stopped = false;
	return {
		stop() {
			stopped = true;
		},
		heard(events) {
			for (const event of stopped ? [] : events) {
				if (event.kind !== 'request_created' && event.kind !== 'request_updated') continue;
				const request = event.payload as RequestView;
				if (!request.autoOffer?.on || request.status !== 'open' || pending.has(request.id)) continue;
				pending.add(request.id);
				// After the publishing commit's callers are done: never inside their transaction.
				setImmediate(() => {
					if (stopped) return void pending.delete(request.id);
					advanceAutoOffer(deps(), request.id, maxTries)
						.catch((error: unknown) => log.warn({ err: error, requestId: request.id }, 'auto-offer step failed; the sweep retries'))
						.finally(() => pending.delete(request.id));
				});
			}
		}
	};
}
