import type { Server as HttpServer } from 'node:http';
import type { Kysely } from 'kysely';
import type { Writable } from 'node:stream';
import type { Config } from './config';
import { connectDatabase, type DatabaseHandle } from './db/connect';
import { migrateToLatest } from './db/migrate';
import type { Database } from './db/schema';
import { createLogger, type Logger } from './log';
import { createRealtime, type Realtime } from './realtime/create-realtime';
import { createClusterAdapter } from './realtime/cluster-adapter';
import { watchSessions } from './realtime/session-watch';
import { watchDatabase, type DatabaseWatch } from './realtime/database-watch';
import { resolveSession, SESSION_COOKIE } from './auth/sessions';
import type { ServiceDeps } from './services/deps';
import { markOffline, renewOnline } from './repositories/volunteers';
import { startJobs, type JobRunner } from './jobs/runner';
import { jobsFor } from './jobs/index';
import { autoOfferNudge } from './jobs/auto-offer';
import { findRequestByToken } from './repositories/public';
import { trackViewById } from './services/residents';
import { startCandidateRoster } from './roster/candidate-roster';
import { AreaDirectory } from './services/area-directory';
import { teamTiesOf } from './repositories/teams';
import { findRequest } from './repositories/requests';
import { actorFor } from '../dispatch/permissions';

/** Everything one running server holds: configuration, database, logger and live sockets. */
export interface App {
	config: Config;
	db: Kysely<Database>;
	log: Logger;
	realtime: Realtime | null;
	/** The county's area tree, for scope checks. */
	areas: AreaDirectory;
	services: ServiceDeps;
	jobs: JobRunner | null;
	close(): Promise<void>;
}

export interface AppOptions {
	/** The HTTP server the pages are served on: socket.io attaches to it. Without one, no sockets. */
	httpServer?: HttpServer;
	/** Where the log goes (stdout when unset); tests read it. */
	logDestination?: Writable;
}

/**
 * The composition root: builds one running app from its configuration, wiring the database,
 * the services, the candidate roster, the jobs and (given an HTTP server) the sockets, and
 * returns it with `close()`. Nothing here is global: Kit's `init` hook calls this once and puts
 * the app on each request's `locals`; tests call it through the same production server.
 */
export async function createApp(config: Config, options: AppOptions = {}): Promise<App> {
	const log = createLogger(config.logLevel, options.logDestination);
	const handle: DatabaseHandle = await connectDatabase(config.database, config.dbPoolSize);
	const { db } = handle;
	await migrateToLatest(db);

	let databaseWatch: DatabaseWatch | null = null;
	const areas = new AreaDirectory(db, log);
	await areas.load();
	areas.startRefreshing(config.areaRefreshMs);
	const roster = config.roster ? startCandidateRoster(db, log, config.roster) : null;
	const autoOffer = autoOfferNudge(() => app.services, config.autoOfferMaxTries, log);
	const app: App = {
		config,
		db,
		log,
		realtime: null,
		areas,
		jobs: null,
		services: {
			db,
			now: () => new Date(),
			roster,
			publisher: {
				publish: (events) => {
					roster?.apply(events);
					app.realtime?.publish(events);
					autoOffer.heard(events);
				}
			}
		},
		async close() {
			autoOffer.stop();
			databaseWatch?.stop();
			areas.stop();
			roster?.stop();
			app.jobs?.stop();
			await app.realtime?.close();
			await handle.close();
		}
	};

	const { httpServer } = options;
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
				},
				communityOfRequest: async (id) => (await findRequest(db, id))?.community_id ?? null
			},
			teamTies: (volunteerId) => teamTiesOf(db, volunteerId),
			tracking: {
				requestOf: async (token) => (await findRequestByToken(db, token))?.id ?? null,
				viewOf: (requestId, locale) => trackViewById({ db }, requestId, locale)
			},
			authenticate: async (cookieHeader) => {
				const user = await resolveSession(db, readCookie(cookieHeader, SESSION_COOKIE), config.sessionTtlMs, new Date());
				return user && { user, actor: actorFor(user, await areas.treeKnowing(user.scope.id)) };
			}
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
