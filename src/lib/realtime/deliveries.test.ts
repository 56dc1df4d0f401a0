import { describe, expect, it } from 'vitest';
import type { RequestView } from '../api/types';
import { deliveriesFor, type StoredEvent } from './deliveries';

const request: RequestView = {
	id: 'r1',
	communityId: 'c1',
	type: 'repair',
	buildingId: 'b1',
	unit: '1-101',
	description: 'leak',
	urgency: 'normal',
	status: 'assigned',
	version: 2,
	assigneeId: 'v1',
	elderId: null,
	createdAt: '2026-01-01T00:00:00Z',
	assignedAt: '2026-01-01T00:01:00Z',
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
	contactPhone: '13800000000'
};

function event(
	overrides: Partial<Omit<StoredEvent, 'kind' | 'payload'>> & { kind?: 'request_created' | 'request_updated'; payload?: RequestView }
): StoredEvent {
	return {
		seq: 7,
		kind: 'request_updated',
		action: 'assign',
		communityId: 'c1',
		teamId: null,
		volunteerId: 'v1',
		previousAssigneeId: null,
		note: null,
		payload: request,
		...overrides
	};
}

describe('deliveriesFor', () => {
	it('tells the reporter who reported a request of each change to it, without the contact', () => {
		const out = deliveriesFor(event({ payload: { ...request, source: 'reporter', reporterId: 'u9' } }));
		const toReporter = out.find((d) => d.room === 'reporter:u9');
		expect(toReporter?.message.event).toBe('report:updated');
		const copy = (toReporter!.message.data as { request: RequestView }).request;
		expect(copy.status).toBe('assigned');
		expect(JSON.stringify(copy)).not.toContain('13800000000');
		expect(copy.contactName).toBeUndefined();
		// Nobody else is a reporter's room: a staff-typed request reaches none.
		expect(deliveriesFor(event({})).some((d) => d.room.startsWith('reporter:'))).toBe(false);
	});

	it('sends an assignment to staff and to the assignee alone', () => {
		const out = deliveriesFor(event({}));
		expect(out.map((d) => [d.room, d.message.event])).toEqual([
			['staff:c1', 'request:updated'],
			['volunteer:v1', 'task:assigned']
		]);
		expect(out.every((d) => d.message.seq === 7 && d.message.data.seq === 7)).toBe(true);
	});

	it("sends a finished task to its volunteer without the resident's contact; staff keep it", () => {
		for (const status of ['completed', 'cancelled'] as const) {
			const out = deliveriesFor(event({ action: status === 'completed' ? 'complete' : 'cancel', payload: { ...request, status } }));
			const [toStaff, toVolunteer] = out.map((d) => (d.message.data as { request: RequestView }).request);
			if (!toStaff || !toVolunteer) throw new Error(`expected two deliveries, got ${out.length}`);
			expect(toStaff.contactPhone).toBe('13800000000');
			expect(out[1]!.room).toBe('volunteer:v1');
			expect(toVolunteer.contactPhone).toBeUndefined();
			expect(toVolunteer.contactName).toBeUndefined();
		}
	});

	it("tells a cancelled task's volunteer the dispatcher's reason, and nothing else carries a note", () => {
		const cancelled = { ...request, status: 'cancelled' as const };
		const out = deliveriesFor(event({ action: 'cancel', note: '居民已自行解决', payload: cancelled }));
		expect(out.map((d) => [d.room, (d.message.data as { reason?: string }).reason])).toEqual([
			['staff:c1', undefined],
			['volunteer:v1', '居民已自行解决']
		]);
		// A volunteer's own note (here a decline's) is never passed on as a reason.
		const declined = deliveriesFor(event({ action: 'decline', note: '生病了', volunteerId: null, previousAssigneeId: 'v1' }));
		expect(declined.every((d) => !('reason' in d.message.data))).toBe(true);
	});

	it('tells the previous assignee of a decline, without the contact details', () => {
		const declined = { ...request, status: 'open' as const, assigneeId: null };
		const out = deliveriesFor(event({ action: 'decline', volunteerId: null, previousAssigneeId: 'v1', payload: declined }));
		expect(out.map((d) => [d.room, d.message.event])).toEqual([
			['staff:c1', 'request:updated'],
			['volunteer:v1', 'task:updated']
		]);
		const toVolunteer = out[1]!.message.data as { request: RequestView };
		expect(toVolunteer.request.contactPhone).toBeUndefined();
		expect(toVolunteer.request.contactName).toBeUndefined();
	});

	it('offers a reassigned task to the new assignee and tells the old one, without the contact details', () => {
		const moved = { ...request, version: 3, assigneeId: 'v2' };
		const out = deliveriesFor(event({ action: 'reassign', volunteerId: 'v2', previousAssigneeId: 'v1', payload: moved }));
		expect(out.map((d) => [d.room, d.message.event])).toEqual([
			['staff:c1', 'request:updated'],
			['volunteer:v2', 'task:assigned'],
			['volunteer:v1', 'task:updated']
		]);
		const toNew = out[1]!.message.data as { request: RequestView };
		const toOld = out[2]!.message.data as { request: RequestView };
		expect(toNew.request.contactPhone).toBe('13800000000');
		expect(toOld.request.contactPhone).toBeUndefined();
		expect(toOld.request.assigneeId).toBe('v2');
	});

	it('announces new requests to staff only', () => {
		const open = { ...request, status: 'open' as const, assigneeId: null };
		const out = deliveriesFor(event({ kind: 'request_created', action: 'create', volunteerId: null, payload: open }));
		expect(out).toHaveLength(1);
		expect(out[0]!.room).toBe('staff:c1');
		expect(out[0]!.message.event).toBe('request:created');
	});

	it('keeps later changes of a task with its assignee as task:updated', () => {
		const out = deliveriesFor(event({ action: 'accept', previousAssigneeId: 'v1' }));
		expect(out.map((d) => d.message.event)).toEqual(['request:updated', 'task:updated']);
	});

	it("sends volunteer changes to their community's staff", () => {
		const volunteer = {
			id: 'v1',
			communityId: 'c2',
			active: true,
			name: 'x',
			skills: ['repair' as const],
			available: true,
			online: true,
			lat: 1,
			lng: 2,
			activeCount: 0,
			lastSeenAt: null
		};
		const out = deliveriesFor({
			seq: 3,
			kind: 'volunteer_updated',
			action: 'availability',
			communityId: 'c2',
			teamId: null,
			volunteerId: 'v1',
			previousAssigneeId: null,
			note: null,
			payload: volunteer
		});
		expect(out).toEqual([{ room: 'staff:c2', message: { seq: 3, event: 'volunteer:updated', data: { seq: 3, volunteer } } }]);
	});
});
