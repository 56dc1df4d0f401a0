// Presence on the production server: volunteers online/offline live, and who is viewing a request.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, nextEvent, signIn, waitForConnect } from '../helpers/clients';
import type { BuildingView, RequestView, UserView, VolunteerView } from '../../src/lib/api/types';

describe(`presence on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await startServer(database.env);
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it('shows a volunteer online while their tab is open and offline once it closes', async () => {
		const staffCookie = await signIn(server.url, 'dispatcher');
		const staff = connectSocket(server.url, staffCookie);
		await waitForConnect(staff);
		const volunteerCookie = await signIn(server.url, 'vol07');
		const me = (await apiClient(server.url, volunteerCookie)<{ user: UserView }>('GET', '/api/session')).body.user;
		const listed = async () =>
			(await apiClient(server.url, staffCookie)<VolunteerView[]>('GET', '/api/volunteers')).body.find((v) => v.id === me.volunteerId)!;
		expect((await listed()).online).toBe(false);

		const cameOnline = nextEvent(staff, 'presence:online', 3000);
		const tab = connectSocket(server.url, volunteerCookie);
		await waitForConnect(tab);
		expect(await cameOnline).toEqual({ volunteerId: me.volunteerId, online: true });
		expect((await listed()).online).toBe(true);

		const wentOffline = nextEvent(staff, 'presence:online', 3000);
		tab.disconnect();
		expect(await wentOffline).toEqual({ volunteerId: me.volunteerId, online: false });
		expect((await listed()).online).toBe(false);
		staff.disconnect();
	});

	it('tells other dispatchers who is viewing a request, and refuses a malformed id', async () => {
		const call = apiClient(server.url, await signIn(server.url, 'dispatcher'));
		const building = (await call<BuildingView[]>('GET', '/api/buildings')).body[0]!;
		const request = (await call<RequestView>('POST', '/api/requests', { type: 'repair', buildingId: building.id, description: '查看测试' }))
			.body;
		const watcher = connectSocket(server.url, await signIn(server.url, 'dispatcher2'));
		const viewer = connectSocket(server.url, await signIn(server.url, 'dispatcher'));
		await Promise.all([waitForConnect(watcher), waitForConnect(viewer)]);

		const announced = nextEvent(watcher, 'presence:viewing', 3000);
		const ack = await viewer.emitWithAck('presence:view', request.id);
		expect(ack).toEqual({ ok: true });
		expect(await announced).toEqual({ requestId: request.id, viewers: [{ userId: expect.any(String), name: '王芳' }] });

		const bad = await viewer.emitWithAck('presence:view', 'not-an-id' as string);
		expect(bad.ok).toBe(false);

		const cleared = nextEvent(watcher, 'presence:viewing', 3000);
		viewer.disconnect();
		expect(await cleared).toEqual({ requestId: request.id, viewers: [] });
		watcher.disconnect();
	});
});
