// Scope isolation, walked over every API route: a user of one community never receives a record
// of another, live or by any endpoint, and a street coordinator sees exactly their street. The
// route list comes from src/routes, so an endpoint added later without a row here fails the
// first test, and with a row, the same checks.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, signIn, waitForConnect, type TestSocket } from '../helpers/clients';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { importCommunity } from '../../db/import/community';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import type { BuildingView, RequestView, UserView } from '../../src/lib/api/types';
import type { Area } from '../../src/lib/dispatch/areas';

type Call = ReturnType<typeof apiClient>;
type Reader = 'otherDispatcher' | 'otherVolunteer' | 'otherCoordinator' | 'streetCoordinator' | 'countyCoordinator';

/** What a route is asked, with the other community's ids at hand. */
interface Context {
	/** A request, building, volunteer and plan of 一段 (the imported community, "B"). */
	b: { requestId: string; buildingId: string; volunteerId: string; planId: string; elderId: string; communityId: string; teamId: string };
	/** The same of 大田坝 (the demo's, "A"). */
	a: { requestId: string; buildingId: string; communityId: string };
}

/**
 * How each route method is tried. `list`: read as everyone; the answer may hold only records
 * of the reader's scope, and asking for the other community by `communityId` is refused.
 * `record`: a single record of the other community answers 404 (403 for a volunteer, to whom
 * requests are someone else's task). `own`: about the reader alone. `public`: no data.
 * `county-wide`: a write to what belongs to no community (the catalogue), refused to anyone
 * whose scope is one community.
 */
type Row =
	| { kind: 'list'; path: string; roles: Reader[] }
	| { kind: 'record' | 'county-wide'; method: string; path: (c: Context) => string; body?: (c: Context) => unknown }
	| { kind: 'own' | 'public' };

/** A whole, valid service: only the caller's scope can refuse it. */
const SERVICE = {
	code: 'repair',
	name: { zh: '越界改名', en: 'Out of scope' },
	skill: 'repair',
	fee: 'free',
	priceYuan: null,
	assignWithinMin: 240,
	completeWithinMin: 2880,
	urgentAssignWithinMin: 60,
	urgentCompleteWithinMin: 720,
	active: false
};

