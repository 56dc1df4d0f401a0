// The authorization matrix: every endpoint, page and socket event against anonymous,
// dispatcher, the assigned volunteer, another volunteer and coordinator. One row per call;
// a new endpoint is one more row. Residents' contact details never reach anyone but staff
// and the assigned volunteer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { connectSocket, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import { act, assign, onDuty, openRequest, signedIn, sleep, type SignedIn } from '../helpers/api-factories';
import { allEventsAfter } from '../helpers/catch-up-client';
import type { BuildingView, RequestView } from '../../src/lib/api/types';
import type { RequestType } from '../../src/lib/dispatch/vocabulary';

const ACTORS = ['anonymous', 'dispatcher', 'volunteer', 'otherVolunteer', 'coordinator', 'reporter'] as const;
type Actor = (typeof ACTORS)[number];
const USERNAMES: Record<Exclude<Actor, 'anonymous'>, string> = {
	dispatcher: 'dispatcher',
	volunteer: 'vol40',
	otherVolunteer: 'vol41',
	coordinator: 'coordinator',
	// A building head of 大田坝 whose grid (1–20栋) holds the matrix's building.
	reporter: 'louzhang01'
};

const PHONE = '13700001111';
const CONTACT = '李桂芳';

/** The state a cell's own fresh request is put in first ('none': the cell needs no request). */
type Setup = 'none' | 'open' | 'assigned' | 'accepted' | 'in_progress' | 'declined';
/** Who sees what: 401/403/200… for the API; 200/303 for pages. */
type Row = {
	call: string;
	setup: Setup;
	path: (r: RequestView | null, ctx: Context) => string;
	body?: (r: RequestView | null, ctx: Context) => unknown;
	/** The cell signs in afresh, because the call ends its session. */
	freshSession?: boolean;
	expect: [anonymous: number, dispatcher: number, volunteer: number, otherVolunteer: number, coordinator: number, reporter: number];
};
interface Context {
	volunteerId: string;
	buildingId: string;
	since: number;
	/** A team of the community that `volunteer` leads. */
	teamId: string;
}

