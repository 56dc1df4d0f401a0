// The offer timeout on the production server with a short real timeout: the board's staff
// socket hears the flag, and so does the volunteer it was offered to.
//
// One engine is enough here, and every server boot counts on a small CI machine: real
// PostgreSQL when there is one, else PGlite. Exactly-once under a controlled clock (and
// requeue mode) runs on both engines in offer-timeouts.test.ts, and the e2e spec
// offer-timeout.spec.ts sees the same flag live on an embedded PGlite server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import type { BuildingView, RequestView, TimelineEntry, UserView } from '../../src/lib/api/types';

describe(`the offer timeout, live, on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	const sockets: TestSocket[] = [];

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		// 0.02 minutes is 1.2 s; the job then looks every 250 ms.
		server = await startServer({ ...database.env, OFFER_TIMEOUT_MINUTES: '0.02', OFFER_TIMEOUT_ACTION: 'flag' });
	});
	afterAll(async () => {
		sockets.forEach((s) => s.disconnect());
		await server?.stop();
		await database?.drop();
	});

	it('flags an unanswered offer on every board, once, and tells the volunteer', async () => {
		const url = server.url;
		const staff = apiClient(url, await signIn(url, 'dispatcher'));
		const volunteerCookie = await signIn(url, 'vol01');
		const volunteer = apiClient(url, volunteerCookie);
		const volunteerId = (await volunteer<{ user: UserView }>('GET', '/api/session')).body.user.volunteerId!;
		const board = connectSocket(url, await signIn(url, 'dispatcher2'));
		const tab = connectSocket(url, volunteerCookie);
		sockets.push(board, tab);
		await Promise.all([waitForConnect(board), waitForConnect(tab)]);
		await volunteer('PUT', '/api/me/availability', { available: true });
		const building = (await staff<BuildingView[]>('GET', '/api/buildings')).body[0]!;
		const created = (
			await staff<RequestView>('POST', '/api/requests', {
				type: 'haircut',
				buildingId: building.id,
				description: '理发',
				contactPhone: '13800000000'
			})
		).body;

		const flagged = waitForEvent(board, 'request:updated', (p) => p.request.id === created.id && p.request.offerExpiredAt !== null);
		const told = waitForEvent(tab, 'task:updated', (p) => p.request.id === created.id && p.request.offerExpiredAt !== null);
		const assigned = await staff<RequestView>('POST', `/api/requests/${created.id}/assign`, { volunteerId, version: created.version });
		expect(assigned.status).toBe(200);

		const onBoard = await flagged;
		expect(onBoard.request).toMatchObject({ status: 'assigned', assigneeId: volunteerId, version: assigned.body.version + 1 });
		expect((await told).request.contactPhone).toBe('13800000000');

		// Several more runs of the job pass; the flag is still a single event.
		await new Promise((resolve) => setTimeout(resolve, 1_500));
		const detail = (await staff<{ request: RequestView; events: TimelineEntry[] }>('GET', `/api/requests/${created.id}`)).body;
		expect(detail.events.filter((e) => e.action === 'offer_expired')).toHaveLength(1);
		expect(detail.request.version).toBe(assigned.body.version + 1);
	});
});
