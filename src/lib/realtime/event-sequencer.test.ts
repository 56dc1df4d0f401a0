import { describe, expect, it } from 'vitest';
import { EventSequencer } from './event-sequencer';
import type { CaughtUpEvent } from './events';

const ev = (seq: number): CaughtUpEvent =>
	({ seq, event: 'request:updated', data: { seq, request: { id: `r${seq}` } } }) as unknown as CaughtUpEvent;

describe('EventSequencer', () => {
	it('applies consecutive events at once and drops duplicates', () => {
		const s = new EventSequencer(10);
		expect(s.receive(ev(11)).ready.map((e) => e.seq)).toEqual([11]);
		expect(s.receive(ev(11)).ready).toEqual([]);
		expect(s.receive(ev(9)).ready).toEqual([]);
		expect(s.lastSeq).toBe(11);
	});

	it('holds events after a gap until the catch-up fills it, then releases all in order once', () => {
		const s = new EventSequencer(10);
		expect(s.receive(ev(13))).toEqual({ ready: [], needCatchUp: true });
		expect(s.receive(ev(14)).needCatchUp).toBe(true);
		const released = s.caughtUp([ev(11), ev(12), ev(13)]);
		expect(released.map((e) => e.seq)).toEqual([11, 12, 13, 14]);
		expect(s.lastSeq).toBe(14);
		expect(s.receive(ev(12)).ready).toEqual([]);
	});

	it('moves past a seq that was never committed (a rolled-back number)', () => {
		const s = new EventSequencer(10);
		s.receive(ev(12));
		expect(s.caughtUp([ev(12)]).map((e) => e.seq)).toEqual([12]);
		expect(s.receive(ev(13)).ready.map((e) => e.seq)).toEqual([13]);
	});
});
