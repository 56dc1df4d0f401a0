/** How much one socket may send, and how many sockets one user may hold open on one node. */
export interface SocketLimits {
	/** Events a socket may send per second, on average. */
	eventsPerSecond: number;
	/** Events a socket may send at once before the average applies. */
	eventBurst: number;
	/** Sockets one user may hold open on one app node. */
	maxSocketsPerUser: number;
}

/**
 * A token bucket: `burst` events at once, then `perSecond` on average. Pure, with the clock
 * passed in, so its arithmetic is tested without waiting.
 */
export class EventBudget {
	#tokens: number;
	#at: number;

	constructor(
		private perSecond: number,
		private burst: number,
		now: number
	) {
		this.#tokens = burst;
		this.#at = now;
	}

	/** Spends one token if there is one; false means the event is over the limit. */
	take(now: number): boolean {
		this.#tokens = Math.min(this.burst, this.#tokens + ((now - this.#at) / 1000) * this.perSecond);
		this.#at = now;
		if (this.#tokens < 1) return false;
		this.#tokens -= 1;
		return true;
	}
}

/** Open sockets per user on this node: a new one past the cap is refused, not an old one dropped. */
export class SocketCounter {
	#open = new Map<string, number>();

	constructor(private max: number) {}

	/** Counts one more socket for the user, or answers false when they are at the cap. */
	tryOpen(userId: string): boolean {
		const open = this.#open.get(userId) ?? 0;
		if (open >= this.max) return false;
		this.#open.set(userId, open + 1);
		return true;
	}

	close(userId: string): void {
		const open = (this.#open.get(userId) ?? 1) - 1;
		if (open > 0) this.#open.set(userId, open);
		else this.#open.delete(userId);
	}

	openFor(userId: string): number {
		return this.#open.get(userId) ?? 0;
	}
}
