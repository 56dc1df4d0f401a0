import { describe, expect, it } from 'vitest';
import { SnapshotSequencer } from './snapshot-sequencer';
import type { CaughtUpEvent } from './events';

/** A task event for request `id` at `version`, with global `seq`. */
const task = (seq: number, id: string, version: number): CaughtUpEvent =>
	({ seq, event: 'task:updated', data: { seq, request: { id, version } } }) as unknown as CaughtUpEvent;
const seqs = (events: CaughtUpEvent[]) => events.map((e) => e.seq);

describe('SnapshotSequencer (nobody hears every seq)', () => {
	it('applies a newer snapshot at once however far seq jumped', () => {
		const s = new SnapshotSequencer(10);
		expect(s.receive(task(57, 'a', 2))).toEqual([task(57, 'a', 2)]);
		expect(seqs(s.receive(task(412, 'b', 2)))).toEqual([412]);
		expect(seqs(s.receive(task(900, 'a', 3)))).toEqual([900]);
	});

	it('drops a repeated event and an older snapshot that arrives after a newer one', () => {
		const s = new SnapshotSequencer(10);
		s.receive(task(30, 'a', 3));
		expect(s.receive(task(30, 'a', 3))).toEqual([]);
		// Another node's event, committed earlier, overtaken on the way here.
		expect(s.receive(task(25, 'a', 2))).toEqual([]);
		expect(s.receive(task(5, 'b', 9))).toEqual([]);
	});

	it('keeps catching up from below live events, which may have overtaken one still on its way', () => {
		const s = new SnapshotSequencer(10);
		s.receive(task(40, 'a', 2));
		expect(s.lastSeq).toBe(10);
		// The socket dropped before seq 35 (an offer of task b from another node) landed.
		const mark = s.startCatchUp();
		expect(seqs(s.caughtUp([task(35, 'b', 2), task(40, 'a', 2)], mark, true))).toEqual([35]);
		expect(s.lastSeq).toBe(40);
	});

	it('moves past every live event that arrived before a complete catch-up was asked', () => {
		const s = new SnapshotSequencer(10);
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
		const s = new SnapshotSequencer(10);
		s.receive(task(90, 'c', 2));
		expect(seqs(s.caughtUp([task(20, 'a', 2), task(30, 'b', 2)], s.startCatchUp(), false))).toEqual([20, 30]);
		expect(s.lastSeq).toBe(30);
		expect(seqs(s.caughtUp([task(50, 'a', 3)], s.startCatchUp(), true))).toEqual([50]);
		expect(s.lastSeq).toBe(90);
	});

	it('keeps volunteers, services and teams apart from requests and from each other, newest seq winning', () => {
		const s = new SnapshotSequencer(10);
		const about = (seq: number, event: string, key: string) =>
			({ seq, event, data: { seq, [key]: { id: 'x', version: 1 } } }) as unknown as CaughtUpEvent;
		expect(seqs(s.receive(task(20, 'x', 1)))).toEqual([20]);
		expect(seqs(s.receive(about(21, 'volunteer:updated', 'volunteer')))).toEqual([21]);
		expect(seqs(s.receive(about(22, 'service:updated', 'service')))).toEqual([22]);
		expect(seqs(s.receive(about(23, 'team:updated', 'team')))).toEqual([23]);
		// An older snapshot of the same volunteer, overtaken on its way from another node.
		expect(s.receive(about(19, 'volunteer:updated', 'volunteer'))).toEqual([]);
		expect(seqs(s.receive(about(30, 'volunteer:updated', 'volunteer')))).toEqual([30]);
	});

	it("follows a leader's own task and their team's request apart, though both come with one seq", () => {
		const s = new SnapshotSequencer(10);
		const asTeamRequest = { ...task(20, 'a', 2), event: 'team:request' } as CaughtUpEvent;
		expect(seqs(s.receive(asTeamRequest))).toEqual([20]);
		expect(seqs(s.receive(task(20, 'a', 2)))).toEqual([20]);
		expect(s.receive(task(20, 'a', 2))).toEqual([]);
		expect(s.receive(asTeamRequest)).toEqual([]);
	});
});
