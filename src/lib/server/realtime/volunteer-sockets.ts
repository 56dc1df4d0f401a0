import { roomForVolunteer } from '../../realtime/events';
import type { VolunteerSockets } from '../services/teams';
import type { Realtime } from './create-realtime';

/**
 * Team room moves applied to the volunteers' connected sockets. Each volunteer's sockets share
 * their own room, so one `socketsJoin` reaches them all, on every node through the adapter,
 * without a reconnect. Without sockets (scripts, tests without a server) there is nothing to move.
 */
export function volunteerSockets(realtime: Realtime | null): VolunteerSockets {
	return {
		apply(moves) {
			if (!realtime) return;
			for (const { room, volunteerIds } of moves.join) realtime.io.in(volunteerIds.map(roomForVolunteer)).socketsJoin(room);
			for (const { room, volunteerIds } of moves.leave) realtime.io.in(volunteerIds.map(roomForVolunteer)).socketsLeave(room);
		}
	};
}
