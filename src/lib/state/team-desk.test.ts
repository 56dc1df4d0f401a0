import { describe, expect, it } from 'vitest';
import type { RequestView } from '$lib/api/types';
import type { LedTeamView } from '$lib/api/team-types';
import type { CaughtUpEvent } from '$lib/realtime/events';
import { TeamDeskState } from './team-desk.svelte';

const ME = 'lead';
let seq = 500;
const team: LedTeamView = {
	id: 't1',
	name: '管得宽',
	communityId: 'c1',
	communityIds: ['c1'],
	leaderVolunteerId: ME,
	memberIds: [ME, 'm1', 'm2', 'm3'],
	skills: ['haircut'],
	active: true,
	members: [
		{ id: 'm1', name: '甲', skills: ['haircut'], available: true, online: false, active: true, activeCount: 0 },
		{ id: 'm2', name: '乙', skills: ['haircut'], available: true, online: true, active: true, activeCount: 2 },
		{ id: 'm3', name: '丙', skills: ['haircut'], available: false, online: true, active: true, activeCount: 0 },
		{ id: ME, name: '队长', skills: ['repair'], available: true, online: true, active: true, activeCount: 0 }
	]
};

function request(overrides: Partial<RequestView> = {}): RequestView {
	return {
		id: 'r1',
		communityId: 'c1',
		type: 'haircut',
		buildingId: 'b1',
		unit: '1-101',
		description: '理发',
		urgency: 'normal',
		status: 'open',
		version: 2,
		assigneeId: null,
		elderId: null,
		createdAt: '2026-12-05T09:00:00Z',
		assignedAt: null,
		acceptedAt: null,
		startedAt: null,
		completedAt: null,
		cancelledAt: null,
		offerExpiredAt: null,
		visitDueAt: null,
		teamId: 't1',
		autoOffer: { on: false, tried: 0 },
		source: 'staff',
		reporterId: null,
		deadlines: { assignBy: null, completeBy: null },
		overdue: null,
		feedback: null,
		reopenOf: null,
		confirmed: false,
		startedOffSite: false,
		attention: [],
		...overrides
	};
}
const teamRequest = (r: RequestView): CaughtUpEvent => ({ seq: ++seq, event: 'team:request', data: { seq, request: r } });

describe('TeamDeskState', () => {
	it('lists a request handed to a led team as it arrives, once, and drops it when it is assigned or cancelled', () => {
		const desk = new TeamDeskState(ME, { teams: [team], requests: [] });
		expect(desk.apply([teamRequest(request())])).toEqual({ arrived: [request()], stale: true });
		expect(desk.apply([teamRequest(request())]).arrived).toEqual([]);
		expect(desk.open.map((r) => r.id)).toEqual(['r1']);
		desk.apply([teamRequest(request({ status: 'assigned', assigneeId: 'm1', version: 3 }))]);
		expect(desk.open).toEqual([]);
		// An older snapshot arriving late never brings it back.
		desk.apply([teamRequest(request())]);
		expect(desk.open).toEqual([]);
	});

	it('takes the same snapshot from a task event, for a leader who is also the assignee', () => {
		const desk = new TeamDeskState(ME, { teams: [team], requests: [request()] });
		desk.apply([
			{ seq: ++seq, event: 'task:assigned', data: { seq, request: request({ status: 'assigned', assigneeId: ME, version: 3 }) } }
		]);
		expect(desk.open).toEqual([]);
		desk.apply([{ seq: ++seq, event: 'task:updated', data: { seq, request: request({ version: 4 }) } }]);
		expect(desk.open.map((r) => r.version)).toEqual([4]);
	});

	it('ignores requests of teams it does not lead, and rereads when one of its teams changes or it comes to lead one', () => {
		const desk = new TeamDeskState(ME, { teams: [team], requests: [] });
		expect(desk.apply([teamRequest(request({ id: 'r2', teamId: 't9' }))])).toEqual({ arrived: [], stale: false });
		const other = { ...team, id: 't2', leaderVolunteerId: 'someone' };
		expect(desk.apply([{ seq: ++seq, event: 'team:updated', data: { seq, team: other } }]).stale).toBe(false);
		expect(desk.apply([{ seq: ++seq, event: 'team:updated', data: { seq, team: { ...other, leaderVolunteerId: ME } } }]).stale).toBe(true);
	});

	it('offers the members who can take it: active, on duty, with the skill; online and least busy first', () => {
		const desk = new TeamDeskState(ME, { teams: [team], requests: [request()] });
		expect(desk.membersFor(request(), 'haircut').map((m) => m.id)).toEqual(['m2', 'm1']);
		expect(desk.membersFor(request(), 'repair').map((m) => m.id)).toEqual([ME]);
	});

	it('keeps the resident’s contact off the desk even if a snapshot carries it', () => {
		const desk = new TeamDeskState(ME, { teams: [team], requests: [] });
		desk.apply([teamRequest(request({ contactPhone: '13800000000', contactName: '陈阿姨' }))]);
		expect(desk.open[0]).not.toHaveProperty('contactPhone');
	});

	it('is shown for a leader, and for a desk that could not be read', () => {
		expect(new TeamDeskState(ME, { teams: [], requests: [] }).shown).toBe(false);
		expect(new TeamDeskState(ME, { teams: [team], requests: [] }).shown).toBe(true);
		expect(new TeamDeskState(ME, null).shown).toBe(true);
	});
});
