// Web security: sign-in throttling, sessions that end (logout, password change, expiry) and
// take their sockets with them, the Origin rule, security headers, and logs without personal data.
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { ENGINE, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { forkServer, startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import { callFrom, signInFrom } from '../helpers/from-address';
import { openRequest, signedIn, someBuilding } from '../helpers/api-factories';

const endedAndClosed = (socket: TestSocket) =>
	Promise.all([
		new Promise<void>((resolve) => socket.once('session:ended', () => resolve())),
		new Promise<string>((resolve) => socket.once('disconnect', (reason) => resolve(reason)))
	]);

describe('web security', () => {
	let database: TestDatabase;
	let server: RunningServer;

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		// Debug level: the log test at the end reads everything this file made the server say.
		server = await startServer({ ...database.env, LOG_LEVEL: 'debug' });
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	describe('sign-in throttle', () => {
		it('locks only the (account, address) pair after 5 failures: the owner elsewhere signs in at once', async () => {
			for (let i = 0; i < 5; i++) expect((await signInFrom('127.0.1.1', server.url, 'dispatcher2', 'wrong')).status).toBe(401);
			const locked = await signInFrom('127.0.1.1', server.url, 'DISPATCHER2', 'demo1234');
			expect(locked.status).toBe(429);
			expect(JSON.parse(locked.text)).toEqual({
				error: { code: 'rate_limited', message: expect.stringMatching(/Too many failed sign-ins/) }
			});
			expect(Number(locked.headers['retry-after'])).toBeGreaterThan(60);
			// The same account from another address, and another account from this one, are let in.
			expect((await signInFrom('127.0.1.2', server.url, 'dispatcher2', 'demo1234')).status).toBe(200);
			expect((await signInFrom('127.0.1.1', server.url, 'coordinator', 'demo1234')).status).toBe(200);
		});

		it('only slows an account guessed at from many addresses, never for more than a minute, and never a clean address', async () => {
			// 12 failures from 12 addresses: past the account-wide ceiling of 10.
			for (let i = 0; i < 12; i++) expect((await signInFrom(`127.0.6.${i + 1}`, server.url, 'vol24', 'wrong')).status).toBe(401);
			const slowed = await signInFrom('127.0.6.1', server.url, 'vol24', 'demo1234');
			expect(slowed.status).toBe(429);
			const wait = Number(slowed.headers['retry-after']);
			expect(wait).toBeGreaterThan(0);
			expect(wait).toBeLessThanOrEqual(60);
			// The owner, from an address with no failures, is let in with the right password.
			expect((await signInFrom('127.0.6.200', server.url, 'vol24', 'demo1234')).status).toBe(200);
		});

		it('answers 429 after 20 failures from one address, whatever the accounts', async () => {
			for (let i = 0; i < 20; i++) expect((await signInFrom('127.0.2.1', server.url, `nobody${i}`, 'guess')).status).toBe(401);
			expect((await signInFrom('127.0.2.1', server.url, 'vol20', 'demo1234')).status).toBe(429);
			expect((await signInFrom('127.0.2.2', server.url, 'vol20', 'demo1234')).status).toBe(200);
		});

		it('lets no more than 5 of 30 simultaneous guesses from one address reach the password check', async () => {
			const answers = await Promise.all(Array.from({ length: 30 }, () => signInFrom('127.0.3.1', server.url, 'vol21', 'guess')));
			const statuses = answers.map((a) => a.status);
			expect(statuses.filter((s) => s === 401).length).toBeLessThanOrEqual(5);
			expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(25);
			expect(statuses.filter((s) => s !== 401 && s !== 429)).toEqual([]);
		});

		it("forgives an address's failures after a successful sign-in from it", async () => {
			for (let i = 0; i < 4; i++) await signInFrom('127.0.4.1', server.url, 'vol22', 'wrong');
			expect((await signInFrom('127.0.4.1', server.url, 'vol22', 'demo1234')).status).toBe(200);
			for (let i = 0; i < 4; i++) expect((await signInFrom('127.0.4.1', server.url, 'vol22', 'wrong')).status).toBe(401);
		});

		it('throttles the login form too, and says so on the page', async () => {
			const form = (password: string) =>
				callFrom('127.0.5.1', `${server.url}/login`, {
					method: 'POST',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						origin: server.url,
						'accept-language': 'en',
						accept: 'text/html'
					},
					body: new URLSearchParams({ username: 'vol23', password }).toString()
				});
			for (let i = 0; i < 5; i++) expect((await form('wrong')).status).toBe(401);
			const page = await form('demo1234');
			expect(page.status).toBe(429);
			expect(page.text).toContain('Too many failed sign-ins');
		});
	});

	describe('sessions and their sockets', () => {
		it('logout ends that session and its sockets at once; the same user elsewhere stays signed in', async () => {
			const here = await signIn(server.url, 'vol30');
			const elsewhere = await signIn(server.url, 'vol30');
			const [hereSocket, elsewhereSocket] = [connectSocket(server.url, here), connectSocket(server.url, elsewhere)];
			await Promise.all([waitForConnect(hereSocket), waitForConnect(elsewhereSocket)]);
			const closed = endedAndClosed(hereSocket);
			expect((await apiClient(server.url, here)('DELETE', '/api/session')).status).toBe(204);
			await closed;
			expect(hereSocket.connected).toBe(false);
			expect((await apiClient(server.url, here)('GET', '/api/session')).status).toBe(401);
			const again = connectSocket(server.url, here);
			await expect(waitForConnect(again)).rejects.toThrow('unauthenticated');
			expect(elsewhereSocket.connected).toBe(true);
			for (const socket of [hereSocket, elsewhereSocket, again]) socket.disconnect();
		});

		it("a password change ends the user's other sessions and their sockets at once, and keeps this one", async () => {
			const here = await signIn(server.url, 'vol31');
			const other = await signIn(server.url, 'vol31');
			const [hereSocket, otherSocket] = [connectSocket(server.url, here), connectSocket(server.url, other)];
			await Promise.all([waitForConnect(hereSocket), waitForConnect(otherSocket)]);
			const call = apiClient(server.url, here);

			expect((await call('PUT', '/api/me/password', { currentPassword: 'nope', newPassword: 'new-password-31' })).status).toBe(422);
			expect((await call('PUT', '/api/me/password', { currentPassword: 'demo1234', newPassword: 'short' })).status).toBe(400);
			const closed = endedAndClosed(otherSocket);
			expect((await call('PUT', '/api/me/password', { currentPassword: 'demo1234', newPassword: 'new-password-31' })).status).toBe(204);
			await closed;
			expect((await apiClient(server.url, other)('GET', '/api/session')).status).toBe(401);
			expect((await call('GET', '/api/session')).status).toBe(200);
			expect(hereSocket.connected).toBe(true);
			expect((await signInFrom('127.0.6.1', server.url, 'vol31', 'demo1234')).status).toBe(401);
			expect((await signInFrom('127.0.6.1', server.url, 'vol31', 'new-password-31')).status).toBe(200);
			hereSocket.disconnect();
			otherSocket.disconnect();
		});

		it('an expired session gets 401, and its socket is told and closed', async () => {
			// A server whose sessions last 1.8 seconds: another configuration, so another process.
			const shortDatabase = await createDemoDatabase(ENGINE);
			const shortLived = await forkServer({ ...shortDatabase.env, SESSION_TTL_HOURS: '0.0005' });
			try {
				const cookie = await signIn(shortLived.url, 'vol32');
				const socket = connectSocket(shortLived.url, cookie);
				await waitForConnect(socket);
				const closed = endedAndClosed(socket);
				expect((await apiClient(shortLived.url, cookie)('GET', '/api/session')).status).toBe(200);
				await closed;
				expect((await apiClient(shortLived.url, cookie)('GET', '/api/session')).status).toBe(401);
				const again = connectSocket(shortLived.url, cookie);
				await expect(waitForConnect(again)).rejects.toThrow('unauthenticated');
				again.disconnect();
			} finally {
				await shortLived.stop();
				await shortDatabase.drop();
			}
		});
	});

	describe('the Origin rule', () => {
		it('refuses state changes that carry the cookie from a foreign origin, and allows same-origin or none', async () => {
			const dispatcher = await signedIn(server.url, 'dispatcher');
			const building = await someBuilding(dispatcher.call);
			const post = (origin: string | null) =>
				fetch(`${server.url}/api/requests`, {
					method: 'POST',
					headers: { cookie: dispatcher.cookie, 'content-type': 'application/json', ...(origin ? { origin } : {}) },
					body: JSON.stringify({ type: 'repair', buildingId: building.id, description: `来源 ${origin}` })
				});
			const before = (await dispatcher.call<unknown[]>('GET', '/api/requests')).body.length;
			const foreign = await post('https://evil.example');
			expect(foreign.status).toBe(403);
			expect(await foreign.json()).toMatchObject({ error: { code: 'forbidden' } });
			expect((await dispatcher.call<unknown[]>('GET', '/api/requests')).body.length).toBe(before);
			expect((await post(server.url)).status).toBe(201);
			expect((await post(null)).status).toBe(201);
			for (const [method, path] of [
				['DELETE', '/api/session'],
				['PUT', '/api/me/password'],
				['PUT', '/api/me/availability'],
				['POST', `/api/requests/${crypto.randomUUID()}/cancel`]
			]) {
				const answer = await fetch(`${server.url}${path}`, {
					method,
					headers: { cookie: dispatcher.cookie, origin: 'https://evil.example', 'content-type': 'application/json' },
					body: '{}'
				});
				expect({ method, path, status: answer.status }).toEqual({ method, path, status: 403 });
			}
			expect((await dispatcher.call('GET', '/api/session')).status).toBe(200);
		});

		it('refuses a form-like body from a foreign origin even without a cookie (login CSRF), in the contract JSON', async () => {
			const cases: [string, string, string][] = [
				['/login', 'application/x-www-form-urlencoded', 'username=dispatcher&password=demo1234'],
				['/api/session', 'text/plain', JSON.stringify({ username: 'dispatcher', password: 'demo1234' })],
				['/api/requests', 'multipart/form-data; boundary=x', '--x--']
			];
			for (const [path, type, body] of cases) {
				const answer = await fetch(`${server.url}${path}`, {
					method: 'POST',
					redirect: 'manual',
					headers: { origin: 'https://evil.example', 'content-type': type },
					body
				});
				expect({ path, status: answer.status, setCookie: answer.headers.getSetCookie().length }).toEqual({
					path,
					status: 403,
					setCookie: 0
				});
				expect(await answer.json()).toEqual({ error: { code: 'forbidden', message: expect.any(String) } });
			}
			// The same form from our own origin still signs in.
			const own = await fetch(`${server.url}/login`, {
				method: 'POST',
				redirect: 'manual',
				headers: { origin: server.url, 'content-type': 'application/x-www-form-urlencoded', accept: 'text/html' },
				body: 'username=dispatcher&password=demo1234'
			});
			expect(own.status).toBe(303);
			expect(own.headers.getSetCookie().join(';')).toMatch(/session=/);
		});

		it('refuses a socket handshake from a foreign origin', async () => {
			const { io } = await import('socket.io-client');
			const socket = io(server.url, {
				transports: ['websocket'],
				extraHeaders: { cookie: await signIn(server.url, 'dispatcher'), origin: 'https://evil.example' },
				reconnection: false,
				forceNew: true
			});
			await expect(waitForConnect(socket)).rejects.toThrow();
			socket.disconnect();
		});
	});

	describe('headers', () => {
		it('sends a CSP with frame-ancestors none and no inline scripts, and anti-framing headers', async () => {
			const page = await fetch(`${server.url}/login`);
			const csp = page.headers.get('content-security-policy') ?? '';
			expect(csp).toContain("frame-ancestors 'none'");
			expect(csp).toContain("object-src 'none'");
			expect(csp).toMatch(/script-src 'self'/);
			expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
			expect(page.headers.get('x-frame-options')).toBe('DENY');
			expect(page.headers.get('x-content-type-options')).toBe('nosniff');
			const api = await fetch(`${server.url}/api/session`);
			expect(api.headers.get('x-frame-options')).toBe('DENY');
			expect(api.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		});

		it("puts nosniff and frame protection on what Kit's hooks never see: static files, the service worker, socket.io", async () => {
			const page = await (await fetch(`${server.url}/login`)).text();
			const asset = page.match(/\/_app\/immutable\/[\w./-]+\.js/)?.[0];
			expect(asset).toBeDefined();
			const answers = {
				asset: await fetch(`${server.url}${asset}`),
				favicon: await fetch(`${server.url}/favicon.svg`),
				'service worker': await fetch(`${server.url}/task-alerts-sw.js`),
				'socket.io handshake': await fetch(`${server.url}/socket.io/?EIO=4&transport=polling`),
				'socket.io refusal': await fetch(`${server.url}/socket.io/?EIO=9&transport=nothing`)
			};
			for (const [what, answer] of Object.entries(answers)) {
				expect(answer.status, what).toBeLessThan(500);
				expect(answer.headers.get('x-content-type-options'), what).toBe('nosniff');
				expect(answer.headers.get('x-frame-options'), what).toBe('DENY');
				await answer.arrayBuffer();
			}
			expect(answers.asset.status).toBe(200);
			expect(answers['socket.io refusal'].status).toBe(400);
		});

		it('sets a Secure session cookie when the public ORIGIN is https, and not on plain http', async () => {
			const plain = await fetch(`${server.url}/api/session`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ username: 'vol25', password: 'demo1234' })
			});
			expect(plain.headers.get('set-cookie')).not.toMatch(/;\s*Secure/i);
			const tlsDatabase = await createDemoDatabase(ENGINE);
			const behindTls = await forkServer({ ...tlsDatabase.env, ORIGIN: 'https://dispatch.example.org' });
			try {
				const signedInThere = await fetch(`${behindTls.url}/api/session`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify({ username: 'vol25', password: 'demo1234' })
				});
				expect(signedInThere.status).toBe(200);
				expect(signedInThere.headers.get('set-cookie')).toMatch(/;\s*Secure/i);
				expect(signedInThere.headers.get('set-cookie')).toMatch(/;\s*HttpOnly/i);
			} finally {
				await behindTls.stop();
				await tlsDatabase.drop();
			}
		});
	});

	describe('input that used to reach the stack or the database', () => {
		it('answers 400, not 500, to a body nested 16,000 deep, even unauthenticated, and logs no error', async () => {
			const deep = '['.repeat(16_000) + ']'.repeat(16_000);
			for (const path of ['/api/session', '/api/requests']) {
				const answer = await fetch(`${server.url}${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-request-id': 'deep-body' },
					body: deep
				});
				expect(answer.status, path).toBeLessThan(500);
				expect([400, 401]).toContain(answer.status);
			}
			const signedIn = await signIn(server.url, 'dispatcher');
			const asStaff = await fetch(`${server.url}/api/requests`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', cookie: signedIn },
				body: deep
			});
			expect(asStaff.status).toBe(400);
			expect((await asStaff.json()).error.message).toMatch(/nested/);
			await fetch(`${server.url}/api/session`, { headers: { 'x-request-id': 'deep-last' } });
			await vi.waitFor(() => expect(server.output()).toContain('"requestId":"deep-last"'), { timeout: 5_000 });
			expect(server.output()).not.toMatch(/"level":50[^\n]*deep-body|unhandled error|unexpected error/);
		});

		it('refuses a history cursor naming an impossible instant before any query', async () => {
			const coordinator = apiClient(server.url, await signIn(server.url, 'coordinator'));
			const forged = Buffer.from(JSON.stringify({ f: '2026-02-30T03:04:05.123456Z', id: crypto.randomUUID() })).toString('base64url');
			const answer = await coordinator<{ error: { code: string } }>('GET', `/api/history?cursor=${forged}`);
			expect(answer.status).toBe(400);
			expect(answer.body.error.code).toBe('invalid_input');
		});
	});

	describe('logs', () => {
		it('log each request with its id, and never a phone number, a name, a password or a session token', async () => {
			const dispatcher = await signedIn(server.url, 'dispatcher');
			const building = await someBuilding(dispatcher.call);
			const request = await openRequest(dispatcher.call, building.id, { contactPhone: '139 1234 5678', contactName: '王秀兰' });
			await dispatcher.call('GET', `/api/requests/${request.id}`);
			await dispatcher.call('POST', '/api/requests', {
				type: 'repair',
				buildingId: building.id,
				description: 'x',
				contactPhone: '13987654321-bad!'
			});
			await signInFrom('127.0.7.1', server.url, 'dispatcher', 'Sup3r-Secret-Guess');
			const traced = await fetch(`${server.url}/api/session`, { headers: { cookie: dispatcher.cookie, 'x-request-id': 'trace-4242' } });
			expect(traced.headers.get('x-request-id')).toBe('trace-4242');
			await fetch(`${server.url}/api/session`, { headers: { 'x-request-id': 'evil {"level":60}' } });
			// Log lines reach us through a pipe after the answers do; stdout keeps their order, so
			// once a last marked request's line is here, every earlier line is too.
			await fetch(`${server.url}/api/session`, { headers: { 'x-request-id': 'trace-last' } });
			await vi.waitFor(() => expect(server.output()).toContain('"requestId":"trace-last"'), { timeout: 5_000 });

			const output = server.output();
			const lines = output
				.split('\n')
				.filter((l) => l.startsWith('{'))
				.map((l) => JSON.parse(l) as Record<string, unknown>);
			const requestLines = lines.filter((l) => l.msg === 'request');
			expect(requestLines.length).toBeGreaterThan(10);
			expect(requestLines.find((l) => l.requestId === 'trace-4242')).toMatchObject({ method: 'GET', route: '/api/session', status: 200 });
			expect(requestLines.every((l) => typeof l.requestId === 'string' && typeof l.ms === 'number' && typeof l.status === 'number')).toBe(
				true
			);
			const token = dispatcher.cookie.split('=')[1];
			// A missing token would pass the check below for nothing.
			if (!token) throw new Error(`the dispatcher's cookie has no value: ${dispatcher.cookie}`);
			// (The demo password is printed on purpose at start in demo mode; real passwords never are.)
			for (const secret of ['1234 5678', '13912345678', '王秀兰', '13987654321', 'Sup3r-Secret-Guess', 'new-password-31', token, 'evil']) {
				expect(output.includes(secret), `the log contains ${secret}`).toBe(false);
			}
		});
	});
});
