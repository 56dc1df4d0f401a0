// Dispatch that reaches someone (issue #16, "Done when"), on the production server with real
// HTTP and real sockets: an online volunteer far away ranks above offline ones near, and
// auto-offer asks online volunteers in turn, then hands the request back marked auto_exhausted.
// The two-node half (no offer twice) is in cluster.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { connectSocket, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import { openRequest, signedIn, type SignedIn } from '../helpers/api-factories';
import type { BuildingView, CandidateView, RequestView, TimelineEntry, VolunteerView } from '../../src/lib/api/types';

/** `metres` north of a building, as a phone's shared position would say. */
const north = (b: BuildingView, metres: number) => ({ lat: b.lat + metres / 111_195, lng: b.lng });

describe(`auto-offer and online-first candidates on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let staff: SignedIn;
	let building: BuildingView;
	/** Repair volunteers of 大田坝 we move about and bring online. */
	let repairers: SignedIn[];
	const sockets: TestSocket[] = [];

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		// No offer runs out by itself here: each step below is a decline.
		server = await startServer({ ...database.env, OFFER_TIMEOUT_MINUTES: '600', AUTO_OFFER_MAX_TRIES: '5' });
		staff = await signedIn(server.url, 'dispatcher');
		building = (await staff.call<BuildingView[]>('GET', '/api/buildings')).body.find((b) => b.name === '3栋')!;
		repairers = [];
		for (let n = 1; n <= 48 && repairers.length < 3; n++) {
			const volunteer = await signedIn(server.url, `vol${String(n).padStart(2, '0')}`);
			const me = await volunteer.call<VolunteerView>('PUT', '/api/me/availability', { available: true });
			if (me.body.skills.includes('repair')) repairers.push(volunteer);
		}
		expect(repairers).toHaveLength(3);
	});
	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await server?.stop();
		await database?.drop();
	});

	async function bringOnline(volunteer: SignedIn): Promise<TestSocket> {
		const socket = connectSocket(server.url, volunteer.cookie);
		await waitForConnect(socket);
		sockets.push(socket);
		return socket;
	}

	it('ranks the only online volunteer first, 2 km away, above eight offline ones nearer', async () => {
		const [far] = repairers as [SignedIn];
		await far.call('PUT', '/api/me/availability', { available: true, ...north(building, 2000) });
		await bringOnline(far);
		const request = await openRequest(staff.call, building.id, { type: 'repair', description: '门锁坏了，急' });
		const list = (await staff.call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates`)).body;
		expect(list[0]).toMatchObject({ volunteerId: far.user.volunteerId, online: true });
		expect(list[0]!.distanceM).toBeGreaterThanOrEqual(1990);
		const nearerOffline = list.filter((c) => !c.online && c.distanceM < 2000);
		expect(nearerOffline.length).toBeGreaterThanOrEqual(8);
		// With a limit of 8, they are still the one listed first.
		const eight = (await staff.call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates?limit=8`)).body;
		expect(eight.map((c) => c.volunteerId)).toEqual(list.slice(0, 8).map((c) => c.volunteerId));
		await staff.call('POST', `/api/requests/${request.id}/cancel`, { reason: '测试结束' });
	});

	it('offers to three online volunteers in ranking order as each declines, then marks the request auto_exhausted', async () => {
		// All three online, at different distances; everyone else is offline.
		const volunteerSockets = new Map<string, TestSocket>();
		for (const [i, volunteer] of repairers.entries()) {
			await volunteer.call('PUT', '/api/me/availability', { available: true, ...north(building, 100 + i * 300) });
			volunteerSockets.set(volunteer.user.volunteerId!, sockets[i] ?? (await bringOnline(volunteer)));
		}
		const board = connectSocket(server.url, staff.cookie);
		await waitForConnect(board);
		sockets.push(board);

		const request = await openRequest(staff.call, building.id, { type: 'repair', description: '自动派单测试' });
		const ranked = (await staff.call<CandidateView[]>('GET', `/api/requests/${request.id}/candidates`)).body;
		const expectedOrder = ranked.filter((c) => c.online).map((c) => c.volunteerId);
		expect(expectedOrder.sort()).toEqual(repairers.map((r) => r.user.volunteerId!).sort());
		const onlineInOrder = ranked.filter((c) => c.online).map((c) => c.volunteerId);

		// Each volunteer declines the moment the offer reaches their phone.
		const offeredTo: string[] = [];
		for (const [volunteerId, socket] of volunteerSockets) {
			const volunteer = repairers.find((r) => r.user.volunteerId === volunteerId)!;
			socket.on('task:assigned', ({ request: task }) => {
				if (task.id !== request.id) return;
				offeredTo.push(volunteerId);
				void volunteer.call('POST', `/api/requests/${task.id}/decline`, { reason: 'cannot_come' });
			});
		}
		const exhausted = waitForEvent(
			board,
			'request:updated',
			(p) => p.request.id === request.id && p.request.attention.includes('auto_exhausted')
		);
		const turnedOn = await staff.call<RequestView>('POST', `/api/requests/${request.id}/auto-offer`, { on: true });
		expect(turnedOn.status).toBe(200);
		expect(turnedOn.body.autoOffer).toEqual({ on: true, tried: 0 });

		const last = (await exhausted).request;
		expect(last).toMatchObject({ status: 'open', assigneeId: null, autoOffer: { on: false, tried: 3 } });
		expect(offeredTo).toEqual(onlineInOrder);
		const timeline = (await staff.call<{ events: TimelineEntry[] }>('GET', `/api/requests/${request.id}`)).body.events;
		const steps = timeline.filter((e) => e.action === 'assign' || e.action === 'decline' || e.action === 'auto_offer');
		expect(steps.map((e) => [e.action, e.action === 'assign' ? e.meta : e.action === 'auto_offer' ? e.meta : null])).toEqual([
			['auto_offer', { on: true, exhausted: false }],
			['assign', { source: 'auto_offer', attempt: 1, volunteerId: onlineInOrder[0] }],
			['decline', null],
			['assign', { source: 'auto_offer', attempt: 2, volunteerId: onlineInOrder[1] }],
			['decline', null],
			['assign', { source: 'auto_offer', attempt: 3, volunteerId: onlineInOrder[2] }],
			['decline', null],
			['auto_offer', { on: false, exhausted: true }]
		]);
		// While it worked, the declines were its business: no "declined" flag on the way.
		expect(last.attention).toEqual(['auto_exhausted']);
		for (const socket of volunteerSockets.values()) socket.removeAllListeners('task:assigned');
	});

	it('starts at creation with autoOffer, and a dispatcher’s own assign stops it', async () => {
		const [first, second] = repairers as [SignedIn, SignedIn];
		const offered = Promise.race(sockets.slice(0, 3).map((socket) => waitForEvent(socket, 'task:assigned', () => true)));
		const created = await staff.call<RequestView>('POST', '/api/requests', {
			type: 'repair',
			buildingId: building.id,
			description: '一开始就自动派单',
			autoOffer: true
		});
		expect(created.status).toBe(201);
		expect(created.body.autoOffer.on).toBe(true);
		const task = (await offered).request;
		expect(task.id).toBe(created.body.id);
		// The dispatcher moves it by hand: auto-offer is off from then on.
		const moved = await staff.call<RequestView>('POST', `/api/requests/${task.id}/reassign`, {
			volunteerId: second.user.volunteerId,
			version: task.version
		});
		expect(moved.status).toBe(200);
		expect(moved.body.autoOffer.on).toBe(false);
		await second.call('POST', `/api/requests/${task.id}/decline`, {});
		await new Promise((resolve) => setTimeout(resolve, 500));
		const after = (await staff.call<{ request: RequestView }>('GET', `/api/requests/${task.id}`)).body.request;
		expect(after).toMatchObject({ status: 'open', assigneeId: null, attention: ['declined'] });
		expect(first.user.volunteerId).not.toBe(second.user.volunteerId);
	});

	it('refuses a bad body, volunteers, and an accepted request', async () => {
		const request = await openRequest(staff.call, building.id, { type: 'repair' });
		const bad = await staff.call('POST', `/api/requests/${request.id}/auto-offer`, { on: 'yes' });
		expect(bad.status).toBe(400);
		expect(bad.body).toMatchObject({ error: { code: 'invalid_input' } });
		expect((await repairers[0]!.call('POST', `/api/requests/${request.id}/auto-offer`, { on: true })).status).toBe(403);
		expect((await staff.call('POST', `/api/requests/${crypto.randomUUID()}/auto-offer`, { on: true })).status).toBe(404);
		const assigned = await staff.call<RequestView>('POST', `/api/requests/${request.id}/assign`, {
			volunteerId: repairers[0]!.user.volunteerId,
			version: request.version
		});
		await repairers[0]!.call('POST', `/api/requests/${request.id}/accept`, {});
		const late = await staff.call('POST', `/api/requests/${request.id}/auto-offer`, { on: true, version: assigned.body.version + 1 });
		expect(late.status).toBe(409);
		const unchanged = (await staff.call<{ request: RequestView }>('GET', `/api/requests/${request.id}`)).body.request;
		expect(unchanged.autoOffer).toEqual({ on: false, tried: 0 });
	});
});
