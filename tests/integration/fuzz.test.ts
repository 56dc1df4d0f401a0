// Bad input: property-based fuzzing (fast-check) of every endpoint, page and socket handler
// with random and malformed bodies, query strings, ids, cookies and socket payloads.
// Never a 5xx, never a crash, never a partial write; oversized bodies are refused early.
import { request } from 'node:http';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { connectSocket, waitForConnect } from '../helpers/clients';
import { allEventsAfter } from '../helpers/catch-up-client';
import { assign, onDuty, openRequest, signedIn, someBuilding, type SignedIn } from '../helpers/api-factories';
import { HANDBACK_REASONS } from '../../src/lib/dispatch/reasons';

const RUNS = Number(process.env.FUZZ_RUNS ?? 100);
const STATUSES = ['open', 'assigned', 'accepted', 'in_progress', 'completed', 'cancelled'];

/** encodeURIComponent, which throws on lone surrogates: those become U+FFFD first. */
const encode = (text: string) => encodeURIComponent(text.toWellFormed());
/** Any value as query text. Objects go through JSON: String() throws on one whose `toString` key is not a function. */
const asText = (value: unknown) => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** Text of every kind: printable, any unicode (NUL and lone surrogates included), or huge. */
const anyText = fc.oneof(
	fc.string(),
	fc.string({ unit: 'binary' }),
	fc.constantFrom('', ' ', '\u0000', '\ud800', 'null', '%00', '../', '<script>', "'; drop table requests; --")
);
const anyNumber = fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 1, 2 ** 31, 2 ** 53, Number.MAX_SAFE_INTEGER, 1e308));
const anyValue = fc.oneof(anyText, anyNumber, fc.boolean(), fc.constant(null), fc.uuid(), fc.jsonValue());

/** Bodies: malformed text, any JSON, and objects shaped almost like the real ones. */
function bodies(shape: Record<string, fc.Arbitrary<unknown>>): fc.Arbitrary<string> {
	const nearValid = fc.record(Object.fromEntries(Object.entries(shape).map(([key, valid]) => [key, fc.oneof(valid, anyValue)])), {
		requiredKeys: []
	});
	return fc.oneof(
		{ weight: 1, arbitrary: anyText },
		{ weight: 1, arbitrary: fc.json() },
		{ weight: 3, arbitrary: nearValid.map((v) => JSON.stringify(v)) }
	);
}

interface Endpoint {
	name: string;
	method: string;
	/** Who calls it; 'garbage' sends a random cookie. */
	as: 'dispatcher' | 'volunteer' | 'coordinator' | 'anonymous' | 'garbage';
	path: fc.Arbitrary<string>;
	body?: fc.Arbitrary<string>;
	/** A success writes exactly this many events; a function reads them off the answer. */
	eventsPerSuccess: number | ((answer: unknown) => number);
	contentType?: string;
}

