// History and statistics per area, on the production server: the county's coordinator compares
// communities side by side (checked against a count of the rows themselves), a street's
// coordinator reads exactly their street, and a community outside anyone's scope is a 403.
// A second community (一段社区, 晋城街道) is imported beside the demo's 大田坝 before the server starts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, signIn } from '../helpers/clients';
import { act, assign, onDuty, openRequest, type Call, type SignedIn } from '../helpers/api-factories';
import { parseCsv } from '../helpers/csv-parse';
import { connectDatabase } from '../../src/lib/server/db/connect';
import { hashPassword } from '../../src/lib/server/auth/passwords';
import { insertUser } from '../../src/lib/server/repositories/users';
import { listAreas } from '../../src/lib/server/repositories/areas';
import { communityFileSchema, importCommunity } from '../../db/import/community';
import { communityDay } from '../../src/lib/history/community-time';
import type { BuildingView, RequestView, UserView } from '../../src/lib/api/types';
import type { CommunitySummary, HistoryPage, HistoryStats } from '../../src/lib/api/history-types';

const STREET = '晋城街道';
/** Names no seed uses, so the test's buildings and logins never meet the demo's. */
const YIDUAN_FILE = {
	county: '西充县',
	street: STREET,
	community: '一段社区',
	buildings: [
		{ name: '测试甲楼', lat: 30.9951, lng: 105.8921 },
		{ name: '测试乙楼', lat: 30.9956, lng: 105.8927 }
	],
	volunteers: [
		{ username: 'yd.test.a', name: '测试甲', skills: ['repair'], homeBuilding: '测试甲楼' },
		{ username: 'yd.test.b', name: '测试乙', skills: ['repair', 'haircut'], homeBuilding: '测试乙楼' }
	]
};
/** A community of the street where nothing has happened: it must still be a row, with zeros. */
const QUIET_FILE = {
	county: '西充县',
	street: STREET,
	community: '测试静社区',
	buildings: [{ name: '测试丙楼', lat: 30.997, lng: 105.894 }]
};

/** PostgreSQL's percentile_cont: linear interpolation between the two nearest ranks. */
function percentile(values: number[], p: number): number | null {
	if (values.length === 0) return null;
	const sorted = [...values].sort((a, b) => a - b);
	const position = p * (sorted.length - 1);
	const [lower, upper] = [Math.floor(position), Math.ceil(position)];
	return sorted[lower]! + (position - lower) * (sorted[upper]! - sorted[lower]!);
}

const seconds = (from: string | null, to: string | null) => (from && to ? (Date.parse(to) - Date.parse(from)) / 1000 : null);
const present = (values: (number | null)[]) => values.filter((v): v is number => v !== null);
const stage = (values: (number | null)[]) => {
	const v = present(values);
	return { median: percentile(v, 0.5), p90: percentile(v, 0.9), count: v.length };
};

/** One community's figures counted by hand from its finished rows, as the history API lists them. */
function bruteForce(rows: RequestView[]) {
	const completed = rows.filter((r) => r.status === 'completed');
	return {
		finished: rows.length,
		completed: completed.length,
		cancelled: rows.filter((r) => r.status === 'cancelled').length,
		toAssign: stage(rows.map((r) => seconds(r.createdAt, r.assignedAt))),
		toAccept: stage(rows.map((r) => (r.assignedAt && r.acceptedAt ? seconds(r.assignedAt, r.acceptedAt) : null))),
		toComplete: stage(rows.map((r) => (r.acceptedAt ? seconds(r.acceptedAt, r.completedAt) : null))),
		hours: completed.reduce((sum, r) => sum + (Date.parse(r.completedAt!) - Date.parse(r.startedAt!)) / 3_600_000, 0)
	};
}

function expectSame(actual: CommunitySummary, want: ReturnType<typeof bruteForce>, label: string) {
	expect({ finished: actual.finished, completed: actual.completed, cancelled: actual.cancelled }, label).toEqual({
		finished: want.finished,
		completed: want.completed,
		cancelled: want.cancelled
	});
	for (const key of ['toAssign', 'toAccept', 'toComplete'] as const) {
		expect(actual[key].count, `${label} ${key} count`).toBe(want[key].count);
		// The API prints milliseconds; the database keeps microseconds.
		if (want[key].median === null) expect(actual[key].median, `${label} ${key} median`).toBeNull();
		else expect(actual[key].median, `${label} ${key} median`).toBeCloseTo(want[key].median, 2);
		if (want[key].p90 === null) expect(actual[key].p90, `${label} ${key} p90`).toBeNull();
		else expect(actual[key].p90, `${label} ${key} p90`).toBeCloseTo(want[key].p90, 2);
	}
	expect(actual.hours, `${label} hours`).toBeCloseTo(want.hours, 4);
}

