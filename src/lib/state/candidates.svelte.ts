import type { CandidateView } from '$lib/api/types';
import { callApi } from '$lib/api/client';
import type { FailedCall } from '$lib/i18n/api-problem';

/** The ranked volunteers for one request, refetched when the request or the volunteers change. */
export class CandidateFeed {
	state = $state<'loading' | 'ready' | 'error'>('loading');
	list = $state<CandidateView[]>([]);
	/** Why the last load failed; the list says it in the reader's language. */
	problem = $state<FailedCall | null>(null);
	#requestId: string | null = null;
	#generation = 0;

	async load(requestId: string, keepList = false): Promise<void> {
		const generation = ++this.#generation;
		if (requestId !== this.#requestId || !keepList) this.list = [];
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
		return this.state === 'ready' ? (this.list[0] ?? null) : null;
	}
}
