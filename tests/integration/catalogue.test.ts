// The service catalogue through HTTP and sockets on the production server, on each engine:
// who may add and change services, what is refused and how, and that a change reaches every
// signed-in socket (with seq, and on catch-up), is usable for requests at once, and that an
// inactive service takes no new requests while history still names it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENGINE, type TestDatabase } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, nextEvent, waitForConnect } from '../helpers/clients';
import { onDuty, signedIn, someBuilding, type SignedIn } from '../helpers/api-factories';
import { allEventsAfter } from '../helpers/catch-up-client';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { DEMO_PASSWORD } from '../../db/seed/seed';
import type { CandidateView, RequestView, ServiceView } from '../../src/lib/api/types';
import type { HistoryPage } from '../../src/lib/api/history-types';

/** Coordinators the demo does not have: one of 常林镇 (大田坝's street) and one of 大田坝 itself. */
const STREET = 'test.street.coordinator';
const COMMUNITY = 'test.community.coordinator';
/** A volunteer who already has the skill of a service about to be added (skills are checked by the app, not the table). */
const FORESIGHTED = 'vol02';

let serial = 0;
/** A sound new service with a code of its own. */
function newService(over: Partial<ServiceView> = {}): ServiceView {
	serial += 1;
	return {
		code: `test_service_${serial}`,
		name: { zh: `测试服务${serial}`, en: `Test service ${serial}` },
		skill: 'repair',
		fee: 'low_cost',
		priceYuan: 5,
		assignWithinMin: 120,
		completeWithinMin: 1440,
		urgentAssignWithinMin: 30,
		urgentCompleteWithinMin: 480,
		active: true,
		autoOffer: false,
		...over
	};
}
const fieldsOf = ({ code: _code, ...fields }: ServiceView) => fields;