const ROUTES: Record<string, Row> = {
	'GET /api/areas': {
		kind: 'list',
		path: '/api/areas',
		roles: ['otherDispatcher', 'otherVolunteer', 'otherCoordinator', 'streetCoordinator']
	},
	'GET /api/buildings': {
		kind: 'list',
		path: '/api/buildings',
		roles: ['otherDispatcher', 'otherVolunteer', 'otherCoordinator', 'streetCoordinator']
	},
	'GET /api/volunteers': { kind: 'list', path: '/api/volunteers', roles: ['otherDispatcher', 'otherCoordinator', 'streetCoordinator'] },
	'GET /api/requests': { kind: 'list', path: '/api/requests', roles: ['otherDispatcher', 'otherCoordinator', 'streetCoordinator'] },
	'GET /api/requests/lookup': {
		kind: 'list',
		path: '/api/requests/lookup?q=%E8%A1%97',
		roles: ['otherDispatcher', 'otherCoordinator', 'streetCoordinator']
	},
	'GET /api/history': { kind: 'list', path: '/api/history?limit=200', roles: ['otherCoordinator', 'streetCoordinator'] },
	'GET /api/history/stats': { kind: 'list', path: '/api/history/stats', roles: ['otherCoordinator', 'streetCoordinator'] },
	'GET /api/follow-ups': { kind: 'list', path: '/api/follow-ups', roles: ['otherDispatcher', 'otherCoordinator', 'streetCoordinator'] },
	'POST /api/requests/[id]/feedback': {
		kind: 'record',
		method: 'POST',
		path: (c) => `/api/requests/${c.b.requestId}/feedback`,
		body: () => ({ rating: 5, via: 'phone' })
	},
	'GET /api/visit-plans': { kind: 'list', path: '/api/visit-plans', roles: ['otherCoordinator', 'streetCoordinator'] },
	'GET /api/elders': { kind: 'list', path: '/api/elders', roles: ['otherCoordinator', 'streetCoordinator'] },
	'GET /api/events': {
		kind: 'list',
		path: '/api/events?after=0',
		roles: ['otherDispatcher', 'otherVolunteer', 'otherCoordinator', 'streetCoordinator']
	},
	'GET /api/services': { kind: 'public' },
	'POST /api/services': {
		kind: 'county-wide',
		method: 'POST',
		path: () => '/api/services',
		body: () => ({ ...SERVICE, code: 'scope_test' })
	},
	'PUT /api/services/[code]': { kind: 'county-wide', method: 'PUT', path: () => '/api/services/repair', body: () => SERVICE },
	'GET /api/teams': { kind: 'list', path: '/api/teams', roles: ['otherDispatcher', 'otherCoordinator', 'streetCoordinator'] },
	'GET /api/teams/led': { kind: 'own' },
	'GET /api/buildings/[id]/qr.svg': { kind: 'record', method: 'GET', path: (c) => `/api/buildings/${c.b.buildingId}/qr.svg` },
	// A reporter's own reports; their grid is checked in reporters.test.ts.
	'GET /api/reports': { kind: 'own' },
	'POST /api/teams': {
		kind: 'record',
		method: 'POST',
		path: () => '/api/teams',
		body: (c) => ({
			name: '越界服务队',
			communityId: c.b.communityId,
			leaderVolunteerId: c.b.volunteerId,
			memberIds: [c.b.volunteerId],
			skills: ['repair']
		})
	},
	'PUT /api/teams/[id]': {
		kind: 'record',
		method: 'PUT',
		path: (c) => `/api/teams/${c.b.teamId}`,
		body: (c) => ({
			name: '越界改名',
			communityId: c.b.communityId,
			leaderVolunteerId: c.b.volunteerId,
			memberIds: [c.b.volunteerId],
			skills: ['repair']
		})
	},
	'POST /api/requests/[id]/hand-to-team': {
		kind: 'record',
		method: 'POST',
		path: (c) => `/api/requests/${c.b.requestId}/hand-to-team`,
		body: (c) => ({ teamId: c.b.teamId, version: 1 })
	},
	'POST /api/requests/[id]/auto-offer': {
		kind: 'record',
		method: 'POST',
		path: (c) => `/api/requests/${c.b.requestId}/auto-offer`,
		body: () => ({ on: true })
	},
	'GET /api/requests/[id]': { kind: 'record', method: 'GET', path: (c) => `/api/requests/${c.b.requestId}` },
	'GET /api/requests/[id]/candidates': { kind: 'record', method: 'GET', path: (c) => `/api/requests/${c.b.requestId}/candidates` },
	'POST /api/requests/[id]/[action=action]': {
		kind: 'record',
		method: 'POST',
		path: (c) => `/api/requests/${c.b.requestId}/cancel`,
		body: () => ({ reason: '越界取消' })
	},
	'POST /api/requests/[id]/reassign': {
		kind: 'record',
		method: 'POST',
		path: (c) => `/api/requests/${c.b.requestId}/reassign`,
		body: (c) => ({ volunteerId: c.b.volunteerId, version: 1 })
	},
	'PUT /api/visit-plans/[id]': {
		kind: 'record',
		method: 'PUT',
		path: (c) => `/api/visit-plans/${c.b.planId}`,
		body: () => ({ intervalDays: 3 })
	},
	'POST /api/requests': {
		kind: 'record',
		method: 'POST',
		path: () => '/api/requests',
		body: (c) => ({ type: 'repair', buildingId: c.b.buildingId, description: '越界新建' })
	},
	'POST /api/visit-plans': {
		kind: 'record',
		method: 'POST',
		path: () => '/api/visit-plans',
		body: (c) => ({ elderId: c.b.elderId, volunteerId: c.b.volunteerId })
	},
	'POST /api/volunteers': {
		kind: 'record',
		method: 'POST',
		path: () => '/api/volunteers',
		body: (c) => ({ username: 'scope.test.new', name: '越界新人', skills: ['repair'], homeBuildingId: c.b.buildingId })
	},
	'PUT /api/volunteers/[id]': {
		kind: 'record',
		method: 'PUT',
		path: (c) => `/api/volunteers/${c.b.volunteerId}`,
		body: (c) => ({ name: '越界改名', skills: ['repair'], homeBuildingId: c.b.buildingId })
	},
	'POST /api/volunteers/[id]/deactivate': {
		kind: 'record',
		method: 'POST',
		path: (c) => `/api/volunteers/${c.b.volunteerId}/deactivate`,
		body: () => ({ releaseTasks: true })
	},
	'POST /api/volunteers/[id]/reactivate': {
		kind: 'record',
		method: 'POST',
		path: (c) => `/api/volunteers/${c.b.volunteerId}/reactivate`,
		body: () => ({})
	},
	'GET /api/me/tasks': { kind: 'own' },
	'GET /api/me/tasks/completed': { kind: 'own' },
	'PUT /api/me/availability': { kind: 'own' },
	'PUT /api/me/password': { kind: 'own' },
	'GET /api/session': { kind: 'own' },
	'POST /api/session': { kind: 'own' },
	'DELETE /api/session': { kind: 'own' },
	'GET /healthz': { kind: 'public' },
	// A resident's own pages: by a building's public code or a request's secret token, never by scope.
	'GET /api/public/buildings/[code]': { kind: 'public' },
	'POST /api/public/requests': { kind: 'public' },
	'GET /api/public/track/[token]': { kind: 'public' },
	'POST /api/public/track/[token]/feedback': { kind: 'public' },
	'GET /readyz': { kind: 'public' }
};

