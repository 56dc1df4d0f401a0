import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { UserView } from '../../api/types';
import { deliveriesFor, type StoredEvent } from '../../realtime/deliveries';
import { ROOM_STAFF, roomForUser, roomForVolunteer, type CaughtUpEvent } from '../../realtime/events';
import { isStaff } from '../../dispatch/permissions';
import type { EventPublisher } from '../services/deps';
import type { Logger } from '../log';
import type { ClusterAdapter } from './cluster-adapter';
import { attachPresence, type PresenceStore } from './presence';
import type { RealtimeServer } from './types';

export type { RealtimeServer };

export interface RealtimeDeps {
	/** Resolves the session cookie of a handshake to its user, or null. */
	authenticate(cookieHeader: string | undefined): Promise<UserView | null>;
	presence: PresenceStore;
	log: Logger;
	/** Shares events with other app nodes; null for a single node. */
	adapter?: ClusterAdapter | null;
}

export interface Realtime extends EventPublisher {
	io: RealtimeServer;
	close(): Promise<void>;
}

/** Same-origin check for the websocket handshake, so no other site can ride a signed-in cookie. */
function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
	if (!origin) return true;
	try {
		return new URL(origin).host === host;
	} catch {
		return false;
	}
}

/** Attaches socket.io to the app's HTTP server: authenticated handshake, rooms, presence, publishing. */
export function createRealtime(httpServer: HttpServer, deps: RealtimeDeps): Realtime {
	const io: RealtimeServer = new Server(httpServer, {
		path: '/socket.io',
		serveClient: false,
		// Clients try websocket first; long-polling stays as a fallback behind strict proxies.
		transports: ['websocket', 'polling'],
		allowRequest: (req, callback) => callback(null, isSameOrigin(req.headers.origin, req.headers.host)),
		maxHttpBufferSize: 16 * 1024,
		...(deps.adapter ? { adapter: deps.adapter.factory as never } : {}),
		// Vite's HMR shares this server in dev; leave upgrades that are not ours alone.
		destroyUpgrade: false
	});

	io.use(async (socket, next) => {
		try {
			const user = await deps.authenticate(socket.handshake.headers.cookie);
			if (!user) return next(new Error('unauthenticated'));
			socket.data.user = user;
			next();
		} catch (error) {
			deps.log.warn({ err: error }, 'socket handshake could not check the session');
			next(new Error('unavailable'));
		}
	});

	io.on('connection', (socket) => {
		const { user } = socket.data;
		socket.join(roomForUser(user.id));
		if (isStaff(user.role)) socket.join(ROOM_STAFF);
		if (user.role === 'volunteer' && user.volunteerId) socket.join(roomForVolunteer(user.volunteerId));
	});
	const presence = attachPresence(io, deps.presence, deps.log);

	function send(room: string, message: CaughtUpEvent) {
		// The union of event names and payloads is sound by construction in deliveriesFor.
		(io.to(room).emit as (event: string, data: unknown) => boolean)(message.event, message.data);
	}

	return {
		io,
		publish(events: StoredEvent[]) {
			for (const event of events) {
				for (const delivery of deliveriesFor(event)) send(delivery.room, delivery.message);
			}
		},
		close: async () => {
			presence.stop();
			await new Promise<void>((resolve) => io.close(() => resolve()));
			await deps.adapter?.close();
		}
	};
}