describe(`the service catalogue on ${ENGINE}`, () => {
	let database: TestDatabase;
	let server: RunningServer;
	let county: SignedIn;
	let street: SignedIn;
	let community: SignedIn;
	let dispatcher: SignedIn;
	let volunteer: SignedIn;
	let anonymous: ReturnType<typeof apiClient>;

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		// Written before the server starts: an embedded database has one user at a time.
		const handle = await connectDatabase(database.target, 1);
		try {
			const area = (name: string) => handle.db.selectFrom('areas').select('id').where('name', '=', name).executeTakeFirstOrThrow();
			const passwordHash = await hashPassword(DEMO_PASSWORD);
			for (const [username, areaName] of [
				[STREET, '常林镇'],
				[COMMUNITY, '大田坝社区']
			] as const) {
				const { id } = await area(areaName);
				await handle.db
					.insertInto('users')
					.values({ username, name: username, role: 'coordinator', password_hash: passwordHash, scope_area_id: id })
					.execute();
			}
			await handle.db
				.updateTable('volunteers')
				.set({ skills: ['repair', 'foot_care'] })
				.where('user_id', '=', handle.db.selectFrom('users').select('id').where('username', '=', FORESIGHTED))
				.execute();
		} finally {
			await handle.close();
		}
		server = await startServer(database.env);
		const as = (username: string) => signedIn(server.url, username);
		[county, street, community, dispatcher, volunteer] = [
			await as('coordinator'),
			await as(STREET),
			await as(COMMUNITY),
			await as('dispatcher'),
			await as('vol01')
		];
		anonymous = apiClient(server.url, null);
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	const catalogue = async () => (await dispatcher.call<ServiceView[]>('GET', '/api/services')).body;

	it('lets county and street coordinators add and change services, and nobody else', async () => {
		const before = await catalogue();
		const added = newService();
		const answers: Record<string, number[]> = {};
		for (const [who, call] of [
			['anonymous', anonymous],
			['volunteer', volunteer.call],
			['dispatcher', dispatcher.call],
			['community coordinator', community.call]
		] as const) {
			const post = await call('POST', '/api/services', newService());
			const put = await call('PUT', '/api/services/haircut', { ...fieldsOf(before[0]!), active: false });
			answers[who] = [post.status, put.status];
			expect((post.body as { error: { code: string } }).error.code).toBe(who === 'anonymous' ? 'unauthenticated' : 'forbidden');
		}
		expect(answers).toEqual({
			anonymous: [401, 401],
			volunteer: [403, 403],
			dispatcher: [403, 403],
			'community coordinator': [403, 403]
		});
		// A refused call changed nothing.
		expect(await catalogue()).toEqual(before);

		const byCounty = await county.call<ServiceView>('POST', '/api/services', added);
		expect(byCounty).toEqual({ status: 201, body: added });
		const byStreet = await street.call<ServiceView>('POST', '/api/services', newService({ fee: 'free', priceYuan: null }));
		expect(byStreet.status).toBe(201);

		const renamed = { ...fieldsOf(added), name: { zh: '改过的名字', en: 'Renamed' } };
		const changed = await county.call<ServiceView>('PUT', `/api/services/${added.code}`, renamed);
		expect(changed).toEqual({ status: 200, body: { code: added.code, ...renamed } });
		// The code may be repeated in the body, as GET gives it.
		const again = await street.call<ServiceView>('PUT', `/api/services/${added.code}`, { ...changed.body, priceYuan: 6.5 });
		expect(again).toEqual({ status: 200, body: { ...changed.body, priceYuan: 6.5 } });

		const after = await catalogue();
		expect(after.slice(0, before.length)).toEqual(before);
		expect(after.slice(before.length).map((s) => s.code)).toEqual([added.code, byStreet.body.code]);
		expect(after.find((s) => s.code === added.code)).toEqual(again.body);
	});

	it('refuses a code that is taken, an inactive service’s too, with 409', async () => {
		const duplicate = await county.call<{ error: { code: string } }>('POST', '/api/services', newService({ code: 'haircut' }));
		expect(duplicate.status).toBe(409);
		expect(duplicate.body.error.code).toBe('conflict');
		const retired = newService({ active: false });
		expect((await county.call('POST', '/api/services', retired)).status).toBe(201);
		expect((await street.call('POST', '/api/services', { ...retired, active: true })).status).toBe(409);
		expect((await catalogue()).find((s) => s.code === retired.code)?.active).toBe(false);
	});

	it('refuses bad bodies with 400 and names each field to fix', async () => {
		type Refusal = { error: { code: string; issues?: { path: string; message: string }[] } };
		const refused = async (method: string, path: string, body: unknown) => {
			const answer = await county.call<Refusal>(method, path, body);
			expect(answer.status, JSON.stringify(answer.body)).toBe(400);
			expect(answer.body.error.code).toBe('invalid_input');
			return (answer.body.error.issues ?? []).map((i) => i.path).sort();
		};
		expect(await refused('POST', '/api/services', { ...newService(), code: 'Bad Code', skill: '' })).toEqual(['code', 'skill']);
		expect(await refused('POST', '/api/services', { ...newService(), name: { zh: '', en: 'x'.repeat(61) } })).toEqual([
			'name.en',
			'name.zh'
		]);
		expect(await refused('POST', '/api/services', { ...newService(), urgentAssignWithinMin: 121 })).toEqual(['urgentAssignWithinMin']);
		expect(await refused('POST', '/api/services', { ...newService(), urgentCompleteWithinMin: 2000 })).toEqual(['urgentCompleteWithinMin']);
		expect(await refused('POST', '/api/services', { ...newService(), assignWithinMin: 0, completeWithinMin: 100_001 })).toEqual([
			'assignWithinMin',
			'completeWithinMin'
		]);
		expect(await refused('POST', '/api/services', { ...newService(), fee: 'free', priceYuan: 3 })).toEqual(['priceYuan']);
		expect(await refused('POST', '/api/services', { ...newService(), priceYuan: -1 })).toEqual(['priceYuan']);
		expect(await refused('POST', '/api/services', { ...newService(), priceYuan: null })).toEqual(['priceYuan']);
		expect(await refused('POST', '/api/services', 'not json')).toEqual([]);
		expect(await refused('PUT', '/api/services/haircut', { ...fieldsOf(newService()), code: 'barber' })).toEqual(['code']);
		expect(await refused('PUT', '/api/services/Not%20A%20Code', fieldsOf(newService()))).toEqual(['code']);
		const { active: _active, ...withoutActive } = fieldsOf(newService());
		expect(await refused('PUT', '/api/services/haircut', withoutActive)).toEqual(['active']);
		const unknown = await county.call<Refusal>('PUT', '/api/services/no_such_service', fieldsOf(newService()));
		expect([unknown.status, unknown.body.error.code]).toEqual([404, 'not_found']);
		expect((await catalogue()).find((s) => s.code === 'haircut')?.name.zh).toBe('上门理发');
	});

	it('tells every signed-in socket at once, with seq, and on catch-up too', async () => {
		const since = (await allEventsAfter(server.url, dispatcher.cookie, 0)).at(-1)?.seq ?? 0;
		const sockets = [dispatcher, volunteer, county].map((who) => connectSocket(server.url, who.cookie));
		await Promise.all(sockets.map(waitForConnect));
		const heard = sockets.map((socket) => nextEvent(socket, 'service:updated'));
		const added = newService({ code: 'meal_delivery_night', name: { zh: '夜间送餐', en: 'Night meal delivery' } });
		expect((await county.call('POST', '/api/services', added)).status).toBe(201);
		const payloads = await Promise.all(heard);
		for (const payload of payloads) expect(payload).toEqual({ seq: expect.any(Number), service: added });
		expect(new Set(payloads.map((p) => p.seq)).size).toBe(1);
		expect(payloads[0]!.seq).toBeGreaterThan(since);
		for (const socket of sockets) socket.disconnect();

		for (const who of [dispatcher, volunteer, county, community]) {
			const caught = (await allEventsAfter(server.url, who.cookie, since)).filter((e) => e.event === 'service:updated');
			expect(caught, who.user.username).toEqual([{ seq: payloads[0]!.seq, event: 'service:updated', data: payloads[0] }]);
		}
	});

	it('takes requests of a new service at once, with its skill deciding the candidates', async () => {
		const foot = newService({ code: 'foot_care', name: { zh: '足部护理', en: 'Foot care' }, skill: 'foot_care' });
		expect((await county.call('POST', '/api/services', foot)).status).toBe(201);
		const building = await someBuilding(dispatcher.call);
		const created = await dispatcher.call<RequestView>('POST', '/api/requests', {
			type: 'foot_care',
			buildingId: building.id,
			description: '老人脚趾甲太厚，剪不动'
		});
		expect(created.status).toBe(201);
		expect(created.body.type).toBe('foot_care');
		// The one volunteer with the new skill is its only candidate; the assignment checks it too.
		const helper = await signedIn(server.url, FORESIGHTED);
		await onDuty(helper);
		await onDuty(volunteer);
		const candidates = await dispatcher.call<CandidateView[]>('GET', `/api/requests/${created.body.id}/candidates?limit=50`);
		expect(candidates.body.map((c) => c.volunteerId)).toEqual([helper.user.volunteerId]);
		const assigned = await dispatcher.call<RequestView>('POST', `/api/requests/${created.body.id}/assign`, {
			volunteerId: helper.user.volunteerId,
			version: created.body.version
		});
		expect([assigned.status, assigned.body.assigneeId]).toEqual([200, helper.user.volunteerId]);
	});

	it('refuses new requests of an inactive service, while history still names it', async () => {
		const gone = newService({ code: 'winter_heating_check', name: { zh: '冬季暖气检查', en: 'Winter heating check' } });
		expect((await county.call('POST', '/api/services', gone)).status).toBe(201);
		const buildingId = (await someBuilding(dispatcher.call)).id;
		const made = await dispatcher.call<RequestView>('POST', '/api/requests', { type: gone.code, buildingId, description: '检查暖气' });
		expect(made.status).toBe(201);
		expect((await dispatcher.call('POST', `/api/requests/${made.body.id}/cancel`, { reason: '季节过了' })).status).toBe(200);

		expect((await street.call('PUT', `/api/services/${gone.code}`, { ...fieldsOf(gone), active: false })).status).toBe(200);
		const refused = await dispatcher.call<{ error: { code: string; issues: { path: string }[] } }>('POST', '/api/requests', {
			type: gone.code,
			buildingId,
			description: '再检查一次'
		});
		expect(refused.status).toBe(400);
		expect(refused.body.error.issues.map((i) => i.path)).toEqual(['type']);

		// Still in the catalogue, inactive, so every page can name it; history lists and names it.
		expect((await catalogue()).find((s) => s.code === gone.code)).toEqual({ ...gone, active: false });
		const history = await county.call<HistoryPage>('GET', `/api/history?type=${gone.code}`);
		expect(history.body.items.map((r) => r.id)).toEqual([made.body.id]);
		const csv = await fetch(`${server.url}/api/history?type=${gone.code}&format=csv`, {
			headers: { cookie: county.cookie, 'accept-language': 'zh-CN' }
		});
		expect(await csv.text()).toContain('冬季暖气检查');

		// Made active again, it takes requests again: a code is never lost.
		expect((await county.call('PUT', `/api/services/${gone.code}`, { ...fieldsOf(gone), active: true })).status).toBe(200);
		expect((await dispatcher.call('POST', '/api/requests', { type: gone.code, buildingId, description: '又冷了' })).status).toBe(201);
	});

	it('opens the catalogue page, and links it, for county and street coordinators only', async () => {
		const get = (who: SignedIn, path: string) => fetch(`${server.url}${path}`, { redirect: 'manual', headers: { cookie: who.cookie } });
		for (const who of [county, street]) {
			expect((await get(who, '/admin/services')).status, who.user.username).toBe(200);
			expect(await (await get(who, '/dispatch')).text()).toContain('href="/admin/services"');
		}
		// Every coordinator passes the page's role rule; its load refuses a community's, as the API does.
		const page = await get(community, '/admin/services');
		expect(page.status).toBe(403);
		const data = await (await get(community, '/admin/services/__data.json')).json();
		// The layouts' data, then the page's node: an error, never its data.
		expect(data.nodes.at(-1)).toMatchObject({ type: 'error', status: 403, error: { code: 'forbidden' } });
		expect(await (await get(community, '/dispatch')).text()).not.toContain('href="/admin/services"');
		expect((await get(dispatcher, '/admin/services')).headers.get('location')).toBe('/dispatch');
	});
});
