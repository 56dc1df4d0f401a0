// The residents' loop on the production server, real HTTP and real sockets (contract part two,
// "Residents: intake, tracking, feedback"): a request by a building's code with no sign-in, a
// tracking link that follows it live and reaches only that request, never a phone number, the
// limits, duplicates, the confirmation code, and a low rating that reopens it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { io } from 'socket.io-client';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import { signedIn, type SignedIn } from '../helpers/api-factories';
import type { RequestView, VolunteerView } from '../../src/lib/api/types';
import type { TrackView } from '../../src/lib/dispatch/tracking';

/** Every string anywhere in a JSON value. */
function strings(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	if (Array.isArray(value)) return value.flatMap(strings);
	if (value && typeof value === 'object') return Object.values(value).flatMap(strings);
	return [];
}

describe(`residents' requests and tracking on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let staff: SignedIn;
	let volunteer: SignedIn;
	let buildingCode: string;
	let otherCode: string;
	let board: TestSocket;
	const anyone = () => apiClient(server.url, null);
	const sockets: { disconnect(): void }[] = [];
	let phoneSerial = 0;
	/** A phone of its own per test, so the per-phone limit and duplicates stay apart. */
	const nextPhone = () => `139${String(10_000_000 + ++phoneSerial).slice(-8)}`;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await startServer({ ...database.env, OFFER_TIMEOUT_MINUTES: '600', PUBLIC_LIMIT_PER_HOUR: '5' });
		staff = await signedIn(server.url, 'dispatcher');
		// A repairer, on duty: the tracking test gives them a repair.
		for (let n = 1; n <= 48; n++) {
			volunteer = await signedIn(server.url, `vol${String(n).padStart(2, '0')}`);
			const me = await volunteer.call<VolunteerView>('PUT', '/api/me/availability', { available: true });
			if (me.body.skills.includes('repair')) break;
		}
		// Staff read the stairwell codes with the buildings (they print the QR sheets).
		const buildings = (await staff.call<{ name: string; code?: string }[]>('GET', '/api/buildings')).body;
		[buildingCode, otherCode] = ['8栋', '9栋'].map((name) => buildings.find((b) => b.name === name)!.code!) as [string, string];
		expect(buildingCode).toMatch(/^[0-9a-z]{10}$/);
		const theirs = (await volunteer.call<{ code?: string }[]>('GET', '/api/buildings')).body;
		expect(theirs.every((b) => b.code === undefined)).toBe(true);
		board = connectSocket(server.url, staff.cookie);
		await waitForConnect(board);
	});
	afterAll(async () => {
		board?.disconnect();
		for (const socket of sockets) socket.disconnect();
		await server?.stop();
		await database?.drop();
	});

	async function submit(fields: Record<string, unknown> = {}, code = buildingCode) {
		return anyone()<{ token: string; trackingUrl: string; duplicate?: boolean }>('POST', '/api/public/requests', {
			buildingCode: code,
			unit: '2单元301',
			type: 'repair',
			description: '厨房水龙头漏水',
			contactName: '陈阿姨',
			contactPhone: nextPhone(),
			...fields
		});
	}

	it('describes a building by its code, and 404s an unknown one', async () => {
		const answer = await anyone()<{ name: string; communityName: string; services: { code: string; name: string }[] }>(
			'GET',
			`/api/public/buildings/${buildingCode}`
		);
		expect(answer.status).toBe(200);
		expect(answer.body.communityName).toBe('大田坝社区');
		expect(answer.body.services.map((s) => s.code)).toContain('repair');
		expect((await anyone()('GET', '/api/public/buildings/zzzzzzzzzz')).status).toBe(404);
	});

	it('takes a request with no sign-in, reaches the board live as from a resident, and a duplicate gets the same link', async () => {
		const phone = nextPhone();
		const heard = waitForEvent(board, 'request:created', (p) => p.request.source === 'resident' && p.request.contactPhone === phone);
		const first = await submit({ contactPhone: `${phone.slice(0, 3)} ${phone.slice(3, 7)} ${phone.slice(7)}` });
		expect(first.status).toBe(201);
		expect(first.body.token.length).toBeGreaterThanOrEqual(22);
		expect(first.body.trackingUrl).toBe(`/t/${first.body.token}`);
		const live = (await heard).request;
		expect(live).toMatchObject({ source: 'resident', status: 'open', attention: ['from_resident'] });
		expect(live.deadlines.assignBy).not.toBeNull();
		const again = await submit({ contactPhone: phone });
		expect(again.status).toBe(200);
		expect(again.body).toEqual({ ...first.body, duplicate: true });
		// Another service is another request.
		expect((await submit({ contactPhone: phone, type: 'haircut' })).status).toBe(201);
	});

	it('refuses a bad phone or missing fields plainly, and writes nothing', async () => {
		for (const contactPhone of ['12345', '2345678', 'abcdefghijk']) {
			const answer = await submit({ contactPhone });
			expect(answer.status, contactPhone).toBe(400);
			expect(answer.body).toMatchObject({ error: { code: 'invalid_input', issues: [expect.objectContaining({ path: 'contactPhone' })] } });
		}
		const empty = await submit({ unit: '', description: ' ' });
		expect(empty.status).toBe(400);
		expect((empty.body as unknown as { error: { issues: { path: string }[] } }).error.issues.map((i) => i.path).sort()).toEqual([
			'description',
			'unit'
		]);
		expect((await submit({}, 'zzzzzzzzzz')).status).toBe(404);
	});

	it('follows the request live on its own socket only, never showing a phone, and takes one rating that may reopen it', async () => {
		const fresh = server;
		{
			const call = apiClient(fresh.url, null);
			const make = async () =>
				(
					await call<{ token: string }>('POST', '/api/public/requests', {
						buildingCode,
						unit: '5单元502',
						type: 'repair',
						description: '门锁坏了',
						contactName: '王伯',
						contactPhone: nextPhone()
					})
				).body.token;
			const [mine, theirs] = [await make(), await make()];

			// A wrong token: connect_error not_found.
			const stranger = io(fresh.url, {
				path: '/socket.io',
				transports: ['websocket'],
				auth: { track: 'A'.repeat(32) },
				reconnection: false
			});
			sockets.push(stranger);
			expect(await new Promise((resolve) => stranger.on('connect_error', (e) => resolve(e.message)))).toBe('not_found');
			expect((await call('GET', `/api/public/track/${'A'.repeat(32)}`)).status).toBe(404);

			const mySocket = io(fresh.url, { path: '/socket.io', transports: ['websocket'], auth: { track: mine }, reconnection: false });
			const theirSocket = io(fresh.url, { path: '/socket.io', transports: ['websocket'], auth: { track: theirs }, reconnection: false });
			sockets.push(mySocket, theirSocket);
			await Promise.all([mySocket, theirSocket].map((s) => new Promise((resolve) => s.on('connect', () => resolve(null)))));
			const theirsHeard: TrackView[] = [];
			theirSocket.on('track:updated', (v: TrackView) => theirsHeard.push(v));
			const mine1 = (await call<TrackView>('GET', `/api/public/track/${mine}`)).body;
			expect(mine1).toMatchObject({ status: 'open', building: '8栋', unit: '5单元502', volunteerName: null, canRate: false });
			expect(mine1.confirmationCode).toMatch(/^\d{4}$/);

			// Staff assign; the volunteer accepts, starts, and completes with the resident's code.
			const freshStaff = apiClient(fresh.url, await (await import('../helpers/clients')).signIn(fresh.url, 'dispatcher'));
			const freshVolunteer = volunteer.call;
			const open = (await freshStaff<RequestView[]>('GET', '/api/requests?status=open')).body.find(
				(r) => r.unit === '5单元502' && r.source === 'resident' && r.status === 'open'
			)!;
			const steps: string[] = [];
			mySocket.on('track:updated', (v: TrackView) => steps.push(v.status));
			const named = new Promise<TrackView>((resolve) => mySocket.on('track:updated', (v: TrackView) => v.volunteerName && resolve(v)));
			const assigned = await freshStaff<RequestView>('POST', `/api/requests/${open.id}/assign`, {
				volunteerId: volunteer.user.volunteerId,
				version: open.version
			});
			expect(assigned.status).toBe(200);
			expect((await named).volunteerName).toMatch(/^.(师傅|志愿者)$/);
			for (const action of ['accept', 'start'] as const)
				expect((await freshVolunteer('POST', `/api/requests/${open.id}/${action}`, {})).status).toBe(200);
			const wrong = String((Number(mine1.confirmationCode) + 1) % 10_000).padStart(4, '0');
			const refused = await freshVolunteer('POST', `/api/requests/${open.id}/complete`, { code: wrong });
			expect(refused.status).toBe(422);
			const done = await freshVolunteer<RequestView>('POST', `/api/requests/${open.id}/complete`, { code: mine1.confirmationCode });
			expect(done.status).toBe(200);
			expect(done.body.confirmed).toBe(true);
			await expect.poll(() => steps.at(-1)).toBe('completed');
			expect(steps).toEqual(expect.arrayContaining(['assigned', 'accepted', 'in_progress', 'completed']));
			expect(theirsHeard).toEqual([]);

			// No phone, anywhere, in anything the public API said.
			const final = (await call<TrackView>('GET', `/api/public/track/${mine}`)).body;
			const said = strings([mine1, final, await (await call('GET', `/api/public/buildings/${buildingCode}`)).body]);
			// Residents' and volunteers' phones are all mainland mobiles (the form takes landlines too: none here).
			for (const text of said) expect(text).not.toMatch(/1[3-9]\d{9}/);

			// One rating, after completion; a 2 reopens it for the board.
			expect((await call('POST', `/api/public/track/${theirs}/feedback`, { rating: 5 })).status).toBe(409);
			const reopenedHeard = waitForEvent(
				await (async () => {
					const s = connectSocket(fresh.url, await (await import('../helpers/clients')).signIn(fresh.url, 'dispatcher'));
					await waitForConnect(s);
					sockets.push(s);
					return s;
				})(),
				'request:created',
				(p) => p.request.reopenOf === open.id
			);
			const rated = await call<TrackView>('POST', `/api/public/track/${mine}/feedback`, { rating: 2, comment: '还是漏' });
			expect(rated.status).toBe(200);
			expect(rated.body).toMatchObject({ feedback: { rating: 2, comment: '还是漏' }, canRate: false });
			const reopened = (await reopenedHeard).request;
			expect(reopened).toMatchObject({ status: 'open', reopenOf: open.id, unit: '5单元502', source: 'resident' });
			expect(reopened.attention).toContain('low_rating');
			expect((await call('POST', `/api/public/track/${mine}/feedback`, { rating: 5 })).status).toBe(409);
			const bad = await call('POST', `/api/public/track/${mine}/feedback`, { rating: 6 });
			expect(bad.status).toBe(400);
		}
	});

	it('answers 429 past the limit per hour from one address, and keeps what was taken', async () => {
		// Four new requests from this address so far (two above, two in the tracking test); the fifth is the last.
		const phone = nextPhone();
		expect((await submit({ type: 'haircut', unit: '7单元701', contactPhone: phone })).status).toBe(201);
		const over = await submit({ type: 'haircut', unit: '7单元702' }, otherCode);
		expect(over.status).toBe(429);
		expect(over.body).toMatchObject({ error: { code: 'rate_limited' } });
		// A duplicate of one already taken still answers with its link.
		const again = await anyone()('POST', '/api/public/requests', {
			buildingCode,
			unit: '7单元701',
			type: 'haircut',
			description: '再问一次',
			contactName: '陈阿姨',
			contactPhone: phone
		});
		expect(again.status).toBe(200);
	});
});