/** Every exported method of every +server.ts, as `METHOD /route/id` (the catch-all 404 left out). */
function routeMethods(): string[] {
	const found: string[] = [];
	const walk = (dir: string) => {
		for (const entry of readdirSync(dir, { withFileTypes: true })) {
			const path = join(dir, entry.name);
			if (entry.isDirectory()) walk(path);
			else if (entry.name === '+server.ts') {
				const route = `/${relative('src/routes', dir).split(sep).join('/')}`;
				if (route.includes('[...rest]')) continue;
				for (const match of readFileSync(path, 'utf8').matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g))
					found.push(`${match[1]} ${route}`);
			}
		}
	};
	walk('src/routes');
	return found.sort();
}

/** Every `communityId` anywhere in a JSON answer. */
function communityIdsIn(value: unknown, out = new Set<string>()): Set<string> {
	if (Array.isArray(value)) for (const item of value) communityIdsIn(item, out);
	else if (value && typeof value === 'object') {
		for (const [key, child] of Object.entries(value)) {
			if (key === 'communityId' && typeof child === 'string') out.add(child);
			else communityIdsIn(child, out);
		}
	}
	return out;
}

describe(`scope isolation on ${ENGINE}`, () => {
	let database: TestDatabase;
	let server: RunningServer;
	let context: Context;
	const calls = {} as Record<Reader | 'bDispatcher', Call>;
	// Cookies, for the socket test.
	const cookies = {} as Record<Reader | 'bDispatcher' | 'bVolunteer' | 'aDispatcher', string>;
	/** Everything of B's a stranger must never read: ids and personal data. */
	const secretsOfB: string[] = [];
	const secretsOfA: string[] = [];

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		// 一段社区 under 晋城街道, beside the demo's 大田坝 under 常林镇, and its staff.
		const handle = await connectDatabase(database.target, 1);
		try {
			const hash = await hashPassword('demo1234');
			await importCommunity(
				handle.db,
				{
					county: '西充县',
					street: '晋城街道',
					community: '一段社区',
					buildings: [
						{ name: '解放街1号', kind: 'residential', lat: 31.0, lng: 105.9 },
						{ name: '解放街3号', kind: 'residential', lat: 31.0002, lng: 105.9002 }
					],
					volunteers: [
						{ username: 'yd.test01', name: '段志远', phone: '13500000101', skills: ['repair', 'elder_visit'], homeBuilding: '解放街1号' }
					],
					elders: [{ name: '段奶奶', building: '解放街3号', unit: '1单元101', phone: '13500000909', notes: '独居' }]
				},
				async () => hash
			);
			const area = async (name: string) =>
				(await handle.db.selectFrom('areas').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;
			await handle.db
				.insertInto('users')
				.values([
					{
						username: 'yd.test.dispatcher',
						name: '段调度',
						role: 'dispatcher',
						password_hash: hash,
						scope_area_id: await area('一段社区')
					},
					{
						username: 'jc.test.coordinator',
						name: '晋城协调',
						role: 'coordinator',
						password_hash: hash,
						scope_area_id: await area('晋城街道')
					},
					{
						username: 'dtb.test.coordinator',
						name: '大田坝协调',
						role: 'coordinator',
						password_hash: hash,
						scope_area_id: await area('大田坝社区')
					}
				])
				.execute();
		} finally {
			await handle.close();
		}
		server = await startServer(database.env);

		for (const [who, username] of [
			['otherDispatcher', 'dispatcher'],
			['otherVolunteer', 'vol01'],
			['otherCoordinator', 'dtb.test.coordinator'],
			['streetCoordinator', 'jc.test.coordinator'],
			['countyCoordinator', 'coordinator'],
			['bDispatcher', 'yd.test.dispatcher']
		] as const) {
			cookies[who] = await signIn(server.url, username);
			calls[who] = apiClient(server.url, cookies[who]);
		}
		cookies.bVolunteer = await signIn(server.url, 'yd.test01');
		cookies.aDispatcher = cookies.otherDispatcher;

		// Records in B, made by B's own staff; and one in A.
		const bVolunteer = (await apiClient(server.url, cookies.bVolunteer)<{ user: UserView }>('GET', '/api/session')).body.user;
		const bBuildings = (await calls.bDispatcher<BuildingView[]>('GET', '/api/buildings')).body;
		const created = await calls.bDispatcher<RequestView>('POST', '/api/requests', {
			type: 'repair',
			buildingId: bBuildings[0]!.id,
			description: '一段：水管漏水',
			contactName: '段阿姨',
			contactPhone: '13500000777'
		});
		expect(created.status).toBe(201);
		// The imported elder: the seeded ones of 一段 have their plans already.
		const elders = (await calls.streetCoordinator<{ id: string; name: string }[]>('GET', '/api/elders')).body;
		const plan = await calls.streetCoordinator<{ id: string }>('POST', '/api/visit-plans', {
			elderId: elders.find((e) => e.name === '段奶奶')!.id,
			volunteerId: bVolunteer.volunteerId
		});
		expect(plan.status).toBe(201);
		const team = await calls.streetCoordinator<{ id: string }>('POST', '/api/teams', {
			name: '一段维修队',
			communityId: created.body.communityId,
			leaderVolunteerId: bVolunteer.volunteerId,
			memberIds: [bVolunteer.volunteerId],
			skills: ['repair']
		});
		expect(team.status).toBe(201);
		const aBuildings = (await calls.otherDispatcher<BuildingView[]>('GET', '/api/buildings')).body;
		const aRequest = await calls.otherDispatcher<RequestView>('POST', '/api/requests', {
			type: 'repair',
			buildingId: aBuildings[0]!.id,
			description: '大田坝：灯不亮'
		});
		context = {
			b: {
				requestId: created.body.id,
				buildingId: bBuildings[0]!.id,
				volunteerId: bVolunteer.volunteerId!,
				planId: plan.body.id,
				elderId: elders[0]!.id,
				communityId: created.body.communityId,
				teamId: team.body.id
			},
			a: { requestId: aRequest.body.id, buildingId: aBuildings[0]!.id, communityId: aRequest.body.communityId }
		};
		secretsOfB.push(
			created.body.id,
			bBuildings[0]!.id,
			bBuildings[1]!.id,
			bVolunteer.volunteerId!,
			plan.body.id,
			elders[0]!.id,
			team.body.id,
			'13500000777',
			'13500000909',
			'段阿姨',
			'段奶奶'
		);
		secretsOfA.push(aRequest.body.id, aBuildings[0]!.id);
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it('has a row for every route method, so a new endpoint cannot slip by unchecked', () => {
		const missing = routeMethods().filter((r) => !(r in ROUTES));
		expect(missing, 'add these to ROUTES in scope-isolation.test.ts').toEqual([]);
		expect(routeMethods().length).toBeGreaterThan(20);
	});

	it('keeps every list of a community dispatcher and volunteer to their community, and refuses to name another', async () => {
		let checked = 0;
		for (const [route, row] of Object.entries(ROUTES)) {
			if (row.kind !== 'list') continue;
			for (const reader of row.roles.filter((r) => r !== 'streetCoordinator' && r !== 'countyCoordinator')) {
				const answer = await calls[reader]('GET', row.path);
				expect(answer.status, `${reader} ${route}`).toBe(200);
				const text = JSON.stringify(answer.body);
				for (const secret of secretsOfB) expect(text, `${reader} ${route} holds ${secret}`).not.toContain(secret);
				for (const id of communityIdsIn(answer.body)) expect(id, `${reader} ${route}`).toBe(context.a.communityId);
				checked += 1;
				if (route === 'GET /api/events' || route === 'GET /api/areas') continue;
				const named = await calls[reader]('GET', `${row.path}${row.path.includes('?') ? '&' : '?'}communityId=${context.b.communityId}`);
				expect(named.status, `${reader} ${route} naming B`).toBe(403);
			}
		}
		expect(checked).toBeGreaterThanOrEqual(19);
	});

	it('shows a street coordinator exactly their street: its communities, and none of another street', async () => {
		let checked = 0;
		for (const [route, row] of Object.entries(ROUTES)) {
			if (row.kind !== 'list' || !row.roles.includes('streetCoordinator')) continue;
			const answer = await calls.streetCoordinator('GET', row.path);
			expect(answer.status, route).toBe(200);
			const text = JSON.stringify(answer.body);
			for (const secret of secretsOfA) expect(text, `${route} holds ${secret}`).not.toContain(secret);
			const ids = communityIdsIn(answer.body);
			expect(ids.has(context.a.communityId), route).toBe(false);
			checked += 1;
		}
		expect(checked).toBeGreaterThanOrEqual(9);
		// And it does see its own street's records, so the checks above are not of empty answers.
		const requests = (await calls.streetCoordinator<RequestView[]>('GET', '/api/requests')).body;
		expect(requests.map((r) => r.id)).toContain(context.b.requestId);
		const areas = (await calls.streetCoordinator<Area[]>('GET', '/api/areas')).body.map((a) => a.name);
		expect(areas).toEqual(expect.arrayContaining(['西充县', '晋城街道', '一段社区', '观音庵社区']));
		expect(areas).not.toContain('大田坝社区');
		expect(areas).not.toContain('常林镇');
		// The county coordinator sees both.
		const county = (await calls.countyCoordinator<RequestView[]>('GET', '/api/requests')).body.map((r) => r.id);
		expect(county).toEqual(expect.arrayContaining([context.a.requestId, context.b.requestId]));
	});

	it("answers 404 for another community's single records, to staff and volunteers alike, and changes nothing", async () => {
		const volunteersOfB = async () =>
			(await calls.bDispatcher<{ id: string; name: string; active: boolean }[]>('GET', '/api/volunteers')).body
				.map((v) => [v.id, v.name, v.active])
				.sort();
		const bVolunteersBefore = await volunteersOfB();
		expect(bVolunteersBefore).toContainEqual([context.b.volunteerId, '段志远', true]);
		for (const [route, row] of Object.entries(ROUTES)) {
			if (row.kind !== 'record') continue;
			for (const reader of ['otherCoordinator', 'otherVolunteer'] as const) {
				const answer = await calls[reader](row.method, row.path(context), row.body?.(context));
				// Creating against another community's building or elder: as if it did not exist.
				// Creating a team at another community: a target outside the scope, which is 403.
				// Adding a volunteer whose home is another community's building: as if it did not exist.
				const staffAnswer =
					route === 'POST /api/requests' || route === 'POST /api/volunteers'
						? [400]
						: route === 'POST /api/visit-plans'
							? [422]
							: route === 'POST /api/teams'
								? [403]
								: [404];
				const expected = reader === 'otherCoordinator' ? staffAnswer : [403, 404];
				expect(expected, `${reader} ${route} → ${answer.status}`).toContain(answer.status);
				for (const secret of secretsOfB) expect(JSON.stringify(answer.body), `${reader} ${route}`).not.toContain(secret);
			}
		}
		// Nothing moved: B's request is still open, at its first version, and the plan unchanged.
		const request = (await calls.bDispatcher<{ request: RequestView }>('GET', `/api/requests/${context.b.requestId}`)).body.request;
		expect(request).toMatchObject({ status: 'open', version: 1 });
		// B's volunteers are all still active, named as before, and nobody was added.
		expect(await volunteersOfB()).toEqual(bVolunteersBefore);
		expect((await apiClient(server.url, cookies.bVolunteer)('GET', '/api/session')).status).toBe(200);
	});

	it('refuses county-wide writes to everyone whose scope is one community, and changes nothing', async () => {
		const before = await calls.countyCoordinator('GET', '/api/services');
		let checked = 0;
		for (const [route, row] of Object.entries(ROUTES)) {
			if (row.kind !== 'county-wide') continue;
			for (const reader of ['otherDispatcher', 'otherCoordinator', 'otherVolunteer'] as const) {
				const answer = await calls[reader](row.method, row.path(context), row.body?.(context));
				expect(answer.status, `${reader} ${route}`).toBe(403);
				checked += 1;
			}
		}
		expect(checked).toBe(6);
		expect((await calls.countyCoordinator('GET', '/api/services')).body).toEqual(before.body);
	});

	it("delivers every socket event to its community's staff and volunteers alone, live and on catch-up alike", async () => {
		const open = async (cookie: string) => {
			const socket = connectSocket(server.url, cookie);
			await waitForConnect(socket);
			const heard: string[] = [];
			socket.onAny((event, payload) => heard.push(`${event} ${JSON.stringify(payload)}`));
			return { socket, heard };
		};
		const since = Math.max(...(await calls.countyCoordinator<{ seq: number }[]>('GET', '/api/events?after=0')).body.map((e) => e.seq));
		const listeners = {
			otherDispatcher: await open(cookies.otherDispatcher),
			otherVolunteer: await open(cookies.otherVolunteer),
			streetCoordinator: await open(cookies.streetCoordinator),
			countyCoordinator: await open(cookies.countyCoordinator),
			bVolunteer: await open(cookies.bVolunteer)
		};
		const bVolunteerCall = apiClient(server.url, cookies.bVolunteer);
		// A day in B: a request taken in, offered, accepted, given back, offered again, accepted, started,
		// completed; the volunteer's duty switch.
		expect((await bVolunteerCall('PUT', '/api/me/availability', { available: true })).status).toBe(200);
		const bBuilding = context.b.buildingId;
		const made = await calls.bDispatcher<RequestView>('POST', '/api/requests', {
			type: 'repair',
			buildingId: bBuilding,
			description: '一段：门锁坏了',
			contactPhone: '13500000888'
		});
		const assigned = await calls.bDispatcher<RequestView>('POST', `/api/requests/${made.body.id}/assign`, {
			volunteerId: context.b.volunteerId,
			version: made.body.version
		});
		expect(assigned.status).toBe(200);
		expect((await bVolunteerCall('POST', `/api/requests/${made.body.id}/accept`, {})).status).toBe(200);
		const released = await bVolunteerCall<RequestView>('POST', `/api/requests/${made.body.id}/release`, { reason: 'cannot_come' });
		expect(released.status).toBe(200);
		const again = await calls.bDispatcher<RequestView>('POST', `/api/requests/${made.body.id}/assign`, {
			volunteerId: context.b.volunteerId,
			version: released.body.version
		});
		expect(again.status).toBe(200);
		for (const action of ['accept', 'start', 'complete'])
			expect((await bVolunteerCall('POST', `/api/requests/${made.body.id}/${action}`, {})).status).toBe(200);
		// And one in A.
		const inA = await calls.otherDispatcher<RequestView>('POST', '/api/requests', {
			type: 'haircut',
			buildingId: context.a.buildingId,
			description: '大田坝：理发'
		});
		await new Promise((resolve) => setTimeout(resolve, 600));

		const mentionsB = (lines: string[]) =>
			lines.filter((l) => l.includes(made.body.id) || l.includes(context.b.volunteerId) || l.includes(context.b.communityId));
		const mentionsA = (lines: string[]) => lines.filter((l) => l.includes(inA.body.id) || l.includes(context.a.communityId));
		expect(mentionsB(listeners.otherDispatcher.heard)).toEqual([]);
		expect(mentionsB(listeners.otherVolunteer.heard)).toEqual([]);
		expect(mentionsA(listeners.streetCoordinator.heard)).toEqual([]);
		expect(mentionsA(listeners.bVolunteer.heard)).toEqual([]);
		// The right people did hear, so the silence above means something.
		expect(mentionsB(listeners.streetCoordinator.heard).length).toBeGreaterThanOrEqual(5);
		expect(mentionsB(listeners.countyCoordinator.heard).length).toBeGreaterThanOrEqual(5);
		expect(mentionsA(listeners.countyCoordinator.heard).length).toBeGreaterThanOrEqual(1);
		expect(mentionsA(listeners.otherDispatcher.heard).length).toBeGreaterThanOrEqual(1);
		expect(listeners.bVolunteer.heard.some((l) => l.startsWith('task:assigned'))).toBe(true);

		// Catch-up answers what each heard live, no more.
		const caughtUp = async (call: Call) =>
			(await call<{ data: unknown }[]>('GET', `/api/events?after=${since}`)).body.map((e) => JSON.stringify(e.data));
		expect(mentionsB(await caughtUp(calls.otherDispatcher))).toEqual([]);
		expect(mentionsB(await caughtUp(calls.otherVolunteer))).toEqual([]);
		expect(mentionsA(await caughtUp(calls.streetCoordinator))).toEqual([]);
		expect(mentionsB(await caughtUp(calls.streetCoordinator)).length).toBeGreaterThanOrEqual(5);
		for (const { socket } of Object.values(listeners)) socket.disconnect();
	});

	it('refuses a viewing announcement for a request outside the scope', async () => {
		const socket: TestSocket = connectSocket(server.url, cookies.otherDispatcher);
		await waitForConnect(socket);
		expect(await socket.timeout(5000).emitWithAck('presence:view', context.b.requestId)).toEqual({ ok: false, error: 'not_found' });
		expect(await socket.timeout(5000).emitWithAck('presence:view', context.a.requestId)).toEqual({ ok: true });
		socket.disconnect();
	});
});
