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
		const released = s.caughtUp([ev(11), ev(12), ev(13)], s.startCatchUp(), true);
		expect(released.map((e) => e.seq)).toEqual([11, 12, 13, 14]);
		expect(s.lastSeq).toBe(14);
		expect(s.receive(ev(12)).ready).toEqual([]);
	});

	it('moves past a seq that was never committed (a rolled-back number)', () => {
		const s = new EventSequencer(10);
		s.receive(ev(12));
		expect(s.caughtUp([ev(12)], s.startCatchUp(), true).map((e) => e.seq)).toEqual([12]);
		expect(s.receive(ev(13)).ready.map((e) => e.seq)).toEqual([13]);
	});

	it('keeps an event that arrived during a catch-up until a later catch-up covers the seqs before it', () => {
		// Two writers commit 12 then 13; 13 is published first, while a catch-up that was
		// asked before 12 committed is on its way back with nothing new.
		const s = new EventSequencer(10);
		s.receive(ev(11));
		const mark = s.startCatchUp();
		expect(s.receive(ev(13)).needCatchUp).toBe(true);
		expect(s.caughtUp([], mark, true)).toEqual([]);
		expect(s.holding).toBe(true);
		expect(s.lastSeq).toBe(11);
		// 12 arrives late on the socket: it is released with 13, in order.
		expect(s.receive(ev(12)).ready).toEqual([]);
		const again = s.startCatchUp();
		expect(s.caughtUp([ev(12), ev(13)], again, true).map((e) => e.seq)).toEqual([12, 13]);
		expect(s.holding).toBe(false);
	});

	it('releases an event held before the catch-up was asked, even past the answer', () => {
		const s = new EventSequencer(10);
		s.receive(ev(14));
		const mark = s.startCatchUp();
		expect(s.caughtUp([ev(12)], mark, true).map((e) => e.seq)).toEqual([12, 14]);
		expect(s.lastSeq).toBe(14);
	});

	it('releases a held event only when the pages have reached it, not with the first full page', () => {
		// A long absence: more is missed than one page holds, and a live event waits past it.
		const s = new EventSequencer(10);
		s.receive(ev(20));
		expect(s.caughtUp([ev(11), ev(12), ev(13)], s.startCatchUp(), false).map((e) => e.seq)).toEqual([11, 12, 13]);
		expect(s.lastSeq).toBe(13);
		expect(s.holding).toBe(true);
		expect(s.caughtUp([ev(14), ev(19)], s.startCatchUp(), true).map((e) => e.seq)).toEqual([14, 19, 20]);
		expect(s.holding).toBe(false);
	});
});
