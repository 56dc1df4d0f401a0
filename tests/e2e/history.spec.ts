import { readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { test, expect } from './fixtures';
import { parseCsv } from '../helpers/csv-parse';

type Json = Record<string, unknown> & { id: string; version: number };

async function call(request: APIRequestContext, method: 'get' | 'post' | 'put', path: string, data?: unknown): Promise<Json> {
	const response = await request[method](path, data === undefined ? undefined : { data });
	expect(response.status(), `${method} ${path}: ${await response.text()}`).toBeLessThan(300);
	return (await response.json()) as Json;
}

test('a task a volunteer completes shows in the coordinator history with its timeline', async ({
	dispatcherPage,
	volunteerPage,
	coordinatorPage
}) => {
	const staff = dispatcherPage.request;
	const volunteer = volunteerPage.request;
	const me = (await call(volunteer, 'get', '/api/session')).user as { volunteerId: string; name: string };
	await call(volunteer, 'put', '/api/me/availability', { available: true });
	const buildings = (await (await staff.get('/api/buildings')).json()) as { id: string; name: string }[];
	const building = buildings.find((b) => b.name === '12栋')!;
	const description = `浴室灯不亮 e2e-${Date.now()}`;

	// Intake and assignment by the dispatcher; the volunteer's side through the contract's calls.
	const volunteers = (await (await staff.get('/api/volunteers')).json()) as { id: string; skills: string[] }[];
	const type = volunteers.find((v) => v.id === me.volunteerId)!.skills[0];
	const created = await call(staff, 'post', '/api/requests', { type, buildingId: building.id, description, unit: '1单元101' });
	await call(staff, 'post', `/api/requests/${created.id}/assign`, { volunteerId: me.volunteerId, version: created.version });
	await call(volunteer, 'post', `/api/requests/${created.id}/accept`, {});
	await call(volunteer, 'post', `/api/requests/${created.id}/start`, {});
	await call(volunteer, 'post', `/api/requests/${created.id}/complete`, { note: '换了新灯泡' });

	const page = coordinatorPage;
	await page.goto('/history');
	const row = page.locator(`[data-testid="history"] [data-request-id="${created.id}"]`);
	await expect(row).toBeVisible();
	// Newest first: the task just completed heads the table.
	await expect(page.locator('[data-testid="history"] [data-request-id]').first()).toHaveAttribute('data-request-id', created.id);
	await expect(row).toContainText('12栋');
	await expect(row).toContainText(me.name);
	await expect(row).toContainText('已完成');

	await row.getByRole('button', { name: description }).click();
	const timeline = page.locator('[data-testid="timeline"]');
	await expect(timeline).toBeVisible();
	await expect(timeline.locator('li[data-action]')).toHaveCount(5);
	const actions = await timeline.locator('li[data-action]').evaluateAll((items) => items.map((li) => li.getAttribute('data-action')));
	expect(actions).toEqual(['create', 'assign', 'accept', 'start', 'complete']);
	await expect(timeline.locator('li[data-action="assign"]')).toContainText('王芳');
	await expect(timeline.locator('li[data-action="assign"]')).toContainText('待派单 → 已派单');
	// Whom it went to comes from the step's meta, named from the page's own list of volunteers.
	await expect(timeline.locator('li[data-action="assign"]')).toContainText(`派给 ${me.name}`);
	await expect(timeline.locator('li[data-action="complete"]')).toContainText(me.name);
	await expect(timeline.locator('li[data-action="complete"]')).toContainText('换了新灯泡');
	for (const stage of ['toAssign', 'toAccept', 'toComplete', 'working']) {
		await expect(timeline.locator(`[data-stage="${stage}"] dd`)).toHaveText(/\d+ (秒|分钟|小时)/);
	}
	await page.keyboard.press('Escape');
	await expect(timeline).toBeHidden();
});

test('filters live in the URL and the CSV download has the same rows as the table', async ({ coordinatorPage: page }) => {
	await page.goto('/history');
	await page.locator('select[name="type"]').selectOption('haircut');
	await expect(page).toHaveURL(/type=haircut/);
	await page.locator('select[name="status"]').selectOption('completed');
	await expect(page).toHaveURL(/status=completed/);

	const table = page.locator('[data-testid="history"]');
	await expect(table.locator('[data-request-id]').first()).toBeVisible();
	// Load every page, so the table holds all the rows the filter selects.
	const more = page.getByRole('button', { name: '加载更多' });
	while (await more.isVisible()) {
		const before = await table.locator('[data-request-id]').count();
		await more.click();
		await expect(table.locator('[data-request-id]')).not.toHaveCount(before);
	}
	const ids = await table.locator('[data-request-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-request-id')));
	expect(ids.length).toBeGreaterThan(50);
	const types = await table.locator('[data-request-id] td:nth-child(2)').allInnerTexts();
	expect(new Set(types)).toEqual(new Set(['上门理发']));

	// The shared link shows the same view.
	const shared = await page.context().newPage();
	await shared.goto(page.url());
	await expect(shared.locator('select[name="type"]')).toHaveValue('haircut');
	await expect(shared.locator('[data-testid="history"] [data-request-id]').first()).toHaveAttribute('data-request-id', ids[0]!);
	await shared.close();

	const [download] = await Promise.all([page.waitForEvent('download'), page.locator('[data-testid="export-csv"]').click()]);
	expect(download.suggestedFilename()).toMatch(/^history-.*\.csv$/);
	const bytes = readFileSync((await download.path())!);
	expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const rows = parseCsv(bytes.subarray(3).toString('utf8'));
	expect(rows[0]!.slice(0, 3)).toEqual(['编号', '类型', '状态']);
	expect(rows.slice(1).map((r) => r[0])).toEqual(ids);
	expect(new Set(rows.slice(1).map((r) => r[1]))).toEqual(new Set(['上门理发']));
	expect(new Set(rows.slice(1).map((r) => r[2]))).toEqual(new Set(['已完成']));
});

