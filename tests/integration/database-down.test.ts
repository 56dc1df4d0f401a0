// The database goes away: the API says 503 unavailable plainly, sockets drop to
// reconnecting/offline, and everything comes back by itself when the database does, with
// nothing lost. The server reaches a real PostgreSQL through a proxy this test cuts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrl, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { forkServer, type ForkedServer } from '../helpers/server';
import { CatchUpClient, allEventsAfter } from '../helpers/catch-up-client';
import { TcpProxy, targetOf, throughProxy } from '../helpers/tcp-proxy';
import { connectSocket, waitForConnect } from '../helpers/clients';
import { signedIn, sleep, someBuilding, type SignedIn } from '../helpers/api-factories';
import type { RequestView } from '../../src/lib/api/types';

const hasPostgres = Boolean(process.env.TEST_DATABASE_URL);

async function until(condition: () => boolean | Promise<boolean>, timeoutMs = 20_000): Promise<void> {
	for (let waited = 0; !(await condition()); waited += 100) {
		if (waited > timeoutMs) throw new Error('condition not met in time');
		await sleep(100);
	}
}

/**
 * A production server on a fresh database that it reaches through a proxy the test can cut: a
 * process of its own, since what is under test is that the process survives.
 */
function serverBehindProxy(env: Record<string, string> = {}) {
	const parts = {} as { database: TestDatabase; proxy: TcpProxy; server: ForkedServer };
	beforeAll(async () => {
		parts.database = await createDemoDatabase('postgres');
		parts.proxy = await TcpProxy.start(targetOf(postgresUrl(parts.database)));
		parts.server = await forkServer({
			DATABASE_URL: throughProxy(postgresUrl(parts.database), parts.proxy),
			DEMO: '1',
			DB_CHECK_SECONDS: '0.5',
			...env
		});
	});
	afterAll(async () => {
		await parts.server?.stop();
		await parts.proxy?.close();
		await parts.database?.drop();
	});
	return parts;
}

describe.skipIf(!hasPostgres)('a server whose PostgreSQL goes away', () => {
	const parts = serverBehindProxy();
	let server: ForkedServer;
	let proxy: TcpProxy;
	let dispatcher: SignedIn;
	let buildingId: string;

	beforeAll(async () => {
		({ server, proxy } = parts);
		dispatcher = await signedIn(server.url, 'dispatcher');
		buildingId = (await someBuilding(dispatcher.call)).id;
	});

	it('answers 503 unavailable, drops sockets to reconnecting, and recovers by itself with nothing lost', async () => {
		const history = await allEventsAfter(server.url, dispatcher.cookie, 0);
		const since = history[history.length - 1]!.seq;
		const watcher = new CatchUpClient(server.url, (await signedIn(server.url, 'dispatcher2')).cookie, since);
		const socketErrors: string[] = [];
		watcher.socket.on('connect_error', (error) => socketErrors.push(error.message));
		await until(() => watcher.socket.connected);
		const before = await dispatcher.call<RequestView>('POST', '/api/requests', { type: 'repair', buildingId, description: '断库之前' });
		expect(before.status).toBe(201);

		proxy.cut();

		// The API: 503 in the contract's shape, with a plain message, for reads and writes.
		const answers = await Promise.all([
			dispatcher.call('GET', '/api/requests'),
			dispatcher.call('POST', '/api/requests', { type: 'repair', buildingId, description: '断库期间' }),
			dispatcher.call('GET', '/api/volunteers'),
			dispatcher.call('POST', '/api/session', { username: 'dispatcher', password: 'demo1234' })
		]);
		for (const answer of answers) {
			expect(answer.status).toBe(503);
			expect(answer.body).toEqual({ error: { code: 'unavailable', message: expect.stringMatching(/database cannot be reached/i) } });
		}
		expect((await fetch(`${server.url}/readyz`)).status).toBe(503);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		// A page says so too, with 503 rather than a crash or a trip to the login page.
		const page = await fetch(`${server.url}/dispatch`, {
			headers: { cookie: dispatcher.cookie, 'accept-language': 'en' },
			redirect: 'manual'
		});
		expect(page.status).toBe(503);
		expect(await page.text()).toContain('The database cannot be reached right now');

		// Sockets: dropped, and refused while the sessions cannot be read.
		await until(() => !watcher.socket.connected);
		await until(() => socketErrors.includes('unavailable'));
		const newcomer = connectSocket(server.url, dispatcher.cookie);
		await expect(waitForConnect(newcomer)).rejects.toThrow('unavailable');
		newcomer.disconnect();

		proxy.restore();

		// Everything comes back by itself: readiness, the socket (which catches up), writes.
		await until(async () => (await fetch(`${server.url}/readyz`)).status === 200);
		await until(() => watcher.socket.connected);
		const after = await dispatcher.call<RequestView>('POST', '/api/requests', { type: 'repair', buildingId, description: '恢复之后' });
		expect(after.status).toBe(201);
		const truth = await allEventsAfter(server.url, watcher.cookie, since);
		await until(() => watcher.applied.length >= truth.length);
		expect(watcher.applied).toEqual(truth);
		const created = truth.flatMap((e) => (e.event === 'request:created' ? [e.data.request.description] : []));
		// The write refused during the outage left nothing behind; the others are all there.
		expect(created).toEqual(['断库之前', '恢复之后']);
		watcher.close();
	}, 120_000);
});

describe.skipIf(!hasPostgres)('a server whose PostgreSQL connections are reset mid-work', () => {
	// The visit job runs every 50 ms, so a pool client is nearly always checked out (holding
	// the job's advisory lock) between two queries when the connections are reset.
	const parts = serverBehindProxy({ VISIT_CHECK_SECONDS: '0.05' });

	it('stays up through repeated resets under load, and answers ready again each time', async () => {
		const { server, proxy } = parts;
		const dispatcher = await signedIn(server.url, 'dispatcher');
		const alive = () => server.process.exitCode === null && server.process.signalCode === null;
		for (let round = 0; round < 5; round++) {
			const load = setInterval(() => {
				void dispatcher.call('GET', '/api/requests').catch(() => {});
				void fetch(`${server.url}/readyz`).catch(() => {});
			}, 10);
			await sleep(300);
			proxy.cut();
			await sleep(1500);
			clearInterval(load);
			expect({ round, alive: alive(), output: alive() ? '' : server.output().slice(-1500) }).toEqual({ round, alive: true, output: '' });
			proxy.restore();
			await until(async () => (await fetch(`${server.url}/readyz`)).status === 200);
		}
	}, 120_000);
});