describe(`history and statistics per area on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let county: Call;
	let street: Call;
	let yiduanStaff: Call;
	let datianbaDispatcher: Call;
	const area: Record<string, string> = {};
	/** The last 30 community days, named the same way to history and to statistics. */
	let period: string;

	async function allHistory(call: Call, query: string): Promise<RequestView[]> {
		const items: RequestView[] = [];
		let cursor: string | null = null;
		do {
			const page: { status: number; body: HistoryPage } = await call<HistoryPage>(
				'GET',
				`/api/history?${query}&limit=200${cursor ? `&cursor=${cursor}` : ''}`
			);
			expect(page.status).toBe(200);
			items.push(...page.body.items);
			cursor = page.body.nextCursor;
		} while (cursor);
		return items;
	}

	async function signedInWith(username: string, password: string): Promise<SignedIn> {
		const cookie = await signIn(server.url, username, password);
		const call = apiClient(server.url, cookie);
		return { cookie, call, user: (await call<{ user: UserView }>('GET', '/api/session')).body.user };
	}

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		const handle = await connectDatabase(database.target, 1);
		let logins: { username: string; password: string }[];
		try {
			logins = (await importCommunity(handle.db, communityFileSchema.parse(YIDUAN_FILE), hashPassword)).newLogins;
			await importCommunity(handle.db, communityFileSchema.parse(QUIET_FILE), hashPassword);
			for (const a of await listAreas(handle.db)) area[a.name] = a.id;
			const password_hash = await hashPassword('demo1234');
			await insertUser(handle.db, {
				username: 'jc.test',
				name: '街道协调员',
				role: 'coordinator',
				password_hash,
				scope_area_id: area[STREET]!
			});
			await insertUser(handle.db, {
				username: 'yd.test',
				name: '一段调度员',
				role: 'dispatcher',
				password_hash,
				scope_area_id: area['一段社区']!
			});
		} finally {
			await handle.close();
		}
		server = await startServer(database.env);
		county = apiClient(server.url, await signIn(server.url, 'coordinator'));
		street = apiClient(server.url, await signIn(server.url, 'jc.test'));
		yiduanStaff = apiClient(server.url, await signIn(server.url, 'yd.test'));
		datianbaDispatcher = apiClient(server.url, await signIn(server.url, 'dispatcher'));

		// 一段's own day: two completed, two cancelled (one before and one after an assignment), one still open.
		const [a, b] = await Promise.all(logins.map((l) => signedInWith(l.username, l.password)));
		await Promise.all([onDuty(a!), onDuty(b!)]);
		const buildings = (await yiduanStaff<BuildingView[]>('GET', '/api/buildings')).body;
		const [first, second] = [buildings.find((x) => x.name === '测试甲楼')!, buildings.find((x) => x.name === '测试乙楼')!];
		for (const [volunteer, type, building] of [
			[a!, 'repair', first],
			[b!, 'haircut', second]
		] as const) {
			const request = await assign(yiduanStaff, await openRequest(yiduanStaff, building.id, { type }), volunteer.user.volunteerId!);
			await act(volunteer.call, request, 'accept');
			await act(volunteer.call, request, 'start');
			await act(volunteer.call, request, 'complete');
		}
		const neverAssigned = await openRequest(yiduanStaff, first.id);
		expect((await yiduanStaff('POST', `/api/requests/${neverAssigned.id}/cancel`, { reason: '居民已自行解决' })).status).toBe(200);
		const assigned = await assign(yiduanStaff, await openRequest(yiduanStaff, second.id), a!.user.volunteerId!);
		expect((await yiduanStaff('POST', `/api/requests/${assigned.id}/cancel`, { reason: '重复报修' })).status).toBe(200);
		await openRequest(yiduanStaff, second.id, { description: '仍在等待' });

		const today = communityDay(new Date());
		period = `from=${communityDay(new Date(Date.now() - 29 * 86_400_000))}&to=${today}`;
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it("gives the county's coordinator every community side by side, each equal to a count of its own rows", async () => {
		for (const filter of ['', '&type=repair', '&status=completed']) {
			const stats = await county<HistoryStats>('GET', `/api/history/stats?${period}${filter}`);
			expect(stats.status).toBe(200);
			const byCommunity = stats.body.byCommunity;
			const rows = await allHistory(county, `${period}${filter}`);
			// Every community of the county, the quiet ones included, in name order.
			const communities = Object.keys(area)
				.filter((name) => name.endsWith('社区'))
				.map((name) => area[name]!);
			expect(new Set(byCommunity.map((c) => c.communityId))).toEqual(new Set(communities));
			expect(byCommunity.map((c) => c.name)).toEqual([...byCommunity.map((c) => c.name)].sort((x, y) => x.localeCompare(y, 'zh-CN')));
			for (const community of byCommunity) {
				const own = rows.filter((r) => r.communityId === community.communityId);
				expectSame(community, bruteForce(own), `${community.name}${filter}`);
			}
			// Side by side, they add up to the whole.
			expect(byCommunity.reduce((sum, c) => sum + c.finished, 0)).toBe(stats.body.current.finished);
			expect(byCommunity.reduce((sum, c) => sum + c.hours, 0)).toBeCloseTo(stats.body.current.hours, 4);
		}
		const stats = (await county<HistoryStats>('GET', `/api/history/stats?${period}`)).body.byCommunity;
		const yiduan = stats.find((c) => c.communityId === area['一段社区'])!;
		expect(yiduan.completed).toBeGreaterThanOrEqual(2);
		expect(yiduan.cancelled).toBeGreaterThanOrEqual(2);
		expect(stats.find((c) => c.communityId === area['大田坝社区'])!.finished).toBeGreaterThan(50);
		expect(stats.find((c) => c.communityId === area['测试静社区'])).toMatchObject({
			finished: 0,
			completed: 0,
			cancelled: 0,
			hours: 0,
			toAssign: { median: null, p90: null, count: 0 }
		});
	});

	it('narrows the statistics to one community with communityId', async () => {
		const one = await county<HistoryStats>('GET', `/api/history/stats?${period}&communityId=${area['一段社区']}`);
		expect(one.status).toBe(200);
		expect(one.body.byCommunity.map((c) => c.communityId)).toEqual([area['一段社区']]);
		expect(one.body.current.finished).toBe(one.body.byCommunity[0]!.finished);
		const rows = await allHistory(county, `${period}&communityId=${area['一段社区']}`);
		expect(rows.length).toBe(one.body.current.finished);
		expect(rows.every((r) => r.communityId === area['一段社区'])).toBe(true);
	});

	it("gives a street's coordinator exactly their street: history, statistics and CSV", async () => {
		const streetCommunities = new Set([area['一段社区'], area['观音庵社区'], area['测试静社区']]);
		const all = await allHistory(county, period);
		const want = all.filter((r) => streetCommunities.has(r.communityId));
		expect(want.length).toBeGreaterThanOrEqual(4);

		const mine = await allHistory(street, period);
		expect(new Set(mine.map((r) => r.id))).toEqual(new Set(want.map((r) => r.id)));
		expect(mine).toHaveLength(want.length);

		const stats = (await street<HistoryStats>('GET', `/api/history/stats?${period}`)).body;
		expect(new Set(stats.byCommunity.map((c) => c.communityId))).toEqual(streetCommunities);
		expect(stats.current.finished).toBe(want.length);
		expect(stats.volunteers.every((v) => !all.some((r) => r.assigneeId === v.volunteerId && !streetCommunities.has(r.communityId)))).toBe(
			true
		);
		expect(stats.buildings.every((b) => want.some((r) => r.buildingId === b.buildingId))).toBe(true);

		const csv = await fetch(`${server.url}/api/history?${period}&format=csv`, { headers: { cookie: await signIn(server.url, 'jc.test') } });
		expect(csv.status).toBe(200);
		const [header, ...rows] = parseCsv((await csv.text()).replace(/^\uFEFF/, '')).filter((row) => row.length > 1);
		expect(new Set(rows.map((row) => row[0]))).toEqual(new Set(want.map((r) => r.id)));
		expect(rows).toHaveLength(want.length);
		// Each row names its community, as a street's export mixes three.
		const community = header!.indexOf('社区');
		const nameOf = new Map(Object.entries(area).map(([name, id]) => [id, name]));
		for (const row of rows) expect(row[community]).toBe(nameOf.get(want.find((r) => r.id === row[0])!.communityId));
	});

	it('answers 403 to a community filter outside the scope, on every list that takes one', async () => {
		const datianba = area['大田坝社区']!;
		const coordinatorLists = ['/api/history', '/api/history?format=csv', '/api/history/stats', '/api/visit-plans', '/api/elders'];
		const staffLists = ['/api/requests', '/api/volunteers', '/api/buildings', '/api/requests/lookup?q=1'];
		for (const path of [...coordinatorLists, ...staffLists]) {
			const outside = await street('GET', `${path}${path.includes('?') ? '&' : '?'}communityId=${datianba}`);
			expect(outside.status, `street ${path}`).toBe(403);
			expect(outside.body, path).toMatchObject({ error: { code: 'forbidden' } });
			// The same filter inside the scope is answered.
			const inside = await street('GET', `${path}${path.includes('?') ? '&' : '?'}communityId=${area['一段社区']}`);
			expect(inside.status, `street ${path} inside`).toBe(200);
		}
		for (const path of staffLists) {
			const yiduanAsksDatianba = await yiduanStaff('GET', `${path}${path.includes('?') ? '&' : '?'}communityId=${datianba}`);
			expect(yiduanAsksDatianba.status, `yd ${path}`).toBe(403);
			const datianbaAsksYiduan = await datianbaDispatcher('GET', `${path}${path.includes('?') ? '&' : '?'}communityId=${area['一段社区']}`);
			expect(datianbaAsksYiduan.status, `dtb ${path}`).toBe(403);
		}
	});

	it("lists for a community's dispatcher only their own community", async () => {
		const requests = (await yiduanStaff<RequestView[]>('GET', '/api/requests')).body;
		expect(requests.length).toBeGreaterThanOrEqual(1);
		expect(requests.every((r) => r.communityId === area['一段社区'])).toBe(true);
		const buildings = (await yiduanStaff<BuildingView[]>('GET', '/api/buildings')).body;
		expect(buildings.every((b) => b.communityId === area['一段社区'])).toBe(true);
	});
});
