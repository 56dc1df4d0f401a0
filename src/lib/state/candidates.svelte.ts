import type { CandidateView } from '$lib/api/types';
import { callApi } from '$lib/api/client';
import type { FailedCall } from '$lib/i18n/api-problem';
import { declinersLast } from '$lib/dispatch/ranking';

/** The ranked volunteers for one request, refetched when the request or the volunteers change. */
export class CandidateFeed {
	state = $state<'loading' | 'ready' | 'error'>('loading');
	list = $state<CandidateView[]>([]);
	/** Why the last load failed; the list says it in the reader's language. */
	problem = $state<FailedCall | null>(null);
	/** Volunteers who declined this request (from its timeline): shown last, and never the "top". */
	// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never changed in place
	declined = $state<ReadonlySet<string>>(new Set());
	readonly ordered = $derived(declinersLast(this.list, this.declined));
	#requestId: string | null = null;
	#generation = 0;

	async load(requestId: string, keepList = false): Promise<void> {
		const generation = ++this.#generation;
		if (requestId !== this.#requestId || !keepList) this.list = [];
		// eslint-disable-next-line svelte/prefer-svelte-reactivity -- replaced whole, never changed in place
		if (requestId !== this.#requestId) this.declined = new Set();
		this.#requestId = requestId;
		this.state = 'loading';
		const result = await callApi<CandidateView[]>('GET', `/api/requests/${requestId}/candidates?limit=8`);
		if (generation !== this.#generation) return; // a newer selection won
		if (result.ok) {
			this.list = result.data;
			this.state = 'ready';
		} else {
			this.problem = { status: result.status, code: result.code };
			this.state = 'error';
		}
	}

	get top(): CandidateView | null {
		const first = this.ordered[0];
		return this.state === 'ready' && first && !this.declined.has(first.volunteerId) ? first : null;
	}
}
