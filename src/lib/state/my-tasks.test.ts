import { describe, expect, it } from 'vitest';
import type { RequestView } from '$lib/api/types';
import type { CaughtUpEvent } from '$lib/realtime/events';
import { MyTasksState } from './my-tasks.svelte';

const ME = 'vol-me';
let seq = 100;

function task(overrides: Partial<RequestView> = {}): RequestView {
	return {
		id: 'r1',
		communityId: 'c1',
		type: 'repair',
		buildingId: 'b1',
		unit: '1-101',
		description: 'leak',
		urgency: 'normal',
		status: 'assigned',
		version: 2,
		assigneeId: ME,
		elderId: null,
		createdAt: '2026-11-26T09:00:00Z',
		assignedAt: '2026-11-26T09:01:00Z',
		acceptedAt: null,
		startedAt: null,
		completedAt: null,
		cancelledAt: null,
		offerExpiredAt: null,
		autoOffer: { on: false, tried: 0 },
		source: 'staff',
		reporterId: null,
		deadlines: { assignBy: null, completeBy: null },
		overdue: null,
		feedback: null,
		reopenOf: null,
		confirmed: false,
		startedOffSite: false,
		visitDueAt: null,
		teamId: null,
		attention: [],
		contactName: '陈阿姨',
		contactPhone: '13800000000',
		...overrides
	};
}
const assigned = (request: RequestView): CaughtUpEvent => ({ seq: ++seq, event: 'task:assigned', data: { seq, request } });
const updated = (request: RequestView): CaughtUpEvent => ({ seq: ++seq, event: 'task:updated', data: { seq, request } });

describe('MyTasksState', () => {
	it('adds a live assignment once, as unread, and reports it for the alarm', () => {
		const state = new MyTasksState(ME, [], []);
		const first = state.apply([assigned(task())]);
		expect(first.arrived.map((r) => r.id)).toEqual(['r1']);
		expect(state.unread.size).toBe(1);
		// The catch-up after a reconnect repeats it: no second alarm.
		expect(state.apply([assigned(task())]).arrived).toEqual([]);
		state.markAllSeen();
		expect(state.unread.size).toBe(0);
	});

	it('does not ring for a task the page already had', () => {
		const state = new MyTasksState(ME, [task()], []);
		expect(state.apply([assigned(task())]).arrived).toEqual([]);
	});

	it('follows the task through its steps, and moves it to the completed list at the end', () => {
		const state = new MyTasksState(ME, [task()], []);
		state.apply([updated(task({ status: 'accepted', version: 3 }))]);
		expect(state.tasks.get('r1')?.status).toBe('accepted');
		state.apply([updated(task({ status: 'in_progress', version: 4 }))]);
		const done = state.apply([updated(task({ status: 'completed', version: 5, completedAt: '2026-11-26T10:00:00Z' }))]);
		expect(done.notices).toEqual([]);
		expect(state.tasks.size).toBe(0);
		expect(state.completed.map((r) => r.id)).toEqual(['r1']);
		expect(state.completed[0]!.contactPhone).toBeUndefined();
	});

	it('ignores an older snapshot that arrives after a newer one', () => {
		const state = new MyTasksState(ME, [task({ status: 'accepted', version: 3 })], []);
		state.apply([updated(task({ version: 2 }))]);
		expect(state.tasks.get('r1')?.status).toBe('accepted');
	});

	it('tells the volunteer when a dispatcher cancels or reassigns their task', () => {
		const state = new MyTasksState(ME, [task(), task({ id: 'r2' })], []);
		const out = state.apply([
			updated(task({ status: 'cancelled', version: 3, contactName: undefined, contactPhone: undefined })),
			updated(task({ id: 'r2', assigneeId: 'someone-else', version: 3, contactName: undefined, contactPhone: undefined }))
		]);
		expect(out.notices.map((n) => n.kind)).toEqual(['cancelled', 'reassigned']);
		expect(state.tasks.size).toBe(0);
		expect(state.notices).toHaveLength(2);
		expect(state.notices.every((n) => n.request.contactPhone === undefined)).toBe(true);
		state.dismiss(state.notices[0]!.key);
		expect(state.notices).toHaveLength(1);
	});

	it("keeps a cancellation's reason with its notice", () => {
		const state = new MyTasksState(ME, [task()], []);
		const cancelled = updated(task({ status: 'cancelled', version: 3 }));
		const out = state.apply([{ ...cancelled, data: { ...cancelled.data, reason: '居民已自行解决' } } as typeof cancelled]);
		expect(out.notices.map((n) => [n.kind, n.reason])).toEqual([['cancelled', '居民已自行解决']]);
	});

	it('tells the volunteer when an unanswered offer went back to the queue', () => {
		const state = new MyTasksState(ME, [task()], []);
		const out = state.apply([updated(task({ status: 'open', assigneeId: null, version: 3 }))]);
		expect(out.notices.map((n) => n.kind)).toEqual(['requeued']);
	});

	it('keeps quiet about a decline this tab made itself', () => {
		const state = new MyTasksState(ME, [task()], []);
		state.beginAction('r1');
		const out = state.apply([updated(task({ status: 'open', assigneeId: null, version: 3 }))]);
		state.endAction('r1');
		expect(out.notices).toEqual([]);
		expect(state.tasks.size).toBe(0);
	});

	it('lists offers waiting for an answer first', () => {
		const state = new MyTasksState(
			ME,
			[task({ id: 'a', status: 'accepted' }), task({ id: 'b', status: 'in_progress' }), task({ id: 'c' })],
			[]
		);
		expect(state.active.map((r) => r.id)).toEqual(['c', 'b', 'a']);
	});
});
