import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Logger } from '../log';
import type { RealtimeServer } from './create-realtime';
import { hashToken } from '../auth/sessions';
import { findSessionExpiry } from '../repositories/sessions';

export const roomForSession = (tokenHash: string) => `session:${tokenHash}`;

// setTimeout cannot wait longer than about 24.8 days.
const MAX_TIMER_MS = 2 ** 31 - 1;
// A check that cannot reach the database tries again after this long.
const RETRY_MS = 5_000;

export interface SessionWatchDeps {
	db: Kysely<Database>;
	log: Logger;
	/** The session token in a handshake's Cookie header. */
	tokenOf(cookieHeader: string | undefined): string | undefined;
}

/**
 * Ties each socket to the session it signed in with: it joins a room named after the session
 * (so logout or a password change can end exactly those sockets, on every node), and it is
 * told and disconnected when the session expires. Sessions slide through HTTP use, so the
 * timer reads the expiry again before ending anything.
 */
export function watchSessions(io: RealtimeServer, deps: SessionWatchDeps): void {
	io.on('connection', (socket) => {
		if (socket.data.tracking) return; // a resident's tracking page has no session to end
		const token = deps.tokenOf(socket.handshake.headers.cookie);
		if (!token) return;
		const tokenHash = hashToken(token);
		socket.join(roomForSession(tokenHash));
		let timer: ReturnType<typeof setTimeout> | undefined;
		const schedule = (ms: number) => {
			timer = setTimeout(check, Math.min(Math.max(ms, 0), MAX_TIMER_MS));
			timer.unref();
		};
		async function check() {
			if (socket.disconnected) return;
			try {
				const expiresAt = await findSessionExpiry(deps.db, tokenHash, new Date());
				if (!expiresAt) return endSocket();
				// A few milliseconds past the expiry, so the session is surely over when checked.
				schedule(expiresAt.getTime() - Date.now() + 20);
			} catch (error) {
				deps.log.debug({ err: error }, 'session check could not reach the database; trying again');
				schedule(RETRY_MS);
			}
		}
		function endSocket() {
			socket.emit('session:ended');
			socket.disconnect(true);
		}
		socket.on('disconnect', () => clearTimeout(timer));
		void check();
	});
}

/** Tells the sockets of these sessions that they ended, and closes them on every node. */
export function endSessionSockets(io: RealtimeServer, tokenHashes: string[]): void {
	if (tokenHashes.length === 0) return;
	const rooms = tokenHashes.map(roomForSession);
	io.to(rooms).emit('session:ended');
	io.in(rooms).disconnectSockets(true);
}

/** endSessionSockets for a service that ends sessions; without sockets (scripts, tests without a server) there is nothing to end. */
export function sessionSockets(realtime: { io: RealtimeServer } | null): { end(tokenHashes: string[]): void } {
	return { end: (tokenHashes) => realtime && endSessionSockets(realtime.io, tokenHashes) };
}
