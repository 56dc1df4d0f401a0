// The coordinator's history API on the production server: roles, keyset pages, filters,
// bad input, and the CSV export matching the pages row for row.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestDatabase, ENGINE } from '../helpers/database';
import { createDemoDatabase } from '../helpers/demo-database';
import { startServer, type RunningServer } from '../helpers/server';
import { apiClient, signIn } from '../helpers/clients';
import { parseCsv } from '../helpers/csv-parse';
import type { RequestView, VolunteerView } from '../../src/lib/api/types';
import type { HistoryPage } from '../../src/lib/api/history-types';

const STACK_TRACE = /\n\s+at |node_modules|\.ts:\d+/;
const finished = (r: RequestView) => r.completedAt ?? r.cancelledAt!;

describe(`the history API on ${ENGINE}`, () => {
	const engine = ENGINE;
	let database: TestDatabase;
	let server: RunningServer;
	let coordinator: ReturnType<typeof apiClient>;
	let coordinatorCookie: string;

	async function allPages(query: string, limit = 37): Promise<RequestView[]> {
		const items: RequestView[] = [];
		let cursor: string | null = null;
		do {
			const page: { status: number; body: HistoryPage } = await coordinator<HistoryPage>(
				'GET',
				`/api/history?${query}&limit=${limit}${cursor ? `&cursor=${cursor}` : ''}`
			);
			expect(page.status).toBe(200);
			expect(page.body.items.length).toBeLessThanOrEqual(limit);
			items.push(...page.body.items);
			cursor = page.body.nextCursor;
		} while (cursor);
		return items;
	}

	beforeAll(async () => {
		database = await createDemoDatabase(engine);
		server = await startServer(database.env);
		coordinatorCookie = await signIn(server.url, 'coordinator');
		coordinator = apiClient(server.url, coordinatorCookie);
	});
	afterAll(async () => {
		await server?.stop();
		await database?.drop();
	});

	it('is for coordinators only: 401 signed out, 403 for dispatchers and volunteers', async () => {
		expect((await apiClient(server.url, null)('GET', '/api/history')).status).toBe(401);
		for (const who of ['dispatcher', 'vol01']) {
			const call = apiClient(server.url, await signIn(server.url, who));
			for (const path of ['/api/history', '/api/history?format=csv', '/api/history/stats', '/api/visit-plans', '/api/elders']) {
				const answer = await call('GET', path);
				expect(answer.status, `${who} ${path}`).toBe(403);
				expect(answer.body).toMatchObject({ error: { code: 'forbidden' } });
			}
		}
	});

	it('lists finished requests newest first, and its cursor walks every one exactly once', async () => {
		const items = await allPages('');
		expect(items.length).toBeGreaterThan(150);
		expect(new Set(items.map((r) => r.id)).size).toBe(items.length);
		expect(items.every((r) => r.status === 'completed' || r.status === 'cancelled')).toBe(true);
		for (let i = 1; i < items.length; i++) expect(finished(items[i - 1]!) >= finished(items[i]!)).toBe(true);
		const active = (await coordinator<RequestView[]>('GET', '/api/requests')).body;
		expect(items.some((r) => active.some((a) => a.id === r.id))).toBe(false);
	});

	it('filters by date range, type, volunteer, building and status', async () => {
		const all = await allPages('', 200);
		const volunteerId = all.find((r) => r.status === 'completed')!.assigneeId!;
		const buildingId = all[0]!.buildingId;
		const cases: [string, (r: RequestView) => boolean][] = [
			['type=haircut', (r) => r.type === 'haircut'],
			['status=cancelled', (r) => r.status === 'cancelled'],
			[`volunteerId=${volunteerId}`, (r) => r.assigneeId === volunteerId],
			[`buildingId=${buildingId}`, (r) => r.buildingId === buildingId],
			['from=2020-01-01&to=2020-01-31', () => false]
		];
		for (const [query, match] of cases) {
			const got = await allPages(query);
			expect(
				got.map((r) => r.id),
				query
			).toEqual(all.filter(match).map((r) => r.id));
		}
		// A community day runs from 16:00 UTC the day before.
		const day = new Date(Date.parse(finished(all[20]!)) + 8 * 3_600_000).toISOString().slice(0, 10);
		const start = Date.parse(`${day}T00:00:00+08:00`);
		const onDay = await allPages(`from=${day}&to=${day}`);
		expect(onDay.map((r) => r.id)).toEqual(
			all.filter((r) => Date.parse(finished(r)) >= start && Date.parse(finished(r)) < start + 86_400_000).map((r) => r.id)
		);
		expect(onDay.length).toBeGreaterThan(0);
	});

	it('answers bad input with 400 in the contract shape, and keeps serving', async () => {
		const volunteers = await coordinator<VolunteerView[]>('GET', '/api/volunteers');
		const bad = [
			'from=2026-02-30',
			'from=last-tuesday',
			'to=2026-13-01',
			'from=2026-11-20&to=2026-11-01',
			`volunteerId=${crypto.randomUUID()}`,
			`buildingId=${crypto.randomUUID()}`,
			'volunteerId=vol01',
			'limit=1e9',
			'limit=-5',
			"type=repair'%20OR%201=1--",
			'status=completed;DROP%20TABLE%20requests',
			"buildingId=1'%20union%20select%20*%20from%20users--",
			'cursor=eyJmIjoiMjAyNiJ9',
			'cursor=%27%3B--',
			'status=open',
			'orderBy=id'
		];
		for (const query of bad) {
			for (const format of ['', '&format=csv']) {
				const answer = await coordinator<{ error: { code: string; message: string; issues?: unknown[] } }>(
					'GET',
					`/api/history?${query}${format}`
				);
				expect(answer.status, query + format).toBe(400);
				expect(answer.body.error.code).toBe('invalid_input');
				expect(answer.body.error.issues?.length, query).toBeGreaterThan(0);
				expect(JSON.stringify(answer.body)).not.toMatch(STACK_TRACE);
			}
		}
		expect((await coordinator('GET', '/api/history/stats?from=1999-12-31')).status).toBe(400);
		expect((await coordinator('GET', `/api/history/stats?volunteerId=${crypto.randomUUID()}`)).status).toBe(400);
		expect(volunteers.status).toBe(200);
		expect((await coordinator('GET', '/api/history?limit=5')).status).toBe(200);
	});

	it('reads finished requests only through history: the board list refuses finished statuses', async () => {
		const dispatcher = apiClient(server.url, await signIn(server.url, 'dispatcher'));
		for (const query of ['status=completed', 'status=cancelled', 'status=completed&status=cancelled', 'status=open&status=completed']) {
			const answer = await dispatcher<{ error: { code: string; message: string } }>('GET', `/api/requests?${query}`);
			expect(answer.status, query).toBe(400);
			expect(answer.body.error.code).toBe('invalid_input');
		}
		const active = await dispatcher<RequestView[]>('GET', '/api/requests?status=open&status=assigned&status=accepted&status=in_progress');
		expect(active.status).toBe(200);
		expect(active.body.every((r) => !['completed', 'cancelled'].includes(r.status))).toBe(true);
	});

	it("answers a caller's 'was it done?' from the last 7 days, finished ones included, at most 20", async () => {
		const dispatcher = apiClient(server.url, await signIn(server.url, 'dispatcher'));
		const building = (await dispatcher<{ id: string; name: string }[]>('GET', '/api/buildings')).body[3]!;
		const created = await dispatcher<RequestView>('POST', '/api/requests', {
			type: 'repair',
			buildingId: building.id,
			unit: '2单元502',
			description: '厨房水管漏水',
			contactPhone: '13566667777'
		});
		expect((await dispatcher('POST', `/api/requests/${created.body.id}/cancel`, { reason: '居民自己修好了' })).status).toBe(200);

		for (const q of ['13566667777', '6666777', '2单元502', '厨房水管']) {
			const found = await dispatcher<RequestView[]>('GET', `/api/requests/lookup?q=${encodeURIComponent(q)}`);
			expect(found.status, q).toBe(200);
			expect(
				found.body.find((r) => r.id === created.body.id),
				q
			).toMatchObject({ status: 'cancelled', contactPhone: '13566667777' });
		}
		// Three weeks of demo history, but only the last 7 days answer, newest first, at most 20.
		const weekAgo = Date.now() - 7 * 86_400_000 - 60_000;
		const broad = await dispatcher<RequestView[]>('GET', `/api/requests/lookup?q=${encodeURIComponent('栋')}`);
		expect(broad.body.length).toBe(20);
		expect(broad.body.every((r) => Date.parse(r.createdAt) >= weekAgo)).toBe(true);
		const times = broad.body.map((r) => Date.parse(r.createdAt));
		expect(times).toEqual([...times].sort((a, b) => b - a));
		// `%` and `_` are only themselves.
		expect((await dispatcher<RequestView[]>('GET', '/api/requests/lookup?q=%25')).body).toEqual([]);
		for (const bad of ['', 'q=', `q=${'x'.repeat(101)}`, 'q=a&extra=1']) {
			expect((await dispatcher('GET', `/api/requests/lookup?${bad}`)).status, bad).toBe(400);
		}
		expect((await apiClient(server.url, await signIn(server.url, 'vol01'))('GET', '/api/requests/lookup?q=x')).status).toBe(403);
	});

	it('exports the same rows as CSV: a BOM, a localized header, every row, no limit', async () => {
		const query = 'type=repair';
		const rows = await allPages(query);
		const response = await fetch(`${server.url}/api/history?${query}&format=csv&limit=5`, { headers: { cookie: coordinatorCookie } });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
		expect(response.headers.get('content-disposition')).toMatch(/^attachment; filename="history-[\w.-]+\.csv"$/);
		const bytes = new Uint8Array(await response.arrayBuffer());
		expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const table = parseCsv(new TextDecoder().decode(bytes.slice(3)));
		expect(table[0]![0]).toBe('编号');
		expect(table[0]).toContain('完成时间（北京时间）');
		expect(table.slice(1).map((r) => r[0])).toEqual(rows.map((r) => r.id));
		expect(table.slice(1).every((r) => r.length === table[0]!.length)).toBe(true);
		expect(table[1]![1]).toBe('水电维修');

		const english = await fetch(`${server.url}/api/history?${query}&format=csv`, { headers: { cookie: `${coordinatorCookie}; lang=en` } });
		const header = parseCsv((await english.text()).replace(/^\uFEFF/, ''))[0]!;
		expect(header.slice(0, 3)).toEqual(['ID', 'Type', 'Status']);
	});

	it('carries the closed loop in the CSV: source, deadlines, overdue, the rating and its comment, as the pages say', async () => {
		const items = await allPages('type=repair');
		const csv = await fetch(`${server.url}/api/history?type=repair&format=csv`, { headers: { cookie: coordinatorCookie } });
		const table = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
		const column = (name: string) => table[0]!.indexOf(name);
		for (const name of [
			'来源',
			'派单期限（北京时间）',
			'办结期限（北京时间）',
			'超时',
			'评价（星）',
			'评价方式',
			'评价内容',
			'完成备注',
			'取消原因'
		]) {
			expect(column(name), name).toBeGreaterThan(0);
		}
		const byId = new Map(table.slice(1).map((row) => [row[0], row]));
		expect(items.filter((r) => r.feedback).length, 'the demo has rated repairs').toBeGreaterThan(0);
		for (const item of items) {
			const row = byId.get(item.id)!;
			expect(row[column('评价（星）')], item.id).toBe(item.feedback ? String(item.feedback.rating) : '');
			expect(row[column('评价内容')], item.id).toBe(item.feedback?.comment ?? '');
			expect(row[column('评价方式')], item.id).toBe(item.feedback ? '电话回访' : '');
			expect(row[column('来源')], item.id).toBe('社区受理');
			expect(row[column('派单期限（北京时间）')] !== '', item.id).toBe(item.deadlines.assignBy !== null);
		}

		// A completion note and a cancel reason, each in its own column.
		const dispatcher = apiClient(server.url, await signIn(server.url, 'dispatcher'));
		const volunteerCookie = await signIn(server.url, 'vol02');
		const volunteer = apiClient(server.url, volunteerCookie);
		const me = await volunteer<VolunteerView>('PUT', '/api/me/availability', { available: true });
		const building = (await dispatcher<{ id: string }[]>('GET', '/api/buildings')).body[5]!;
		const open = (description: string) =>
			dispatcher<RequestView>('POST', '/api/requests', { type: me.body.skills[0], buildingId: building.id, description }).then(
				(r) => r.body
			);
		const done = await open('闭环：完成');
		const assigned = await dispatcher<RequestView>('POST', `/api/requests/${done.id}/assign`, {
			volunteerId: me.body.id,
			version: done.version
		});
		expect(assigned.status).toBe(200);
		for (const [action, body] of [
			['accept', {}],
			['start', {}],
			['complete', { note: '换了新的水龙头' }]
		] as const) {
			expect((await volunteer('POST', `/api/requests/${done.id}/${action}`, body)).status, action).toBe(200);
		}
		const dropped = await open('闭环：取消');
		expect((await dispatcher('POST', `/api/requests/${dropped.id}/cancel`, { reason: '不属于志愿服务范围' })).status).toBe(200);
		const latest = parseCsv(
			(
				await (
					await fetch(`${server.url}/api/history?buildingId=${building.id}&format=csv`, { headers: { cookie: coordinatorCookie } })
				).text()
			).replace(/^\uFEFF/, '')
		);
		const rowOf = (id: string) => latest.find((row) => row[0] === id)!;
		expect([rowOf(done.id)[column('完成备注')], rowOf(done.id)[column('取消原因')]]).toEqual(['换了新的水龙头', '']);
		expect([rowOf(dropped.id)[column('完成备注')], rowOf(dropped.id)[column('取消原因')]]).toEqual(['', '不属于志愿服务范围']);
	});

	it("names a plan's visit in the reader's language in the CSV, as the screens do", async () => {
		const planned = (await allPages('type=elder_visit')).filter((r) => r.visitDueAt);
		expect(planned.length).toBeGreaterThan(0);
		for (const [lang, visit] of [
			['zh-CN', '定期探访'],
			['en', 'Planned visit']
		] as const) {
			const csv = await fetch(`${server.url}/api/history?type=elder_visit&format=csv`, {
				headers: { cookie: `${coordinatorCookie}; lang=${lang}` }
			});
			const table = parseCsv((await csv.text()).replace(/^\uFEFF/, ''));
			const column = table[0]!.indexOf(lang === 'en' ? 'Description' : '服务内容');
			for (const request of planned) {
				const cell = table.find((r) => r[0] === request.id)![column]!;
				expect(cell.startsWith(visit), cell).toBe(true);
				expect(cell.endsWith(request.description), cell).toBe(true);
			}
		}
	});

	it('keeps text safe in the CSV: quotes, commas, line breaks and formulas', async () => {
		const dispatcher = apiClient(server.url, await signIn(server.url, 'dispatcher'));
		const building = (await dispatcher<{ id: string }[]>('GET', '/api/buildings')).body[0]!;
		const description = '=HYPERLINK("http://evil"),\n第二行 "引号"';
		const created = await dispatcher<RequestView>('POST', '/api/requests', { type: 'repair', buildingId: building.id, description });
		expect(created.status).toBe(201);
		expect((await dispatcher('POST', `/api/requests/${created.body.id}/cancel`, { reason: '测试' })).status).toBe(200);

		const response = await fetch(`${server.url}/api/history?format=csv&status=cancelled&buildingId=${building.id}`, {
			headers: { cookie: coordinatorCookie }
		});
		const table = parseCsv((await response.text()).replace(/^\uFEFF/, ''));
		const row = table.find((r) => r[0] === created.body.id)!;
		expect(row).toBeDefined();
		expect(row[table[0]!.indexOf('服务内容')]).toBe(`'${description}`);
		expect(row.length).toBe(table[0]!.length);
	});
});
