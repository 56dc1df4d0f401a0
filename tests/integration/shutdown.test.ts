// Graceful shutdown: on SIGTERM the server takes no new connections, finishes the requests in
// flight (their writes commit), closes its sockets, ends the database pool cleanly, exits 0.
import { request } from 'node:http';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE, postgresUrl } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { forkServer, type ForkedServer } from '../helpers/server';
import { connectSocket, waitForConnect } from '../helpers/clients';
import { signedIn, sleep, someBuilding } from '../helpers/api-factories';
import type { RequestView } from '../../src/lib/api/types';

async function abandonedSessions(url: string): Promise<{ sessions: number; abandoned: number }> {
	const client = new pg.Client({ connectionString: url });
	await client.connect();
	try {
		const { rows } = await client.query('select sessions, sessions_abandoned from pg_stat_database where datname = current_database()');
		return { sessions: Number(rows[0].sessions), abandoned: Number(rows[0].sessions_abandoned) };
	} finally {
		await client.end();
	}
}

describe(`SIGTERM on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: ForkedServer;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await forkServer(database.env);
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it('drains: the request in flight is answered 201, sockets close, the pool ends cleanly, exit 0', async () => {
		const dispatcher = await signedIn(server.url, 'dispatcher');
		const building = await someBuilding(dispatcher.call);
		const socket = connectSocket(server.url, dispatcher.cookie);
		await waitForConnect(socket);
		const socketClosed = new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)));

		// A request in flight: its headers and half its body are sent before the signal.
		const body = JSON.stringify({ type: 'repair', buildingId: building.id, description: '关机时正在提交的请求' });
		const bytes = Buffer.from(body);
		const inFlight = request(`${server.url}/api/requests`, {
			method: 'POST',
			headers: { cookie: dispatcher.cookie, 'content-type': 'application/json', 'content-length': String(bytes.length) }
		});
		const answer = new Promise<{ status: number; text: string }>((resolve, reject) => {
			inFlight.on('response', (res) => {
				let text = '';
				res.on('data', (chunk) => (text += chunk));
				res.on('end', () => resolve({ status: res.statusCode ?? 0, text }));
			});
			inFlight.on('error', reject);
		});
		inFlight.write(bytes.subarray(0, 20));
		await sleep(200);

		const exited = new Promise<number | null>((resolve) => server.process.once('exit', (code) => resolve(code)));
		server.process.kill('SIGTERM');
		for (let waited = 0; !server.output().includes('SIGTERM received') && waited < 10_000; waited += 50) await sleep(50);
		// No new connections while draining.
		await expect(fetch(`${server.url}/healthz`)).rejects.toThrow();

		inFlight.end(bytes.subarray(20));
		const finished = await answer;
		expect(finished.status).toBe(201);
		const created = JSON.parse(finished.text) as RequestView;
		expect(await socketClosed).toBe('transport close');
		expect(await exited).toBe(0);
		expect(server.output()).toContain('drained: 1 request(s) in flight finished');

		if (engine === 'postgres') {
			// Every connection of the pool said goodbye to PostgreSQL; none was just dropped.
			const stats = await abandonedSessions(postgresUrl(database));
			expect(stats.sessions).toBeGreaterThan(0);
			expect(stats.abandoned).toBe(0);
		}

		// The write that was in flight is there after a restart.
		server = await forkServer(database.env);
		const after = await signedIn(server.url, 'dispatcher');
		expect((await after.call('GET', `/api/requests/${created.id}`)).status).toBe(200);
		socket.disconnect();
	}, 120_000);
});
