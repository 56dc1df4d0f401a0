// The app's services on a test database in this process, for tests that control the clock
// or read the database directly. Real engine, real migrations, real demo seed.
import type { Kysely } from 'kysely';
import { connectDatabase, type DatabaseTarget } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import type { ServiceDeps } from '../../src/lib/server/services/deps';
import type { StoredEvent } from '../../src/lib/realtime/deliveries';
import { seedDemoCounty } from '../../db/seed/seed';

export interface InProcessApp {
	db: Kysely<Database>;
	deps: ServiceDeps;
	/** Every event the services published after commit, in order. */
	published: StoredEvent[];
	close(): Promise<void>;
}

export async function openInProcess(target: DatabaseTarget, options: { seedAt?: Date; now?: () => Date } = {}): Promise<InProcessApp> {
	const handle = await connectDatabase(target, 4);
	await migrateToLatest(handle.db);
	if (options.seedAt) await seedDemoCounty(handle.db, options.seedAt);
	const published: StoredEvent[] = [];
	const deps: ServiceDeps = {
		db: handle.db,
		now: options.now ?? (() => new Date()),
		publisher: { publish: (events) => published.push(...events) }
	};
	return { db: handle.db, deps, published, close: () => handle.close() };
}
