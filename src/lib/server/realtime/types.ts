import type { Server, Socket } from 'socket.io';
import type { UserView } from '../../api/types';
import type { ClientToServerEvents, ServerToClientEvents } from '../../realtime/events';

export interface SocketData {
	user: UserView;
	/** The request this dispatcher has selected, for "who is viewing". */
	viewing?: string | null;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
export type RealtimeSocket = Socket<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
