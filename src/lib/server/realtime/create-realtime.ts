import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import { z } from 'zod';
import type { UserView } from '../../api/types';
import { deliveriesFor, type StoredEvent } from '../../realtime/deliveries';
import {
	ROOM_STAFF,
	roomForUser,
	roomForVolunteer,
	type CaughtUpEvent,
	type ClientToServerEvents,
	type ServerToClientEvents
} from '../../realtime/events';
import { isStaff } from '../../dispatch/permissions';
import type { EventPublisher, PresenceReader } from '../services/deps';
import type { Logger } from '../log';
import { ViewerRegistry } from './viewers';
import type { ClusterAdapter } from './cluster-adapter';

interface SocketData {
	user: UserView;
}

export type RealtimeServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;

export interface RealtimeDeps {
	/** Resolves the session cookie of a handshake to its user, or null. */
	authenticate(cookieHeader: string | undefined): Promise<UserView | null>;
	log: Logger;
	/** Shares events with other app nodes; null for a single node. */
	adapter?: ClusterAdapter | null;
	/** Called when a volunteer's first tab opens or last tab closes. */
	onVolunteerPresence?(volunteerId: string, online: boolean): void;
}

export interface Realtime extends EventPublisher, PresenceReader {
	io: RealtimeServer;
	/** Ends every socket of a user at once, e.g. after logout or a password change. */
	disconnectUser(userId: string): void;
	close(): Promise<void>;
}

const requestIdSchema = z.uuid().nullable();

/** Same-origin check for the websocket handshake, so no other site can ride a signed-in cookie. */
function isSameOrigin(origin: string | undefined, host: string | undefined): boolean {
	if (!origin) return true;
	try {
		return new URL(origin).host === host;
	} catch {
		return false;
	}
}

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
	const onlineSockets = new Map<string, number>();
	const viewers = new ViewerRegistry();

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
		if (user.role === 'volunteer' && user.volunteerId) {
			const volunteerId = user.volunteerId;
			socket.join(roomForVolunteer(volunteerId));
			const count = (onlineSockets.get(volunteerId) ?? 0) + 1;
			onlineSockets.set(volunteerId, count);
			if (count === 1) announceOnline(volunteerId, true);
			socket.on('disconnect', () => {
				const left = (onlineSockets.get(volunteerId) ?? 1) - 1;
				if (left > 0) return void onlineSockets.set(volunteerId, left);
				onlineSockets.delete(volunteerId);
				announceOnline(volunteerId, false);
			});
		}

		socket.on('presence:view', (requestId, ack) => {
			const parsed = requestIdSchema.safeParse(requestId);
			const reply = typeof ack === 'function' ? ack : () => {};
			if (!isStaff(user.role)) return reply({ ok: false, error: 'forbidden' });
			if (!parsed.success) return reply({ ok: false, error: 'requestId must be a request id or null' });
			for (const changed of viewers.view(socket.id, { userId: user.id, name: user.name }, parsed.data)) {
				io.to(ROOM_STAFF).emit('presence:viewing', changed);
			}
			reply({ ok: true });
		});
		socket.on('disconnect', () => {
			for (const changed of viewers.view(socket.id, { userId: user.id, name: user.name }, null)) {
				io.to(ROOM_STAFF).emit('presence:viewing', changed);
			}
		});
	});

	function announceOnline(volunteerId: string, online: boolean) {
		io.to(ROOM_STAFF).emit('presence:online', { volunteerId, online });
		deps.onVolunteerPresence?.(volunteerId, online);
	}

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
		isOnline: (volunteerId) => onlineSockets.has(volunteerId),
		disconnectUser(userId) {
			io.to(roomForUser(userId)).emit('session:ended');
			io.in(roomForUser(userId)).disconnectSockets(true);
		},
		close: async () => {
			await new Promise<void>((resolve) => io.close(() => resolve()));
			await deps.adapter?.close();
		}
	};
}
