import type { CaughtUpEvent } from './events';

/**
 * Keeps live events exactly-once and in seq order. Events at or below the last applied seq
 * are duplicates and dropped. A jump in seq may be a missed event, so the sequencer holds
 * what it has and asks for a catch-up; the caught-up list and the held events are merged,
 * de-duplicated and released in order.
 */
export class EventSequencer {
	#lastSeq: number;
	#held = new Map<number, CaughtUpEvent>();

	constructor(lastSeq: number) {
		this.#lastSeq = lastSeq;
	}

	get lastSeq(): number {
		return this.#lastSeq;
	}

	/** Returns the events ready to apply now, and whether a catch-up is needed first. */
	receive(event: CaughtUpEvent): { ready: CaughtUpEvent[]; needCatchUp: boolean } {
		if (event.seq <= this.#lastSeq || this.#held.has(event.seq)) return { ready: [], needCatchUp: false };
		if (event.seq === this.#lastSeq + 1 && this.#held.size === 0) {
			this.#lastSeq = event.seq;
			return { ready: [event], needCatchUp: false };
		}
		this.#held.set(event.seq, event);
		return { ready: [], needCatchUp: true };
	}

	/**
	 * Merges a catch-up answer for everything after the last seq. Because seq order equals
	 * commit order, every event below the highest one we hold is in that answer.
	 */
	caughtUp(events: CaughtUpEvent[]): CaughtUpEvent[] {
		for (const event of events) if (event.seq > this.#lastSeq) this.#held.set(event.seq, event);
		const ready = [...this.#held.values()].sort((a, b) => a.seq - b.seq);
		this.#held.clear();
		if (ready.length) this.#lastSeq = ready[ready.length - 1].seq;
		return ready;
	}

	get holding(): boolean {
		return this.#held.size > 0;
	}
}
