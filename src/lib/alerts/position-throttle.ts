export interface Position {
	lat: number;
	lng: number;
}

/** Rough metres between two nearby points; plenty for "has the phone moved". */
function metresBetween(a: Position, b: Position): number {
	const y = (a.lat - b.lat) * 110_540;
	const x = (a.lng - b.lng) * 111_320 * Math.cos((a.lat * Math.PI) / 180);
	return Math.hypot(x, y);
}

/**
 * Decides which position fixes to send: at most one every `minIntervalMs` (30 s), and while
 * the volunteer stands still only one every `stillIntervalMs`, so a phone on a desk does not
 * send the board a stream of identical positions.
 */
export class PositionThrottle {
	#last: { at: number; position: Position } | null = null;

	constructor(
		readonly minIntervalMs = 30_000,
		readonly stillIntervalMs = 5 * 60_000,
		readonly movedMetres = 15
	) {}

	shouldSend(position: Position, nowMs: number): boolean {
		if (!this.#last) return true;
		const waited = nowMs - this.#last.at;
		if (waited < this.minIntervalMs) return false;
		return waited >= this.stillIntervalMs || metresBetween(position, this.#last.position) >= this.movedMetres;
	}

	sent(position: Position, nowMs: number): void {
		this.#last = { at: nowMs, position };
	}

	reset(): void {
		this.#last = null;
	}
}
