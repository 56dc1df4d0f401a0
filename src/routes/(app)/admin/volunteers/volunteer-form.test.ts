import { describe, expect, it } from 'vitest';
import { communityOfHome, fieldProblems, teamsServing } from './volunteer-form';

describe('the volunteer form', () => {
	const teams = [
		{ id: 't1', name: '管得宽', communityIds: ['gya'], leaderVolunteerId: null },
		{ id: 't2', name: '小马甲', communityIds: ['yd', 'gya'], leaderVolunteerId: null }
	];

	it('offers only the teams that serve the volunteer’s community', () => {
		expect(teamsServing(teams, 'yd').map((t) => t.id)).toEqual(['t2']);
		expect(teamsServing(teams, 'gya').map((t) => t.id)).toEqual(['t1', 't2']);
		expect(teamsServing(teams, '')).toEqual([]);
	});

	it('reads the community off the home building', () => {
		expect(communityOfHome([{ id: 'b1', name: '1栋', communityId: 'gya' }], 'b1')).toBe('gya');
		expect(communityOfHome([], 'b1')).toBe('');
	});

	it('says each refused field once, and nothing for a field it has no sentence for', () => {
		expect(fieldProblems([{ path: 'skills.1' }, { path: 'skills.0' }, { path: 'homeBuildingId' }, { path: '(body)' }])).toEqual([
			'admin.volunteers.problem.skills',
			'admin.volunteers.problem.homeBuildingId'
		]);
	});
});
