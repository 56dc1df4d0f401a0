import type { CandidateView } from '$lib/api/types';
import { callApi } from '$lib/api/client';
import type { FailedCall } from '$lib/i18n/api-problem';
import { pressAssign } from '$lib/dispatch/offline-pick';

/**
 * Every volunteer who may take one request, in the server's order (online first, decliners
 * last), refetched when the request or the volunteers change.
 */
export class CandidateFeed {
	state = $state<'loading' | 'ready' | 'error'>('loading');
	list = $state<CandidateView[]>([]);
	/** Why the last load failed; the list says it in the reader's language. */
	problem = $state<FailedCall | null>(null);
	/** The offline volunteer a first press on "assign" warned about (dispatch/offline-pick.ts). */
	armedId = $state<string | null>(null);
	#requestId: string | null = null;
	#generation = 0;

	async load(requestId: string, keepList = false): Promise<void> {
		const generation = ++this.#generation;
		if (requestId !== this.#requestId || !keepList) this.list = [];
		if (requestId !== this.#requestId) this.armedId = null;
		this.#requestId = requestId;
		this.state = 'loading';
		const result = await callApi<CandidateView[]>('GET', `/api/requests/${requestId}/candidates`);
		if (generation !== this.#generation) return; // a newer selection won
		if (result.ok) {
			this.list = result.data;
			this.state = 'ready';
		} else {
			this.problem = { status: result.status, code: result.code };
			this.state = 'error';
		}
	}

	/** A's pick: the head of the list, unless they declined it (then nobody is suggested). */
	get top(): CandidateView | null {
		const first = this.list[0];
		return this.state === 'ready' && first && !first.declined ? first : null;
	}

	/** A press on "assign": true to go ahead, false when it only warned that they are offline. */
	press(volunteerId: string): boolean {
		const candidate = this.list.find((c) => c.volunteerId === volunteerId);
		// Not in the list any more (a stale button): the server decides.
		if (!candidate) return true;
		const outcome = pressAssign({ armedId: this.armedId }, candidate);
		this.armedId = outcome.next.armedId;
		return outcome.go;
	}
}
