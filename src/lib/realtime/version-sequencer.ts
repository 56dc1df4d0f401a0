import type { CaughtUpEvent } from './events';
import type { CatchUpMark, Sequencer } from './event-sequencer';

/**
 * A volunteer hears only their own tasks' events, so the global seq jumps between any two of
 * them and a jump says nothing. Each event carries the whole request with its `version`, which
 * grows by one on every change: a snapshot is applied at once if it is newer than the one held
 * for that request, and dropped if not, so a late or repeated one can never undo a newer one.
 *
 * `lastSeq` (where a catch-up starts) moves only as far as a catch-up vouches for, never to a
 * live event's seq: a live event may overtake an earlier one still on its way from another
 * node, and if the socket drops before that one lands, only a catch-up from below it finds it.
 * What a catch-up brings again is dropped by seq or by version.
 */
export class VersionSequencer implements Sequencer {
	#lastSeq: number;
	/** Seqs above lastSeq already processed, with their arrival number. */
	#seen = new Map<number, number>();
	#versions = new Map<string, number>();
	#arrivals = 0;

	constructor(lastSeq: number) {
		this.#lastSeq = lastSeq;
	}

	get lastSeq(): number {
		return this.#lastSeq;
	}

	/** Nothing is ever held: a jump in seq is normal here. */
	get holding(): boolean {
		return false;
	}

	receive(event: CaughtUpEvent): { ready: CaughtUpEvent[]; needCatchUp: boolean } {
		return { ready: this.#take(event) ? [event] : [], needCatchUp: false };
	}

	startCatchUp(): CatchUpMark {
		return this.#arrivals;
	}

	/**
	 * A catch-up answer holds every event for us after lastSeq up to when it was read. Seq order
	 * equals commit order, so a `complete` answer (a short page) also covers every seq below a
	 * live event that arrived before it was asked; a full page vouches up to its own end only.
	 */
	caughtUp(events: CaughtUpEvent[], mark: CatchUpMark, complete: boolean): CaughtUpEvent[] {
		const ready = events.filter((event) => this.#take(event));
		let horizon = Math.max(this.#lastSeq, ...events.map((event) => event.seq));
		if (complete) for (const [seq, arrival] of this.#seen) if (arrival <= mark) horizon = Math.max(horizon, seq);
		this.#lastSeq = horizon;
		for (const seq of this.#seen.keys()) if (seq <= horizon) this.#seen.delete(seq);
		return ready;
	}

	/** Records the event; whether it is news (not seen before, and newer than what we hold). */
	#take(event: CaughtUpEvent): boolean {
		if (event.seq <= this.#lastSeq || this.#seen.has(event.seq)) return false;
		this.#seen.set(event.seq, ++this.#arrivals);
		if (!('request' in event.data)) return true;
		const { id, version } = event.data.request;
		if ((this.#versions.get(id) ?? -1) >= version) return false;
		this.#versions.set(id, version);
		return true;
	}
}
