import type { RequestView } from '$lib/api/types';
import { isFreshlyOverdue } from '$lib/dispatch/deadlines';
import type { CaughtUpEvent } from '$lib/realtime/events';

/** At most this many alerts stand at once; older ones give way. */
const SHOWN = 4;

/**
 * A coordinator's overdue alerts (contract part two, "Deadlines"): each request whose deadline
 * the server just marked passed, once per request and milestone, until dismissed.
 */
export class OverdueAlerts {
	list = $state<{ key: string; request: RequestView }[]>([]);
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- bookkeeping, never rendered
	#told = new Set<string>();

	take(batch: CaughtUpEvent[], now: number): void {
		for (const event of batch) {
			if (event.event !== 'request:updated' || !isFreshlyOverdue(event.data.request, now)) continue;
			const request = event.data.request;
			const key = `${request.id}:${request.overdue}`;
			if (this.#told.has(key)) continue;
			this.#told.add(key);
			this.list = [...this.list.filter((a) => a.request.id !== request.id).slice(-(SHOWN - 1)), { key, request }];
		}
	}

	dismiss(key: string): void {
		this.list = this.list.filter((a) => a.key !== key);
	}
}
