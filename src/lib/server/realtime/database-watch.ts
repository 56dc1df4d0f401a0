import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Logger } from '../log';
import type { RealtimeServer } from './create-realtime';

export interface DatabaseWatch {
	stop(): void;
}

/**
 * Checks on every node that PostgreSQL answers. When it stops answering, this node closes
 * its own sockets: the clients show "reconnecting" and then "offline", because their
 * handshakes are refused while the sessions cannot be read. When it answers again, they
 * reconnect by themselves and catch up from the events table, so nothing is lost.
 */
export function watchDatabase(io: RealtimeServer, deps: { db: Kysely<Database>; log: Logger; intervalMs: number }): DatabaseWatch {
	// False from the first failed check until the next good one.
	let healthy = true;
	let checking = false;
	// A check that hangs (a network that drops packets) counts as a failure too.
	const timeoutMs = Math.max(deps.intervalMs, 3_000);

	async function check() {
		if (checking) return;
		checking = true;
		let timer: ReturnType<typeof setTimeout> | undefined;
		try {
			await Promise.race([
				sql`select 1`.execute(deps.db),
				new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('database check timed out')), timeoutMs)))
			]);
			if (!healthy) deps.log.warn('the database answers again; sockets may reconnect');
			healthy = true;
		} catch (error) {
			if (healthy) {
				deps.log.warn({ err: error }, 'the database does not answer; closing this node’s sockets until it does');
				// Closing the transport (not a server "disconnect", after which socket.io clients
				// wait for the app to reconnect them) makes every client retry by itself.
				for (const socket of io.of('/').sockets.values()) socket.conn.close();
			}
			healthy = false;
		} finally {
			clearTimeout(timer);
			checking = false;
		}
	}

	const interval = setInterval(() => void check(), deps.intervalMs);
	interval.unref();
	return { stop: () => clearInterval(interval) };
}
