import { roomForTeamLead, roomForTeamMembers } from './events';

/** What decides a team's rooms: its leader hears the requests handed to it, its members its changes. */
export interface TeamRoomFacts {
	id: string;
	leaderVolunteerId: string | null;
	memberIds: readonly string[];
	active: boolean;
}

/** Volunteers whose connected sockets join or leave one room. */
export interface RoomMove {
	room: string;
	volunteerIds: string[];
}

export interface TeamRoomMoves {
	join: RoomMove[];
	leave: RoomMove[];
}

/**
 * The rooms a team's change moves volunteers in and out of, as a connection made after it would
 * join them (roomsOf with teamTiesOf): the leader's room only while the team is active, the
 * members' room always. `before` is null for a new team.
 */
export function teamRoomMoves(before: TeamRoomFacts | null, after: TeamRoomFacts): TeamRoomMoves {
	const leaderOf = (team: TeamRoomFacts | null) => (team?.active && team.leaderVolunteerId ? [team.leaderVolunteerId] : []);
	const moves: TeamRoomMoves = { join: [], leave: [] };
	const add = (room: string, was: readonly string[], now: readonly string[]) => {
		const joining = now.filter((id) => !was.includes(id));
		const leaving = was.filter((id) => !now.includes(id));
		if (joining.length) moves.join.push({ room, volunteerIds: joining });
		if (leaving.length) moves.leave.push({ room, volunteerIds: leaving });
	};
	add(roomForTeamLead(after.id), leaderOf(before), leaderOf(after));
	add(roomForTeamMembers(after.id), before?.memberIds ?? [], after.memberIds);
	return moves;
}

/** The moves that undo these, for a change that did not commit after all. */
export function undoMoves(moves: TeamRoomMoves): TeamRoomMoves {
	return { join: moves.leave, leave: moves.join };
}
