import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test, expect, signInContext } from './fixtures';
import type { BuildingView, RequestView } from '../../src/lib/api/types';

async function dispatcher(browser: Browser, username: string): Promise<Page> {
	const context = await browser.newContext();
	await signInContext(context, username);
	const page = await context.newPage();
	await page.goto('/dispatch');
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	return page;
}

async function createRequest(page: Page, buildingName: string, description: string): Promise<RequestView> {
	const buildings = (await (await page.request.get('/api/buildings')).json()) as BuildingView[];
	const building = buildings.find((b) => b.name === buildingName)!;
	const response = await page.request.post('/api/requests', {
		data: { type: 'repair', buildingId: building.id, description, unit: '1单元101', contactName: '测试', contactPhone: '13800000000' }
	});
	expect(response.status()).toBe(201);
	return (await response.json()) as RequestView;
}

const row = (page: Page, id: string) => page.locator(`[data-testid="queue"] [data-request-id="${id}"]`);
const marker = (page: Page, id: string) => page.locator(`[data-testid="map"] [data-request-id="${id}"]`);

test('a request created through the API shows on two boards at once, in the queue and on the map', async ({ browser }) => {
	const [first, second] = await Promise.all([dispatcher(browser, 'dispatcher'), dispatcher(browser, 'dispatcher2')]);
	const request = await createRequest(first, '12栋', '楼道灯不亮');
	for (const page of [first, second]) {
		await expect(row(page, request.id)).toBeVisible({ timeout: 2000 });
		await expect(marker(page, request.id)).toBeAttached({ timeout: 2000 });
		await expect(row(page, request.id)).toHaveAttribute('data-status', 'open');
	}
	await first.context().close();
	await second.context().close();
});

test('assigning on one board updates the other; assigning at once has one winner and a plain conflict', async ({ browser }) => {
	const [first, second] = await Promise.all([dispatcher(browser, 'dispatcher'), dispatcher(browser, 'dispatcher2')]);
	const request = await createRequest(first, '15栋', '水龙头坏了');

	// Both select it; the second sees the first looking at it.
	for (const page of [first, second]) {
		await row(page, request.id).getByRole('button').click();
		await expect(page.locator('[data-testid="candidates"] [data-volunteer-id]').first()).toBeVisible();
	}
	await expect(second.getByText('王芳 正在查看').first()).toBeVisible();

	// Both click their top candidate. Each board's POST is held at the network until the other
	// board has sent its own, so both carry the version they saw (neither has heard of the
	// other's assignment) and the server alone decides the winner.
	let heldCount = 0;
	let bothSent!: () => void;
	const bothHeld = new Promise<void>((resolve) => (bothSent = resolve));
	for (const page of [first, second]) {
		await page.route(`**/api/requests/${request.id}/assign`, async (route) => {
			if (++heldCount === 2) bothSent();
			await bothHeld;
			await route.continue();
		});
		await expect(page.locator('[data-testid="candidates"] [data-action="assign"]').first()).toBeEnabled();
	}
	// The top candidate is offline: the first press warns, the second sends.
	for (const page of [first, second]) {
		await page.locator('[data-testid="candidates"] [data-action="assign"]').first().click();
		await expect(page.locator('[data-testid="offline-warning"]')).toBeVisible();
	}
	for (const page of [first, second]) await page.locator('[data-testid="candidates"] [data-action="assign"]').first().click();
	await bothHeld;

	for (const page of [first, second]) await expect(row(page, request.id)).toHaveAttribute('data-status', 'assigned', { timeout: 2000 });
	const conflictCount = (page: Page) =>
		page
			.getByRole('alert')
			.filter({ hasText: /未能派单|Not assigned/ })
			.count();
	await expect.poll(async () => (await Promise.all([first, second].map(conflictCount))).sort()).toEqual([0, 1]);

	const after = (await (await first.request.get(`/api/requests/${request.id}`)).json()) as { request: RequestView };
	expect(after.request.version).toBe(2);
	await first.context().close();
	await second.context().close();
});

