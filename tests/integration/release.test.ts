// Release, reasons as codes, attention and going off duty while holding tasks, on the
// production server with real HTTP and sockets (contract part two).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { connectSocket, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import { act, assign, onDuty, openRequest, signedIn, someBuilding, type SignedIn } from '../helpers/api-factories';
import type { ApiErrorBody, RequestView, TimelineEntry, VolunteerView } from '../../src/lib/api/types';

describe(`release and attention on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let staff: SignedIn;
	let volA: SignedIn;
	let volB: SignedIn;
	let typeA: string;
	let buildingId: string;
	let board: TestSocket;
	let socketA: TestSocket;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		// No offer runs out during a test: a timeout would change what each step compares.
		server = await startServer({ ...database.env, OFFER_TIMEOUT_MINUTES: '600' });
		staff = await signedIn(server.url, 'dispatcher');
		volA = await signedIn(server.url, 'vol01');
		typeA = await onDuty(volA);
		// B shares A's skill, so a task A gives back can go to B.
		for (let n = 2, found = false; !found; n++) {
			volB = await signedIn(server.url, `vol${String(n).padStart(2, '0')}`);
			const answer = await volB.call<VolunteerView>('PUT', '/api/me/availability', { available: true });
			found = answer.body.skills.includes(typeA);
		}
		buildingId = (await someBuilding(staff.call)).id;
		board = connectSocket(server.url, staff.cookie);
		socketA = connectSocket(server.url, volA.cookie);
		await Promise.all([waitForConnect(board), waitForConnect(socketA)]);
	});
	afterAll(async () => {
		board?.disconnect();
		socketA?.disconnect();
		await server?.stop();
		await database?.drop();
	});

	/** A task of A's, accepted (and started when asked). */
	async function heldByA(started = false): Promise<RequestView> {
		const request = await assign(
			staff.call,
			await openRequest(staff.call, buildingId, { type: typeA, contactPhone: '13900001111' }),
			volA.user.volunteerId!
		);
		const accepted = await act(volA.call, request, 'accept');
		return started ? act(volA.call, accepted, 'start') : accepted;
	}

	const timeline = async (who: SignedIn, id: string) =>
		(await who.call<{ request: RequestView; events: TimelineEntry[] }>('GET', `/api/requests/${id}`)).body;

	describe('release', () => {
		it('gives an accepted or started task back to the queue, and the board and the volunteer hear it', async () => {
			for (const started of [false, true]) {
				const task = await heldByA(started);
				const boardHears = waitForEvent(board, 'request:updated', (p) => p.request.id === task.id && p.request.status === 'open');
				const volunteerHears = waitForEvent(socketA, 'task:updated', (p) => p.request.id === task.id && p.request.status === 'open');
				const answer = await volA.call<RequestView>('POST', `/api/requests/${task.id}/release`, { reason: 'not_home', note: '敲门没人应' });
				expect(answer.status).toBe(200);
				expect(answer.body).toMatchObject({ status: 'open', assigneeId: null, version: task.version + 1, attention: ['released'] });
				expect(answer.body.acceptedAt).toBeNull();
				expect(answer.body.startedAt).toBeNull();
				// Given back, the task no longer shows its volunteer the resident's phone.
				expect(JSON.stringify(answer.body)).not.toContain('13900001111');
				expect((await boardHears).request.attention).toEqual(['released']);
				expect((await volunteerHears).request).not.toHaveProperty('contactPhone');
				const mine = await volA.call<RequestView[]>('GET', '/api/me/tasks');
				expect(mine.body.map((t) => t.id)).not.toContain(task.id);
			}
		});

		it('keeps the reason as a code in the event, and the typed note beside it', async () => {
			const task = await heldByA();
			await volA.call('POST', `/api/requests/${task.id}/release`, { reason: 'needs_other_skill', note: '要电工' });
			const { events } = await timeline(staff, task.id);
			expect(events.at(-1)).toMatchObject({
				action: 'release',
				meta: { reason: 'needs_other_skill' },
				note: '要电工',
				from: 'accepted',
				to: 'open'
			});
		});

		it('stops being "released" once the request is offered again', async () => {
			const task = await heldByA();
			const released = (await volA.call<RequestView>('POST', `/api/requests/${task.id}/release`, { reason: 'cannot_come' })).body;
			expect((await assign(staff.call, released, volB.user.volunteerId!)).attention).toEqual([]);
		});

		it('answers 400 for a missing or unknown reason, with a readable message', async () => {
			const task = await heldByA();
			for (const body of [{}, { reason: 'tired' }, { reason: 3 }, { reason: 'not_home', note: 5 }]) {
				const answer = await volA.call<ApiErrorBody>('POST', `/api/requests/${task.id}/release`, body);
				expect(answer.status, JSON.stringify(body)).toBe(400);
				expect(answer.body.error.code).toBe('invalid_input');
			}
			const unknown = await volA.call<ApiErrorBody>('POST', `/api/requests/${task.id}/release`, { reason: 'tired' });
			expect(unknown.body.error.issues?.[0]).toMatchObject({ path: 'reason' });
			expect(unknown.body.error.issues?.[0]?.message).toContain('not_home');
			expect((await timeline(staff, task.id)).request.version).toBe(task.version);
		});

		it('is the assignee alone: 403 for another volunteer and for staff', async () => {
			const task = await heldByA();
			expect((await volB.call('POST', `/api/requests/${task.id}/release`, { reason: 'other' })).status).toBe(403);
			expect((await staff.call('POST', `/api/requests/${task.id}/release`, { reason: 'other' })).status).toBe(403);
			expect((await timeline(staff, task.id)).request).toMatchObject({ status: 'accepted', version: task.version });
		});

		it('answers 409 from a status it cannot start from', async () => {
			const offered = await assign(staff.call, await openRequest(staff.call, buildingId, { type: typeA }), volA.user.volunteerId!);
			expect((await volA.call('POST', `/api/requests/${offered.id}/release`, { reason: 'other' })).status).toBe(409);
			const task = await heldByA();
			await volA.call('POST', `/api/requests/${task.id}/release`, { reason: 'other' });
			// Released once already: the second press lost the task, which is a conflict to explain.
			expect((await volA.call('POST', `/api/requests/${task.id}/release`, { reason: 'other' })).status).toBe(409);
		});
	});

	describe('reasons as codes', () => {
		it('takes the old decline body, and a reason code beside the note', async () => {
			const old = await assign(staff.call, await openRequest(staff.call, buildingId, { type: typeA }), volA.user.volunteerId!);
			const declinedOld = await volA.call<RequestView>('POST', `/api/requests/${old.id}/decline`, { note: '在外地' });
			expect(declinedOld.status).toBe(200);
			expect(declinedOld.body.attention).toEqual(['declined']);
			expect((await timeline(staff, old.id)).events.at(-1)).toMatchObject({ action: 'decline', meta: { reason: null }, note: '在外地' });

			const coded = await assign(staff.call, await openRequest(staff.call, buildingId, { type: typeA }), volA.user.volunteerId!);
			expect((await volA.call('POST', `/api/requests/${coded.id}/decline`, { reason: 'cannot_come' })).status).toBe(200);
			expect((await timeline(staff, coded.id)).events.at(-1)).toMatchObject({
				action: 'decline',
				meta: { reason: 'cannot_come' },
				note: null
			});
		});

		it('refuses an unknown decline reason with 400 and leaves the offer as it was', async () => {
			const offered = await assign(staff.call, await openRequest(staff.call, buildingId, { type: typeA }), volA.user.volunteerId!);
			const answer = await volA.call<ApiErrorBody>('POST', `/api/requests/${offered.id}/decline`, { reason: '太忙了' });
			expect(answer.status).toBe(400);
			expect((await timeline(staff, offered.id)).request).toMatchObject({ status: 'assigned', version: offered.version });
		});
	});

	describe('privacy', () => {
		it('never shows another volunteer a release: not its reason, note or name', async () => {
			const task = await heldByA();
			const released = (await volA.call<RequestView>('POST', `/api/requests/${task.id}/release`, { reason: 'not_home', note: '秘密备注' }))
				.body;
			await assign(staff.call, released, volB.user.volunteerId!);
			const seen = await timeline(volB, task.id);
			const text = JSON.stringify(seen.events);
			expect(seen.events.map((e) => e.action)).not.toContain('release');
			expect(text).not.toContain('秘密备注');
			expect(text).not.toContain('not_home');
			expect(text).not.toContain(volA.user.name);
			expect(text).not.toContain(volA.user.volunteerId!);
		});

		it('shows the volunteer their own release, and staff everything', async () => {
			const task = await heldByA();
			await volA.call('POST', `/api/requests/${task.id}/release`, { reason: 'cannot_come', note: '车坏了' });
			const staffView = (await timeline(staff, task.id)).events.at(-1);
			expect(staffView).toMatchObject({ action: 'release', meta: { reason: 'cannot_come' }, note: '车坏了', actor: volA.user.name });
		});
	});

	describe('going off duty while holding tasks', () => {
		it('succeeds, answers {volunteer, heldTasks}, flags each held task, and the board hears it', async () => {
			const held = [await heldByA(), await heldByA(true)];
			const boardHears = held.map((t) =>
				waitForEvent(board, 'request:updated', (p) => p.request.id === t.id && p.request.attention.includes('assignee_off_duty'))
			);
			const answer = await volA.call<{ volunteer: VolunteerView; heldTasks: RequestView[] }>('PUT', '/api/me/availability', {
				available: false
			});
			expect(answer.status).toBe(200);
			expect(answer.body.volunteer).toMatchObject({ id: volA.user.volunteerId, available: false });
			// A part-one client reads the answer as the volunteer.
			expect(answer.body).toMatchObject({ id: volA.user.volunteerId, available: false });
			const ids = answer.body.heldTasks.map((t) => t.id);
			for (const task of held) expect(ids).toContain(task.id);
			for (const task of answer.body.heldTasks) expect(task.attention).toContain('assignee_off_duty');
			await Promise.all(boardHears);
			const listed = (await staff.call<RequestView[]>('GET', '/api/requests')).body.filter((r) => ids.includes(r.id));
			for (const request of listed) expect(request.attention).toContain('assignee_off_duty');
			const { events } = await timeline(staff, held[0]!.id);
			expect(events.at(-1)).toMatchObject({ action: 'assignee_duty', meta: { available: false }, from: 'accepted', to: 'accepted' });

			// Back on duty: the flag goes, with the same live news.
			const back = await volA.call<{ heldTasks: RequestView[] }>('PUT', '/api/me/availability', { available: true });
			for (const task of back.body.heldTasks) expect(task.attention).not.toContain('assignee_off_duty');
		});

		it('drops the flag when the task is given back', async () => {
			const task = await heldByA();
			await volA.call('PUT', '/api/me/availability', { available: false });
			const released = await volA.call<RequestView>('POST', `/api/requests/${task.id}/release`, { reason: 'cannot_come' });
			expect(released.body.attention).toEqual(['released']);
			await volA.call('PUT', '/api/me/availability', { available: true });
		});

		it('answers heldTasks going on duty too', async () => {
			const answer = await volB.call<{ heldTasks: RequestView[] }>('PUT', '/api/me/availability', { available: true });
			expect(answer.status).toBe(200);
			expect(Array.isArray(answer.body.heldTasks)).toBe(true);
		});
	});
});
