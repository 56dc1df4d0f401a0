import { describe, expect, it } from 'vitest';
import { assignerOf, settleTeamDraft, whyTeamCannotTake } from './teams';

const team = {
	id: 't1',
	communityIds: ['gya', 'yd'],
	leaderVolunteerId: 'lead',
	memberIds: ['lead', 'm1'],
	skills: ['haircut'],
	active: true
};

describe('whyTeamCannotTake', () => {
	it('lets an active team that serves the community and has the skill take the request', () => {
		expect(whyTeamCannotTake(team, { communityId: 'yd', skill: 'haircut' })).toBeNull();
	});

	it('says why not: inactive first, then the community, then the skill', () => {
		expect(whyTeamCannotTake({ ...team, active: false }, { communityId: 'dtb', skill: 'repair' })).toBe('inactive');
		expect(whyTeamCannotTake(team, { communityId: 'dtb', skill: 'haircut' })).toBe('not_serving');
		expect(whyTeamCannotTake(team, { communityId: 'gya', skill: 'repair' })).toBe('lacks_skill');
	});
});

describe('assignerOf', () => {
	const leader = { role: 'volunteer' as const, volunteerId: 'lead' };
	const handed = { teamId: 't1' };

	it('keeps staff assigning any request, handed to a team or not', () => {
		expect(assignerOf({ role: 'dispatcher', volunteerId: null }, handed, team)).toBe('staff');
		expect(assignerOf({ role: 'coordinator', volunteerId: null }, { teamId: null }, null)).toBe('staff');
	});

	it("lets the leader of the request's team assign it", () => {
		expect(assignerOf(leader, handed, team)).toBe('team_leader');
	});

	it('refuses a member who does not lead, a leader of another team, and any volunteer on a request with no team', () => {
		expect(assignerOf({ role: 'volunteer', volunteerId: 'm1' }, handed, team)).toBeNull();
		expect(assignerOf(leader, { teamId: 't2' }, team)).toBeNull();
		expect(assignerOf(leader, { teamId: null }, null)).toBeNull();
		expect(assignerOf({ role: 'volunteer', volunteerId: null }, handed, team)).toBeNull();
	});

	it('refuses the leader of a team that was made inactive', () => {
		expect(assignerOf(leader, handed, { ...team, active: false })).toBeNull();
	});
});

describe('settleTeamDraft', () => {
	const street = { communityIds: ['gya', 'yd'] };
	const draft = { communityId: 'gya', communityIds: ['yd'], memberIds: ['lead', 'm1'], leaderVolunteerId: 'lead' };

	it('always serves the home community', () => {
		expect(settleTeamDraft(street, draft, null)).toEqual({ communityIds: ['gya', 'yd'], memberIds: ['lead', 'm1'], problems: [] });
	});

	it('refuses a home or a served community outside the scope', () => {
		const { problems } = settleTeamDraft({ communityIds: ['gya'] }, { ...draft, communityId: 'dtb', communityIds: ['yd'] }, null);
		expect(problems).toEqual([{ kind: 'home_outside_scope' }, { kind: 'community_outside_scope', communityId: 'yd' }]);
	});

	it('keeps what lies outside the editor’s scope as it was: communities served and members', () => {
		const before = { communityIds: ['gya', 'dtb'], outsideMemberIds: ['far'] };
		const settled = settleTeamDraft({ communityIds: ['gya'] }, { ...draft, communityIds: ['dtb'] }, before);
		expect(settled).toEqual({ communityIds: ['gya', 'dtb'], memberIds: ['lead', 'm1', 'far'], problems: [] });
		// Leaving it out does not drop it either.
		expect(settleTeamDraft({ communityIds: ['gya'] }, { ...draft, communityIds: [] }, before).communityIds).toEqual(['gya', 'dtb']);
	});

	it('wants the leader among the members', () => {
		expect(settleTeamDraft(street, { ...draft, leaderVolunteerId: 'stranger' }, null).problems).toEqual([{ kind: 'leader_not_member' }]);
	});
});
