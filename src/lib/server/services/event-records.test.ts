import { describe, expect, it } from 'vitest';
import type { RequestView, ServiceView, TeamView, VolunteerView } from '../../api/types';
import { nextStatus } from '../../dispatch/lifecycle';
import { deliveriesFor, type StoredEvent } from '../../realtime/deliveries';
import type { NewEventRecord } from '../repositories/events';
import {
	availabilityChanged,
	byTeamLeader,
	byVisitPlan,
	offerExpired,
	offerReassigned,
	offerRequeued,
	requestAssigned,
	requestCancelled,
	requestCreated,
	requestHandedToTeam,
	serviceSaved,
	taskAccepted,
	taskCompleted,
	taskDeclined,
	taskReleased,
	taskStarted,
	teamSaved
} from './event-records';

const request = (over: Partial<RequestView> = {}): RequestView => ({
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
	contactPhone: '13800000000',
	...over
});
const volunteer: VolunteerView = {
	id: 'v1',
	communityId: 'c1',
	active: true,
	name: '张伟',
	skills: ['repair'],
	available: true,
	online: true,
	lat: 30,
	lng: 105,
	activeCount: 0,
	lastSeenAt: null
};

/** Where a delivered event goes, as deliveriesFor decides from the record's columns. */
const rooms = (e: NewEventRecord) =>
	deliveriesFor({
		seq: 1,
		kind: e.kind,
		action: e.action,
		communityId: 'c1',
		teamId: null,
		volunteerId: e.volunteerId,
		previousAssigneeId: e.previousAssigneeId ?? null,
		payload: e.payload
	} as StoredEvent).map((d) => `${d.room} ${d.message.event}`);

describe('event constructors', () => {
	it('record a creation by staff or by a visit plan in meta, with no note', () => {
		const mine = requestCreated('u1', request({ status: 'open', assigneeId: null }));
		expect(mine).toMatchObject({
			kind: 'request_created',
			action: 'create',
			meta: { source: 'staff' },
			actorId: 'u1',
			requestId: 'r1',
			toStatus: 'open'
		});
		const planned = requestCreated(null, request({ status: 'open', assigneeId: null }), byVisitPlan('p1'));
		expect(planned.meta).toEqual({ source: 'visit_plan', planId: 'p1' });
		expect([mine.note, planned.note]).toEqual([undefined, undefined]);
	});

	it('name the volunteer of an offer by id in meta and the column, never by name in a note', () => {
		const assigned = requestAssigned('u1', request(), 'v1', byVisitPlan('p1'));
		expect(assigned).toMatchObject({
			action: 'assign',
			meta: { source: 'visit_plan', planId: 'p1', volunteerId: 'v1' },
			volunteerId: 'v1',
			fromStatus: 'open',
			toStatus: 'assigned'
		});
		expect(assigned.note).toBeUndefined();
		expect(rooms(assigned)).toEqual(['staff:c1 request:updated', 'volunteer:v1 task:assigned']);

		const moved = offerReassigned('u1', request({ assigneeId: 'v2' }), 'v1', 'v2');
		expect(moved).toMatchObject({
			action: 'reassign',
			meta: { fromVolunteerId: 'v1', toVolunteerId: 'v2' },
			volunteerId: 'v2',
			previousAssigneeId: 'v1'
		});
		expect(moved.note).toBeUndefined();
		expect(rooms(moved)).toEqual(['staff:c1 request:updated', 'volunteer:v2 task:assigned', 'volunteer:v1 task:updated']);
	});

	it("keep a person's words in the note, and each assignee step on the lifecycle's path", () => {
		const steps = [
			[taskAccepted, 'assigned'],
			[taskStarted, 'accepted'],
			[taskCompleted, 'in_progress']
		] as const;
		for (const [make, from] of steps) {
			const event = make({ actorId: 'u-v1', request: request(), from, note: '居民不在家' });
			expect(event.note).toBe('居民不在家');
			expect(event.meta).toEqual({});
			expect(event.toStatus).toBe(nextStatus(from, event.action as 'accept'));
		}
		const declined = taskDeclined({
			actorId: 'u-v1',
			request: request({ status: 'open', assigneeId: null }),
			from: 'assigned',
			note: '今天在外地',
			volunteerId: 'v1',
			reason: 'cannot_come'
		});
		expect(declined).toMatchObject({
			action: 'decline',
			meta: { reason: 'cannot_come' },
			note: '今天在外地',
			toStatus: 'open',
			volunteerId: null,
			previousAssigneeId: 'v1'
		});
		const released = taskReleased({
			actorId: 'u-v1',
			request: request({ status: 'open', assigneeId: null }),
			from: 'in_progress',
			note: null,
			volunteerId: 'v1',
			reason: 'not_home'
		});
		expect(released).toMatchObject({
			action: 'release',
			meta: { reason: 'not_home' },
			fromStatus: 'in_progress',
			toStatus: 'open',
			volunteerId: null,
			previousAssigneeId: 'v1'
		});
		const cancelled = requestCancelled('u1', request({ status: 'cancelled' }), 'accepted', '居民自己修好了');
		expect(cancelled).toMatchObject({
			action: 'cancel',
			meta: {},
			note: '居民自己修好了',
			fromStatus: 'accepted',
			toStatus: 'cancelled',
			volunteerId: 'v1'
		});
	});

	it('keep the offer timeout as a number of minutes, for the reader to say', () => {
		const expired = offerExpired(request(), 5 * 60_000);
		expect(expired).toMatchObject({ action: 'offer_expired', meta: { minutes: 5 }, actorId: null, volunteerId: 'v1' });
		const requeued = offerRequeued(request({ status: 'open', assigneeId: null }), 'v1', 3_000);
		expect(requeued).toMatchObject({
			action: 'offer_requeued',
			meta: { minutes: 0.05 },
			volunteerId: null,
			previousAssigneeId: 'v1',
			toStatus: 'open'
		});
		expect([expired.note, requeued.note]).toEqual([undefined, undefined]);
		expect(rooms(requeued)).toEqual(['staff:c1 request:updated', 'volunteer:v1 task:updated']);
	});

	it('keep on duty or off duty as a boolean, not as words', () => {
		expect(availabilityChanged('u-v1', volunteer, false)).toMatchObject({
			kind: 'volunteer_updated',
			action: 'availability',
			meta: { available: true },
			volunteerId: 'v1'
		});
		expect(availabilityChanged('u-v1', volunteer, true)).toMatchObject({ action: 'position', meta: { available: true } });
		expect(availabilityChanged('u-v1', { ...volunteer, available: false }, true)).toMatchObject({
			action: 'availability',
			meta: { available: false }
		});
		expect(availabilityChanged('u-v1', volunteer, false).note).toBeUndefined();
	});

	it('record a catalogue change with its code in meta, for every signed-in screen', () => {
		const service: ServiceView = {
			code: 'foot_care',
			name: { zh: '足部护理', en: 'Foot care' },
			skill: 'foot_care',
			fee: 'free',
			priceYuan: null,
			assignWithinMin: 240,
			completeWithinMin: 2880,
			urgentAssignWithinMin: 60,
			urgentCompleteWithinMin: 720,
			active: true,
			autoOffer: false
		};
		const saved = serviceSaved('u-coord', service);
		expect(saved).toMatchObject({ kind: 'service_updated', action: 'service_saved', meta: { code: 'foot_care' }, actorId: 'u-coord' });
		expect([saved.requestId, saved.volunteerId, saved.note]).toEqual([null, null, undefined]);
		const delivered = deliveriesFor({ ...saved, seq: 7, communityId: null, teamId: null, previousAssigneeId: null } as StoredEvent);
		expect(delivered.map((d) => [d.message.event, d.message.data])).toEqual([['service:updated', { seq: 7, service }]]);
	});
});

