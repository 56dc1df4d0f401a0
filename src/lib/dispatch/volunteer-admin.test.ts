import { describe, expect, it } from 'vitest';
import { heldTasksRefusal, settleMembership, type TeamOfVolunteer } from './volunteer-admin';

const team = (id: string, communityId: string, more: Partial<TeamOfVolunteer> = {}): TeamOfVolunteer => ({
	id,
	name: `队${id}`,
	communityId,
	communityIds: [communityId],
	leaderVolunteerId: null,
	...more
});
const gyaTeam = team('t1', 'gya');
const otherGyaTeam = team('t2', 'gya');
const ydTeam = team('t3', 'yd', { communityIds: ['yd', 'gya'] });
const dtbTeam = team('t4', 'dtb');
const known = new Map([gyaTeam, otherGyaTeam, ydTeam, dtbTeam].map((t) => [t.id, t]));
const street = { communityIds: ['gya', 'yd'] };
const volunteer = { id: 'v1', communityId: 'gya' };

describe('settleMembership', () => {
	it('joins the teams named and leaves those of the scope that are not', () => {
		const settled = settleMembership(street, volunteer, [gyaTeam], ['t2', 't3'], known);
		expect(settled).toEqual({ teamIds: ['t2', 't3'], join: ['t2', 't3'], leave: ['t1'], problems: [] });
	});

	it('keeps teams outside the scope, named or not, and treats naming one as an unknown team', () => {
		const community = { communityIds: ['gya'] };
		const current = [gyaTeam, ydTeam];
		expect(settleMembership(community, volunteer, current, [], known)).toEqual({
			teamIds: ['t3'],
			join: [],
			leave: ['t1'],
			problems: []
		});
		expect(settleMembership(community, volunteer, current, ['t1', 't3', 'nope'], known).problems).toEqual([
			{ kind: 'unknown_team', index: 1 },
			{ kind: 'unknown_team', index: 2 }
		]);
	});

	it('refuses a team that does not serve the volunteer’s community', () => {
		const county = { communityIds: ['gya', 'yd', 'dtb'] };
		expect(settleMembership(county, volunteer, [], ['t4'], known).problems).toEqual([{ kind: 'not_serving', index: 0, team: '队t4' }]);
	});

	it('refuses to take a leader out of the team they lead', () => {
		const led = { ...gyaTeam, leaderVolunteerId: 'v1' };
		const settled = settleMembership(street, volunteer, [led], [], new Map([['t1', led]]));
		expect(settled.problems).toEqual([{ kind: 'leads', team: '队t1' }]);
		expect(settleMembership(street, volunteer, [led], ['t1'], new Map([['t1', led]])).problems).toEqual([]);
	});
});

describe('heldTasksRefusal', () => {
	it('says how many tasks are held, in one sentence', () => {
		expect(heldTasksRefusal('王芳', 1)).toBe('王芳 still holds 1 active task. Deactivate with releaseTasks to put them back in the queue.');
		expect(heldTasksRefusal('王芳', 3)).toMatch(/^王芳 still holds 3 active tasks\./);
	});
});
