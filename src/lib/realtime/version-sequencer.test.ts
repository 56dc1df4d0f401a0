import { describe, expect, it } from 'vitest';
import { VersionSequencer } from './version-sequencer';
import type { CaughtUpEvent } from './events';

/** A task event for request `id` at `version`, with global `seq`. */
const task = (seq: number, id: string, version: number): CaughtUpEvent =>
	({ seq, event: 'task:updated', data: { seq, request: { id, version } } }) as unknown as CaughtUpEvent;
const seqs = (events: CaughtUpEvent[]) => events.map((e) => e.seq);

describe('VersionSequencer (a volunteer hears only their own tasks)', () => {
	it('applies a newer snapshot at once however far seq jumped, and never asks for a catch-up', () => {
		const s = new VersionSequencer(10);
		expect(s.receive(task(57, 'a', 2))).toEqual({ ready: [task(57, 'a', 2)], needCatchUp: false });
		expect(seqs(s.receive(task(412, 'b', 2)).ready)).toEqual([412]);
		expect(seqs(s.receive(task(900, 'a', 3)).ready)).toEqual([900]);
		expect(s.holding).toBe(false);
	});

	it('drops a repeated event and an older snapshot that arrives after a newer one', () => {
		const s = new VersionSequencer(10);
		s.receive(task(30, 'a', 3));
		expect(s.receive(task(30, 'a', 3)).ready).toEqual([]);
		// Another node's event, committed earlier, overtaken on the way here.
		expect(s.receive(task(25, 'a', 2)).ready).toEqual([]);
		expect(s.receive(task(5, 'b', 9)).ready).toEqual([]);
	});

	it('keeps catching up from below live events, which may have overtaken one still on its way', () => {
		const s = new VersionSequencer(10);
		s.receive(task(40, 'a', 2));
		expect(s.lastSeq).toBe(10);
		// The socket dropped before seq 35 (an offer of task b from another node) landed.
		const mark = s.startCatchUp();
		expect(seqs(s.caughtUp([task(35, 'b', 2), task(40, 'a', 2)], mark, true))).toEqual([35]);
		expect(s.lastSeq).toBe(40);
	});

	it('moves past every live event that arrived before a complete catch-up was asked', () => {
		const s = new VersionSequencer(10);
		s.receive(task(40, 'a', 2));
		const mark = s.startCatchUp();
		s.receive(task(60, 'b', 2));
		// The answer was read before 40 was asked about again; 40 is vouched for, 60 is not yet.
		expect(s.caughtUp([], mark, true)).toEqual([]);
		expect(s.lastSeq).toBe(40);
		expect(s.caughtUp([task(60, 'b', 2)], s.startCatchUp(), true)).toEqual([]);
		expect(s.lastSeq).toBe(60);
	});

	it('trusts a full page only up to its own end', () => {
		const s = new VersionSequencer(10);
		s.receive(task(90, 'c', 2));
		expect(seqs(s.caughtUp([task(20, 'a', 2), task(30, 'b', 2)], s.startCatchUp(), false))).toEqual([20, 30]);
		expect(s.lastSeq).toBe(30);
		expect(seqs(s.caughtUp([task(50, 'a', 3)], s.startCatchUp(), true))).toEqual([50]);
		expect(s.lastSeq).toBe(90);
	});
});
