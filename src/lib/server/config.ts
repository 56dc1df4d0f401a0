import { resolve } from 'node:path';
import { z } from 'zod';
import type { DatabaseTarget } from './db/connect';
import type { ThrottleLimits } from './auth/login-throttle';
import type { SocketLimits } from './realtime/socket-limits';

const flag = z.enum(['1', '0', 'true', 'false', 'yes', 'no', 'on', 'off']).transform((v) => ['1', 'true', 'yes', 'on'].includes(v));

const environment = z.object({
	PORT: z.coerce.number().int().min(0).max(65535).default(3000),
	HOST: z.string().default('0.0.0.0'),
	DATABASE_URL: z.string().min(1).optional(),
	DATA_DIR: z.string().default('./data'),
	DEMO: flag.optional(),
	ORIGIN: z.url().optional(),
	MAP_TILE_URL: z.string().optional(),
	MAP_TILE_ATTRIBUTION: z.string().optional(),
	SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
	OFFER_TIMEOUT_MINUTES: z.coerce.number().positive().default(5),
	OFFER_TIMEOUT_ACTION: z.enum(['flag', 'requeue']).default('flag'),
	AUTO_OFFER_MAX_TRIES: z.coerce.number().int().positive().max(50).default(5),
	PUBLIC_LIMIT_PER_HOUR: z.coerce.number().int().positive().default(5),
	DEADLINE_CHECK_SECONDS: z.coerce.number().positive().default(30),
	CLUSTER: z.enum(['postgres', 'redis', 'off']).optional(),
	REDIS_URL: z.string().min(1).optional(),
	DB_POOL_SIZE: z.coerce.number().int().positive().default(10),
	LOGIN_LIMIT_PER_ACCOUNT: z.coerce.number().int().positive().default(5),
	LOGIN_LIMIT_PER_IP: z.coerce.number().int().positive().default(20),
	LOGIN_SLOWDOWN_AFTER: z.coerce.number().int().positive().default(10),
	LOGIN_LIMIT_WINDOW_MINUTES: z.coerce.number().positive().max(1440).default(15),
	SOCKET_EVENTS_PER_SECOND: z.coerce.number().positive().default(5),
	SOCKET_EVENT_BURST: z.coerce.number().int().positive().default(20),
	SOCKET_MAX_PER_USER: z.coerce.number().int().positive().default(10),
	DB_CHECK_SECONDS: z.coerce.number().positive().default(2),
	VISIT_CHECK_SECONDS: z.coerce.number().positive().default(60),
	CANDIDATE_ROSTER: flag.default(true),
	ROSTER_REFRESH_SECONDS: z.coerce.number().positive().default(30),
	ROSTER_RELOAD_SECONDS: z.coerce.number().positive().default(600),
	AREA_REFRESH_SECONDS: z.coerce.number().positive().default(60),
	LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info')
});

export interface Config {
	port: number;
	host: string;
	database: DatabaseTarget;
	/** Demo mode seeds the demo community into an empty database and prints its logins. */
	demo: boolean;
	/** The public origin (ORIGIN), when set: behind a proxy, what the browser sees. */
	publicOrigin: string | null;
	mapTileUrl: string | null;
	mapTileAttribution: string | null;
	sessionTtlMs: number;
	offerTimeoutMs: number;
	offerTimeoutAction: 'flag' | 'requeue';
	/** Offers one auto-offer run makes at most before it leaves the request to the dispatcher. */
	autoOfferMaxTries: number;
	/** New public (resident) requests per hour from one address, and for one phone. */
	publicLimitPerHour: number;
	/** How often passed deadlines are looked for. */
	deadlineCheckMs: number;
	dbPoolSize: number;
	/** How several app nodes share socket events; 'off' for a single node. */
	cluster: { kind: 'off' } | { kind: 'postgres'; url: string } | { kind: 'redis'; url: string };
	logLevel: z.infer<typeof environment>['LOG_LEVEL'];
	/** The sign-in throttle (auth/login-throttle.ts). */
	loginLimits: ThrottleLimits;
	/** What one socket may send, and how many sockets one user may open per node (realtime/socket-limits.ts). */
	socketLimits: SocketLimits;
	/** How often each node checks that PostgreSQL answers, to drop sockets it cannot serve. */
	dbCheckMs: number;
	/** How often each node looks for elder visits that have fallen due (only one node acts at a time). */
	visitCheckMs: number;
	/** How often each node rereads the area tree (areas made elsewhere are read at once when met). */
	areaRefreshMs: number;
	/** The candidate search in memory (roster/candidate-roster.ts): null searches the database each time. */
	roster: { tailMs: number; refreshMs: number; reloadMs: number } | null;
}