test('a request can be taken in with the keyboard alone', async ({ dispatcherPage: page }) => {
	await page.goto('/dispatch');
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	await page.locator('body').click({ position: { x: 5, y: 200 } });
	await page.keyboard.press('n');
	await expect(page.locator('[data-testid="new-request"] input[name="buildingSearch"]')).toBeFocused();
	await page.keyboard.type('3栋');
	await expect(page.locator('[data-testid="new-request"] select[name="buildingId"] option:checked')).toHaveText('3栋');
	await page.keyboard.press('Tab'); // building list
	await page.keyboard.press('Tab'); // type
	await page.keyboard.press('Tab'); // urgency
	await page.keyboard.press('Tab'); // unit
	await page.keyboard.type('2单元401');
	await page.keyboard.press('Tab'); // description
	const description = `键盘录入：厨房下水道堵塞 ${Date.now()}`; // unique, so repeated runs on one database stay apart
	await page.keyboard.type(description);
	await page.keyboard.press('Enter');

	const created = page.locator('[data-testid="queue"] [data-request-id]', { hasText: description });
	await expect(created).toBeVisible();
	await expect(created).toContainText('3栋');
	await expect(created).toHaveAttribute('data-status', 'open');

	// The new request is selected: A gives it to the top candidate. They are offline (nobody
	// has the app open here), so the first A only warns and the second assigns. Pressed again,
	// A changes nothing: on an assigned request it would be a silent reassignment.
	await expect(page.locator('[data-testid="candidates"] [data-volunteer-id]').first()).toBeVisible();
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await page.keyboard.press('a');
	const warning = page.locator('[data-testid="offline-warning"]');
	await expect(warning).toBeVisible();
	await expect(warning).toContainText('离线');
	await page.waitForTimeout(300);
	await expect(created).toHaveAttribute('data-status', 'open');
	await page.keyboard.press('a');
	await expect(created).toHaveAttribute('data-status', 'assigned');
	await expect(warning).toHaveCount(0);
	const id = (await created.getAttribute('data-request-id'))!;
	const assigned = ((await (await page.request.get(`/api/requests/${id}`)).json()) as { request: RequestView }).request;
	await page.keyboard.press('a');
	await page.waitForTimeout(500);
	const after = ((await (await page.request.get(`/api/requests/${id}`)).json()) as { request: RequestView }).request;
	expect({ assigneeId: after.assigneeId, version: after.version }).toEqual({ assigneeId: assigned.assigneeId, version: assigned.version });
});

test('the shortcut help lists the keys', async ({ dispatcherPage: page }) => {
	await page.goto('/dispatch');
	await page.locator('body').click({ position: { x: 5, y: 200 } });
	await page.keyboard.press('?');
	const dialog = page.getByRole('dialog');
	await expect(dialog).toBeVisible();
	await expect(dialog.locator('kbd', { hasText: /^N$/ })).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(dialog).toBeHidden();
});

test('cancelling from the board takes a reason; a cancel that crossed an assignment is refused plainly', async ({
	dispatcherPage: page
}) => {
	await page.goto('/dispatch');
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	const request = await createRequest(page, '21栋', `取消测试 ${Date.now()}`);
	await row(page, request.id).getByRole('button').click();

	// The cancel is held at the network while someone else assigns the request, so it arrives
	// carrying the version the dispatcher saw, which is no longer current.
	let releaseCancel!: () => void;
	const cancelMayGo = new Promise<void>((resolve) => (releaseCancel = resolve));
	await page.route(`**/api/requests/${request.id}/cancel`, async (route) => {
		await cancelMayGo;
		await route.continue();
	});
	// Without a reason the button asks for one and sends nothing.
	await page.locator('[data-action="cancel"]').click();
	await expect(page.getByRole('alert').filter({ hasText: '请先写下取消原因' })).toBeVisible();
	await expect(page.locator('[name="reason"]')).toBeFocused();
	await page.locator('[name="reason"]').fill('居民已自行修好');
	await page.locator('[data-action="cancel"]').click();

	const candidates = (await (await page.request.get(`/api/requests/${request.id}/candidates`)).json()) as { volunteerId: string }[];
	const assigned = await page.request.post(`/api/requests/${request.id}/assign`, {
		data: { volunteerId: candidates[0]!.volunteerId, version: 1 }
	});
	expect(assigned.status()).toBe(200);
	releaseCancel();

	await expect(page.getByRole('alert').filter({ hasText: '未能取消' })).toBeVisible();
	await expect(row(page, request.id)).toHaveAttribute('data-status', 'assigned');

	// Tried again on what is true now, the cancel goes through.
	await page.unroute(`**/api/requests/${request.id}/cancel`);
	await page.locator('[data-action="cancel"]').click();
	await expect(page.getByRole('status').filter({ hasText: '工单已取消' })).toBeVisible();
	const after = (await (await page.request.get(`/api/requests/${request.id}`)).json()) as { request: RequestView };
	expect({ status: after.request.status, version: after.request.version }).toEqual({ status: 'cancelled', version: 3 });
});

