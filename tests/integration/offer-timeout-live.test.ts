// The offer timeout on the production server with a short real timeout: the board's staff
// socket hears the flag (or the requeue), and so does the volunteer it was offered to.
import { afterEach, describe, expect, it } from 'vitest';
import { ENGINES, createTestDatabase, type TestDatabase } from '../helpers/database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import type { BuildingView, RequestView, TimelineEntry, UserView } from '../../src/lib/api/types';

// 0.02 minutes is 1.2 s; the job then looks every 250 ms.
const SHORT_TIMEOUT = '0.02';

describe.each(ENGINES)('the offer timeout, live, on %s', (engine) => {
	let database: TestDatabase | undefined;
	let server: RunningServer | undefined;
	const sockets: TestSocket[] = [];

	afterEach(async () => {
		sockets.splice(0).forEach((s) => s.disconnect());
		await server?.stop();
		await database?.drop();
	});

	async function boot(action: 'flag' | 'requeue') {
		database = await createTestDatabase(engine);
		server = await startServer({ ...database.env, OFFER_TIMEOUT_MINUTES: SHORT_TIMEOUT, OFFER_TIMEOUT_ACTION: action });
		const url = server.url;
		const staffCookie = await signIn(url, 'dispatcher');
		const volunteerCookie = await signIn(url, 'vol01');
		const staff = apiClient(url, staffCookie);
		const volunteer = apiClient(url, volunteerCookie);
		const volunteerId = (await volunteer<{ user: UserView }>('GET', '/api/session')).body.user.volunteerId!;
		const board = connectSocket(url, await signIn(url, 'dispatcher2'));
		const tab = connectSocket(url, volunteerCookie);
		sockets.push(board, tab);
		await Promise.all([waitForConnect(board), waitForConnect(tab)]);
		await volunteer('PUT', '/api/me/availability', { available: true });
		const building = (await staff<BuildingView[]>('GET', '/api/buildings')).body[0];
		const created = await staff<RequestView>('POST', '/api/requests', { type: 'haircut', buildingId: building.id, description: '理发', contactPhone: '13800000000' });
		return { staff, volunteer, volunteerId, board, tab, created: created.body };
	}

	it('flags an unanswered offer on every board, once', async () => {
		const { staff, volunteerId, board, tab, created } = await boot('flag');
		const flagged = waitForEvent(board, 'request:updated', (p) => p.request.id === created.id && p.request.offerExpiredAt !== null);
		const told = waitForEvent(tab, 'task:updated', (p) => p.request.id === created.id && p.request.offerExpiredAt !== null);
		const assigned = await staff<RequestView>('POST', `/api/requests/${created.id}/assign`, { volunteerId, version: created.version });
		expect(assigned.status).toBe(200);

		const onBoard = await flagged;
		expect(onBoard.request).toMatchObject({ status: 'assigned', assigneeId: volunteerId, version: assigned.body.version + 1 });
		expect((await told).request.contactPhone).toBe('13800000000');

		// Several more runs of the job pass; the flag is still a single event.
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		const timeline = (await staff<{ events: TimelineEntry[] }>('GET', `/api/requests/${created.id}`)).body.events;
		expect(timeline.filter((e) => e.action === 'offer_expired')).toHaveLength(1);
		expect((await staff<{ request: RequestView }>('GET', `/api/requests/${created.id}`)).body.request.version).toBe(assigned.body.version + 1);
	});

	it('in requeue mode puts the offer back in the queue and tells the volunteer', async () => {
		const { staff, volunteer, volunteerId, board, tab, created } = await boot('requeue');
		const requeued = waitForEvent(board, 'request:updated', (p) => p.request.id === created.id && p.request.status === 'open' && p.request.version > created.version);
		const told = waitForEvent(tab, 'task:updated', (p) => p.request.id === created.id && p.request.status === 'open');
		await staff('POST', `/api/requests/${created.id}/assign`, { volunteerId, version: created.version });

		expect((await requeued).request.assigneeId).toBeNull();
		const update = await told;
		expect(update.request.contactPhone).toBeUndefined();
		expect((await volunteer<RequestView[]>('GET', '/api/me/tasks')).body.map((t) => t.id)).not.toContain(created.id);
		const timeline = (await staff<{ events: TimelineEntry[] }>('GET', `/api/requests/${created.id}`)).body.events;
		expect(timeline.map((e) => e.action)).toEqual(['create', 'assign', 'offer_requeued']);
	});
});
