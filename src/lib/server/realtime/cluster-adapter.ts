import pg from 'pg';
import type { Config } from '../config';
import type { Logger } from '../log';

export interface ClusterAdapter {
	/** The socket.io adapter factory, for `io.adapter(...)`. */
	factory: unknown;
	close(): Promise<void>;
}

/**
 * Several app nodes fan events out through an existing socket.io adapter, never our own
 * protocol: PostgreSQL LISTEN/NOTIFY on the database they already share, or Redis streams.
 * Catch-up by seq stays the guarantee either way; the adapter only makes delivery fast.
 */
export async function createClusterAdapter(cluster: Config['cluster'], log: Logger): Promise<ClusterAdapter | null> {
	if (cluster.kind === 'postgres') {
		const { createAdapter } = await import('@socket.io/postgres-adapter');
		// A small pool of its own: the adapter holds one client for LISTEN for as long as it runs.
		const pool = new pg.Pool({ connectionString: cluster.url, max: 3 });
		pool.on('error', (error) => log.warn({ err: error }, 'cluster adapter connection error'));
		// The LISTEN client stays checked out; a reset on it must not end the process (see db/connect.ts).
		pool.on('connect', (client) => client.on('error', (error) => log.warn({ err: error }, 'cluster adapter connection error')));
		return {
			factory: createAdapter(pool, { errorHandler: (error) => log.warn({ err: error }, 'postgres adapter error') }),
			close: () => pool.end()
		};
	}
	if (cluster.kind === 'redis') {
		const [{ createAdapter }, { createClient }] = await Promise.all([import('@socket.io/redis-streams-adapter'), import('redis')]);
		const client = createClient({ url: cluster.url });
		client.on('error', (error) => log.warn({ err: error }, 'redis adapter error'));
		await client.connect();
		return { factory: createAdapter(client), close: async () => void (await client.quit()) };
	}
	return null;
}