test('a volunteer who goes off duty leaves the candidate list by itself', async ({ browser, dispatcherPage: page }) => {
	await page.goto('/dispatch');
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	const building = ((await (await page.request.get('/api/buildings')).json()) as BuildingView[]).find((b) => b.name === '21栋')!;
	const repairers = new Set(
		((await (await page.request.get('/api/volunteers')).json()) as { id: string; skills: string[] }[])
			.filter((v) => v.skills.includes('repair'))
			.map((v) => v.id)
	);
	// A repairer of our own, standing at the door, so they are among the first candidates.
	let phone: BrowserContext | null = null;
	let volunteerId = '';
	for (let n = 40; n <= 48 && !phone; n++) {
		const context = await browser.newContext();
		await signInContext(context, `vol${n}`);
		const me = ((await (await context.request.get('/api/session')).json()) as { user: { volunteerId: string } }).user;
		if (repairers.has(me.volunteerId)) [phone, volunteerId] = [context, me.volunteerId];
		else await context.close();
	}
	expect(phone, 'a repairer among vol40…vol48').not.toBeNull();
	expect(
		(await phone!.request.put('/api/me/availability', { data: { available: true, lat: building.lat, lng: building.lng } })).status()
	).toBe(200);

	const request = await createRequest(page, '21栋', `下班测试 ${Date.now()}`);
	await row(page, request.id).getByRole('button').click();
	const theirRow = page.locator(`[data-testid="candidates"] [data-volunteer-id="${volunteerId}"]`);
	await expect(theirRow).toBeVisible();
	expect((await phone!.request.put('/api/me/availability', { data: { available: false } })).status()).toBe(200);
	await expect(theirRow).toHaveCount(0, { timeout: 5_000 });
	await phone!.close();
});

test('the building field never keeps a building its text no longer names', async ({ dispatcherPage: page }) => {
	await page.goto('/dispatch');
	const form = page.locator('[data-testid="new-request"]');
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	await page.locator('body').click({ position: { x: 5, y: 200 } });
	await page.keyboard.press('n');
	const search = form.locator('input[name="buildingSearch"]');
	const chosen = form.locator('select[name="buildingId"]');

	// "东" first matches a shop on 东街; the rest of "东区8号楼" matches nothing, so nothing is chosen.
	await search.pressSequentially('东');
	await expect(chosen).not.toHaveValue('');
	await search.pressSequentially('区8号楼');
	await expect(chosen).toHaveValue('');
	await expect(form.getByTestId('no-building-match')).toContainText('没有与“东区8号楼”相符的楼栋');
	await form.locator('textarea[name="description"]').fill('不该建在别的楼');
	await form.getByRole('button', { name: '创建工单' }).click();
	await expect(search).toHaveAttribute('aria-invalid', 'true');
	await expect(page.locator('[data-testid="queue"] [data-request-id]', { hasText: '不该建在别的楼' })).toHaveCount(0);

	// Clearing the field clears the building too.
	await search.fill('');
	await search.pressSequentially('3栋');
	await expect(chosen.locator('option:checked')).toHaveText('3栋');
	await search.fill('');
	await search.dispatchEvent('input');
	await expect(chosen).toHaveValue('');
	await expect(form.getByTestId('no-building-match')).toHaveCount(0);
});
