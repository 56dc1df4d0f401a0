import type { CaughtUpEvent } from './events';

/** Taken just before a catch-up request is sent; see `startCatchUp`. */
export type CatchUpMark = number;

/**
 * Keeps live events exactly-once and in seq order. Events at or below the last applied seq
 * are duplicates and dropped. A jump in seq may be a missed event, so the sequencer holds
 * what it has and asks for a catch-up; the caught-up list and the held events are merged,
 * de-duplicated and released in order.
 */
export class EventSequencer {
	#lastSeq: number;
	/** Held events with the arrival number they came in with. */
	#held = new Map<number, { event: CaughtUpEvent; arrival: number }>();
	#arrivals = 0;

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
		this.#held.set(event.seq, { event, arrival: ++this.#arrivals });
		return { ready: [], needCatchUp: true };
	}

	/** Call right before sending `GET /api/events?after=lastSeq`, and pass the mark to `caughtUp`. */
	startCatchUp(): CatchUpMark {
		return this.#arrivals;
	}

	/**
	 * Merges a catch-up answer for everything after the last seq. Seq order equals commit
	 * order, so the answer holds every event below any event that had arrived before the
	 * request was sent: those held events are released with it. An event that arrived while
	 * the request was on its way may have been committed after the answer was read, with
	 * earlier seqs still unseen; it stays held (unless the answer reaches past it) and
	 * `holding` tells the caller to catch up again.
	 */
	caughtUp(events: CaughtUpEvent[], mark: CatchUpMark): CaughtUpEvent[] {
		const ready = new Map<number, CaughtUpEvent>();
		let horizon = this.#lastSeq;
		for (const event of events) {
			if (event.seq <= this.#lastSeq) continue;
			ready.set(event.seq, event);
			horizon = Math.max(horizon, event.seq);
		}
		for (const [seq, held] of this.#held) {
			if (held.arrival <= mark) horizon = Math.max(horizon, seq);
		}
		for (const [seq, held] of this.#held) {
			if (seq > horizon) continue;
			if (!ready.has(seq)) ready.set(seq, held.event);
			this.#held.delete(seq);
		}
		const released = [...ready.values()].sort((a, b) => a.seq - b.seq);
		if (released.length) this.#lastSeq = released[released.length - 1].seq;
		return released;
	}

	get holding(): boolean {
		return this.#held.size > 0;
	}
}
