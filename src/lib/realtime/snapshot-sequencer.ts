import type { CaughtUpEvent } from './events';

/** Taken just before a catch-up request is sent; see `startCatchUp`. */
export type CatchUpMark = number;

/** Which thing an event is a snapshot of, and how new that snapshot is. */
function snapshotOf(event: CaughtUpEvent): { key: string; freshness: number } {
	const data = event.data;
	// A request's `version` grows by one on every change; anything else is as new as its event.
	// A leader who is also the assignee hears one change twice, as their task and as their
	// team's request: two views, each followed on its own.
	if ('request' in data) {
		const view = event.event === 'team:request' ? 'team-request' : event.event === 'report:updated' ? 'report' : 'request';
		return { key: `${view}:${data.request.id}`, freshness: data.request.version };
	}
	if ('volunteer' in data) return { key: `volunteer:${data.volunteer.id}`, freshness: event.seq };
	if ('service' in data) return { key: `service:${data.service.code}`, freshness: event.seq };
	return { key: `team:${data.team.id}`, freshness: event.seq };
}

/**
 * Every durable event carries the whole thing it is about (a request, a volunteer, a service, a
 * team), so it can be applied on its own. Nobody hears every event any more: staff hear their
 * communities', a volunteer their own tasks', and the global seq jumps between any two of them,
 * so a jump says nothing. A snapshot is applied at once if it is newer than the one held for the
 * same thing, and dropped if not, so a late or repeated one can never undo a newer one.
 *
 * `lastSeq` (where a catch-up starts) moves only as far as a catch-up vouches for, never to a
 * live event's seq: a live event may overtake an earlier one still on its way from another
 * node, and if the socket drops before that one lands, only a catch-up from below it finds it.
 * What a catch-up brings again is dropped by seq or by freshness.
 */
export class SnapshotSequencer {
	#lastSeq: number;
	/** Events above lastSeq already processed (by seq and view), with their seq and arrival number. */
	#seen = new Map<string, { seq: number; arrival: number }>();
	#freshness = new Map<string, number>();
	#arrivals = 0;

	constructor(lastSeq: number) {
		this.#lastSeq = lastSeq;
	}

	/** Catch-up asks for what came after this: every event at or below it has been processed. */
	get lastSeq(): number {
		return this.#lastSeq;
	}

	/** Returns the event if it is news, ready to apply now. */
	receive(event: CaughtUpEvent): CaughtUpEvent[] {
		return this.#take(event) ? [event] : [];
	}

	/** Call right before sending `GET /api/events?after=lastSeq`, and pass the mark to `caughtUp`. */
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
		if (complete) for (const { seq, arrival } of this.#seen.values()) if (arrival <= mark) horizon = Math.max(horizon, seq);
		this.#lastSeq = horizon;
		for (const [id, { seq }] of this.#seen) if (seq <= horizon) this.#seen.delete(id);
		return ready;
	}

	/** Records the event; whether it is news (not seen before, and newer than what we hold). */
	#take(event: CaughtUpEvent): boolean {
		const { key, freshness } = snapshotOf(event);
		const id = `${event.seq} ${key}`;
		if (event.seq <= this.#lastSeq || this.#seen.has(id)) return false;
		this.#seen.set(id, { seq: event.seq, arrival: ++this.#arrivals });
		if ((this.#freshness.get(key) ?? -1) >= freshness) return false;
		this.#freshness.set(key, freshness);
		return true;
	}
}
