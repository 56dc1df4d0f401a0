// History at scale: 100,000 finished requests in real PostgreSQL.
//   npx tsx tests/bench/history-bench.ts          (after `npx vite build`)
// SERVER_NODE_OPTIONS (e.g. --max-old-space-size=64) is handed to the server process only.
// Uses DATABASE_URL as the admin connection (default postgres://postgres@127.0.0.1:5432/postgres),
// creates a database of its own and drops it at the end. Prints figures; asserts nothing.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { sql } from 'kysely';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { migrateToLatest } from '../../src/lib/server/db/migrate';
import { seedDemoCounty } from '../../db/seed/seed';
import { forkServer } from '../helpers/server';
import { signIn } from '../helpers/clients';

const adminUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const name = `vd_bench_${randomBytes(4).toString('hex')}`;
const url = new URL(adminUrl);
url.pathname = `/${name}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`create database ${name}`);
console.log(`database ${name} on ${url.host}`);

const handle = await connectDatabase({ kind: 'postgres', url: url.toString() });
const db = handle.db;
let server: Awaited<ReturnType<typeof forkServer>> | null = null;

/** Adds finished requests until there are `total` generated ones, spread over the past year. */
async function fillTo(total: number, already: number) {
	const started = performance.now();
	await sql`
		with b as (select array_agg(id order by id) as ids from buildings),
		     v as (select array_agg(id order by id) as ids from volunteers),
		     g as (
		       select n, now() - (n * interval '315 seconds') - random() * interval '5 minutes' as created,
		              random() as r1, random() as r2, random() as r3, random() as r4, (n % 10 = 0) as cancelled
		       from generate_series(${already + 1}::int, ${total}::int) n
		     )
		insert into requests (type, building_id, unit, description, urgency, contact_name, contact_phone, status, version,
		                      assignee_id, created_at, assigned_at, accepted_at, started_at, completed_at, cancelled_at)
		select (array['haircut', 'repair', 'elder_visit'])[1 + n % 3],
		       b.ids[1 + ((n::bigint * 7919) % cardinality(b.ids))::int],
		       (1 + n % 3) || '单元' || (101 + n % 6),
		       (array['厨房水管漏水', '老人上门理发', '每周探访：聊天、检查用药', '卫生间灯不亮，"急"', '门锁坏了,打不开'])[1 + n % 5],
		       case when n % 17 = 0 then 'urgent' else 'normal' end,
		       '陈阿姨', '1380000' || lpad((n % 10000)::text, 4, '0'),
		       case when cancelled then 'cancelled' else 'completed' end,
		       case when cancelled then 3 else 5 end,
		       v.ids[1 + ((n::bigint * 104729) % cardinality(v.ids))::int],
		       created,
		       created + (2 + r1 * 28) * interval '1 minute',
		       created + (3 + r1 * 28 + r2 * 10) * interval '1 minute',
		       case when cancelled then null else created + (13 + r1 * 28 + r2 * 10 + r3 * 110) * interval '1 minute' end,
		       case when cancelled then null else created + (28 + r1 * 28 + r2 * 10 + r3 * 110 + r4 * 75) * interval '1 minute' end,
		       case when cancelled then created + (10 + r1 * 60) * interval '1 minute' else null end
		from g, b, v
	`.execute(db);
	await sql`analyze requests`.execute(db);
	console.log(`  inserted ${total - already} finished requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

const percentile = (values: number[], p: number) => {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
};

function rssOf(pid: number, field: 'VmRSS' | 'VmHWM'): number {
	const line = readFileSync(`/proc/${pid}/status`, 'utf8')
		.split('\n')
		.find((l) => l.startsWith(field))!;
	return Number(line.split(/\s+/)[1]) / 1024; // MiB
}

/** Downloads the whole CSV through the real endpoint, reading and dropping it as it streams. */
async function measureExport(label: string, cookie: string) {
	const pid = server!.process.pid!;
	const before = rssOf(pid, 'VmRSS');
	let peak = before;
	const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid, 'VmRSS'))), 10);
	const started = performance.now();
	const response = await fetch(`${server!.url}/api/history?format=csv`, { headers: { cookie } });
	let bytes = 0;
	let lines = 0;
	const reader = response.body!.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.length;
		for (const byte of value) if (byte === 10) lines++;
	}
	const seconds = (performance.now() - started) / 1000;
	clearInterval(sampler);
	peak = Math.max(peak, rssOf(pid, 'VmRSS'));
	console.log(
		`  CSV export ${label}: ${lines - 1} rows, ${(bytes / 1048576).toFixed(1)} MiB in ${seconds.toFixed(2)} s ` +
			`(${Math.round((lines - 1) / seconds)} rows/s); server RSS before ${before.toFixed(0)} MiB, peak during ${peak.toFixed(0)} MiB, ` +
			`VmHWM ${rssOf(pid, 'VmHWM').toFixed(0)} MiB`
	);
}