const R = (r: RequestView | null) => r!.id;
/** The first service as seeded, sent back unchanged by a PUT (the row writes nothing new). */
const HAIRCUT = {
	name: { zh: '上门理发', en: 'Haircut' },
	skill: 'haircut',
	fee: 'free',
	priceYuan: null,
	assignWithinMin: 240,
	completeWithinMin: 4320,
	urgentAssignWithinMin: 60,
	urgentCompleteWithinMin: 1440,
	active: true
};
let newServices = 0;
const TABLE: Row[] = [
	//                                                                                                   anon  disp  vol   other coord rep
	{
		call: 'POST /api/session',
		setup: 'none',
		path: () => '/api/session',
		body: () => ({ username: 'dispatcher2', password: 'demo1234' }),
		expect: [200, 200, 200, 200, 200, 200]
	},
	{ call: 'GET /api/session', setup: 'none', path: () => '/api/session', expect: [401, 200, 200, 200, 200, 200] },
	{ call: 'DELETE /api/session', setup: 'none', path: () => '/api/session', freshSession: true, expect: [401, 204, 204, 204, 204, 204] },
	{
		call: 'PUT /api/me/password (wrong current)',
		setup: 'none',
		path: () => '/api/me/password',
		body: () => ({ currentPassword: 'not-the-password', newPassword: 'another-pass-1' }),
		expect: [401, 422, 422, 422, 422, 422]
	},
	{ call: 'GET /api/buildings', setup: 'none', path: () => '/api/buildings', expect: [401, 200, 200, 200, 200, 200] },
	{ call: 'GET /api/volunteers', setup: 'none', path: () => '/api/volunteers', expect: [401, 200, 403, 403, 200, 403] },
	{
		call: 'PUT /api/me/availability',
		setup: 'none',
		path: () => '/api/me/availability',
		body: () => ({ available: true }),
		expect: [401, 403, 200, 200, 403, 403]
	},
	{ call: 'GET /api/me/tasks', setup: 'assigned', path: () => '/api/me/tasks', expect: [401, 403, 200, 200, 403, 403] },
	{
		call: 'POST /api/requests',
		setup: 'none',
		path: () => '/api/requests',
		body: (_, c) => ({ type: 'repair', buildingId: c.buildingId, description: '矩阵', contactPhone: PHONE, contactName: CONTACT }),
		expect: [401, 201, 403, 403, 201, 201]
	},
	{ call: 'GET /api/requests', setup: 'open', path: () => '/api/requests', expect: [401, 200, 403, 403, 200, 403] },
	{
		call: 'GET /api/requests?status=completed',
		setup: 'none',
		path: () => '/api/requests?status=completed',
		expect: [401, 400, 403, 403, 400, 403]
	},
	{
		call: 'GET /api/requests/lookup',
		setup: 'open',
		path: () => `/api/requests/lookup?q=${PHONE}`,
		expect: [401, 200, 403, 403, 200, 403]
	},
	{ call: 'GET /api/requests/:id', setup: 'assigned', path: (r) => `/api/requests/${R(r)}`, expect: [401, 200, 200, 403, 200, 403] },
	{
		call: 'GET /api/requests/:id after decline',
		setup: 'declined',
		path: (r) => `/api/requests/${R(r)}`,
		expect: [401, 200, 403, 403, 200, 403]
	},
	{
		call: 'POST /api/requests/:id/assign',
		setup: 'open',
		path: (r) => `/api/requests/${R(r)}/assign`,
		body: (r, c) => ({ volunteerId: c.volunteerId, version: r!.version }),
		expect: [401, 200, 403, 403, 200, 403]
	},
	{
		call: 'POST /api/requests/:id/cancel',
		setup: 'assigned',
		path: (r) => `/api/requests/${R(r)}/cancel`,
		body: () => ({ reason: '矩阵取消' }),
		expect: [401, 200, 403, 403, 200, 403]
	},
	{
		call: 'POST /api/requests/:id/accept',
		setup: 'assigned',
		path: (r) => `/api/requests/${R(r)}/accept`,
		body: () => ({}),
		expect: [401, 403, 200, 403, 403, 403]
	},
	{
		call: 'POST /api/requests/:id/decline',
		setup: 'assigned',
		path: (r) => `/api/requests/${R(r)}/decline`,
		body: () => ({}),
		expect: [401, 403, 200, 403, 403, 403]
	},
	{
		call: 'POST /api/requests/:id/release',
		setup: 'accepted',
		path: (r) => `/api/requests/${R(r)}/release`,
		body: () => ({ reason: 'not_home' }),
		expect: [401, 403, 200, 403, 403, 403]
	},
	{
		call: 'POST /api/requests/:id/start',
		setup: 'accepted',
		path: (r) => `/api/requests/${R(r)}/start`,
		body: () => ({}),
		expect: [401, 403, 200, 403, 403, 403]
	},
	{
		call: 'POST /api/requests/:id/complete',
		setup: 'in_progress',
		path: (r) => `/api/requests/${R(r)}/complete`,
		body: () => ({}),
		expect: [401, 403, 200, 403, 403, 403]
	},
	{
		call: 'GET /api/requests/:id/candidates',
		setup: 'open',
		path: (r) => `/api/requests/${R(r)}/candidates`,
		expect: [401, 200, 403, 403, 200, 403]
	},
	{
		call: 'POST /api/requests/:id/reassign (to the same volunteer)',
		setup: 'assigned',
		path: (r) => `/api/requests/${R(r)}/reassign`,
		body: (r, c) => ({ volunteerId: c.volunteerId, version: r!.version }),
		expect: [401, 422, 403, 403, 422, 403]
	},
	{ call: 'GET /api/me/tasks/completed', setup: 'none', path: () => '/api/me/tasks/completed', expect: [401, 403, 200, 200, 403, 403] },
	{ call: 'GET /api/teams', setup: 'none', path: () => '/api/teams', expect: [401, 200, 403, 403, 200, 403] },
	{
		call: 'POST /api/teams (empty body)',
		setup: 'none',
		path: () => '/api/teams',
		body: () => ({}),
		expect: [401, 403, 403, 403, 400, 403]
	},
	{
		call: 'PUT /api/teams/:id (empty body)',
		setup: 'none',
		path: (_, c) => `/api/teams/${c.teamId}`,
		body: () => ({}),
		expect: [401, 403, 403, 403, 400, 403]
	},
	{
		call: 'POST /api/volunteers (empty body)',
		setup: 'none',
		path: () => '/api/volunteers',
		body: () => ({}),
		expect: [401, 403, 403, 403, 400, 403]
	},
	{
		call: 'PUT /api/volunteers/:id (empty body)',
		setup: 'none',
		path: (_, c) => `/api/volunteers/${c.volunteerId}`,
		body: () => ({}),
		expect: [401, 403, 403, 403, 400, 403]
	},
	{
		call: 'POST /api/volunteers/:id/deactivate (unknown volunteer)',
		setup: 'none',
		path: () => '/api/volunteers/00000000-0000-4000-8000-000000000000/deactivate',
		body: () => ({}),
		expect: [401, 403, 403, 403, 404, 403]
	},
	{
		call: 'POST /api/volunteers/:id/reactivate (already active)',
		setup: 'none',
		path: (_, c) => `/api/volunteers/${c.volunteerId}/reactivate`,
		body: () => ({}),
		expect: [401, 403, 403, 403, 200, 403]
	},
	{ call: 'GET /api/teams/led', setup: 'none', path: () => '/api/teams/led', expect: [401, 403, 200, 200, 403, 403] },
	{
		call: 'POST /api/requests/:id/hand-to-team (stale version)',
		setup: 'open',
		path: (r) => `/api/requests/${R(r)}/hand-to-team`,
		body: (r, c) => ({ teamId: c.teamId, version: r!.version + 1 }),
		expect: [401, 409, 403, 403, 409, 403]
	},
	{
		call: 'POST /api/requests/:id/hand-to-team',
		setup: 'open',
		path: (r) => `/api/requests/${R(r)}/hand-to-team`,
		body: (r, c) => ({ teamId: c.teamId, version: r!.version }),
		expect: [401, 200, 403, 403, 200, 403]
	},
	{
		call: 'POST /api/requests/:id/auto-offer',
		setup: 'open',
		path: (r) => `/api/requests/${R(r)}/auto-offer`,
		body: () => ({ on: false }),
		expect: [401, 200, 403, 403, 200, 403]
	},
	{
		call: 'GET /api/buildings/:id/qr.svg',
		setup: 'none',
		path: (_, c) => `/api/buildings/${c.buildingId}/qr.svg`,
		expect: [401, 200, 403, 403, 200, 403]
	},
	{ call: 'GET /api/reports', setup: 'none', path: () => '/api/reports', expect: [401, 403, 403, 403, 403, 200] },
	{ call: 'GET /api/follow-ups', setup: 'none', path: () => '/api/follow-ups', expect: [401, 200, 403, 403, 200, 403] },
	{
		call: 'POST /api/requests/:id/feedback (not completed)',
		setup: 'open',
		path: (r) => `/api/requests/${R(r)}/feedback`,
		body: () => ({ rating: 4, via: 'phone' }),
		expect: [401, 409, 403, 403, 409, 403]
	},
	{
		call: 'GET /api/public/track/:token (unknown)',
		setup: 'none',
		path: () => '/api/public/track/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA',
		expect: [404, 404, 404, 404, 404, 404]
	},
	{ call: 'GET /api/history', setup: 'none', path: () => '/api/history', expect: [401, 403, 403, 403, 200, 403] },
	{ call: 'GET /api/history?format=csv', setup: 'none', path: () => '/api/history?format=csv', expect: [401, 403, 403, 403, 200, 403] },
	{ call: 'GET /api/history/stats', setup: 'none', path: () => '/api/history/stats', expect: [401, 403, 403, 403, 200, 403] },
	{ call: 'GET /api/visit-plans', setup: 'none', path: () => '/api/visit-plans', expect: [401, 403, 403, 403, 200, 403] },
	{
		call: 'POST /api/visit-plans (empty body)',
		setup: 'none',
		path: () => '/api/visit-plans',
		body: () => ({}),
		expect: [401, 403, 403, 403, 400, 403]
	},
	{ call: 'GET /api/elders', setup: 'none', path: () => '/api/elders', expect: [401, 403, 403, 403, 200, 403] },
	{ call: 'GET /api/services', setup: 'none', path: () => '/api/services', expect: [401, 200, 200, 200, 200, 200] },
	{
		call: 'POST /api/services',
		setup: 'none',
		path: () => '/api/services',
		// A code of its own per cell: only the (county) coordinator's is written.
		body: () => ({ ...HAIRCUT, code: `matrix_service_${++newServices}` }),
		expect: [401, 403, 403, 403, 201, 403]
	},
	{
		call: 'PUT /api/services/:code',
		setup: 'none',
		path: () => '/api/services/haircut',
		body: () => HAIRCUT,
		expect: [401, 403, 403, 403, 200, 403]
	},
	{
		call: 'GET /api/events?after=',
		setup: 'assigned',
		path: (_, c) => `/api/events?after=${c.since}`,
		expect: [401, 200, 200, 200, 200, 200]
	},
	{ call: 'GET /', setup: 'none', path: () => '/', expect: [303, 303, 303, 303, 303, 303] },
	{ call: 'GET /login', setup: 'none', path: () => '/login', expect: [200, 303, 303, 303, 303, 303] },
	{ call: 'GET /dispatch', setup: 'none', path: () => '/dispatch', expect: [303, 200, 303, 303, 200, 303] },
	{ call: 'GET /volunteer', setup: 'none', path: () => '/volunteer', expect: [303, 303, 200, 200, 303, 303] },
	{ call: 'GET /history', setup: 'none', path: () => '/history', expect: [303, 303, 303, 303, 200, 303] },
	{ call: 'GET /admin/services', setup: 'none', path: () => '/admin/services', expect: [303, 303, 303, 303, 200, 303] },
	{ call: 'GET /admin/teams', setup: 'none', path: () => '/admin/teams', expect: [303, 303, 303, 303, 200, 303] },
	{ call: 'GET /admin/volunteers', setup: 'none', path: () => '/admin/volunteers', expect: [303, 303, 303, 303, 200, 303] },
	{ call: 'GET /%64ispatch (encoded)', setup: 'none', path: () => '/%64ispatch', expect: [303, 200, 303, 303, 200, 303] },
	{ call: 'GET /%68istory (encoded)', setup: 'none', path: () => '/%68istory', expect: [303, 303, 303, 303, 200, 303] },
	{ call: 'GET /follow-ups', setup: 'none', path: () => '/follow-ups', expect: [303, 200, 303, 303, 200, 303] },
	{ call: 'GET /print/qr', setup: 'none', path: () => '/print/qr', expect: [303, 200, 303, 303, 200, 303] },
	{ call: 'GET /report', setup: 'none', path: () => '/report', expect: [303, 303, 303, 303, 303, 200] },
	{ call: 'GET /healthz', setup: 'none', path: () => '/healthz', expect: [200, 200, 200, 200, 200, 200] },
	{ call: 'GET /readyz', setup: 'none', path: () => '/readyz', expect: [200, 200, 200, 200, 200, 200] }
];

