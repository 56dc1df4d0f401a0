import { describe, expect, it } from 'vitest';
import { teamRoomMoves, undoMoves } from './team-rooms';

const team = { id: 't1', leaderVolunteerId: 'lead', memberIds: ['lead', 'a'], active: true };

describe('teamRoomMoves', () => {
	it('puts a new team’s leader in its leader room and every member in its members room', () => {
		expect(teamRoomMoves(null, team)).toEqual({
			join: [
				{ room: 'team-lead:t1', volunteerIds: ['lead'] },
				{ room: 'team:t1', volunteerIds: ['lead', 'a'] }
			],
			leave: []
		});
	});

	it('moves only who changed: a new leader, a member added and one removed', () => {
		const after = { ...team, leaderVolunteerId: 'a', memberIds: ['a', 'b'] };
		expect(teamRoomMoves(team, after)).toEqual({
			join: [
				{ room: 'team-lead:t1', volunteerIds: ['a'] },
				{ room: 'team:t1', volunteerIds: ['b'] }
			],
			leave: [
				{ room: 'team-lead:t1', volunteerIds: ['lead'] },
				{ room: 'team:t1', volunteerIds: ['lead'] }
			]
		});
	});

	it('takes the leader out of the leader room while the team is inactive, and keeps the members in theirs', () => {
		expect(teamRoomMoves(team, { ...team, active: false })).toEqual({
			join: [],
			leave: [{ room: 'team-lead:t1', volunteerIds: ['lead'] }]
		});
		expect(teamRoomMoves({ ...team, active: false }, team)).toEqual({
			join: [{ room: 'team-lead:t1', volunteerIds: ['lead'] }],
			leave: []
		});
	});

	it('moves nothing for a change that keeps the people (a new name, a skill)', () => {
		expect(teamRoomMoves(team, { ...team })).toEqual({ join: [], leave: [] });
	});

	it('undoes moves by swapping joins and leaves', () => {
		const moves = teamRoomMoves(null, team);
		expect(undoMoves(moves)).toEqual({ join: [], leave: moves.join });
	});
});