async function measureQueries(cookie: string) {
	const buildings = (await db.selectFrom('buildings').select('id').execute()).map((b) => b.id);
	const volunteers = (await db.selectFrom('volunteers').select('id').execute()).map((v) => v.id);
	const day = (daysAgo: number) => new Date(Date.now() - daysAgo * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 10);
	if (buildings.length === 0 || volunteers.length === 0) throw new Error('the history bench needs buildings and volunteers');
	const queries: string[] = [];
	for (let i = 0; i < 200; i++) {
		const q = new URLSearchParams();
		const k = i % 8;
		if (k === 1) q.set('type', ['haircut', 'repair', 'elder_visit'][i % 3]!);
		if (k === 2) q.set('volunteerId', volunteers[i % volunteers.length]!);
		if (k === 3) q.set('buildingId', buildings[i % buildings.length]!);
		if (k === 4) q.set('status', 'cancelled');
		if (k === 5 || k === 6) {
			q.set('from', day(30 + (i % 300)));
			q.set('to', day(i % 300));
		}
		if (k === 6) q.set('type', 'repair');
		if (k === 7) {
			q.set('volunteerId', volunteers[i % volunteers.length]!);
			q.set('type', 'repair');
			q.set('from', day(200));
		}
		q.set('limit', '50');
		queries.push(q.toString());
	}
	const timings: number[] = [];
	let deepPages = 0;
	for (const [i, query] of queries.entries()) {
		const started = performance.now();
		const response = await fetch(`${server!.url}/api/history?${query}`, { headers: { cookie } });
		const body = (await response.json()) as { items: unknown[]; nextCursor: string | null };
		timings.push(performance.now() - started);
		if (response.status !== 200) throw new Error(`${query}: ${response.status} ${JSON.stringify(body)}`);
		// Every fourth query also follows its cursor a few pages deep.
		let cursor = body.nextCursor;
		for (let page = 0; i % 4 === 0 && cursor && page < 3; page++) {
			const t = performance.now();
			const next = (await (await fetch(`${server!.url}/api/history?${query}&cursor=${cursor}`, { headers: { cookie } })).json()) as {
				nextCursor: string | null;
			};
			timings.push(performance.now() - t);
			cursor = next.nextCursor;
			deepPages++;
		}
	}
	console.log(
		`  history page over HTTP, ${timings.length} calls (${deepPages} via cursor): ` +
			`p50 ${percentile(timings, 0.5).toFixed(1)} ms, p95 ${percentile(timings, 0.95).toFixed(1)} ms, max ${Math.max(...timings).toFixed(1)} ms`
	);
}

async function explain(label: string, where: string) {
	const { rows } = await sql
		.raw<{ 'QUERY PLAN': string }>(
			`explain (analyze, buffers off) select * from requests where status in ('completed', 'cancelled') ${where}
		 order by coalesce(completed_at, cancelled_at) desc, id desc limit 51`
		)
		.execute(db);
	const plan = rows.map((r) => r['QUERY PLAN']);
	const index = plan.find((l) => /Index|Seq Scan/.test(l))?.trim();
	console.log(`  EXPLAIN ${label}: ${index} | ${plan.at(-1)!.trim()}`);
}

try {
	await migrateToLatest(db);
	await seedDemoCounty(db, new Date());
	let count = 0;
	let cookie = '';
	for (const total of [10_000, 50_000, 100_000]) {
		console.log(`\n${total.toLocaleString('en')} generated finished requests`);
		await fillTo(total, count);
		count = total;
		// A fresh server process for each size, so each peak is measured from the same baseline.
		await server?.stop();
		server = await forkServer({
			DATABASE_URL: url.toString(),
			DEMO: '0',
			LOG_LEVEL: 'warn',
			NODE_OPTIONS: process.env.SERVER_NODE_OPTIONS ?? ''
		});
		cookie = await signIn(server.url, 'coordinator');
		await measureExport(`of all ${total.toLocaleString('en')}+ rows`, cookie);
	}
	console.log('\nqueries at 100,000');
	await measureQueries(cookie);
	const anyVolunteer = (await db.selectFrom('volunteers').select('id').executeTakeFirstOrThrow()).id;
	const anyBuilding = (await db.selectFrom('buildings').select('id').executeTakeFirstOrThrow()).id;
	await explain('no filter', '');
	await explain('type', `and type = 'repair'`);
	await explain('volunteer', `and assignee_id = '${anyVolunteer}'`);
	await explain('building', `and building_id = '${anyBuilding}'`);
	await explain('last 30 days', `and coalesce(completed_at, cancelled_at) >= now() - interval '30 days'`);
	await explain('cursor', `and (coalesce(completed_at, cancelled_at), id) < (now() - interval '200 days', '${anyVolunteer}'::uuid)`);

	// Past the brief's sizes: V8 sizes its heap up over the first tens of thousands of rows,
	// then the peak stays put however many rows follow.
	console.log('\n200,000 generated finished requests');
	await fillTo(200_000, count);
	await server?.stop();
	server = await forkServer({
		DATABASE_URL: url.toString(),
		DEMO: '0',
		LOG_LEVEL: 'warn',
		NODE_OPTIONS: process.env.SERVER_NODE_OPTIONS ?? ''
	});
	await measureExport('of all 200,000+ rows', await signIn(server.url, 'coordinator'));
} finally {
	await server?.stop();
	await handle.close();
	await admin.query(`drop database if exists ${name} with (force)`);
	await admin.end();
}