describe(`fuzzing on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let dispatcher: SignedIn;
	let volunteer: SignedIn;
	let coordinator: SignedIn;
	let ids: string[];
	let buildingId: string;
	let volunteerId: string;
	let communityId: string;
	let teamIds: string[];
	/** A volunteer the fuzzer may edit: not vol01, whose session and team the other calls use. */
	let editedVolunteerId: string;
	const figures = { cases: 0, http: 0, socket: 0, successes: 0, expectedEvents: 0 };
	/** The volunteer's switch as the last successful call left it (onDuty turns it on). */
	let onDutyNow = true;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		// No sign-in throttle or socket limits in the way: the fuzzer tries thousands of
		// credentials and socket events (socket-limits.test.ts tries the limits themselves).
		server = await startServer({
			...database.env,
			LOGIN_LIMIT_PER_ACCOUNT: '1000000',
			LOGIN_LIMIT_PER_IP: '1000000',
			SOCKET_EVENT_BURST: '1000000',
			SOCKET_MAX_PER_USER: '1000',
			// The demo's live offers must not lapse mid-run: an offer timeout is a write no call made.
			OFFER_TIMEOUT_MINUTES: '600'
		});
		dispatcher = await signedIn(server.url, 'dispatcher');
		volunteer = await signedIn(server.url, 'vol01');
		coordinator = await signedIn(server.url, 'coordinator');
		buildingId = (await someBuilding(dispatcher.call)).id;
		volunteerId = volunteer.user.volunteerId!;
		const type = await onDuty(volunteer);
		// Real ids in every state, so random bodies sometimes meet a request they could change.
		const open = await openRequest(dispatcher.call, buildingId, { type });
		const assigned = await assign(dispatcher.call, await openRequest(dispatcher.call, buildingId, { type }), volunteerId);
		ids = [open.id, assigned.id];
		// A team vol01 leads, so random hand-overs and edits sometimes meet a real one.
		communityId = (await someBuilding(dispatcher.call)).communityId;
		const team = await coordinator.call<{ id: string }>('POST', '/api/teams', {
			name: '模糊测试队',
			communityId,
			leaderVolunteerId: volunteerId,
			memberIds: [volunteerId],
			skills: [type]
		});
		teamIds = [team.body.id];
		editedVolunteerId = (await signedIn(server.url, 'vol02')).user.volunteerId!;
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	const requestId = () => fc.oneof(fc.constantFrom(...ids), fc.uuid(), anyText.map(encode));
	const endpoints = (): Endpoint[] => {
		const action = (name: string, as: Endpoint['as'], shape: Record<string, fc.Arbitrary<unknown>>): Endpoint => ({
			name: `POST /api/requests/:id/${name}`,
			method: 'POST',
			as,
			path: requestId().map((id) => `/api/requests/${id}/${name}`),
			body: bodies(shape),
			eventsPerSuccess: 1
		});
		const query = fc.dictionary(
			fc.oneof(fc.constantFrom('status', 'after', 'limit', 'next'), fc.string()),
			anyText.map((t) => t.toWellFormed()),
			{ maxKeys: 4 }
		);
		const withQuery = (path: string) => query.map((q) => `${path}?${new URLSearchParams(q).toString()}`);
		const minutes = fc.integer({ min: 1, max: 100_000 });
		const service = {
			name: fc.record({ zh: anyText, en: anyText }),
			skill: fc.constantFrom('haircut', 'repair', 'foot_care'),
			fee: fc.constantFrom('free', 'low_cost'),
			priceYuan: fc.oneof(fc.constant(null), fc.integer({ min: 0, max: 500 }), fc.double({ min: 0, max: 1000, noNaN: true })),
			assignWithinMin: minutes,
			completeWithinMin: minutes,
			urgentAssignWithinMin: minutes,
			urgentCompleteWithinMin: minutes,
			active: fc.boolean()
		};
		const serviceCode = fc.oneof(fc.constantFrom('haircut', 'repair', 'no_such_service'), fc.stringMatching(/^[a-z][a-z0-9_]{1,39}$/));
		const teamBodies = () =>
			bodies({
				name: anyText,
				communityId: fc.oneof(fc.constant(communityId), fc.uuid()),
				communityIds: fc.array(fc.oneof(fc.constant(communityId), fc.uuid()), { maxLength: 3 }),
				leaderVolunteerId: fc.constant(volunteerId),
				memberIds: fc.array(fc.oneof(fc.constant(volunteerId), fc.uuid()), { maxLength: 3 }),
				skills: fc.array(fc.oneof(fc.constantFrom('haircut', 'repair', 'elder_visit', 'nail_care'), anyText), { maxLength: 3 }),
				active: fc.boolean()
			});
		const volunteerFields = () => ({
			name: anyText,
			phone: fc.oneof(fc.stringMatching(/^[0-9+\-() ]{0,45}$/), anyText),
			skills: fc.array(fc.oneof(fc.constantFrom('haircut', 'repair', 'elder_visit', 'nail_care'), anyText), { maxLength: 3 }),
			homeBuildingId: fc.oneof(fc.constant(buildingId), fc.uuid()),
			teamIds: fc.array(fc.uuid(), { maxLength: 2 })
		});
		return [
			{
				name: 'POST /api/session',
				method: 'POST',
				as: 'anonymous',
				path: fc.constant('/api/session'),
				body: bodies({ username: fc.constantFrom('dispatcher', 'vol01'), password: anyText }),
				eventsPerSuccess: 0
			},
			{ name: 'GET /api/session (random cookie)', method: 'GET', as: 'garbage', path: withQuery('/api/session'), eventsPerSuccess: 0 },
			{
				name: 'DELETE /api/session (random cookie)',
				method: 'DELETE',
				as: 'garbage',
				path: fc.constant('/api/session'),
				body: bodies({}),
				eventsPerSuccess: 0
			},
			{
				name: 'PUT /api/me/password',
				method: 'PUT',
				as: 'volunteer',
				path: fc.constant('/api/me/password'),
				body: bodies({ currentPassword: anyText, newPassword: anyText }),
				eventsPerSuccess: 0
			},
			{ name: 'GET /api/buildings', method: 'GET', as: 'volunteer', path: withQuery('/api/buildings'), eventsPerSuccess: 0 },
			{ name: 'GET /api/volunteers', method: 'GET', as: 'dispatcher', path: withQuery('/api/volunteers'), eventsPerSuccess: 0 },
			{
				name: 'PUT /api/me/availability',
				method: 'PUT',
				as: 'volunteer',
				path: fc.constant('/api/me/availability'),
				body: bodies({
					available: fc.boolean(),
					lat: fc.double({ min: -90, max: 90, noNaN: true }),
					lng: fc.double({ min: -180, max: 180, noNaN: true })
				}),
				// The switch itself, and one change per held task when it flips (each is flagged off duty, or unflagged).
				eventsPerSuccess: (answer) => {
					const { available, heldTasks } = answer as { available: boolean; heldTasks: unknown[] };
					const flips = available === onDutyNow ? 0 : heldTasks.length;
					onDutyNow = available;
					return 1 + flips;
				}
			},
			{ name: 'GET /api/me/tasks', method: 'GET', as: 'volunteer', path: withQuery('/api/me/tasks'), eventsPerSuccess: 0 },
			{
				name: 'POST /api/requests',
				method: 'POST',
				as: 'dispatcher',
				path: fc.constant('/api/requests'),
				body: bodies({
					type: fc.constantFrom('haircut', 'repair', 'elder_visit'),
					buildingId: fc.constant(buildingId),
					description: anyText,
					urgency: fc.constantFrom('normal', 'urgent'),
					unit: anyText,
					contactName: anyText,
					contactPhone: fc.stringMatching(/^[0-9+\-() ]{0,45}$/)
				}),
				eventsPerSuccess: 1
			},
			{
				name: 'GET /api/requests',
				method: 'GET',
				as: 'dispatcher',
				path: fc
					.array(fc.oneof(fc.constantFrom(...STATUSES), anyText), { maxLength: 8 })
					.map((s) => `/api/requests?${s.map((v) => `status=${encode(v)}`).join('&')}`),
				eventsPerSuccess: 0
			},
			{
				name: 'GET /api/requests/lookup',
				method: 'GET',
				as: 'dispatcher',
				path: withQuery('/api/requests/lookup').map((p) => p.replace('?', '?q=x&')),
				eventsPerSuccess: 0
			},
			{
				name: 'GET /api/requests/:id',
				method: 'GET',
				as: 'volunteer',
				path: requestId().map((id) => `/api/requests/${id}`),
				eventsPerSuccess: 0
			},
			action('assign', 'dispatcher', { volunteerId: fc.constant(volunteerId), version: anyNumber }),
			action('assign', 'volunteer', { volunteerId: fc.constant(volunteerId), version: anyNumber }),
			action('hand-to-team', 'dispatcher', { teamId: fc.oneof(fc.constantFrom(...teamIds), fc.uuid()), version: anyNumber }),
			{ name: 'GET /api/teams', method: 'GET', as: 'dispatcher', path: withQuery('/api/teams'), eventsPerSuccess: 0 },
			{ name: 'GET /api/teams/led', method: 'GET', as: 'volunteer', path: withQuery('/api/teams/led'), eventsPerSuccess: 0 },
			{
				name: 'POST /api/teams',
				method: 'POST',
				as: 'coordinator',
				path: fc.constant('/api/teams'),
				body: teamBodies(),
				eventsPerSuccess: 1
			},
			{
				name: 'PUT /api/teams/:id',
				method: 'PUT',
				as: 'coordinator',
				path: fc.oneof(fc.constantFrom(...teamIds), fc.uuid(), anyText.map(encode)).map((id) => `/api/teams/${id}`),
				body: teamBodies(),
				eventsPerSuccess: 1
			},
			{
				name: 'POST /api/volunteers',
				method: 'POST',
				as: 'coordinator',
				path: fc.constant('/api/volunteers'),
				// Random team ids never exist, so a success joins no team: one volunteer:updated.
				body: bodies({ username: fc.oneof(fc.stringMatching(/^[a-z][a-z0-9._-]{1,12}$/), anyText), ...volunteerFields() }),
				eventsPerSuccess: 1
			},
			{
				name: 'PUT /api/volunteers/:id',
				method: 'PUT',
				as: 'coordinator',
				path: fc.oneof(fc.constant(editedVolunteerId), fc.uuid(), anyText.map(encode)).map((id) => `/api/volunteers/${id}`),
				// The same community's building: a success is one volunteer:updated.
				body: bodies(volunteerFields()),
				eventsPerSuccess: 1
			},
			{
				name: 'POST /api/volunteers/:id/deactivate',
				method: 'POST',
				as: 'coordinator',
				// Never a real volunteer: deactivating one would end sessions the other calls use.
				path: fc.oneof(fc.uuid(), anyText.map(encode)).map((id) => `/api/volunteers/${id}/deactivate`),
				body: bodies({ releaseTasks: anyValue }),
				eventsPerSuccess: 0
			},
			{
				name: 'POST /api/volunteers/:id/reactivate',
				method: 'POST',
				as: 'coordinator',
				// An active volunteer reactivated is a success that changes nothing.
				path: fc.oneof(fc.constant(editedVolunteerId), fc.uuid(), anyText.map(encode)).map((id) => `/api/volunteers/${id}/reactivate`),
				body: bodies({ x: anyValue }),
				eventsPerSuccess: 0
			},
			action('cancel', 'dispatcher', { reason: anyText, version: anyNumber }),
			action('accept', 'volunteer', { note: anyText }),
			action('decline', 'volunteer', { note: anyText, reason: fc.oneof(fc.constantFrom(...HANDBACK_REASONS), anyText) }),
			action('release', 'volunteer', { note: anyText, reason: fc.oneof(fc.constantFrom(...HANDBACK_REASONS), anyText) }),
			action('start', 'volunteer', { note: anyText }),
			action('complete', 'volunteer', { note: anyText }),
			{
				name: 'GET /api/events',
				method: 'GET',
				as: 'volunteer',
				path: fc
					.record({ after: anyValue, limit: anyValue })
					.map((q) => `/api/events?after=${encode(asText(q.after))}&limit=${encode(asText(q.limit))}`),
				eventsPerSuccess: 0
			},
			{
				name: 'GET /login?next=',
				method: 'GET',
				as: 'anonymous',
				path: anyText.map((next) => `/login?next=${encode(next)}`),
				eventsPerSuccess: 0
			},
			{
				name: 'POST /login (form)',
				method: 'POST',
				as: 'anonymous',
				path: fc.constant('/login'),
				body: fc.dictionary(fc.constantFrom('username', 'password', 'x'), anyText).map((f) => new URLSearchParams(f).toString()),
				contentType: 'application/x-www-form-urlencoded',
				eventsPerSuccess: 0
			},
			{
				name: 'GET pages',
				method: 'GET',
				as: 'dispatcher',
				path: fc
					.tuple(
						fc.constantFrom('/', '/dispatch', '/volunteer', '/history', '/admin/services', '/admin/teams', '/admin/volunteers', '/nowhere'),
						query
					)
					.map(([p, q]) => `${p}?${new URLSearchParams(q)}`),
				eventsPerSuccess: 0
			},
			// Last, so services it makes inactive take nothing from the calls above.
			{
				name: 'POST /api/services',
				method: 'POST',
				as: 'coordinator',
				path: fc.constant('/api/services'),
				body: bodies({ code: serviceCode, ...service }),
				eventsPerSuccess: 1
			},
			{
				name: 'PUT /api/services/:code',
				method: 'PUT',
				as: 'coordinator',
				path: fc.oneof(serviceCode, anyText.map(encode)).map((code) => `/api/services/${code}`),
				body: bodies({ code: serviceCode, ...service }),
				eventsPerSuccess: 1
			},
			{
				name: '/socket.io long-polling',
				method: 'POST',
				as: 'garbage',
				path: query.map((q) => `/socket.io/?EIO=4&transport=polling&${new URLSearchParams(q)}`),
				body: anyText,
				eventsPerSuccess: 0
			}
		];
	};

	async function eventCount(): Promise<number> {
		return (await allEventsAfter(server.url, dispatcher.cookie, 0)).length;
	}
	/** Requests ever created, finished or not: every creation is one request:created event. */
	async function createdCount(): Promise<number> {
		return (await allEventsAfter(server.url, dispatcher.cookie, 0)).filter((e) => e.event === 'request:created').length;
	}

	it('answers every random call to every endpoint below 500, in the contract shape, and writes only on success', async () => {
		const eventsBefore = await eventCount();
		const requestsBefore = await createdCount();
		let created = 0;
		for (const endpoint of endpoints()) {
			const cookieFor = {
				dispatcher: dispatcher.cookie,
				volunteer: volunteer.cookie,
				coordinator: coordinator.cookie,
				anonymous: null,
				garbage: 'x'
			};
			await fc.assert(
				fc.asyncProperty(
					endpoint.path,
					endpoint.body ?? fc.constant(undefined),
					fc.string({ unit: 'binary', maxLength: 80 }),
					async (path, body, garbage) => {
						figures.cases += 1;
						figures.http += 1;
						const cookie = endpoint.as === 'garbage' ? `session=${encodeURIComponent(garbage)}` : cookieFor[endpoint.as];
						const response = await fetch(`${server.url}${path}`, {
							method: endpoint.method,
							redirect: 'manual',
							headers: {
								...(cookie ? { cookie } : {}),
								...(body !== undefined ? { 'content-type': endpoint.contentType ?? 'application/json' } : {}),
								origin: server.url
							},
							body
						});
						const text = await response.text();
						expect(response.status, `${endpoint.method} ${path} ${body?.slice(0, 200)} → ${text.slice(0, 300)}`).toBeLessThan(500);
						if (path.startsWith('/api/') && response.status >= 400) {
							expect(JSON.parse(text)).toEqual({
								error: {
									code: expect.any(String),
									message: expect.any(String),
									...(JSON.parse(text).error.issues ? { issues: expect.any(Array) } : {})
								}
							});
						}
						if (response.status >= 200 && response.status < 300) {
							figures.successes += 1;
							const { eventsPerSuccess: perSuccess } = endpoint;
							figures.expectedEvents += typeof perSuccess === 'number' ? perSuccess : perSuccess(JSON.parse(text));
							if (endpoint.name === 'POST /api/requests') created += 1;
						}
					}
				),
				{ numRuns: RUNS }
			);
		}
		// Still alive, and exactly the successful writes wrote anything.
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		expect((await eventCount()) - eventsBefore).toBe(figures.expectedEvents);
		const requestsAfter = await createdCount();
		expect(requestsAfter - requestsBefore).toBe(created);
	}, 600_000);

	it('refuses oversized bodies before reading them, declared or streamed', async () => {
		const big = JSON.stringify({ type: 'repair', buildingId, description: 'x'.repeat(200_000) });
		const declared = await dispatcher.call('POST', '/api/requests', big);
		expect(declared.status).toBe(400);
		expect(declared.body).toMatchObject({ error: { code: 'invalid_input', message: expect.stringMatching(/larger than/) } });
		// Chunked, without a length: the answer comes while the client is still sending.
		const { status, sent } = await new Promise<{ status: number; sent: number }>((resolve, reject) => {
			const req = request(`${server.url}/api/requests`, {
				method: 'POST',
				headers: { cookie: dispatcher.cookie, 'content-type': 'application/json' }
			});
			let sent = 0;
			let answered = false;
			req.on('response', (res) => {
				answered = true;
				res.resume();
				resolve({ status: res.statusCode ?? 0, sent });
				req.destroy();
			});
			req.on('error', (error) => (answered ? undefined : reject(error)));
			const pump = () => {
				if (answered || sent >= 5_000_000) return void req.end();
				sent += 10_000;
				req.write('x'.repeat(10_000), () => setTimeout(pump, 5));
			};
			pump();
		});
		expect(status).toBe(400);
		expect(sent).toBeLessThan(5_000_000);
		const form = await fetch(`${server.url}/login`, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded', origin: server.url, accept: 'text/html' },
			body: `username=a&password=${'x'.repeat(200_000)}`
		});
		expect(form.status).toBeGreaterThanOrEqual(400);
		expect(form.status).toBeLessThan(500);
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
	});

	it('survives random socket payloads and events, acknowledging bad ones plainly', async () => {
		const socket = connectSocket(server.url, dispatcher.cookie);
		await waitForConnect(socket);
		await fc.assert(
			fc.asyncProperty(fc.oneof(anyValue, fc.anything(), fc.constantFrom(...ids)), async (payload) => {
				figures.cases += 1;
				figures.socket += 1;
				const ack = (await socket.timeout(5000).emitWithAck('presence:view', payload as string)) as { ok: boolean; error?: string };
				// What the server receives: socket.io sends JSON, so undefined arrives as null.
				const sent = (JSON.parse(JSON.stringify([payload])) as unknown[])[0];
				// Only null or a request of the dispatcher's scope can be viewed; any other id is not found.
				const valid = sent === null || ids.includes(sent as string);
				expect(ack.ok, JSON.stringify(sent)).toBe(valid);
			}),
			{ numRuns: RUNS * 3 }
		);
		// Unknown events, extra arguments, no ack, and raw garbage packets: ignored or the socket closes; the server lives.
		await fc.assert(
			fc.asyncProperty(
				fc.string(),
				fc.array(fc.anything(), { maxLength: 3 }),
				fc.string({ unit: 'binary', maxLength: 200 }),
				async (event, args, raw) => {
					figures.cases += 1;
					figures.socket += 1;
					const target = socket.connected ? socket : connectSocket(server.url, dispatcher.cookie);
					if (!target.connected) await waitForConnect(target);
					(target.emit as (e: string, ...a: unknown[]) => void)(event || 'x', ...args);
					(target.emit as (e: string, ...a: unknown[]) => void)('presence:view', ...args);
					(target.io.engine as unknown as { write(data: string): void }).write(raw);
				}
			),
			{ numRuns: RUNS }
		);
		const huge = connectSocket(server.url, dispatcher.cookie);
		await waitForConnect(huge);
		const closed = new Promise((resolve) => huge.once('disconnect', resolve));
		huge.emit('presence:view', 'x'.repeat(100_000));
		await closed;
		expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
		const fresh = connectSocket(server.url, dispatcher.cookie);
		await waitForConnect(fresh);
		expect((await fresh.timeout(5000).emitWithAck('presence:view', null)).ok).toBe(true);
		for (const s of [socket, huge, fresh]) s.disconnect();
		console.log(
			`[fuzz ${engine}] ${figures.cases} cases (${figures.http} HTTP over ${endpoints().length} endpoints, ${figures.socket} socket), ` +
				`${figures.successes} valid by chance, ${figures.expectedEvents} events written by them and none by the rest; 0 × 5xx`
		);
	}, 300_000);
});