export function readConfig(env: Record<string, string | undefined> = process.env): Config {
	const parsed = environment.safeParse(env);
	if (!parsed.success) {
		const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
		throw new Error(`Invalid configuration: ${problems}`);
	}
	const e = parsed.data;
	const database: DatabaseTarget = e.DATABASE_URL
		? { kind: 'postgres', url: e.DATABASE_URL }
		: { kind: 'embedded', dataDir: e.DATA_DIR.startsWith('memory://') ? e.DATA_DIR : resolve(e.DATA_DIR) };
	return {
		port: e.PORT,
		host: e.HOST,
		database,
		// Embedded databases are for trying the app, so they get the demo by default;
		// a real server never gets default passwords unless asked.
		demo: e.DEMO ?? database.kind === 'embedded',
		publicOrigin: e.ORIGIN ?? null,
		mapTileUrl: e.MAP_TILE_URL || null,
		mapTileAttribution: e.MAP_TILE_ATTRIBUTION || null,
		sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
		offerTimeoutMs: e.OFFER_TIMEOUT_MINUTES * 60_000,
		offerTimeoutAction: e.OFFER_TIMEOUT_ACTION,
		autoOfferMaxTries: e.AUTO_OFFER_MAX_TRIES,
		publicLimitPerHour: e.PUBLIC_LIMIT_PER_HOUR,
		deadlineCheckMs: e.DEADLINE_CHECK_SECONDS * 1000,
		dbPoolSize: e.DB_POOL_SIZE,
		cluster: clusterFrom(e),
		logLevel: e.LOG_LEVEL,
		loginLimits: {
			perAccount: e.LOGIN_LIMIT_PER_ACCOUNT,
			perIp: e.LOGIN_LIMIT_PER_IP,
			slowAfter: e.LOGIN_SLOWDOWN_AFTER,
			windowMs: e.LOGIN_LIMIT_WINDOW_MINUTES * 60_000
		},
		socketLimits: {
			eventsPerSecond: e.SOCKET_EVENTS_PER_SECOND,
			eventBurst: e.SOCKET_EVENT_BURST,
			maxSocketsPerUser: e.SOCKET_MAX_PER_USER
		},
		dbCheckMs: e.DB_CHECK_SECONDS * 1000,
		visitCheckMs: e.VISIT_CHECK_SECONDS * 1000,
		areaRefreshMs: e.AREA_REFRESH_SECONDS * 1000,
		roster: e.CANDIDATE_ROSTER
			? { tailMs: 250, refreshMs: e.ROSTER_REFRESH_SECONDS * 1000, reloadMs: e.ROSTER_RELOAD_SECONDS * 1000 }
			: null
	};
}

/** REDIS_URL picks the Redis streams adapter; CLUSTER=postgres the PostgreSQL one (it needs DATABASE_URL). */
function clusterFrom(e: z.infer<typeof environment>): Config['cluster'] {
	if (e.CLUSTER === 'off') return { kind: 'off' };
	if (e.REDIS_URL && e.CLUSTER !== 'postgres') return { kind: 'redis', url: e.REDIS_URL };
	if (e.CLUSTER === 'redis') throw new Error('Invalid configuration: CLUSTER=redis needs REDIS_URL');
	if (e.CLUSTER === 'postgres') {
		if (!e.DATABASE_URL) throw new Error('Invalid configuration: CLUSTER=postgres needs DATABASE_URL (one shared PostgreSQL)');
		return { kind: 'postgres', url: e.DATABASE_URL };
	}
	return { kind: 'off' };
}
