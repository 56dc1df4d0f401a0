// The candidate search with 10,000 volunteers: latency of listCandidates and the query plan.
// Not part of `npm test`. Run:  npx tsx tests/bench/ranking-bench.ts
// With DATABASE_URL (an admin URL such as postgres://postgres@127.0.0.1:5432/postgres) it
// creates a fresh database there and drops it at the end; without it, an in-memory PGlite.
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { CompiledQuery, sql, type Kysely } from 'kysely';
import { connectDatabase, type DatabaseTarget } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import type { Database } from '../../src/lib/server/db/schema';
import { seedDemoCounty } from '../../db/seed/seed';
import { listCandidates } from '../../src/lib/server/services/candidates';
import { candidatesInBoxQuery } from '../../src/lib/server/repositories/candidates';
import { boundingBox } from '../../src/lib/dispatch/geo';
import { SEARCH_RADII_M } from '../../src/lib/dispatch/candidate-search';
import { startOfCommunityDay } from '../../src/lib/history/community-time';
import { FIRST_SERVICES } from '../../src/lib/dispatch/vocabulary';
import { countyActor, testCommunity } from '../helpers/factories';
import type { ServiceDeps } from '../../src/lib/server/services/deps';
import { insertCrowd, seededRandom } from '../helpers/crowd';

const VOLUNTEERS = 10_000;
const CALLS = 500;
const LIMIT = 10;

async function freshTarget(): Promise<{ target: DatabaseTarget; drop(): Promise<void> }> {
	const adminUrl = process.env.DATABASE_URL;
	if (!adminUrl) return { target: { kind: 'embedded', dataDir: 'memory://' }, drop: async () => {} };
	const name = `vd_bench_${randomBytes(5).toString('hex')}`;
	const admin = async (statement: string) => {
		const client = new pg.Client({ connectionString: adminUrl });
		await client.connect();
		await client.query(statement);
		await client.end();
	};
	await admin(`create database ${name}`);
	const url = new URL(adminUrl);
	url.pathname = `/${name}`;
	return { target: { kind: 'postgres', url: url.toString() }, drop: () => admin(`drop database if exists ${name} with (force)`) };
}

/** Some of the crowd already busy, some with tasks done today, so workload counts. */
async function addWorkload(db: Kysely<Database>, volunteerIds: string[], now: Date) {
	const random = seededRandom(11);
	const buildings = await db.selectFrom('buildings').select(['id', 'community_id']).execute();
	const rows = volunteerIds
		.filter(() => random() < 0.08)
		.map((assignee, i) => ({
			type: FIRST_SERVICES[i % 3]!,
			...inBuilding(buildings[Math.floor(random() * buildings.length)]!),
			description: '压测任务',
			status: i % 2 ? ('assigned' as const) : ('completed' as const),
			assignee_id: assignee,
			created_at: now,
			assigned_at: now,
			completed_at: i % 2 ? null : now
		}));
	for (let i = 0; i < rows.length; i += 500)
		await db
			.insertInto('requests')
			.values(rows.slice(i, i + 500))
			.execute();
	return rows.length;
}

/** A request's building and, with it, its community. */
const inBuilding = (b: { id: string; community_id: string }) => ({ building_id: b.id, community_id: b.community_id });

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? Number.NaN;
}

/**
 * Times every strategy on the same requests, one call each in turn, so that load from
 * anything else on the machine falls on all of them alike.
 */
async function timeStrategies(deps: ServiceDeps, requestIds: string[], strategies: (readonly number[])[]) {
	const actor = await countyActor(deps.db);
	if (requestIds.length === 0) throw new Error('no requests to time');
	const requestId = (i: number) => requestIds[i % requestIds.length]!;
	for (let i = 0; i < 30; i++)
		for (const radii of strategies) await listCandidates(deps, actor, requestId(i), { limit: LIMIT, radii: radii });
	const times = strategies.map((): number[] => []);
	for (let i = 0; i < CALLS; i++) {
		for (const [k, radii] of strategies.entries()) {
			const started = performance.now();
			const ranked = await listCandidates(deps, actor, requestId(i), { limit: LIMIT, radii: radii });
			times[k]!.push(performance.now() - started);
			if (ranked.length !== LIMIT) throw new Error(`expected ${LIMIT} candidates, got ${ranked.length}`);
		}
	}
	return times.map((t) => {
		t.sort((a, b) => a - b);
		return { p50: percentile(t, 50), p99: percentile(t, 99), max: t.at(-1) ?? Number.NaN };
	});
}

