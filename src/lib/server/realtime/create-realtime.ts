import type { Server as HttpServer } from 'node:http';
import { Server } from 'socket.io';
import type { UserView } from '../../api/types';
import { byMessage, deliveriesFor, roomsOf, type StoredEvent, type TeamTies } from '../../realtime/deliveries';
import { roomForTracking, roomForUser } from '../../realtime/events';
import type { RequestView } from '../../api/types';
import type { TrackView } from '../../dispatch/tracking';
import { LOCALES, pickLocale, type Locale } from '../../i18n/locales';
import type { Actor } from '../../dispatch/permissions';
import type { EventPublisher } from '../services/deps';
import type { Logger } from '../log';
import type { ClusterAdapter } from './cluster-adapter';
import { attachPresence, type PresenceStore } from './presence';
import type { RealtimeServer, RealtimeSocket } from './types';
import { EventBudget, SocketCounter, type SocketLimits } from './socket-limits';

export type { RealtimeServer };

export interface RealtimeDeps {
	/** Resolves the session cookie of a handshake to its user, or null. */
	authenticate(cookieHeader: string | undefined): Promise<{ user: UserView; actor: Actor } | null>;
	/** The teams a volunteer leads and belongs to, whose rooms their sockets join. */
	teamTies(volunteerId: string): Promise<TeamTies>;
	presence: PresenceStore;
	log: Logger;
	limits: SocketLimits;
	/** Shares events with other app nodes; null for a single node. */
	adapter?: ClusterAdapter | null;
	/** A resident's tracking: the request behind a token, and its view for the page. */
	tracking: {
		requestOf(token: string): Promise<string | null>;
		viewOf(requestId: string, locale: Locale): Promise<TrackView | null>;
	};
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

/**
 * Every event a client sends spends from its socket's budget; one over it is dropped unheard
 * (no handler runs, nothing is broadcast) and, if it asked for an answer, answered once with
 * `rate_limited`.
 */
function limitEvents(socket: RealtimeSocket, limits: SocketLimits) {
	const budget = new EventBudget(limits.eventsPerSecond, limits.eventBurst, Date.now());
	socket.use((packet, next) => {
		if (budget.take(Date.now())) return next();
		const ack = packet.at(-1);
		if (typeof ack === 'function') ack({ ok: false, error: 'rate_limited' });
	});
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

	const openSockets = new SocketCounter(deps.limits.maxSocketsPerUser);
	// A resident's tracking page: its one request's room, no user, nothing else (contract, "Residents").
	io.use(async (socket, next) => {
		const token: unknown = socket.handshake.auth?.track;
		if (token === undefined) return next();
		try {
			const requestId = typeof token === 'string' && token.length <= 64 ? await deps.tracking.requestOf(token) : null;
			if (!requestId) return next(new Error('not_found'));
			const locale = pickLocale(undefined, socket.handshake.headers['accept-language'] ?? null);
			socket.data.tracking = { requestId };
			socket.join(roomForTracking(requestId, locale));
			next();
		} catch (error) {
			deps.log.warn({ err: error }, 'socket handshake could not check a tracking token');
			next(new Error('unavailable'));
		}
	});
	io.use(async (socket, next) => {
		if (socket.data.tracking) return next();
		let signedIn: { user: UserView; actor: Actor } | null;
		let rooms: string[] = [];
		try {
			signedIn = await deps.authenticate(socket.handshake.headers.cookie);
			if (signedIn) {
				const { actor } = signedIn;
				rooms = roomsOf(actor, actor.volunteerId ? await deps.teamTies(actor.volunteerId) : { led: [], member: [] });
			}
		} catch (error) {
			deps.log.warn({ err: error }, 'socket handshake could not check the session');
			return next(new Error('unavailable'));
		}
		if (!signedIn) return next(new Error('unauthenticated'));
		// Counted from here, synchronously after the check, so simultaneous handshakes cannot all
		// slip under the cap; released when the connection closes, whether or not it completed.
		const userId = signedIn.user.id;
		if (!openSockets.tryOpen(userId)) return next(new Error('too_many_connections'));
		socket.conn.once('close', () => openSockets.close(userId));
		socket.data.user = signedIn.user;
		socket.data.actor = signedIn.actor;
		// Joined here, before the connection completes, so no event published meanwhile is missed.
		socket.join([roomForUser(userId), ...rooms]);
		next();
	});

	io.on('connection', (socket) => limitEvents(socket, deps.limits));
	io.on('connection', (socket) => {
		// A tracking page sends nothing: any event from it is dropped unheard.
		if (socket.data.tracking) socket.use(() => {});
	});
	const presence = attachPresence(io, deps.presence, deps.log);

	/** The request as each language's tracking pages say it, read fresh: a newer change's answer carries a higher version. */
	async function tellTrackers(requestId: string) {
		for (const locale of LOCALES) {
			const view = await deps.tracking.viewOf(requestId, locale).catch(() => null);
			if (view) io.to(roomForTracking(requestId, locale)).emit('track:updated', view);
		}
	}

	return {
		io,
		publish(events: StoredEvent[]) {
			for (const event of events) {
				// One emit per message: a socket in several of its rooms hears it once.
				for (const [message, rooms] of byMessage(deliveriesFor(event))) {
					// The union of event names and payloads is sound by construction in deliveriesFor.
					(io.to(rooms).emit as (event: string, data: unknown) => boolean)(message.event, message.data);
				}
				// Residents' and reporters' requests have a tracking page.
				if ((event.kind === 'request_created' || event.kind === 'request_updated') && (event.payload as RequestView).source !== 'staff') {
					void tellTrackers((event.payload as RequestView).id);
				}
			}
		},
		close: async () => {
			presence.stop();
			await new Promise<void>((resolve) => io.close(() => resolve()));
			await deps.adapter?.close();
		}
	};
}
