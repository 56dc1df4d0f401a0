// The board per scope (issue 15): a county's coordinator sees every community on one board, with
// a community filter and each community's counts; a community's dispatcher sees only theirs.
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect, signInContext } from './fixtures';
import { forkCountyServer, IMPORTED } from './county-server';
import type { BuildingView, RequestView, UserView } from '../../src/lib/api/types';

const DEMO_COMMUNITIES = ['大田坝社区', '一段社区', '观音庵社区'];
const ACTIVE = ['open', 'assigned', 'accepted', 'in_progress'] as const;

async function json<T>(api: APIRequestContext, path: string): Promise<T> {
	const answer = await api.get(path);
	expect(answer.status(), path).toBe(200);
	return (await answer.json()) as T;
}

async function areaIds(api: APIRequestContext): Promise<Map<string, string>> {
	const areas = await json<{ id: string; name: string; kind: string }[]>(api, '/api/areas');
	return new Map(areas.filter((a) => a.kind === 'community').map((a) => [a.name, a.id]));
}

/** The filter's row for a community: its button, and its count of each active status, as the server counts them. */
async function expectCounts(page: Page, communityId: string, requests: RequestView[]) {
	const row = page.locator(`[data-testid="community-filter"] tr[data-community-id="${communityId}"]`);
	for (const status of ACTIVE) {
		const want = requests.filter((r) => r.communityId === communityId && r.status === status).length;
		await expect(row.locator(`td[data-status="${status}"]`), `${communityId} ${status}`).toHaveText(String(want));
	}
}

async function queueCommunities(page: Page): Promise<string[]> {
	return page
		.locator('[data-testid="queue"] li[data-request-id]')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-community-id')!));
}

test.describe('the demo county', () => {
	test("a county coordinator's board shows all three communities with the filter", async ({ coordinatorPage: page }) => {
		const ids = await areaIds(page.request);
		await page.goto('/dispatch');
		const filter = page.getByTestId('community-filter');
		await expect(filter).toBeVisible();
		for (const name of DEMO_COMMUNITIES) await expect(filter.getByRole('button', { name, exact: true })).toBeVisible();

		const requests = await json<RequestView[]>(page.request, '/api/requests');
		for (const name of DEMO_COMMUNITIES) await expectCounts(page, ids.get(name)!, requests);

		// One community narrows the queue and the map to it; "all" brings the scope back.
		const yiduan = ids.get('一段社区')!;
		await filter.getByRole('button', { name: '一段社区', exact: true }).click();
		await expect(filter.getByRole('button', { name: '一段社区', exact: true })).toHaveAttribute('aria-pressed', 'true');
		await expect(page).toHaveURL(new RegExp(`communityId=${yiduan}`));
		const rows = page.locator('[data-testid="queue"] li[data-request-id]');
		await expect(rows).toHaveCount(requests.filter((r) => r.communityId === yiduan).length);
		expect((await queueCommunities(page)).every((id) => id === yiduan)).toBe(true);
		await filter.getByRole('button', { name: '全部社区' }).click();
		await expect(rows).toHaveCount(requests.length);
	});

	test('yd.dispatcher sees only 一段', async ({ browser }) => {
		await boardOfOneCommunity(browser, 'yd.dispatcher', '一段社区');
	});
});

/** A community's dispatcher: no community filter, and nothing of any other community on the board. */
async function boardOfOneCommunity(browser: import('@playwright/test').Browser, username: string, communityName: string, baseURL?: string) {
	const context = await browser.newContext(baseURL ? { baseURL } : {});
	await signInContext(context, username);
	const page = await context.newPage();
	const { user } = await json<{ user: UserView }>(page.request, '/api/session');
	expect(user.scope).toMatchObject({ kind: 'community', name: communityName });
	const buildings = await json<BuildingView[]>(page.request, '/api/buildings');
	expect(buildings.length).toBeGreaterThan(0);
	expect(buildings.every((b) => b.communityId === user.scope.id)).toBe(true);
	// Something on the board to look at: a request of their own.
	const created = await page.request.post('/api/requests', {
		data: { type: 'repair', buildingId: buildings[0]!.id, description: '看看谁能看到' }
	});
	expect(created.status()).toBe(201);
	const mine = (await created.json()) as RequestView;

	await page.goto('/dispatch');
	await expect(page.locator(`[data-testid="queue"] [data-request-id="${mine.id}"]`)).toBeVisible();
	await expect(page.locator(`[data-testid="map"] [data-request-id="${mine.id}"]`)).toBeAttached({ timeout: 20_000 });
	await expect(page.getByTestId('community-filter')).toHaveCount(0);
	const requests = await json<RequestView[]>(page.request, '/api/requests');
	expect(requests.every((r) => r.communityId === user.scope.id)).toBe(true);
	await expect(page.locator('[data-testid="queue"] li[data-request-id]')).toHaveCount(requests.length);
	expect((await queueCommunities(page)).every((id) => id === user.scope.id)).toBe(true);
	// The building picker offers exactly the community's buildings.
	const offered = await page
		.locator('[data-testid="new-request"] select[name="buildingId"] option:not([value=""])')
		.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
	expect(new Set(offered)).toEqual(new Set(buildings.map((b) => b.id)));
	await context.close();
	return mine;
}

