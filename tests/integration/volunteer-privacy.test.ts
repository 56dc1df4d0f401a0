// Two volunteers on the production server, real HTTP and real sockets: each sees only their
// own tasks, and residents' contact details only while a task is theirs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import type { BuildingView, RequestView, TimelineEntry, UserView, VolunteerView } from '../../src/lib/api/types';

type Call = ReturnType<typeof apiClient>;

describe(`volunteer privacy on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let staff: Call;
	let volA: Call;
	let volB: Call;
	let idA: string;
	let idB: string;
	let nameA: string;
	let socketA: TestSocket;
	let socketB: TestSocket;
	let building: BuildingView;
	/** Every event B's socket receives, whatever its name. */
	const heardByB: { event: string; payload: unknown }[] = [];

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await startServer(database.env);
		staff = apiClient(server.url, await signIn(server.url, 'dispatcher'));
		const cookieA = await signIn(server.url, 'vol01');
		const cookieB = await signIn(server.url, 'vol02');
		volA = apiClient(server.url, cookieA);
		volB = apiClient(server.url, cookieB);
		const userA = (await volA<{ user: UserView }>('GET', '/api/session')).body.user;
		idA = userA.volunteerId!;
		nameA = userA.name;
		idB = (await volB<{ user: UserView }>('GET', '/api/session')).body.user.volunteerId!;
		building = (await staff<BuildingView[]>('GET', '/api/buildings')).body.find((b) => b.name === '7栋')!;
		socketA = connectSocket(server.url, cookieA);
		socketB = connectSocket(server.url, cookieB);
		await Promise.all([waitForConnect(socketA), waitForConnect(socketB)]);
		socketB.onAny((event, payload) => heardByB.push({ event, payload }));
		for (const call of [volA, volB]) expect((await call('PUT', '/api/me/availability', { available: true })).status).toBe(200);
	});
	afterAll(async () => {
		socketA?.disconnect();
		socketB?.disconnect();
		await server?.stop();
		await database?.drop();
	});

	async function offerTo(volunteerId: string, type: 'haircut' | 'repair'): Promise<RequestView> {
		const created = await staff<RequestView>('POST', '/api/requests', {
			type,
			buildingId: building.id,
			description: '上门服务',
			unit: '1单元101',
			contactName: '刘奶奶',
			contactPhone: '13711112222'
		});
		expect(created.status).toBe(201);
		const assigned = await staff<RequestView>('POST', `/api/requests/${created.body.id}/assign`, {
			volunteerId,
			version: created.body.version
		});
		expect(assigned.status).toBe(200);
		return assigned.body;
	}

	/** Socket events arrive in order, so once B hears about its own new task, anything sent to B before it has arrived too. */
	async function barrierForB() {
		const heard = waitForEvent(socketB, 'task:assigned', (p) => p.request.assigneeId === idB);
		const own = await offerTo(idB, 'repair');
		await heard;
		await volB('POST', `/api/requests/${own.id}/decline`, { note: 'barrier' });
	}

	const mentions = (id: string) => heardByB.filter((h) => JSON.stringify(h.payload).includes(id));

	it('lets only the assignee act on a task: another volunteer gets 403 for every action', async () => {
		const task = await offerTo(idA, 'haircut');
		for (const action of ['accept', 'decline', 'release', 'start', 'complete']) {
			const attempt = await volB<{ error: { code: string } }>('POST', `/api/requests/${task.id}/${action}`, {
				note: 'not mine',
				reason: 'other'
			});
			expect(attempt.status, action).toBe(403);
			expect(attempt.body.error.code).toBe('forbidden');
		}
		expect((await volB('GET', `/api/requests/${task.id}`)).status).toBe(403);
		const unchanged = await staff<{ request: RequestView; events: TimelineEntry[] }>('GET', `/api/requests/${task.id}`);
		expect(unchanged.body.request).toMatchObject({ status: 'assigned', version: task.version });
	});

	it("keeps A's whole task lifecycle off B's socket, B's task list and B's catch-up", async () => {
		const arrived = waitForEvent(socketA, 'task:assigned', (p) => p.request.assigneeId === idA);
		const task = await offerTo(idA, 'haircut');
		// The assignee gets the contact details they need.
		expect((await arrived).request).toMatchObject({ id: task.id, contactName: '刘奶奶', contactPhone: '13711112222' });
		const listedForA = (await volA<RequestView[]>('GET', '/api/me/tasks')).body.find((t) => t.id === task.id);
		expect(listedForA?.contactPhone).toBe('13711112222');

		const reached = { accept: 'accepted', start: 'in_progress', complete: 'completed' } as const;
		for (const action of ['accept', 'start', 'complete'] as const) {
			const told = waitForEvent(socketA, 'task:updated', (p) => p.request.id === task.id && p.request.status === reached[action]);
			expect((await volA('POST', `/api/requests/${task.id}/${action}`, { note: `${action} note` })).status).toBe(200);
			await told;
			expect((await volB<RequestView[]>('GET', '/api/me/tasks')).body.map((t) => t.id)).not.toContain(task.id);
		}
		const declined = await offerTo(idA, 'haircut');
		expect((await volA('POST', `/api/requests/${declined.id}/decline`, { note: '不在家' })).status).toBe(200);
		const cancelled = await offerTo(idA, 'haircut');
		expect((await staff('POST', `/api/requests/${cancelled.id}/cancel`, { reason: '居民取消' })).status).toBe(200);
		const released = await offerTo(idA, 'haircut');
		expect((await volA('POST', `/api/requests/${released.id}/accept`, {})).status).toBe(200);
		expect((await volA('POST', `/api/requests/${released.id}/release`, { reason: 'not_home', note: '敲门没人' })).status).toBe(200);

		await barrierForB();
		expect(heardByB.some((h) => h.event === 'task:assigned')).toBe(true); // B's socket does hear its own
		for (const id of [task.id, declined.id, cancelled.id, released.id]) {
			expect(mentions(id)).toEqual([]);
			expect((await volB<RequestView[]>('GET', '/api/me/tasks')).body.map((t) => t.id)).not.toContain(id);
			expect((await volB<RequestView[]>('GET', '/api/me/tasks/completed')).body.map((t) => t.id)).not.toContain(id);
		}
		const caughtUp = await volB<{ data: { request?: RequestView } }[]>('GET', '/api/events?after=0&limit=5000');
		const seenIds = new Set(caughtUp.body.map((e) => e.data.request?.id));
		for (const id of [task.id, declined.id, cancelled.id, released.id]) expect(seenIds.has(id)).toBe(false);
		// Nor does a volunteer hear about other volunteers at all.
		expect(caughtUp.body.every((e) => e.data.request?.assigneeId === idB || e.data.request?.assigneeId === null)).toBe(true);
	});

	it("moves a completed task to the volunteer's own 30-day list, without the contact details", async () => {
		const task = await offerTo(idA, 'haircut');
		for (const action of ['accept', 'start', 'complete']) await volA('POST', `/api/requests/${task.id}/${action}`, {});
		expect((await volA<RequestView[]>('GET', '/api/me/tasks')).body.map((t) => t.id)).not.toContain(task.id);
		const completed = (await volA<RequestView[]>('GET', '/api/me/tasks/completed')).body;
		const mine = completed.find((t) => t.id === task.id);
		expect(mine).toMatchObject({ status: 'completed', assigneeId: idA });
		expect(mine?.contactPhone).toBeUndefined();
		expect(completed.every((t) => t.assigneeId === idA && t.status === 'completed')).toBe(true);
		expect((await staff('GET', '/api/me/tasks/completed')).status).toBe(403);
	});

	it('takes the contact details back from a volunteer who declines, and records the reason', async () => {
		const task = await offerTo(idA, 'haircut');
		const told = waitForEvent(socketA, 'task:updated', (p) => p.request.id === task.id);
		expect((await volA('POST', `/api/requests/${task.id}/decline`, { note: '今天不在小区' })).status).toBe(200);
		const update = await told;
		expect(update.request).toMatchObject({ status: 'open', assigneeId: null });
		expect(update.request.contactPhone).toBeUndefined();
		expect((await volA('GET', `/api/requests/${task.id}`)).status).toBe(403);
		const timeline = (await staff<{ events: TimelineEntry[] }>('GET', `/api/requests/${task.id}`)).body.events;
		expect(timeline.at(-1)).toMatchObject({ action: 'decline', from: 'assigned', to: 'open', note: '今天不在小区', declinedBy: idA });
		// Offered next to B, the task's timeline does not tell B who declined it before.
		const reopened = (await staff<{ request: RequestView }>('GET', `/api/requests/${task.id}`)).body.request;
		expect((await staff('POST', `/api/requests/${task.id}/assign`, { volunteerId: idB, version: reopened.version })).status).toBe(200);
		const seenByB = (await volB<{ events: TimelineEntry[] }>('GET', `/api/requests/${task.id}`)).body.events;
		// B reads that the task was created and given to B, and nothing of A: not the offer, not
		// the decline, not its reason, not A's name.
		expect(seenByB.map((e) => e.action)).toEqual(['create', 'assign']);
		expect(seenByB.some((e) => 'declinedBy' in e)).toBe(false);
		const text = JSON.stringify(seenByB);
		for (const secret of [idA, nameA, '今天不在小区']) expect(text).not.toContain(secret);
		// Staff still read every step whole.
		const seenByStaff = (await staff<{ events: TimelineEntry[] }>('GET', `/api/requests/${task.id}`)).body.events;
		expect(seenByStaff.map((e) => e.action)).toEqual(['create', 'assign', 'decline', 'assign']);
		await volB('POST', `/api/requests/${task.id}/decline`, {});
	});

	it('tells a volunteer a task was moved to them without naming, in note or meta, whom it was taken from', async () => {
		const task = await offerTo(idA, 'haircut');
		const moved = await staff<RequestView>('POST', `/api/requests/${task.id}/reassign`, { volunteerId: idB, version: task.version });
		expect(moved.status).toBe(200);
		const seenByB = (await volB<{ events: TimelineEntry[] }>('GET', `/api/requests/${task.id}`)).body.events;
		expect(seenByB.map((e) => e.action)).toEqual(['create', 'reassign']);
		expect(seenByB[1]!.meta).toEqual({ fromVolunteerId: null, toVolunteerId: idB });
		const text = JSON.stringify(seenByB);
		for (const secret of [idA, nameA]) expect(text).not.toContain(secret);
		// Staff read both sides, by id, for the board to name from its own list.
		const seenByStaff = (await staff<{ events: TimelineEntry[] }>('GET', `/api/requests/${task.id}`)).body.events;
		expect(seenByStaff.map((e) => [e.action, e.meta, e.note])).toEqual([
			['create', { source: 'staff' }, null],
			['assign', { source: 'staff', volunteerId: idA }, null],
			['reassign', { fromVolunteerId: idA, toVolunteerId: idB }, null]
		]);
		await volB('POST', `/api/requests/${task.id}/decline`, {});
	});

	it("reads a volunteer's finished tasks without the resident's contact, in every API and in catch-up", async () => {
		const completed = await offerTo(idA, 'haircut');
		const cancelled = await offerTo(idA, 'haircut');
		const whileMine = (await volA<{ request: RequestView }>('GET', `/api/requests/${completed.id}`)).body.request;
		expect(whileMine.contactPhone).toBe('13711112222');
		for (const action of ['accept', 'start']) await volA('POST', `/api/requests/${completed.id}/${action}`, {});
		const done = await volA<RequestView>('POST', `/api/requests/${completed.id}/complete`, {});
		expect(done.status).toBe(200);
		expect(done.body.contactPhone).toBeUndefined();
		expect((await staff('POST', `/api/requests/${cancelled.id}/cancel`, { reason: '居民取消' })).status).toBe(200);
		for (const id of [completed.id, cancelled.id]) {
			const read = await volA<{ request: RequestView }>('GET', `/api/requests/${id}`);
			expect(read.status).toBe(200);
			expect(read.body.request.contactPhone).toBeUndefined();
			expect(read.body.request.contactName).toBeUndefined();
			expect((await staff<{ request: RequestView }>('GET', `/api/requests/${id}`)).body.request.contactPhone).toBe('13711112222');
		}
		// Catch-up from the very start: the offers were made while the contact was A's to see, but
		// A reads them now as the tasks are now.
		const caughtUp = await volA<{ data: { request?: RequestView } }[]>('GET', '/api/events?after=0');
		const aboutThem = caughtUp.body.filter((e) => [completed.id, cancelled.id].includes(e.data.request?.id ?? ''));
		expect(aboutThem.length).toBeGreaterThanOrEqual(6);
		expect(JSON.stringify(aboutThem)).not.toContain('13711112222');
		expect(JSON.stringify(aboutThem)).not.toContain('刘奶奶');
	});

	it('shows dispatchers a volunteer going online and offline as the tab opens and closes', async () => {
		const staffSocket = connectSocket(server.url, await signIn(server.url, 'dispatcher2'));
		await waitForConnect(staffSocket);
		const cookieC = await signIn(server.url, 'vol03');
		const idC = (await apiClient(server.url, cookieC)<{ user: UserView }>('GET', '/api/session')).body.user.volunteerId!;

		const online = waitForEvent(staffSocket, 'presence:online', (p) => p.volunteerId === idC && p.online);
		const tab = connectSocket(server.url, cookieC);
		await online;
		const listed = (await staff<VolunteerView[]>('GET', '/api/volunteers')).body.find((v) => v.id === idC);
		expect(listed?.online).toBe(true);

		const offline = waitForEvent(staffSocket, 'presence:online', (p) => p.volunteerId === idC && !p.online);
		tab.disconnect();
		await offline;
		expect((await staff<VolunteerView[]>('GET', '/api/volunteers')).body.find((v) => v.id === idC)?.online).toBe(false);
		staffSocket.disconnect();
	});
});
