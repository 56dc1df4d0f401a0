// Durability: data survives a restart, and 201 means committed. A server killed with SIGKILL after the commit, before any
// client heard the broadcast, loses nothing: after a restart the change is there, and a
// client catches up on it exactly once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { forkServer, type ForkedServer } from '../helpers/server';
import { CatchUpClient, allEventsAfter } from '../helpers/catch-up-client';
import { TcpProxy } from '../helpers/tcp-proxy';
import { signedIn, sleep, someBuilding } from '../helpers/api-factories';
import { apiClient, signIn } from '../helpers/clients';
import type { RequestView } from '../../src/lib/api/types';

const BURST = 20;

describe(`durability on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: ForkedServer;
	let proxy: TcpProxy;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await forkServer(database.env);
		// The watching client reaches the server through a proxy the test can freeze.
		proxy = await TcpProxy.start({ host: '127.0.0.1', port: server.port });
	});
	afterAll(async () => {
		await proxy?.close();
		await server?.stop();
		await database?.drop();
	});

	it('keeps every change answered 201 through kill -9, and the client catches up on each exactly once', async () => {
		const dispatcher = await signedIn(server.url, 'dispatcher');
		const building = await someBuilding(dispatcher.call);
		const history = await allEventsAfter(server.url, dispatcher.cookie, 0);
		const since = history[history.length - 1]!.seq;
		const watcher = new CatchUpClient(`http://127.0.0.1:${proxy.port}`, (await signedIn(server.url, 'dispatcher2')).cookie, since);
		await new Promise<void>((resolve) => watcher.socket.once('connect', () => resolve()));
		await watcher.catchUp();

		// The watcher hears nothing more: the broadcast after these commits never reaches it.
		proxy.freeze();
		const single = await dispatcher.call<RequestView>('POST', '/api/requests', {
			type: 'repair',
			buildingId: building.id,
			description: '断电前提交'
		});
		expect(single.status).toBe(201);

		// A burst in flight, and SIGKILL the moment the first of it is answered 201.
		const answered: RequestView[] = [];
		let killed: Promise<void> | null = null;
		await Promise.allSettled(
			Array.from({ length: BURST }, async (_, i) => {
				const answer = await dispatcher.call<RequestView>('POST', '/api/requests', {
					type: 'repair',
					buildingId: building.id,
					description: `并发 ${i}`
				});
				if (answer.status === 201) {
					answered.push(answer.body);
					killed ??= server.kill();
				}
			})
		);
		killed ??= server.kill();
		await killed;
		expect(server.process.signalCode).toBe('SIGKILL');
		expect(watcher.liveArrivals).toBe(0);

		server = await forkServer(database.env, server.port);
		const after = await signedIn(server.url, 'dispatcher');
		for (const request of [single.body, ...answered]) {
			const found = await after.call<{ request: RequestView }>('GET', `/api/requests/${request.id}`);
			expect(found.status, `request ${request.id} answered 201 before the kill`).toBe(200);
			expect(found.body.request.description).toBe(request.description);
		}

		// The watcher's connection is reset; it reconnects by itself and catches up.
		proxy.cut();
		proxy.restore();
		const truth = await allEventsAfter(server.url, watcher.cookie, since);
		for (let waited = 0; watcher.lastSeq < truth[truth.length - 1]!.seq && waited < 20_000; waited += 100) await sleep(100);
		expect(watcher.applied).toEqual(truth);
		const heard = new Set(watcher.applied.flatMap((e) => (e.event === 'request:created' ? [e.data.request.id] : [])));
		for (const request of [single.body, ...answered]) expect(heard.has(request.id)).toBe(true);
		console.log(
			`[durability ${engine}] ${1 + answered.length} changes answered 201 before SIGKILL, all present after restart; ` +
				`${truth.length} events caught up (${truth.length - 1 - answered.length} committed without an answer), 0 lost, 0 twice`
		);
		watcher.close();
	}, 120_000);

	it('keeps its data across a restart', async () => {
		const call = apiClient(server.url, await signIn(server.url, 'dispatcher'));
		const before = (await call<RequestView[]>('GET', '/api/requests')).body;
		expect(before.length).toBeGreaterThan(0);
		await server.stop();
		server = await forkServer(database.env, server.port);
		const again = apiClient(server.url, await signIn(server.url, 'dispatcher'));
		const after = (await again<RequestView[]>('GET', '/api/requests')).body;
		expect(after.map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());
	});
});
