import { describe, expect, it } from 'vitest';
import { RosterState, type RosterSnapshot } from './roster-state';
import type { StoredEvent } from '../../realtime/deliveries';
import type { RequestView, VolunteerView } from '../../api/types';

const building = { id: 'b1', lat: 30.99, lng: 105.89 };
const volunteer = (id: string, north: number, available = true): VolunteerView => ({
	id,
	communityId: 'c1',
	active: true,
	name: id,
	skills: ['repair'],
	available,
	online: false,
	lat: building.lat + north / 111_195,
	lng: building.lng,
	activeCount: 0,
	lastSeenAt: null
});
const request = (id: string, change: Partial<RequestView> = {}): RequestView => ({
	id,
	communityId: 'c1',
	type: 'repair',
	buildingId: 'b1',
	unit: '',
	description: '',
	urgency: 'normal',
	status: 'open',
	version: 1,
	assigneeId: null,
	elderId: null,
	createdAt: '2026-11-26T01:00:00Z',
	assignedAt: null,
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
	...change
});
const snapshot = (): RosterSnapshot => ({
	seq: 10,
	buildings: [building],
	volunteers: [volunteer('near', 10), volunteer('far', 400)].map((v) => ({ ...v, onlineUntil: null })),
	requests: [],
	plannedVisitors: [],
	lastVisits: [],
	teams: [],
	services: [{ code: 'repair', skill: 'repair' }]
});
const event = (
	seq: number,
	payload: RequestView | VolunteerView,
	kind: 'request_created' | 'request_updated' | 'volunteer_updated' = 'request_updated'
): StoredEvent =>
	({ seq, kind, action: 'assign', communityId: 'c1', teamId: null, volunteerId: null, previousAssigneeId: null, payload }) as StoredEvent;
const now = new Date('2026-11-26T02:00:00Z');

describe('RosterState', () => {
	it('does not know a request until an event names it, and ranks by distance and load', () => {
		const state = new RosterState(snapshot());
		expect(state.rank('r1', 5, now)).toBeNull();
		state.apply([event(11, request('r1'), 'request_created')]);
		expect(state.rank('r1', 5, now)!.map((c) => c.volunteerId)).toEqual(['near', 'far']);
		// Two tasks in hand (600 m) and the near volunteer falls behind one 400 m away.
		state.apply([
			event(12, request('t1', { status: 'accepted', assigneeId: 'near', assignedAt: '2026-11-26T01:30:00Z' })),
			event(13, request('t2', { status: 'assigned', assigneeId: 'near', assignedAt: '2026-11-26T01:40:00Z' }))
		]);
		expect(state.rank('r1', 5, now)!.map((c) => [c.volunteerId, c.activeCount, c.tasksToday])).toEqual([
			['far', 0, 0],
			['near', 2, 2]
		]);
	});

	it('ignores an event older than what it already applied, whichever way it came', () => {
		const state = new RosterState(snapshot());
		state.apply([event(11, request('r1'), 'request_created')]);
		state.apply([event(14, volunteer('near', 10, false), 'volunteer_updated')]);
		state.apply([event(12, volunteer('near', 10, true), 'volunteer_updated'), event(9, request('r1', { type: 'haircut' }))]);
		expect(state.rank('r1', 5, now)!.map((c) => c.volunteerId)).toEqual(['far']);
	});

	it('moves a task from one volunteer to another on a reassignment', () => {
		const state = new RosterState(snapshot());
		state.apply([
			event(11, request('r1'), 'request_created'),
			event(12, request('t1', { status: 'assigned', assigneeId: 'near', assignedAt: '2026-11-26T01:00:00Z' }))
		]);
		state.apply([event(13, request('t1', { status: 'assigned', assigneeId: 'far', assignedAt: '2026-11-26T01:50:00Z', version: 2 }))]);
		const load = Object.fromEntries(state.rank('r1', 5, now)!.map((c) => [c.volunteerId, c.activeCount]));
		expect(load).toEqual({ near: 0, far: 1 });
	});
});
