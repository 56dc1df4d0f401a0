import type { ConnectionState } from '$lib/realtime/live-connection.svelte';
import { UNAVAILABLE_EVENT } from '$lib/api/client';

const POLL_MS = 3000;

/**
 * Whether the server can reach its database, as far as this page can tell: an API answer of
 * 503, or a lost live connection with /readyz failing, means no. While it is no, /readyz is
 * asked every few seconds, and the banner goes away by itself when it answers.
 */
export class ServiceHealth {
	unavailable = $state(false);
	#timer: ReturnType<typeof setInterval> | null = null;

	start(): void {
		window.addEventListener(UNAVAILABLE_EVENT, this.#markUnavailable);
	}

	stop(): void {
		window.removeEventListener(UNAVAILABLE_EVENT, this.#markUnavailable);
		this.#stopPolling();
	}

	/** A live connection that is not connected may mean the database is gone; look. */
	noticeConnection(state: ConnectionState): void {
		if (state === 'connected' && !this.unavailable) return;
		void this.#check();
	}

	#markUnavailable = () => {
		this.unavailable = true;
		this.#timer ??= setInterval(() => void this.#check(), POLL_MS);
	};

	#stopPolling() {
		if (this.#timer) clearInterval(this.#timer);
		this.#timer = null;
	}

	async #check() {
		const response = await fetch('/readyz', { headers: { accept: 'application/json' } }).catch(() => null);
		if (response?.ok) {
			this.unavailable = false;
			this.#stopPolling();
		} else if (response?.status === 503) {
			this.#markUnavailable();
		}
		// No answer at all: the server itself is away, which the connection badge already says.
	}
}
