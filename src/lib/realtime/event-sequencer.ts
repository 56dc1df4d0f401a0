import type { CaughtUpEvent } from './events';

/** Taken just before a catch-up request is sent; see `startCatchUp`. */
export type CatchUpMark = number;

/** What the catch-up loop needs of a sequencer, whichever audience it serves. */
export interface Sequencer {
	/** Catch-up asks for what came after this: every event at or below it has been processed. */
	readonly lastSeq: number;
	/** Events are held until a catch-up fills the gap before them. */
	readonly holding: boolean;
	/** Returns the events ready to apply now, and whether a catch-up is needed first. */
	receive(event: CaughtUpEvent): { ready: CaughtUpEvent[]; needCatchUp: boolean };
	startCatchUp(): CatchUpMark;
	caughtUp(events: CaughtUpEvent[], mark: CatchUpMark, complete: boolean): CaughtUpEvent[];
}

/**
 * Staff hear every durable event, so for them a jump in seq may be a missed event. This keeps
 * their events exactly-once and in seq order: events at or below the last applied seq are
 * duplicates and dropped; after a jump it holds what it has and asks for a catch-up, then the
 * caught-up list and the held events are merged, de-duplicated and released in order.
 */
export class EventSequencer implements Sequencer {
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
	 * order, so a `complete` answer (a short page) holds every event below any event that had
	 * arrived before the request was sent: those held events are released with it. A full page
	 * vouches only up to its own last event, since the next page is still to come. An event
	 * that arrived while the request was on its way may have been committed after the answer
	 * was read, with earlier seqs still unseen; it stays held (unless the answer reaches past
	 * it) and `holding` tells the caller to catch up again.
	 */
	caughtUp(events: CaughtUpEvent[], mark: CatchUpMark, complete: boolean): CaughtUpEvent[] {
		const ready = new Map<number, CaughtUpEvent>();
		let horizon = this.#lastSeq;
		for (const event of events) {
			if (event.seq <= this.#lastSeq) continue;
			ready.set(event.seq, event);
			horizon = Math.max(horizon, event.seq);
		}
		if (complete) {
			for (const [seq, held] of this.#held) if (held.arrival <= mark) horizon = Math.max(horizon, seq);
		}
		for (const [seq, held] of this.#held) {
			if (seq > horizon) continue;
			if (!ready.has(seq)) ready.set(seq, held.event);
			this.#held.delete(seq);
		}
		const released = [...ready.values()].sort((a, b) => a.seq - b.seq);
		const last = released.at(-1);
		if (last) this.#lastSeq = last.seq;
		return released;
	}

	get holding(): boolean {
		return this.#held.size > 0;
	}
}
