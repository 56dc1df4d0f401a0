import type { Server as HttpServer } from 'node:http';
import type { Kysely } from 'kysely';
import { readConfig, type Config } from './config';
import { connectDatabase, type DatabaseHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import type { Database } from './db/schema';
import { createLogger, type Logger } from './log';
import { createRealtime, type Realtime } from './realtime/create-realtime';
import { createClusterAdapter } from './realtime/cluster-adapter';
import { watchSessions } from './realtime/session-watch';
import { watchDatabase, type DatabaseWatch } from './realtime/database-watch';
import { resolveSession, SESSION_COOKIE } from './auth/sessions';
import { seedDemoCommunity, demoLogins, DEMO_PASSWORD } from '../../../db/seed/seed';
import type { ServiceDeps } from './services/deps';
import { markOffline, renewOnline } from './repositories/volunteers';
import { startJobs, type JobRunner } from './jobs/runner';
import { jobsFor } from './jobs/index';
import { startCandidateRoster } from './roster/candidate-roster';

/** Everything one running server holds: configuration, database, logger and live sockets. */
export interface App {
	config: Config;
	db: Kysely<Database>;
	log: Logger;
	realtime: Realtime | null;
	services: ServiceDeps;
	jobs: JobRunner | null;
	close(): Promise<void>;
}

// Kit's server bundle and the process entry load separate copies of this module, so the
// running app lives on globalThis under a registered symbol that both copies share.
const APP_KEY = Symbol.for('volunteer-dispatch.app');
const HTTP_SERVER_KEY = Symbol.for('volunteer-dispatch.http-server');
type Registry = { [APP_KEY]?: Promise<App>; [HTTP_SERVER_KEY]?: HttpServer };
const registry = globalThis as unknown as Registry;

/** The process entry (or the Vite plugin) hands over its HTTP server so sockets share the port. */
export function provideHttpServer(server: HttpServer): void {
	registry[HTTP_SERVER_KEY] = server;
}

let current: App | null = null;

export function getApp(): App {
	if (!current) throw new Error('The app has not started yet.');
	return current;
}

/** Starts the app once per process; later calls return the same instance. */
export function startApp(config: Config = readConfig()): Promise<App> {
	registry[APP_KEY] ??= bootApp(config);
	return registry[APP_KEY].then((app) => (current = app));
}

async function bootApp(config: Config): Promise<App> {
	const log = createLogger(config.logLevel);
	const handle: DatabaseHandle = await connectDatabase(config.database, config.dbPoolSize);
	const { db } = handle;
	await migrateToLatest(db);
	if (config.demo) {
		await seedDemoCommunity(db, new Date());
		printDemoLogins();
	}

	let databaseWatch: DatabaseWatch | null = null;
	const roster = config.roster ? startCandidateRoster(db, log, config.roster) : null;
	const app: App = {
		config,
		db,
		log,
		realtime: null,
		jobs: null,
		services: {
			db,
			now: () => new Date(),
			roster,
			publisher: {
				publish: (events) => {
					roster?.apply(events);
					app.realtime?.publish(events);
				}
			}
		},
		async close() {
			databaseWatch?.stop();
			roster?.stop();
			app.jobs?.stop();
			await app.realtime?.close();
			await handle.close();
		}
	};

	const httpServer = registry[HTTP_SERVER_KEY];
	if (httpServer) {
		const adapter = await createClusterAdapter(config.cluster, log);
		app.realtime = createRealtime(httpServer, {
			log,
			adapter,
			limits: config.socketLimits,
			presence: {
				renew: async (ids, until) => {
					await renewOnline(db, ids, until);
					roster?.setOnlineUntil(ids, until);
				},
				offline: async (id) => {
					await markOffline(db, id);
					roster?.setOnlineUntil([id], null);
				}
			},
			authenticate: (cookieHeader) =>
				resolveSession(db, readCookie(cookieHeader, SESSION_COOKIE), config.sessionTtlMs, new Date())
		});
		watchSessions(app.realtime.io, { db, log, tokenOf: (cookieHeader) => readCookie(cookieHeader, SESSION_COOKIE) });
		// Embedded PGlite lives in this process and cannot become unreachable.
		if (config.database.kind === 'postgres') databaseWatch = watchDatabase(app.realtime.io, { db, log, intervalMs: config.dbCheckMs });
	}
	app.jobs = startJobs(app.services, jobsFor(config), { embedded: config.database.kind === 'embedded', log });
	// One run before serving: visits that fell due and offers that lapsed while the server was
	// down are handled at once, not a whole interval later.
	await app.jobs.runAll();
	const engine = config.database.kind === 'embedded' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL (DATABASE_URL)';
	log.info({ engine, demo: config.demo, sockets: Boolean(httpServer), cluster: config.cluster.kind }, 'app started');
	return app;
}

function readCookie(header: string | undefined, name: string): string | undefined {
	if (!header) return undefined;
	for (const part of header.split(';')) {
		const [key, ...rest] = part.trim().split('=');
		if (key === name) return decodeURIComponent(rest.join('='));
	}
	return undefined;
}

function printDemoLogins() {
	const { staff, volunteers } = demoLogins();
	console.log(
		[
			'',
			`  Demo mode. Every demo user's password is ${DEMO_PASSWORD}`,
			`    dispatchers: ${staff.filter((s) => s.role === 'dispatcher').map((s) => s.username).join(', ')}`,
			`    coordinator: ${staff.filter((s) => s.role === 'coordinator').map((s) => s.username).join(', ')}`,
			`    volunteers:  ${volunteers[0]} … ${volunteers[volunteers.length - 1]} (${volunteers.length} in all)`,
			''
		].join('\n')
	);
}
