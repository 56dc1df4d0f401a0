// Socket chatter has limits: a burst of client events is cut to the socket's budget (the rest
// are dropped unheard, each answered once with rate_limited, and nothing is broadcast for
// them), and one user cannot hold more than the configured number of sockets on a node.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { connectSocket, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import { openRequest, signedIn, someBuilding } from '../helpers/api-factories';

const LIMITS = { SOCKET_EVENT_BURST: '10', SOCKET_EVENTS_PER_SECOND: '5', SOCKET_MAX_PER_USER: '3' };

describe('socket limits', () => {
	let database: TestDatabase;
	let server: RunningServer;
	const sockets: TestSocket[] = [];
	const open = (cookie: string) => {
		const socket = connectSocket(server.url, cookie);
		sockets.push(socket);
		return socket;
	};

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		server = await startServer({ ...database.env, ...LIMITS });
	});
	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await server?.stop();
		await database?.drop();
	});

	it('drops events over the budget with one rate_limited answer each, and broadcasts nothing for them', async () => {
		const dispatcher = await signedIn(server.url, 'dispatcher');
		const request = await openRequest(dispatcher.call, (await someBuilding(dispatcher.call)).id);
		const chatty = open(dispatcher.cookie);
		const listener = open(await signIn(server.url, 'coordinator'));
		await Promise.all([waitForConnect(chatty), waitForConnect(listener)]);
		let broadcasts = 0;
		listener.on('presence:viewing', () => (broadcasts += 1));

		const SENT = 2000;
		const started = Date.now();
		const answers = await Promise.all(
			Array.from({ length: SENT }, (_, i) => chatty.timeout(10_000).emitWithAck('presence:view', i % 2 ? request.id : null))
		);
		const seconds = (Date.now() - started) / 1000;
		const accepted = answers.filter((a) => a.ok).length;
		const refused = answers.filter((a) => !a.ok && a.error === 'rate_limited').length;
		// Every event got exactly one answer: the handler's or the limit's.
		expect(accepted + refused).toBe(SENT);
		expect(accepted).toBeGreaterThanOrEqual(10);
		expect(accepted).toBeLessThanOrEqual(10 + Math.ceil(seconds * 5) + 1);
		// The listener hears at most one viewing change per accepted event (was 100 per event).
		await new Promise((resolve) => setTimeout(resolve, 500));
		expect(broadcasts).toBeLessThanOrEqual(accepted);
		expect(chatty.connected).toBe(true);
	});

	it("refuses a user's socket past the cap with a clear connect_error, and takes one again once another closes", async () => {
		const cookie = await signIn(server.url, 'vol10');
		const first = [open(cookie), open(cookie), open(cookie)];
		await Promise.all(first.map(waitForConnect));
		const fourth = open(cookie);
		await expect(waitForConnect(fourth)).rejects.toThrow('too_many_connections');
		// Another user is not affected.
		await waitForConnect(open(await signIn(server.url, 'vol11')));

		first[0]!.disconnect();
		await new Promise((resolve) => setTimeout(resolve, 300));
		await waitForConnect(open(cookie));
	});

	it('keeps the cap exact when many handshakes arrive at once', async () => {
		const cookie = await signIn(server.url, 'vol12');
		const many = Array.from({ length: 12 }, () => open(cookie));
		const outcomes = await Promise.allSettled(many.map(waitForConnect));
		expect(outcomes.filter((o) => o.status === 'fulfilled').length).toBe(3);
	});
});
