// Assignment, reassignment and cancellation through HTTP on the production server, on each engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, nextEvent, signIn, waitForConnect } from '../helpers/clients';
import {
	allRequests,
	buildings,
	createRequest,
	latestSeq,
	signInVolunteers,
	volunteers,
	type ApiCall,
	type SignedInVolunteer
} from '../helpers/board';
import type { ApiErrorBody, BuildingView, RequestView, TimelineEntry, VolunteerView } from '../../src/lib/api/types';
import type { RequestType } from '../../src/lib/dispatch/vocabulary';

/** A message a dispatcher can read: a sentence, with no stack, SQL or error class in it. */
const PLAIN = /^[A-Z][^\n]{10,200}[.!]$/;
const TECHNICAL = /\bat \S+:\d+|node_modules|constraint|violat|sql|syntax|exception|undefined|null|error:/i;

/** A fresh database, a seeded server and sign-ins can take minutes on two busy shared cores. */
const SETUP_TIMEOUT_MS = 240_000;
describe(`assign, reassign and cancel on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let call: ApiCall;
	let place: BuildingView;
	let roster: VolunteerView[];
	let people: SignedInVolunteer[];

	/** An on-duty volunteer signed in as themselves, with the skill. */
	const onDutyWith = (skill: RequestType, except: string[] = []) => {
		const person = people.find((p) => {
			const v = roster.find((r) => r.id === p.volunteerId)!;
			return v.available && v.skills.includes(skill) && !except.includes(v.id);
		});
		if (!person) throw new Error(`no on-duty ${skill} volunteer among the signed-in ones`);
		return person;
	};

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		// No offer lapses while a test compares the board before and after (offer-timeouts.test.ts tries that).
		server = await startServer({ ...database.env, OFFER_TIMEOUT_MINUTES: '600' });
		call = apiClient(server.url, await signIn(server.url, 'coordinator'));
		place = (await buildings(call)).find((b) => b.name === '3栋')!;
		people = await signInVolunteers(server.url, 12);
		roster = await volunteers(call);
	}, SETUP_TIMEOUT_MS);
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it('gives exactly one of 20 concurrent assign calls the request, and 19 a plain 409', async () => {
		const request = await createRequest(call, place, 'repair');
		const seqBefore = await latestSeq(call);
		const winner = onDutyWith('repair');
		// Twenty separate clients, as twenty dispatchers' browsers would be.
		const cookies = await Promise.all(Array.from({ length: 4 }, () => signIn(server.url, 'dispatcher2')));
		const answers = await Promise.all(
			Array.from({ length: 20 }, (_, i) =>
				apiClient(server.url, cookies[i % cookies.length]!)<RequestView | ApiErrorBody>('POST', `/api/requests/${request.id}/assign`, {
					volunteerId: winner.volunteerId,
					version: request.version
				})
			)
		);
		const statuses = answers.map((a) => a.status).sort();
		expect(statuses).toEqual([200, ...Array(19).fill(409)]);
		for (const loser of answers.filter((a) => a.status === 409)) {
			const { error } = loser.body as ApiErrorBody;
			expect(error.code).toBe('conflict');
			expect(error.message).toMatch(PLAIN);
			expect(error.message).not.toMatch(TECHNICAL);
		}
		const won = answers.find((a) => a.status === 200)!.body as RequestView;
		expect(won).toMatchObject({ id: request.id, status: 'assigned', version: request.version + 1, assigneeId: winner.volunteerId });

		// One change, one audit row, one event.
		const detail = await call<{ request: RequestView; events: TimelineEntry[] }>('GET', `/api/requests/${request.id}`);
		expect(detail.body.events.filter((e) => e.action === 'assign')).toHaveLength(1);
		const events = await call<{ seq: number; event: string; data: { request: RequestView } }[]>('GET', `/api/events?after=${seqBefore}`);
		expect(events.body.filter((e) => e.data.request?.id === request.id).map((e) => e.event)).toEqual(['request:updated']);
	});

	describe('bad input writes nothing and gets the contract error', () => {
		const cases: { name: string; status: number; code: string; send: () => Promise<{ status: number; body: unknown }> }[] = [];
		let open: RequestView;
		let offDuty: VolunteerView;
		let unskilled: VolunteerView;
		beforeAll(async () => {
			open = await createRequest(call, place, 'repair');
			offDuty = roster.find((v) => !v.available && v.skills.includes('repair'))!;
			unskilled = roster.find((v) => v.available && !v.skills.includes('repair'))!;
			expect(offDuty).toBeDefined();
			expect(unskilled).toBeDefined();
		});
		const create = (body: unknown) => () => call('POST', '/api/requests', body);
		const valid = () => ({ type: 'repair', buildingId: place.id, description: '水管漏水' });
		cases.push(
			{
				name: 'an unknown building',
				status: 400,
				code: 'invalid_input',
				send: () => create({ ...valid(), buildingId: crypto.randomUUID() })()
			},
			{ name: 'an unknown type', status: 400, code: 'invalid_input', send: () => create({ ...valid(), type: 'gardening' })() },
			{ name: 'an empty description', status: 400, code: 'invalid_input', send: () => create({ ...valid(), description: '' })() },
			{ name: 'a blank description', status: 400, code: 'invalid_input', send: () => create({ ...valid(), description: ' \n\t ' })() },
			{
				name: 'a 10 kB description',
				status: 400,
				code: 'invalid_input',
				send: () => create({ ...valid(), description: '漏'.repeat((10 * 1024) / 3) })()
			},
			{
				name: 'a stale version',
				status: 409,
				code: 'conflict',
				send: () =>
					call('POST', `/api/requests/${open.id}/assign`, { volunteerId: onDutyWith('repair').volunteerId, version: open.version + 5 })
			},
			{
				name: 'an off-duty volunteer',
				status: 422,
				code: 'unprocessable',
				send: () => call('POST', `/api/requests/${open.id}/assign`, { volunteerId: offDuty.id, version: open.version })
			},
			{
				name: 'a volunteer without the skill',
				status: 422,
				code: 'unprocessable',
				send: () => call('POST', `/api/requests/${open.id}/assign`, { volunteerId: unskilled.id, version: open.version })
			},
			{
				name: 'an unknown volunteer',
				status: 422,
				code: 'unprocessable',
				send: () => call('POST', `/api/requests/${open.id}/assign`, { volunteerId: crypto.randomUUID(), version: open.version })
			},
			{
				name: 'a version that is not a number',
				status: 400,
				code: 'invalid_input',
				send: () => call('POST', `/api/requests/${open.id}/assign`, { volunteerId: offDuty.id, version: '1' })
			}
		);

		it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
			const requestsBefore = await allRequests(call);
			const seqBefore = await latestSeq(call);
			const answer = await c.send();
			expect(answer.status).toBe(c.status);
			expect(answer.body).toMatchObject({ error: { code: c.code, message: expect.any(String) } });
			expect((answer.body as ApiErrorBody).error.message).not.toMatch(TECHNICAL);
			const requestsAfter = await allRequests(call);
			expect(requestsAfter).toEqual(requestsBefore);
			expect((await call<unknown[]>('GET', `/api/events?after=${seqBefore}`)).body).toEqual([]);
		});

		it('checks the description length in characters as the contract limits it (2,000)', async () => {
			expect((await call('POST', '/api/requests', { ...valid(), description: '漏'.repeat(2000) })).status).toBe(201);
			expect((await call('POST', '/api/requests', { ...valid(), description: '漏'.repeat(2001) })).status).toBe(400);
		});
	});

	it('refuses assignment to a volunteer, and to nobody signed in', async () => {
		const request = await createRequest(call, place, 'repair');
		const volunteer = onDutyWith('repair');
		const asVolunteer = await volunteer.call('POST', `/api/requests/${request.id}/assign`, {
			volunteerId: volunteer.volunteerId,
			version: 1
		});
		expect(asVolunteer.status).toBe(403);
		const anonymous = await apiClient(server.url, null)('POST', `/api/requests/${request.id}/assign`, {
			volunteerId: volunteer.volunteerId,
			version: 1
		});
		expect(anonymous.status).toBe(401);
		expect((await call<RequestView>('GET', `/api/requests/${request.id}`)).body).toMatchObject({ request: { status: 'open', version: 1 } });
	});

	it('reassigns an unanswered offer: the new volunteer is offered it, the old one told, both live and on catch-up', async () => {
		const request = await createRequest(call, place, 'repair');
		const first = onDutyWith('repair');
		const second = onDutyWith('repair', [first.volunteerId]);
		const assigned = await call<RequestView>('POST', `/api/requests/${request.id}/assign`, { volunteerId: first.volunteerId, version: 1 });
		expect(assigned.status).toBe(200);
		const seqBefore = await latestSeq(call);

		const firstSocket = connectSocket(server.url, first.cookie);
		const secondSocket = connectSocket(server.url, second.cookie);
		await Promise.all([waitForConnect(firstSocket), waitForConnect(secondSocket)]);
		const toldFirst = nextEvent(firstSocket, 'task:updated');
		const offeredSecond = nextEvent(secondSocket, 'task:assigned');

		const moved = await call<RequestView>('POST', `/api/requests/${request.id}/reassign`, { volunteerId: second.volunteerId, version: 2 });
		expect(moved.status).toBe(200);
		expect(moved.body).toMatchObject({ status: 'assigned', version: 3, assigneeId: second.volunteerId, offerExpiredAt: null });
		expect(Date.parse(moved.body.assignedAt!)).toBeGreaterThanOrEqual(Date.parse(assigned.body.assignedAt!));

		const [old, fresh] = await Promise.all([toldFirst, offeredSecond]);
		expect(old.request).toMatchObject({ id: request.id, assigneeId: second.volunteerId, version: 3 });
		expect(old.request.contactPhone).toBeUndefined();
		expect(fresh.request).toMatchObject({ id: request.id, assigneeId: second.volunteerId, contactPhone: '13800001111' });
		firstSocket.disconnect();
		secondSocket.disconnect();

		const firstCatchUp = await first.call<{ event: string }[]>('GET', `/api/events?after=${seqBefore}`);
		const secondCatchUp = await second.call<{ event: string }[]>('GET', `/api/events?after=${seqBefore}`);
		expect(firstCatchUp.body.map((e) => e.event)).toEqual(['task:updated']);
		expect(secondCatchUp.body.map((e) => e.event)).toEqual(['task:assigned']);

		const detail = await call<{ events: TimelineEntry[] }>('GET', `/api/requests/${request.id}`);
		expect(detail.body.events.at(-1)).toMatchObject({ action: 'reassign', from: 'assigned', to: 'assigned' });
		// The old assignee may no longer read it; the new one may.
		expect((await first.call('GET', `/api/requests/${request.id}`)).status).toBe(403);
		expect((await second.call('GET', `/api/requests/${request.id}`)).status).toBe(200);
	});

	it('refuses a reassignment that is stale, too late, to the same volunteer, or to someone who may not go', async () => {
		const request = await createRequest(call, place, 'repair');
		const first = onDutyWith('repair');
		const second = onDutyWith('repair', [first.volunteerId]);
		const path = `/api/requests/${request.id}/reassign`;
		const offDuty = roster.find((v) => !v.available && v.skills.includes('repair'))!;
		const unskilled = roster.find((v) => v.available && !v.skills.includes('repair'))!;

		const notYetAssigned = await call<ApiErrorBody>('POST', path, { volunteerId: second.volunteerId, version: 1 });
		expect(notYetAssigned.status).toBe(409);
		expect(notYetAssigned.body.error.message).toMatch(PLAIN);
		await call('POST', `/api/requests/${request.id}/assign`, { volunteerId: first.volunteerId, version: 1 });

		const seqBefore = await latestSeq(call);
		const refusals = [
			[await call<ApiErrorBody>('POST', path, { volunteerId: second.volunteerId, version: 1 }), 409],
			[await call<ApiErrorBody>('POST', path, { volunteerId: first.volunteerId, version: 2 }), 422],
			[await call<ApiErrorBody>('POST', path, { volunteerId: offDuty.id, version: 2 }), 422],
			[await call<ApiErrorBody>('POST', path, { volunteerId: unskilled.id, version: 2 }), 422],
			[await call<ApiErrorBody>('POST', path, { volunteerId: 'nobody', version: 2 }), 400],
			[await first.call<ApiErrorBody>('POST', path, { volunteerId: second.volunteerId, version: 2 }), 403]
		] as const;
		for (const [answer, status] of refusals) {
			expect(answer.status).toBe(status);
			expect(answer.body.error.message).not.toMatch(TECHNICAL);
		}
		expect((await call<unknown[]>('GET', `/api/events?after=${seqBefore}`)).body).toEqual([]);

		// Once accepted the task is the volunteer's: no reassignment.
		expect((await first.call('POST', `/api/requests/${request.id}/accept`, {})).status).toBe(200);
		const tooLate = await call<ApiErrorBody>('POST', path, { volunteerId: second.volunteerId, version: 3 });
		expect(tooLate.status).toBe(409);
		expect(tooLate.body.error.message).toMatch(/accepted/);
	});

	it('lets only one of several concurrent reassignments win', async () => {
		const request = await createRequest(call, place, 'repair');
		const [first, ...others] = people.filter((p) => {
			const v = roster.find((r) => r.id === p.volunteerId)!;
			return v.available && v.skills.includes('repair');
		});
		expect(others.length).toBeGreaterThan(0);
		await call('POST', `/api/requests/${request.id}/assign`, { volunteerId: first!.volunteerId, version: 1 });
		const targets = Array.from({ length: 8 }, (_, i) => others[i % others.length]!.volunteerId);
		const answers = await Promise.all(
			targets.map((volunteerId) => call('POST', `/api/requests/${request.id}/reassign`, { volunteerId, version: 2 }))
		);
		expect(answers.map((a) => a.status).sort()).toEqual([200, ...Array(7).fill(409)]);
		const detail = await call<{ request: RequestView; events: TimelineEntry[] }>('GET', `/api/requests/${request.id}`);
		expect(detail.body.request.version).toBe(3);
		expect(detail.body.events.filter((e) => e.action === 'reassign')).toHaveLength(1);
	});

	it('cancels with a reason, tells the assignee, and records where it came from', async () => {
		const request = await createRequest(call, place, 'repair');
		const volunteer = onDutyWith('repair');
		await call('POST', `/api/requests/${request.id}/assign`, { volunteerId: volunteer.volunteerId, version: 1 });
		await volunteer.call('POST', `/api/requests/${request.id}/accept`, {});
		const socket = connectSocket(server.url, volunteer.cookie);
		await waitForConnect(socket);
		const told = nextEvent(socket, 'task:updated');

		const cancelled = await call<RequestView>('POST', `/api/requests/${request.id}/cancel`, { reason: '居民自己修好了' });
		expect(cancelled.status).toBe(200);
		expect(cancelled.body).toMatchObject({ status: 'cancelled', version: 4, cancelledAt: expect.any(String) });
		expect((await told).request).toMatchObject({ id: request.id, status: 'cancelled' });
		socket.disconnect();

		const detail = await call<{ events: TimelineEntry[] }>('GET', `/api/requests/${request.id}`);
		expect(detail.body.events.at(-1)).toMatchObject({ action: 'cancel', from: 'accepted', to: 'cancelled', note: '居民自己修好了' });
		const again = await call<ApiErrorBody>('POST', `/api/requests/${request.id}/cancel`, { reason: '重复' });
		expect(again.status).toBe(409);
		expect(again.body.error.message).toMatch(PLAIN);
	});

	it('refuses a cancel without a reason, and writes nothing', async () => {
		const request = await createRequest(call, place, 'haircut');
		const seqBefore = await latestSeq(call);
		for (const body of [{}, { reason: '' }, { reason: '   ' }, { reason: 42 }, { reason: 'x'.repeat(501) }]) {
			const answer = await call<ApiErrorBody>('POST', `/api/requests/${request.id}/cancel`, body);
			expect(answer.status).toBe(400);
			expect(answer.body.error).toMatchObject({ code: 'invalid_input', issues: [expect.objectContaining({ path: 'reason' })] });
		}
		expect((await call<unknown[]>('GET', `/api/events?after=${seqBefore}`)).body).toEqual([]);
		expect((await call<{ request: RequestView }>('GET', `/api/requests/${request.id}`)).body.request).toMatchObject({
			status: 'open',
			version: 1
		});
		const volunteer = onDutyWith('haircut');
		expect((await volunteer.call('POST', `/api/requests/${request.id}/cancel`, { reason: '不需要了' })).status).toBe(403);
	});
});