test('statistics and visit plans: the chart, the heat map, and editing a plan', async ({ coordinatorPage: page }) => {
	await page.goto('/history?tab=stats');
	await expect(page.locator('[data-testid="stats"]')).toBeVisible();
	await expect(page.locator('[data-testid="per-day-chart"] canvas')).toBeVisible();
	await expect(page.locator('[data-testid="heat-map"] .leaflet-heatmap-layer')).toHaveCount(1);
	await expect(page.locator('[data-testid="stage-stats"] tbody tr')).toHaveCount(3);

	await page.getByRole('link', { name: '探访计划', exact: true }).click();
	await expect(page).toHaveURL(/tab=visits/);
	const plans = page.locator('[data-testid="visit-plans"] tr[data-plan-id]');
	// The county's coordinator sees every plan in the county: 大田坝's 18 and 一段's 18.
	const planned = (await (await page.request.get('/api/visit-plans')).json()) as unknown[];
	expect(planned).toHaveLength(36);
	await expect(plans).toHaveCount(planned.length);
	const last = plans.last();
	await last.getByRole('button', { name: '编辑' }).click();
	const form = page.locator('[data-testid="plan-form"]');
	await form.locator('input[name="intervalDays"]').fill('14');
	await form.getByRole('button', { name: '保存' }).click();
	await expect(form).toBeHidden();
	await expect(last).toContainText('每 14 天');
	await expect(page.locator('[data-testid="due-visits"]')).toContainText('待探访');
});

test('dispatchers are sent back to their board from the history page', async ({ dispatcherPage: page }) => {
	await page.goto('/history');
	await expect(page).toHaveURL(/\/dispatch$/);
	const api = await page.request.get('/api/history');
	expect(api.status()).toBe(403);
});

test('the heat map lets the wheel scroll the page past it, and zooms by wheel only once clicked', async ({ coordinatorPage: page }) => {
	await page.setViewportSize({ width: 1280, height: 700 });
	await page.goto('/history?tab=stats');
	const heat = page.locator('[data-testid="heat-map"]');
	await expect(heat.locator('.leaflet-heatmap-layer')).toHaveCount(1);
	await expect(heat).toContainText('点击地图后可用滚轮缩放');
	await heat.scrollIntoViewIfNeeded();
	const box = (await heat.boundingBox())!;
	await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
	const zoomOf = () => heat.locator('.leaflet-map-pane').evaluate((pane) => getComputedStyle(pane).transform);
	const before = { scroll: await page.evaluate(() => window.scrollY), zoom: await zoomOf() };
	await page.mouse.wheel(0, 300);
	await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before.scroll);
	expect(await zoomOf()).toBe(before.zoom);

	// Clicked, the map takes the wheel: it zooms and the page stays put.
	const clicked = (await heat.boundingBox())!;
	await page.mouse.click(clicked.x + clicked.width / 2, clicked.y + clicked.height / 2);
	await expect(heat).not.toContainText('点击地图后可用滚轮缩放');
	const scrolled = await page.evaluate(() => window.scrollY);
	const scale = () => heat.locator('.leaflet-proxy').evaluate((proxy) => getComputedStyle(proxy).transform);
	const scaleBefore = await scale();
	await page.mouse.wheel(0, -300);
	await expect.poll(scale).not.toBe(scaleBefore);
	expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});