test('a county board with an imported community: the filter, its counts, and its own dispatcher', async ({ browser }) => {
	test.setTimeout(300_000);
	const server = await forkCountyServer();
	try {
		// 一段's dispatcher first: a request of theirs, and a board of nothing else.
		const yiduanRequest = await boardOfOneCommunity(browser, IMPORTED.dispatcher, IMPORTED.community, server.url);

		const context = await browser.newContext({ baseURL: server.url });
		await signInContext(context, 'coordinator');
		const page = await context.newPage();
		const ids = await areaIds(page.request);
		const yiduan = ids.get(IMPORTED.community)!;
		const datianba = ids.get('大田坝社区')!;
		// Counted against the API, so the test holds once the demo seed of part two also fills 一段.
		const requests = await json<RequestView[]>(page.request, '/api/requests');
		expect(requests.some((r) => r.communityId === datianba)).toBe(true);
		const inYiduan = requests.filter((r) => r.communityId === yiduan);
		expect(inYiduan.map((r) => r.id)).toContain(yiduanRequest.id);
		const yiduanBuildings = await json<BuildingView[]>(page.request, `/api/buildings?communityId=${yiduan}`);
		expect(yiduanBuildings.map((b) => b.name)).toEqual(expect.arrayContaining([...IMPORTED.buildings]));

		await page.goto('/dispatch');
		const filter = page.getByTestId('community-filter');
		for (const name of DEMO_COMMUNITIES) await expect(filter.getByRole('button', { name, exact: true })).toBeVisible();
		await expectCounts(page, yiduan, requests);
		await expectCounts(page, datianba, requests);
		// The whole scope is on the board, each row naming its community.
		await expect(page.locator('[data-testid="queue"] li[data-request-id]')).toHaveCount(requests.length);
		await expect(page.locator(`[data-testid="queue"] [data-request-id="${yiduanRequest.id}"]`)).toContainText(IMPORTED.community);

		// Choose 一段: its requests in the queue and on the map, its buildings in the picker.
		await filter.getByRole('button', { name: IMPORTED.community, exact: true }).click();
		await expect(page.locator('[data-testid="queue"] li[data-request-id]')).toHaveCount(inYiduan.length);
		await expect(page.locator(`[data-testid="map"] [data-request-id="${yiduanRequest.id}"]`)).toBeAttached();
		const someDatianba = requests.find((r) => r.communityId === datianba)!;
		await expect(page.locator(`[data-testid="map"] [data-request-id="${someDatianba.id}"]`)).toHaveCount(0);
		const picker = page.locator('[data-testid="new-request"] select[name="buildingId"]');
		const offered = await picker
			.locator('option:not([value=""])')
			.evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
		expect(new Set(offered)).toEqual(new Set(yiduanBuildings.map((b) => b.id)));

		// A request made here is made in 一段, and counted there at once.
		await picker.selectOption({ label: IMPORTED.buildings[2] });
		await page.locator('[data-testid="new-request"] [name="description"]').fill('楼道灯不亮');
		await page.locator('[data-testid="new-request"] [data-action="create"]').click();
		await expect(page.locator('[data-testid="queue"] li[data-request-id]')).toHaveCount(inYiduan.length + 1);
		const openBefore = inYiduan.filter((r) => r.status === 'open').length;
		await expect(filter.locator(`tr[data-community-id="${yiduan}"] td[data-status="open"]`)).toHaveText(String(openBefore + 1));
		await expect(page.getByTestId('request-community')).toHaveText(IMPORTED.community);

		// A reload keeps the community chosen.
		await page.reload();
		await expect(filter.getByRole('button', { name: IMPORTED.community, exact: true })).toHaveAttribute('aria-pressed', 'true');
		await expect(page.locator('[data-testid="queue"] li[data-request-id]')).toHaveCount(inYiduan.length + 1);

		// History: the communities side by side, and a community filter that the link and the CSV keep.
		await page.goto('/history?tab=stats');
		const sideBySide = page.getByTestId('community-stats');
		for (const name of DEMO_COMMUNITIES) await expect(sideBySide.getByRole('link', { name, exact: true })).toBeVisible();
		await page.locator('select[name="communityId"]').selectOption({ label: IMPORTED.community });
		await expect(page).toHaveURL(new RegExp(`communityId=${yiduan}`));
		await expect(sideBySide).toHaveCount(0); // one community: nothing to set side by side
		await page.getByRole('navigation', { name: '服务记录' }).getByRole('link', { name: '服务记录' }).click();
		await expect(page.getByTestId('export-csv')).toHaveAttribute('href', new RegExp(`communityId=${yiduan}`));
		await context.close();
	} finally {
		await server.stop();
	}
});