async function explainBox(db: Kysely<Database>, center: { lat: number; lng: number }, radius: number, now: Date) {
	const communityId = await testCommunity(db);
	const compiled = candidatesInBoxQuery(
		db,
		{ skill: 'repair', communityId, dayStart: startOfCommunityDay(now) },
		boundingBox(center, radius)
	).compile();
	const result = await db.executeQuery<{ 'QUERY PLAN': string }>(
		CompiledQuery.raw(`explain (analyze, costs off, timing on, summary on) ${compiled.sql}`, [...compiled.parameters])
	);
	return result.rows.map((r) => r['QUERY PLAN']).join('\n');
}

async function main() {
	const { target, drop } = await freshTarget();
	const handle = await connectDatabase(target);
	const { db } = handle;
	try {
		const now = new Date();
		await migrateToLatest(db);
		await seedDemoCounty(db, now);
		const crowd = await insertCrowd(db, VOLUNTEERS);
		const busy = await addWorkload(db, crowd, now);
		await sql`analyze`.execute(db);
		const onDuty = await db
			.selectFrom('volunteers')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('available', '=', true)
			.executeTakeFirstOrThrow();

		const random = seededRandom(3);
		const buildings = await db.selectFrom('buildings').select(['id', 'community_id', 'lat', 'lng']).execute();
		const requests = await db
			.insertInto('requests')
			.values(
				Array.from({ length: 60 }, (_, i) => ({
					type: FIRST_SERVICES[i % 3]!,
					...inBuilding(buildings[Math.floor(random() * buildings.length)]!),
					description: '压测请求',
					created_at: now
				}))
			)
			.returning('id')
			.execute();
		const deps: ServiceDeps = { db, now: () => now, publisher: { publish() {} } };

		console.log(
			`engine: ${target.kind === 'postgres' ? 'PostgreSQL' : 'PGlite'}; volunteers: ${VOLUNTEERS + 48} (${onDuty.n} on duty); busy or done today: ${busy}`
		);
		console.log(`listCandidates, limit ${LIMIT}, ${CALLS} calls over ${requests.length} requests of all three types:`);
		const strategies: [string, readonly number[]][] = [
			[`radii ${SEARCH_RADII_M.join(', ')} m (the app's)`, SEARCH_RADII_M],
			['radii 1500, 4500, 13500, 40500 m (a 1.5 km start)', [1500, 4500, 13_500, 40_500]],
			['radii 100 m ×3 (a larger start)', [100, 300, 900, 2700, 8100, 24_300, 72_900]],
			['radii 25 m ×3 (a smaller start)', [25, 75, 225, 675, 2025, 6075, 18_225, 54_675]],
			['no box at all (every on-duty volunteer with the skill)', []]
		];
		const results = await timeStrategies(
			deps,
			requests.map((r) => r.id),
			strategies.map(([, radii]) => radii)
		);
		for (const [k, [label]] of strategies.entries()) {
			const t = results[k]!; // one result per strategy
			console.log(`  ${label.padEnd(58)} p50 ${t.p50.toFixed(2)} ms   p99 ${t.p99.toFixed(2)} ms   max ${t.max.toFixed(2)} ms`);
		}

		const center = buildings[0];
		if (!center) throw new Error('the seeded community has no buildings');
		for (const radius of [SEARCH_RADII_M[0]!, 1500]) {
			const plan = await explainBox(db, center, radius, now);
			console.log(`\nEXPLAIN ANALYZE of the box query, repair, ${radius} m around one building:\n${plan}`);
			if (radius === SEARCH_RADII_M[0] && !plan.includes('volunteers_on_duty_position_idx')) {
				throw new Error('the first box did not use volunteers_on_duty_position_idx');
			}
		}
	} finally {
		await handle.close();
		await drop();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});
