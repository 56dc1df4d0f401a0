// Reporters on the production server, real HTTP and real sockets (contract part two,
// "Reporters"): a building head reports for the buildings of their grid and nowhere else,
// follows the report live, gets the resident's tracking link, and never reads a phone number
// or another reporter's reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, connectSocket, waitForConnect, type TestSocket } from '../helpers/clients';
import { waitForEvent } from '../helpers/socket-wait';
import { act, assign, signedIn, type SignedIn } from '../helpers/api-factories';
import type { BuildingView, ReportView, RequestView, VolunteerView } from '../../src/lib/api/types';
import type { TrackView } from '../../src/lib/dispatch/tracking';
import { connectDatabase } from '../../src/lib/server/db/connect';

const PHONE = '13811112222';
const PHONE_LIKE = /1[3-9]\d{9}/;

describe(`reporters on ${ENGINE}`, () => {
	let database: TestDatabase;
	let server: RunningServer;
	let staff: SignedIn;
	let louzhang: SignedIn;
	let wangge: SignedIn;
	/** A second building head of 大田坝, whose grid is 21栋 alone: a neighbour's grid is not one's own. */
	let neighbour: SignedIn;
	let buildings: BuildingView[];
	const sockets: TestSocket[] = [];
	const byName = (name: string) => buildings.find((b) => b.name === name)!;
	const report = (who: SignedIn, buildingId: string, fields: Record<string, unknown> = {}) =>
		who.call<RequestView>('POST', '/api/requests', {
			type: 'repair',
			buildingId,
			unit: '3单元201',
			description: '楼道灯不亮，老人晚上看不见',
			contactName: '周奶奶',
			contactPhone: PHONE,
			...fields
		});
	const countRequests = async () => (await staff.call<RequestView[]>('GET', '/api/requests')).body.length;

	beforeAll(async () => {
		database = await createDemoDatabase(ENGINE);
		const handle = await connectDatabase(database.target, 1);
		try {
			const louzhang01 = await handle.db.selectFrom('users').selectAll().where('username', '=', 'louzhang01').executeTakeFirstOrThrow();
			const user = await handle.db
				.insertInto('users')
				.values({
					username: 'louzhang02',
					name: '何春梅',
					role: 'reporter',
					password_hash: louzhang01.password_hash,
					scope_area_id: louzhang01.scope_area_id
				})
				.returning('id')
				.executeTakeFirstOrThrow();
			const block = await handle.db
				.selectFrom('buildings')
				.select('id')
				.where('name', '=', '21栋')
				.where('community_id', '=', louzhang01.scope_area_id)
				.executeTakeFirstOrThrow();
			await handle.db.insertInto('reporter_buildings').values({ user_id: user.id, building_id: block.id }).execute();
		} finally {
			await handle.close();
		}
		server = await startServer({ ...database.env, OFFER_TIMEOUT_MINUTES: '600' });
		staff = await signedIn(server.url, 'dispatcher');
		louzhang = await signedIn(server.url, 'louzhang01');
		wangge = await signedIn(server.url, 'wangge01');
		neighbour = await signedIn(server.url, 'louzhang02');
		buildings = (await staff.call<BuildingView[]>('GET', '/api/buildings')).body;
	});
	afterAll(async () => {
		for (const socket of sockets) socket.disconnect();
		await server?.stop();
		await database?.drop();
	});

	it('signs a reporter in to the report page', async () => {
		expect(louzhang.user).toMatchObject({ role: 'reporter', scope: { name: '大田坝社区', kind: 'community' } });
		const page = await fetch(`${server.url}/report`, { headers: { cookie: louzhang.cookie }, redirect: 'manual' });
		expect(page.status).toBe(200);
		const board = await fetch(`${server.url}/dispatch`, { headers: { cookie: louzhang.cookie }, redirect: 'manual' });
		expect([board.status, board.headers.get('location')]).toEqual([303, '/report']);
	});

	it('takes a report for a building of the grid, marked as the reporter’s, and refuses any other building with 403, writing nothing', async () => {
		const board = connectSocket(server.url, staff.cookie);
		sockets.push(board);
		await waitForConnect(board);
		const live = waitForEvent(board, 'request:created', (e) => e.request.description.startsWith('楼道灯'));
		const created = await report(louzhang, byName('1栋').id);
		expect(created.status).toBe(201);
		expect(created.body).toMatchObject({ source: 'reporter', reporterId: louzhang.user.id, status: 'open' });
		expect((await live).request).toMatchObject({ id: created.body.id, source: 'reporter' });

		const before = await countRequests();
		// 21栋 is 大田坝's, in the neighbour's grid, just outside 1–20栋; 一组1栋 is 观音庵's, in wangge01's grid.
		const outside = await report(louzhang, byName('21栋').id);
		expect(outside.status).toBe(403);
		expect(outside.body).toMatchObject({ error: { code: 'forbidden' } });
		const guanyinan = (await wangge.call<BuildingView[]>('GET', '/api/buildings')).body.find((b) => b.name === '一组1栋')!;
		expect((await report(louzhang, guanyinan.id)).status).toBe(403);
		expect((await report(wangge, byName('1栋').id)).status).toBe(403);
		expect((await report(neighbour, byName('1栋').id)).status).toBe(403);
		expect(await countRequests()).toBe(before);
		// Each one's own grid works.
		expect((await report(wangge, guanyinan.id)).status).toBe(201);
		expect((await report(neighbour, byName('21栋').id)).status).toBe(201);
	});

	it('lists a reporter’s own reports only, with the tracking link and code, and never a phone number', async () => {
		const mine = (await louzhang.call<ReportView[]>('GET', '/api/reports')).body;
		const theirs = (await wangge.call<ReportView[]>('GET', '/api/reports')).body;
		expect(mine.length).toBe(1);
		expect(theirs.length).toBe(1);
		expect(mine[0]).toMatchObject({ building: '1栋', status: 'open', contactName: '周奶奶', volunteerName: null });
		expect(mine[0]!.trackingUrl).toMatch(/^\/t\/[\w-]{32,}$/);
		expect(mine[0]!.confirmationCode).toMatch(/^\d{4}$/);
		expect(JSON.stringify(mine)).not.toMatch(PHONE_LIKE);
		expect(theirs[0]!.id).not.toBe(mine[0]!.id);
		// The resident's tracking page works from the link the reporter passes on.
		const track = await apiClient(server.url, null)<TrackView>('GET', `/api/public${mine[0]!.trackingUrl!.replace('/t/', '/track/')}`);
		expect(track.status).toBe(200);
		expect(track.body.status).toBe('open');
		// A reporter reads no request record itself, nor the board's lists.
		expect((await louzhang.call('GET', `/api/requests/${mine[0]!.id}`)).status).toBe(403);
		expect((await louzhang.call('GET', '/api/requests')).status).toBe(403);
		expect((await louzhang.call('GET', `/api/requests/${mine[0]!.id}/candidates`)).status).toBe(403);
	});

	it('follows a report live: the reporter hears each step and reads who is coming by family name only', async () => {
		const reporterSocket = connectSocket(server.url, louzhang.cookie);
		const otherReporter = connectSocket(server.url, wangge.cookie);
		sockets.push(reporterSocket, otherReporter);
		await Promise.all([waitForConnect(reporterSocket), waitForConnect(otherReporter)]);
		const overheard: unknown[] = [];
		otherReporter.on('report:updated', (e) => overheard.push(e));

		const volunteer = await signedIn(server.url, 'vol02');
		const me = await volunteer.call<VolunteerView>('PUT', '/api/me/availability', { available: true });
		expect(me.body.skills).toContain('repair');
		const request = (
			await staff.call<{ request: RequestView }>(
				'GET',
				`/api/requests/${(await louzhang.call<ReportView[]>('GET', '/api/reports')).body[0]!.id}`
			)
		).body.request;
		const heard = waitForEvent(reporterSocket, 'report:updated', (e) => e.request.id === request.id && e.request.status === 'accepted');
		const assigned = await assign(staff.call, request, me.body.id);
		await act(volunteer.call, assigned, 'accept');
		const event = await heard;
		expect(JSON.stringify(event)).not.toMatch(PHONE_LIKE);
		expect(event.request.contactName).toBeUndefined();

		const [listed] = (await louzhang.call<ReportView[]>('GET', '/api/reports')).body;
		expect(listed!.status).toBe('accepted');
		expect(listed!.volunteerName).toBe(`${[...me.body.name][0]}师傅`);
		expect(JSON.stringify(listed)).not.toContain(me.body.name);
		expect(overheard).toEqual([]);
	});
});
