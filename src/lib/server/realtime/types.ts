import type { Server, Socket } from 'socket.io';
import type { UserView } from '../../api/types';
import type { Actor } from '../../dispatch/permissions';
import type { ClientToServerEvents, ServerToClientEvents } from '../../realtime/events';

export interface SocketData {
	user: UserView;
	/** The same user as the rules see them: the communities of their scope. */
	actor: Actor;
	/** The request this dispatcher has selected, and its community, for "who is viewing". */
	viewing?: { requestId: string; communityId: string } | null;
	/**
	 * Set on a resident's tracking socket (auth: {track}), which has no user: it is in its one
	 * request's room and nothing else, and every connection handler leaves it alone.
	 */
	tracking?: { requestId: string };
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