/** Socket events: who hears each, in a scripted sequence of changes. `refused`: no connection at all. */
type Hears = 'hears' | 'silent' | 'refused';
const SOCKET_TABLE: { event: string; expect: [Hears, Hears, Hears, Hears, Hears, Hears] }[] = [
	//                                     anon       disp      vol       other     coord     rep
	{ event: 'request:created', expect: ['refused', 'hears', 'silent', 'silent', 'hears', 'silent'] },
	{ event: 'request:updated', expect: ['refused', 'hears', 'silent', 'silent', 'hears', 'silent'] },
	{ event: 'volunteer:updated', expect: ['refused', 'hears', 'silent', 'silent', 'hears', 'silent'] },
	{ event: 'service:updated', expect: ['refused', 'hears', 'hears', 'hears', 'hears', 'hears'] },
	{ event: 'task:assigned', expect: ['refused', 'silent', 'hears', 'silent', 'silent', 'silent'] },
	{ event: 'task:updated', expect: ['refused', 'silent', 'hears', 'silent', 'silent', 'silent'] },
	// `volunteer` leads the community's team: they hear the requests handed to it, and, as a member, its changes.
	{ event: 'team:request', expect: ['refused', 'silent', 'hears', 'silent', 'silent', 'silent'] },
	{ event: 'team:updated', expect: ['refused', 'hears', 'hears', 'silent', 'hears', 'silent'] },
	// The reporter's own report, created and assigned in the script.
	{ event: 'report:updated', expect: ['refused', 'silent', 'silent', 'silent', 'silent', 'hears'] },
	{ event: 'presence:online', expect: ['refused', 'hears', 'silent', 'silent', 'hears', 'silent'] },
	{ event: 'presence:viewing', expect: ['refused', 'hears', 'silent', 'silent', 'hears', 'silent'] },
	{ event: 'session:ended', expect: ['refused', 'silent', 'silent', 'silent', 'silent', 'silent'] }
];
/** What an emitted `presence:view` is acknowledged with. */
const PRESENCE_VIEW_ACK: [Hears | boolean, boolean, boolean, boolean, boolean, boolean] = ['refused', true, false, false, true, false];

