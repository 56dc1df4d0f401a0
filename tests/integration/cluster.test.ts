// Two production nodes on one PostgreSQL, sharing events through @socket.io/postgres-adapter.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { forkServer, type ForkedServer } from '../helpers/server';
import { apiClient, connectSocket, nextEvent, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import type { BuildingView, RequestView, UserView } from '../../src/lib/api/types';
import type { CaughtUpEvent } from '../../src/lib/realtime/events';

const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

describe.skipIf(!hasPostgres)('two app nodes on one PostgreSQL', () => {
	let database: TestDatabase;
	let nodeA: ForkedServer;
	let nodeB: ForkedServer;
	let building: BuildingView;

	beforeAll(async () => {
		database = await createDemoDatabase('postgres');
		const env = { ...database.env, CLUSTER: 'postgres' };
		nodeA = await forkServer(env);
		nodeB = await forkServer(env);
		const call = apiClient(nodeB.url, await signIn(nodeB.url, 'dispatcher'));
		building = (await call<BuildingView[]>('GET', '/api/buildings')).body.find((b) => b.name === '8栋')!;
	});
	afterAll(async () => {
		await nodeA?.stop();
		await nodeB?.stop();
		await database?.drop();
	});

	async function createOn(node: ForkedServer, description: string): Promise<RequestView> {
		const call = apiClient(node.url, await signIn(node.url, 'dispatcher'));
		const created = await call<RequestView>('POST', '/api/requests', { type: 'repair', buildingId: building.id, description });
		expect(created.status).toBe(201);
		return created.body;
	}

	it('delivers a request created on node B to a dispatcher connected to node A within a second', async () => {
		const socket = connectSocket(nodeA.url, await signIn(nodeA.url, 'dispatcher2'));
		await waitForConnect(socket);
		const heard = nextEvent(socket, 'request:created', 1000);
		const created = await createOn(nodeB, '跨节点：楼道漏水');
		expect((await heard).request.id).toBe(created.id);
		socket.disconnect();
	});

	it('delivers an assignment made on node A to that volunteer on node B, and to no other volunteer', async () => {
		const volunteerCookie = await signIn(nodeB.url, 'vol02');
		const me = (await apiClient(nodeB.url, volunteerCookie)<{ user: UserView }>('GET', '/api/session')).body.user;
		await apiClient(nodeB.url, volunteerCookie)('PUT', '/api/me/availability', { available: true });
		const assignee = connectSocket(nodeB.url, volunteerCookie);
		const bystander = connectSocket(nodeB.url, await signIn(nodeB.url, 'vol05'));
		await Promise.all([waitForConnect(assignee), waitForConnect(bystander)]);
		const bystanderHeard: string[] = [];
		bystander.onAny((event) => bystanderHeard.push(event));

		const request = await createOn(nodeB, '跨节点：插座没电');
		const assigned = nextEvent(assignee, 'task:assigned', 1000);
		const call = apiClient(nodeA.url, await signIn(nodeA.url, 'dispatcher'));
		const result = await call('POST', `/api/requests/${request.id}/assign`, { volunteerId: me.volunteerId, version: request.version });
		expect(result.status).toBe(200);
		expect((await assigned).request).toMatchObject({ id: request.id, status: 'assigned', assigneeId: me.volunteerId });
		await new Promise((resolve) => setTimeout(resolve, 300));
		expect(bystanderHeard).toEqual([]);
		assignee.disconnect();
		bystander.disconnect();
	});

	it('shows a volunteer connected to node B as online to a dispatcher on node A', async () => {
		const staffCookie = await signIn(nodeA.url, 'dispatcher');
		const staff = connectSocket(nodeA.url, staffCookie);
		await waitForConnect(staff);
		const volunteerCookie = await signIn(nodeB.url, 'vol09');
		const me = (await apiClient(nodeB.url, volunteerCookie)<{ user: UserView }>('GET', '/api/session')).body.user;
		const online = nextEvent(staff, 'presence:online', 2000);
		const tab = connectSocket(nodeB.url, volunteerCookie);
		await waitForConnect(tab);
		expect(await online).toEqual({ volunteerId: me.volunteerId, online: true });
		const listed = (await apiClient(nodeA.url, staffCookie)<{ id: string; online: boolean }[]>('GET', '/api/volunteers')).body;
		expect(listed.find((v) => v.id === me.volunteerId)?.online).toBe(true);
		tab.disconnect();
		staff.disconnect();
	});

	it("carries a killed node's clients over to the other node with nothing missed", async () => {
		const cookie = await signIn(nodeA.url, 'dispatcher');
		const seen = new Map<number, CaughtUpEvent>();
		const listen = (socket: TestSocket) =>
			socket.on('request:created', (data) => seen.set(data.seq, { seq: data.seq, event: 'request:created', data }));
		const onA = connectSocket(nodeA.url, cookie);
		listen(onA);
		await waitForConnect(onA);
		const before = await createOn(nodeB, '宕机前');
		await expect.poll(() => [...seen.values()].some((e) => e.event === 'request:created' && e.data.request.id === before.id)).toBe(true);
		const lastSeq = Math.max(...seen.keys());

		await nodeA.kill(); // SIGKILL: no goodbye to the client
		const missed = [await createOn(nodeB, '宕机期间一'), await createOn(nodeB, '宕机期间二')];

		// The client's reconnect lands on node B (as a load balancer would send it), then catches up.
		const onB = connectSocket(nodeB.url, cookie);
		listen(onB);
		await waitForConnect(onB);
		const caughtUp = await apiClient(nodeB.url, cookie)<CaughtUpEvent[]>('GET', `/api/events?after=${lastSeq}`);
		for (const event of caughtUp.body) seen.set(event.seq, event);
		const after = await createOn(nodeB, '恢复后');
		await expect.poll(() => [...seen.values()].some((e) => e.event === 'request:created' && e.data.request.id === after.id)).toBe(true);

		const createdIds = [...seen.values()]
			.filter((e) => e.event === 'request:created')
			.map((e) => (e.data as { request: RequestView }).request.id);
		for (const request of [before, ...missed, after]) expect(createdIds).toContain(request.id);
		const seqs = [...seen.keys()].sort((a, b) => a - b);
		expect(new Set(seqs).size).toBe(seqs.length);
		onB.disconnect();
	});
});

describe.skipIf(!hasPostgres || !process.env.TEST_REDIS_URL)('two app nodes sharing events through Redis streams', () => {
	let database: TestDatabase;
	const nodes: ForkedServer[] = [];

	beforeAll(async () => {
		database = await createDemoDatabase('postgres');
		const env = { ...database.env, REDIS_URL: process.env.TEST_REDIS_URL! };
		nodes.push(await forkServer(env), await forkServer(env));
	});
	afterAll(async () => {
		for (const node of nodes) await node.stop();
		await database?.drop();
	});

	it('delivers a request created on one node to a dispatcher on the other', async () => {
		const [nodeA, nodeB] = [nodes[0]!, nodes[1]!]; // both started in beforeAll
		const socket = connectSocket(nodeA.url, await signIn(nodeA.url, 'dispatcher2'));
		await waitForConnect(socket);
		const call = apiClient(nodeB.url, await signIn(nodeB.url, 'dispatcher'));
		const building = (await call<BuildingView[]>('GET', '/api/buildings')).body[0]!;
		const heard = nextEvent(socket, 'request:created', 1000);
		const created = await call<RequestView>('POST', '/api/requests', {
			type: 'haircut',
			buildingId: building.id,
			description: 'Redis 跨节点'
		});
		expect((await heard).request.id).toBe(created.body.id);
		socket.disconnect();
	});
});

/** Two clustered nodes on a fresh demo database, with `env` added, and a direct connection to it. */
function twoNodesSharingADatabase(env: Record<string, string>) {
	const cluster = {} as { database: TestDatabase; nodes: ForkedServer[]; sql: pg.Client };
	beforeAll(async () => {
		cluster.database = await createDemoDatabase('postgres');
		const nodeEnv = { ...cluster.database.env, CLUSTER: 'postgres', ...env };
		cluster.nodes = [await forkServer(nodeEnv), await forkServer(nodeEnv)];
		cluster.sql = new pg.Client({ connectionString: postgresUrl(cluster.database) });
		await cluster.sql.connect();
	});
	afterAll(async () => {
		await cluster.sql?.end();
		for (const node of cluster.nodes ?? []) await node.stop();
		await cluster.database?.drop();
	});
	return cluster;
}

describe.skipIf(!hasPostgres)("two app nodes' schedulers on one PostgreSQL", () => {
	// Both nodes look for due visits every 200 ms, so their schedulers keep meeting.
	const cluster = twoNodesSharingADatabase({ VISIT_CHECK_SECONDS: '0.2' });

	it('creates exactly one request per due elder visit, announced once on each node', async () => {
		const { nodes, sql } = cluster;
		const sockets = await Promise.all(
			nodes.map(async (node) => {
				const socket = connectSocket(node.url, await signIn(node.url, 'dispatcher'));
				await waitForConnect(socket);
				return socket;
			})
		);
		const announced = sockets.map(() => [] as RequestView[]);
		sockets.forEach((socket, i) => socket.on('request:created', ({ request }) => announced[i]!.push(request)));

		const visitCount = async () =>
			(await sql.query<{ n: number }>("select count(*)::int as n from requests where type = 'elder_visit'")).rows[0]!.n;
		const visitsBefore = await visitCount();
		// Every active plan falls due at the same past moment, while both schedulers are running.
		const dueAt = new Date(Date.now() - 60_000);
		const { rows: plans } = await sql.query<{ id: string }>('update visit_plans set next_due_at = $1 where active returning id', [dueAt]);
		expect(plans.length).toBeGreaterThan(5);

		const stillDue = async () =>
			(await sql.query<{ n: number }>('select count(*)::int as n from visit_plans where active and next_due_at <= $1', [dueAt])).rows[0]!.n;
		await expect.poll(stillDue, { timeout: 15_000 }).toBe(0);
		await new Promise((resolve) => setTimeout(resolve, 1000)); // ten more rounds on each node, which must add nothing

		const { rows: visits } = await sql.query<{ id: string; elder_id: string; community_id: string }>(
			"select id, elder_id, community_id from requests where type = 'elder_visit' and visit_due_at = $1",
			[dueAt]
		);
		const { rows: duplicateKeys } = await sql.query(
			'select visit_key from requests where visit_key is not null group by visit_key having count(*) > 1'
		);
		expect({ visits: visits.length, added: (await visitCount()) - visitsBefore, duplicateKeys }).toEqual({
			visits: plans.length,
			added: plans.length,
			duplicateKeys: []
		});

		// Each node's dispatcher hears every new visit of their community once, whichever node's
		// scheduler made it, and none of another community's.
		const { rows: dispatcherScope } = await sql.query<{ community_id: string }>(
			"select scope_area_id as community_id from users where username = 'dispatcher'"
		);
		const theirs = dispatcherScope[0]!.community_id;
		expect(new Set(visits.map((v) => v.community_id)).size).toBeGreaterThan(1);
		const visitIds = visits
			.filter((v) => v.community_id === theirs)
			.map((v) => v.id)
			.sort();
		const othersIds = new Set(visits.filter((v) => v.community_id !== theirs).map((v) => v.id));
		for (const heard of announced) {
			await expect.poll(() => heard.filter((r) => visitIds.includes(r.id)).length).toBe(visitIds.length);
			expect(
				heard
					.filter((r) => visitIds.includes(r.id))
					.map((r) => r.id)
					.sort()
			).toEqual(visitIds);
			expect(heard.filter((r) => othersIds.has(r.id))).toEqual([]);
		}
		for (const socket of sockets) socket.disconnect();
	});
});

describe.skipIf(!hasPostgres)("two app nodes' offer timeouts, community by community", () => {
	// Offers lapse after 3 s; both nodes look every 300 ms, so their jobs keep meeting.
	const cluster = twoNodesSharingADatabase({ OFFER_TIMEOUT_MINUTES: '0.05' });

	it('flags each community’s unanswered offer once, heard once by that community’s staff on either node', async () => {
		const { nodes, sql } = cluster;
		const [nodeA, nodeB] = nodes as [ForkedServer, ForkedServer];
		// 大田坝's dispatcher on A, 一段's on B, the county's coordinator on both.
		const listeners = [
			{ node: nodeA, username: 'dispatcher' },
			{ node: nodeB, username: 'yd.dispatcher' },
			{ node: nodeA, username: 'coordinator' },
			{ node: nodeB, username: 'coordinator' }
		];
		const sockets = await Promise.all(
			listeners.map(async ({ node, username }) => {
				const socket = connectSocket(node.url, await signIn(node.url, username));
				await waitForConnect(socket);
				const flagged: RequestView[] = [];
				socket.on('request:updated', ({ request }) => {
					if (request.offerExpiredAt) flagged.push(request);
				});
				return { socket, flagged };
			})
		);

		// One offer in each community, each to one of its own on-duty volunteers.
		const offers: { id: string; communityId: string }[] = [];
		for (const [node, username, volunteerName] of [
			[nodeA, 'dispatcher', 'vol02'],
			[nodeB, 'yd.dispatcher', 'yd19']
		] as const) {
			const call = apiClient(node.url, await signIn(node.url, username));
			const volunteerId = (await apiClient(node.url, await signIn(node.url, volunteerName))<{ user: UserView }>('GET', '/api/session')).body
				.user.volunteerId!;
			const buildings = (await call<BuildingView[]>('GET', '/api/buildings')).body;
			const created = await call<RequestView>('POST', '/api/requests', {
				type: 'repair',
				buildingId: buildings[0]!.id,
				description: `${volunteerName} 的超时测试`
			});
			expect(created.status).toBe(201);
			const assigned = await call<RequestView>('POST', `/api/requests/${created.body.id}/assign`, { volunteerId, version: 1 });
			expect(assigned.status).toBe(200);
			offers.push({ id: created.body.id, communityId: created.body.communityId });
		}
		expect(new Set(offers.map((o) => o.communityId)).size).toBe(2);

		const expiries = async (id: string) =>
			(await sql.query<{ n: number }>("select count(*)::int as n from events where request_id = $1 and action = 'offer_expired'", [id]))
				.rows[0]!.n;
		for (const offer of offers) await expect.poll(() => expiries(offer.id), { timeout: 15_000 }).toBe(1);
		await new Promise((resolve) => setTimeout(resolve, 1500)); // five more rounds on each node, which must add nothing
		for (const offer of offers) expect(await expiries(offer.id)).toBe(1);
		const { rows: twice } = await sql.query(
			"select request_id from events where action = 'offer_expired' group by request_id having count(*) > 1"
		);
		expect(twice).toEqual([]);

		const heard = (i: number) => sockets[i]!.flagged.filter((r) => offers.some((o) => o.id === r.id)).map((r) => r.id);
		const [datianbaOffer, yiduanOffer] = [offers[0]!, offers[1]!];
		await expect.poll(() => heard(0)).toEqual([datianbaOffer.id]);
		await expect.poll(() => heard(1)).toEqual([yiduanOffer.id]);
		for (const i of [2, 3]) await expect.poll(() => heard(i).sort()).toEqual([datianbaOffer.id, yiduanOffer.id].sort());
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect([heard(0), heard(1)]).toEqual([[datianbaOffer.id], [yiduanOffer.id]]);
		for (const { socket } of sockets) socket.disconnect();
	});
});

describe.skipIf(!hasPostgres)("two app nodes' auto-offer on one PostgreSQL", () => {
	// Offers lapse after 1.2 s, and both nodes step auto-offer: by the event each hears, and by their sweeps.
	const cluster = twoNodesSharingADatabase({ OFFER_TIMEOUT_MINUTES: '0.02', AUTO_OFFER_MAX_TRIES: '5' });

	it('offers to each online volunteer once across both nodes as each offer lapses, then stops, exhausted', async () => {
		const { nodes, sql } = cluster;
		const [nodeA, nodeB] = nodes as [ForkedServer, ForkedServer];
		const staff = apiClient(nodeA.url, await signIn(nodeA.url, 'dispatcher'));
		const building = (await staff<BuildingView[]>('GET', '/api/buildings')).body.find((b) => b.name === '8栋')!;
		// Three repairers online, their tabs open on one node or the other; none of them answers.
		const online: string[] = [];
		const sockets: TestSocket[] = [];
		for (let n = 1; n <= 48 && online.length < 3; n++) {
			const node = online.length % 2 === 0 ? nodeA : nodeB;
			const cookie = await signIn(node.url, `vol${String(n).padStart(2, '0')}`);
			const me = await apiClient(node.url, cookie)<{ id: string; skills: string[] }>('PUT', '/api/me/availability', { available: true });
			if (!me.body.skills.includes('repair')) continue;
			const socket = connectSocket(node.url, cookie);
			await waitForConnect(socket);
			sockets.push(socket);
			online.push(me.body.id);
		}
		expect(online).toHaveLength(3);

		const created = await staff<RequestView>('POST', '/api/requests', {
			type: 'repair',
			buildingId: building.id,
			description: '两个节点的自动派单',
			autoOffer: true
		});
		expect(created.status).toBe(201);
		const id = created.body.id;
		const state = async () =>
			(
				await sql.query<{ auto_offer: boolean; auto_exhausted: boolean }>('select auto_offer, auto_exhausted from requests where id = $1', [
					id
				])
			).rows[0]!;
		await expect.poll(state, { timeout: 30_000, interval: 250 }).toEqual({ auto_offer: false, auto_exhausted: true });
		await new Promise((resolve) => setTimeout(resolve, 2500)); // more sweeps on each node, which must add nothing

		const { rows } = await sql.query<{ action: string; volunteer_id: string | null; attempt: number | null }>(
			"select action, volunteer_id, (meta ->> 'attempt')::int as attempt from events where request_id = $1 order by seq",
			[id]
		);
		const offers = rows.filter((r) => r.action === 'assign');
		expect(offers.map((r) => r.attempt)).toEqual([1, 2, 3]);
		expect(new Set(offers.map((r) => r.volunteer_id)).size).toBe(3);
		expect(offers.every((r) => online.includes(r.volunteer_id!))).toBe(true);
		expect(rows.filter((r) => r.action === 'offer_requeued')).toHaveLength(3);
		expect(rows.filter((r) => r.action === 'auto_offer')).toHaveLength(1);
		for (const socket of sockets) socket.disconnect();
	});
});

describe.skipIf(!hasPostgres)("two app nodes' deadline job on one PostgreSQL", () => {
	// Both nodes look for passed deadlines every 200 ms.
	const cluster = twoNodesSharingADatabase({ DEADLINE_CHECK_SECONDS: '0.2', OFFER_TIMEOUT_MINUTES: '600' });

	it('marks each passed deadline once across both nodes, and the coordinators hear it', async () => {
		const { nodes, sql } = cluster;
		const [nodeA, nodeB] = nodes as [ForkedServer, ForkedServer];
		const coordinator = connectSocket(nodeB.url, await signIn(nodeB.url, 'coordinator'));
		await waitForConnect(coordinator);
		const heard: RequestView[] = [];
		coordinator.on('request:updated', ({ request }) => {
			if (request.overdue) heard.push(request);
		});
		const staff = apiClient(nodeA.url, await signIn(nodeA.url, 'dispatcher'));
		const building = (await staff<BuildingView[]>('GET', '/api/buildings')).body.find((b) => b.name === '12栋')!;
		const ids: string[] = [];
		for (let i = 0; i < 4; i++) {
			const created = await staff<RequestView>('POST', '/api/requests', {
				type: 'repair',
				buildingId: building.id,
				description: `时限测试 ${i}`
			});
			expect(created.status).toBe(201);
			expect(created.body.deadlines.assignBy).not.toBeNull();
			ids.push(created.body.id);
		}
		// Their time runs out now: both deadlines of the first two, the assign deadline of the others.
		await sql.query(
			"update requests set assign_by = now() - interval '1 minute', complete_by = now() - interval '1 minute', version = version + 1 where id = any($1)",
			[ids.slice(0, 2)]
		);
		await sql.query("update requests set assign_by = now() - interval '1 minute', version = version + 1 where id = any($1)", [
			ids.slice(2)
		]);
		const marks = async () =>
			(
				await sql.query<{ request_id: string; milestone: string; n: number }>(
					"select request_id, meta ->> 'milestone' as milestone, count(*)::int as n from events where action = 'overdue' and request_id = any($1) group by 1, 2",
					[ids]
				)
			).rows;
		await expect.poll(async () => (await marks()).length, { timeout: 15_000 }).toBe(6);
		await new Promise((resolve) => setTimeout(resolve, 1500)); // more rounds on each node, which must add nothing
		const rows = await marks();
		expect(rows.every((r) => r.n === 1)).toBe(true);
		expect(
			rows
				.filter((r) => r.milestone === 'complete')
				.map((r) => r.request_id)
				.sort()
		).toEqual(ids.slice(0, 2).sort());
		await expect.poll(() => new Set(heard.map((r) => r.id)).size).toBe(4);
		const last = heard.filter((r) => r.id === ids[0]).at(-1)!;
		expect(last).toMatchObject({ overdue: 'complete' });
		expect(last.attention).toContain('overdue');
		coordinator.disconnect();
	});
});
