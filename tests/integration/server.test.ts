// The foundation, end to end: the production server on each engine, real HTTP, real sockets.
import { Agent, get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, nextEvent, signIn, waitForConnect } from '../helpers/clients';
import type { BuildingView, RequestView, UserView } from '../../src/lib/api/types';

const STACK_TRACE = /\n\s+at |node_modules|\.ts:\d+/;

describe(`the production server on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await startServer(database.env);
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it('signs in the demo dispatcher and volunteer, with an HttpOnly session cookie', async () => {
		const response = await fetch(`${server.url}/api/session`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ username: 'dispatcher', password: 'demo1234' })
		});
		expect(response.status).toBe(200);
		const { user } = (await response.json()) as { user: UserView };
		expect(user).toMatchObject({ username: 'dispatcher', role: 'dispatcher', volunteerId: null });
		expect(response.headers.getSetCookie().join(';')).toMatch(/session=[^;]+;.*HttpOnly/i);

		const volunteerCookie = await signIn(server.url, 'vol01');
		const me = await apiClient(server.url, volunteerCookie)<{ user: UserView }>('GET', '/api/session');
		expect(me.status).toBe(200);
		expect(me.body.user.role).toBe('volunteer');
		expect(me.body.user.volunteerId).toMatch(/^[0-9a-f-]{36}$/);
	});

	it('keeps idle connections open longer than a load balancer does (65 s), so a proxy never reuses one it is closing', async () => {
		const keepAlive = await new Promise<string | undefined>((resolve, reject) =>
			get(`${server.url}/healthz`, { agent: new Agent({ keepAlive: true }) }, (response) => {
				response.resume();
				resolve(response.headers['keep-alive'] as string | undefined);
			}).on('error', reject)
		);
		expect(keepAlive).toBe('timeout=65');
	});

	it('compresses pages, JSON and static files for a browser that asks, and nothing for one that does not', async () => {
		const cookie = await signIn(server.url, 'dispatcher');
		/** The raw answer: fetch would decompress it unasked. */
		const raw = (path: string, encoding: string | null) =>
			new Promise<{ status: number; encoding: string | undefined; body: Buffer }>((resolve, reject) =>
				get(`${server.url}${path}`, { headers: { cookie, ...(encoding ? { 'accept-encoding': encoding } : {}) } }, (response) => {
					const chunks: Buffer[] = [];
					response.on('data', (chunk: Buffer) => chunks.push(chunk));
					response.on('end', () =>
						resolve({ status: response.statusCode!, encoding: response.headers['content-encoding'], body: Buffer.concat(chunks) })
					);
				}).on('error', reject)
			);
		const plain = await raw('/api/buildings', null);
		expect([plain.status, plain.encoding]).toEqual([200, undefined]);
		const brotli = await raw('/api/buildings', 'br, gzip');
		expect(brotli.encoding).toBe('br');
		expect(brotliDecompressSync(brotli.body).equals(plain.body)).toBe(true);
		expect(brotli.body.length).toBeLessThan(plain.body.length / 4);
		const gzip = await raw('/api/buildings', 'gzip');
		expect(gzip.encoding).toBe('gzip');
		expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);

		const page = await raw('/dispatch', 'gzip');
		expect(page.encoding).toBe('gzip');
		const html = gunzipSync(page.body).toString();
		const script = html.match(/\/_app\/immutable\/[\w./-]+\.js/)![0];
		const asset = await raw(script, 'br');
		expect([asset.status, asset.encoding]).toEqual([200, 'br']);
		expect(brotliDecompressSync(asset.body).equals((await raw(script, null)).body)).toBe(true);
	});

	it('answers a wrong password with 401 in the contract shape', async () => {
		const result = await apiClient(server.url, null)('POST', '/api/session', { username: 'dispatcher', password: 'nope' });
		expect(result.status).toBe(401);
		expect(result.body).toEqual({ error: { code: 'unauthenticated', message: expect.any(String) } });
	});

	it('answers malformed JSON with 400 and writes nothing', async () => {
		const cookie = await signIn(server.url, 'dispatcher');
		const call = apiClient(server.url, cookie);
		const before = await call<RequestView[]>('GET', '/api/requests');
		const result = await call('POST', '/api/requests', '{"type": "repair", "buildingId": ');
		expect(result.status).toBe(400);
		expect(result.body).toMatchObject({ error: { code: 'invalid_input', message: expect.any(String) } });
		expect(JSON.stringify(result.body)).not.toMatch(STACK_TRACE);
		const after = await call<RequestView[]>('GET', '/api/requests');
		expect(after.body.length).toBe(before.body.length);
	});

	it('answers a method an API path does not take, or a path it does not have, as not_found in JSON', async () => {
		const cookie = await signIn(server.url, 'dispatcher');
		const wrongMethod = await fetch(`${server.url}/api/requests/${crypto.randomUUID()}`, { method: 'POST', headers: { cookie } });
		expect(wrongMethod.status).toBe(404);
		expect(wrongMethod.headers.get('allow')).toMatch(/GET/);
		expect(await wrongMethod.json()).toEqual({
			error: { code: 'not_found', message: expect.stringMatching(/^POST is not supported .* it takes .*GET/) }
		});
		const noPath = await apiClient(server.url, cookie)('DELETE', '/api/no-such-thing');
		expect(noPath).toEqual({ status: 404, body: { error: { code: 'not_found', message: expect.any(String) } } });
	});

	it('never sends a stack trace, whatever the input', async () => {
		const cookie = await signIn(server.url, 'dispatcher');
		const call = apiClient(server.url, cookie);
		const answers = await Promise.all([
			call('POST', '/api/requests', '[]'),
			call('POST', '/api/requests', { type: 'repair', buildingId: 'not-a-uuid', description: 'x' }),
			call('GET', '/api/requests/%00'),
			call('GET', '/api/events?after=-1'),
			call('POST', `/api/requests/${crypto.randomUUID()}/assign`, { volunteerId: 42 })
		]);
		for (const answer of answers) {
			expect(answer.status).toBeGreaterThanOrEqual(400);
			expect(answer.status).toBeLessThan(500);
			expect(JSON.stringify(answer.body)).not.toMatch(STACK_TRACE);
		}
	});

	it('connects a socket with a dispatcher cookie and refuses one without', async () => {
		const cookie = await signIn(server.url, 'dispatcher');
		const good = connectSocket(server.url, cookie);
		await waitForConnect(good);
		expect(good.connected).toBe(true);
		good.disconnect();

		const anonymous = connectSocket(server.url, null);
		await expect(waitForConnect(anonymous)).rejects.toThrow('unauthenticated');
		anonymous.disconnect();
	});

	it('sends a new request to dispatchers live with its seq, and catch-up returns it', async () => {
		const dispatcherCookie = await signIn(server.url, 'dispatcher');
		const call = apiClient(server.url, dispatcherCookie);
		const buildings = (await call<BuildingView[]>('GET', '/api/buildings')).body;
		const building = buildings.find((b) => b.name === '3栋')!;
		expect(building).toBeDefined();

		const dispatcherSocket = connectSocket(server.url, await signIn(server.url, 'dispatcher2'));
		const volunteerSocket = connectSocket(server.url, await signIn(server.url, 'vol01'));
		await Promise.all([waitForConnect(dispatcherSocket), waitForConnect(volunteerSocket)]);
		let volunteerHeard = 0;
		volunteerSocket.onAny(() => volunteerHeard++);

		const arrival = nextEvent(dispatcherSocket, 'request:created');
		const created = await call<RequestView>('POST', '/api/requests', {
			type: 'repair',
			buildingId: building.id,
			description: '厨房水管漏水',
			unit: '2单元302',
			contactName: '陈阿姨',
			contactPhone: '13800001111'
		});
		expect(created.status).toBe(201);
		const event = await arrival;
		expect(event.request).toMatchObject({ id: created.body.id, status: 'open', version: 1 });
		expect(event.seq).toBeGreaterThan(0);

		const caughtUp = await call<{ seq: number; event: string }[]>('GET', `/api/events?after=${event.seq - 1}`);
		expect(caughtUp.body[0]).toMatchObject({ seq: event.seq, event: 'request:created' });
		await new Promise((r) => setTimeout(r, 200));
		expect(volunteerHeard).toBe(0);
		dispatcherSocket.disconnect();
		volunteerSocket.disconnect();
	});
});