describe('team event constructors', () => {
	const team: TeamView = {
		id: 't1',
		name: '管得宽',
		communityId: 'c1',
		communityIds: ['c1', 'c2'],
		leaderVolunteerId: 'v1',
		memberIds: ['v1', 'v2'],
		skills: ['haircut'],
		active: true
	};
	/** Rooms as delivery reads them from the stored row, whose team_id comes from the payload. */
	const teamRooms = (e: NewEventRecord) =>
		deliveriesFor({
			seq: 1,
			kind: e.kind,
			action: e.action,
			communityId: 'c1',
			teamId: (e.payload as RequestView).teamId ?? null,
			volunteerId: e.volunteerId,
			previousAssigneeId: e.previousAssigneeId ?? null,
			payload: e.payload
		} as StoredEvent).map((d) => `${d.room} ${d.message.event}`);

	it('record a hand-over to a team as an open request that stays open, heard by staff and the team’s leader', () => {
		const handed = requestHandedToTeam('u1', request({ status: 'open', assigneeId: null, teamId: 't1' }), 't1');
		expect(handed).toMatchObject({
			kind: 'request_updated',
			action: 'hand_to_team',
			meta: { teamId: 't1' },
			fromStatus: 'open',
			toStatus: 'open'
		});
		expect(teamRooms(handed)).toEqual(['staff:c1 request:updated', 'team-lead:t1 team:request']);
	});

	it("record a leader's assign as an assign, made by the team's leader", () => {
		const assigned = requestAssigned('u-lead', request({ teamId: 't1' }), 'v2', byTeamLeader('t1'));
		expect(assigned).toMatchObject({
			action: 'assign',
			meta: { source: 'team_leader', teamId: 't1', volunteerId: 'v2' },
			volunteerId: 'v2'
		});
	});

	it('record a saved team for the staff of every community it serves and its members', () => {
		const saved = teamSaved('u1', team);
		expect(saved).toMatchObject({ kind: 'team_updated', action: 'team_saved', meta: { teamId: 't1' }, requestId: null, volunteerId: null });
		expect(teamRooms(saved)).toEqual(['staff:c1 team:updated', 'staff:c2 team:updated', 'team:t1 team:updated']);
	});
});