describe(`authorization matrix on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	const people = {} as Record<Exclude<Actor, 'anonymous'>, SignedIn>;
	let ctx: Context;
	let type: RequestType;

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await startServer(database.env);
		for (const actor of ACTORS.slice(1) as Exclude<Actor, 'anonymous'>[]) people[actor] = await signedIn(server.url, USERNAMES[actor]);
		type = await onDuty(people.volunteer);
		await onDuty(people.otherVolunteer);
		// 1栋: in the reporter's grid, so their report there is taken.
		const building = (await people.dispatcher.call<BuildingView[]>('GET', '/api/buildings')).body.find((b) => b.name === '1栋')!;
		const team = await people.coordinator.call<{ id: string }>('POST', '/api/teams', {
			name: '矩阵服务队',
			communityId: building.communityId,
			leaderVolunteerId: people.volunteer.user.volunteerId,
			memberIds: [people.volunteer.user.volunteerId],
			skills: [type]
		});
		expect(team.status).toBe(201);
		const history = await allEventsAfter(server.url, people.dispatcher.cookie, 0);
		ctx = {
			volunteerId: people.volunteer.user.volunteerId!,
			buildingId: building.id,
			since: history[history.length - 1]!.seq,
			teamId: team.body.id
		};
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	async function fixture(setup: Setup): Promise<RequestView | null> {
		if (setup === 'none') return null;
		const staff = people.dispatcher.call;
		let request = await openRequest(staff, ctx.buildingId, { type, contactPhone: PHONE, contactName: CONTACT });
		if (setup === 'open') return request;
		request = await assign(staff, request, ctx.volunteerId);
		if (setup === 'declined') return act(people.volunteer.call, request, 'decline');
		if (setup === 'assigned') return request;
		request = await act(people.volunteer.call, request, 'accept');
		if (setup === 'accepted') return request;
		return act(people.volunteer.call, request, 'start');
	}

	it(`answers each of ${TABLE.length} calls × ${ACTORS.length} roles as the table says, and shows contacts only to staff and the assignee`, async () => {
		const mismatches: string[] = [];
		let cells = 0;
		for (const row of TABLE) {
			for (const [i, actor] of ACTORS.entries()) {
				cells += 1;
				const request = await fixture(row.setup);
				const cookie = actor === 'anonymous' ? null : row.freshSession ? await signIn(server.url, USERNAMES[actor]) : people[actor].cookie;
				const response = await fetch(`${server.url}${row.path(request, ctx)}`, {
					method: row.call.split(' ')[0],
					redirect: 'manual',
					headers: { ...(cookie ? { cookie } : {}), ...(row.body ? { 'content-type': 'application/json' } : {}) },
					body: row.body ? JSON.stringify(row.body(request, ctx)) : undefined
				});
				const text = await response.text();
				if (response.status !== row.expect[i]) mismatches.push(`${row.call} as ${actor}: ${response.status}, expected ${row.expect[i]}`);
				const mayHaveContact =
					actor === 'dispatcher' || actor === 'coordinator' || (actor === 'volunteer' && !/decline|release/.test(row.call));
				// A reporter reads back whom they reported for (the name they wrote), never a phone.
				const mayHaveName = mayHaveContact || (actor === 'reporter' && /reports|report$/.test(row.call));
				if ((!mayHaveContact && text.includes(PHONE)) || (!mayHaveName && text.includes(CONTACT)))
					mismatches.push(`${row.call} as ${actor}: contact details leaked`);
				// A refused call changes nothing.
				if (request && response.status >= 400) {
					const now = await people.dispatcher.call<{ request: RequestView }>('GET', `/api/requests/${request.id}`);
					if (now.body.request.version !== request.version)
						mismatches.push(`${row.call} as ${actor}: refused with ${response.status}, yet the request changed`);
				}
			}
		}
		expect(mismatches).toEqual([]);
		console.log(`[matrix ${engine}] ${cells} HTTP cells (${TABLE.length} calls × ${ACTORS.length} roles)`);
	}, 300_000);

	it(`delivers each of ${SOCKET_TABLE.length} socket events only to the roles the table says, live and on catch-up alike`, async () => {
		const heard = new Map<Actor, { event: string; payload: unknown }[]>(ACTORS.map((a) => [a, []]));
		const sockets = new Map<Actor, TestSocket>();
		const anonymous = connectSocket(server.url, null);
		const refusal = await waitForConnect(anonymous).then(
			() => 'connected',
			(error: Error) => error.message
		);
		anonymous.disconnect();
		const since = (await allEventsAfter(server.url, people.dispatcher.cookie, ctx.since)).at(-1)?.seq ?? ctx.since;
		// Staff first, so they hear the volunteers come online.
		for (const actor of ['dispatcher', 'coordinator', 'volunteer', 'otherVolunteer', 'reporter'] as const) {
			const socket = connectSocket(server.url, await signIn(server.url, USERNAMES[actor]));
			socket.onAny((event, payload) => heard.get(actor)!.push({ event, payload }));
			await waitForConnect(socket);
			sockets.set(actor, socket);
		}

		// The script: one request through its whole life, one declined, a duty change, a look.
		const staff = people.dispatcher.call;
		const done = await fixture('in_progress').then((r) => act(people.volunteer.call, r!, 'complete'));
		const reported = await people.reporter.call<RequestView>('POST', '/api/requests', {
			type,
			buildingId: ctx.buildingId,
			description: '楼栋长上报',
			contactName: CONTACT,
			contactPhone: PHONE
		});
		expect(reported.status).toBe(201);
		await assign(staff, reported.body, ctx.volunteerId);
		const declined = await fixture('declined');
		const handed = await fixture('open');
		const toTeam = await staff('POST', `/api/requests/${handed!.id}/hand-to-team`, { teamId: ctx.teamId, version: handed!.version });
		const team = (await staff<{ id: string; name: string }[]>('GET', '/api/teams')).body.find((t) => t.id === ctx.teamId)!;
		const renamed = await people.coordinator.call('PUT', `/api/teams/${ctx.teamId}`, {
			...team,
			name: '矩阵服务队（改名）'
		});
		await people.volunteer.call('PUT', '/api/me/availability', { available: true });
		expect((await people.coordinator.call('PUT', '/api/services/haircut', HAIRCUT)).status).toBe(200);
		const acks = new Map<Actor, boolean>();
		for (const [actor, socket] of sockets) {
			const ack = await socket
				.timeout(5000)
				.emitWithAck('presence:view', done.id)
				.catch(() => ({ ok: false }));
			acks.set(actor, ack.ok);
		}
		await staff('GET', '/api/requests');
		await sleep(500);

		const mismatches: string[] = [];
		let cells = 0;
		for (const row of SOCKET_TABLE) {
			for (const [i, actor] of ACTORS.entries()) {
				cells += 1;
				const got =
					actor === 'anonymous'
						? refusal === 'unauthenticated'
							? 'refused'
							: 'connected'
						: heard.get(actor)!.some((h) => h.event === row.event)
							? 'hears'
							: 'silent';
				if (got !== row.expect[i]) mismatches.push(`${row.event} for ${actor}: ${got}, expected ${row.expect[i]}`);
			}
		}
		for (const [i, actor] of ACTORS.entries()) {
			cells += 1;
			const got = actor === 'anonymous' ? 'refused' : acks.get(actor);
			if (got !== PRESENCE_VIEW_ACK[i]) mismatches.push(`presence:view by ${actor}: ${got}, expected ${PRESENCE_VIEW_ACK[i]}`);
		}
		// Contact details: never to the other volunteer; to the assignee only while assigned.
		for (const [actor, events] of heard) {
			for (const { event, payload } of events) {
				const text = JSON.stringify(payload);
				const request = (payload as { request?: RequestView })?.request;
				const leaked = text.includes(PHONE) || text.includes(CONTACT);
				const allowed =
					actor === 'dispatcher' || actor === 'coordinator' || (actor === 'volunteer' && request?.assigneeId === ctx.volunteerId);
				if (leaked && !allowed) mismatches.push(`${event} to ${actor} carried contact details (${request?.status})`);
			}
		}
		// Live and catch-up agree for every role.
		for (const actor of ['dispatcher', 'coordinator', 'volunteer', 'otherVolunteer', 'reporter'] as const) {
			const live = heard
				.get(actor)!
				.filter((h) => typeof (h.payload as { seq?: number })?.seq === 'number')
				.map((h) => `${(h.payload as { seq: number }).seq} ${h.event}`);
			const caught = (await allEventsAfter(server.url, people[actor].cookie, since)).map((e) => `${e.seq} ${e.event}`);
			if (JSON.stringify(live) !== JSON.stringify(caught))
				mismatches.push(`${actor}: live ${live.length} events ≠ catch-up ${caught.length}`);
		}
		expect(declined?.status).toBe('open');
		expect([toTeam.status, renamed.status]).toEqual([200, 200]);
		expect(mismatches).toEqual([]);
		console.log(`[matrix ${engine}] ${cells} socket cells (${SOCKET_TABLE.length + 1} events × ${ACTORS.length} roles)`);
		for (const socket of sockets.values()) socket.disconnect();
	}, 120_000);
});
