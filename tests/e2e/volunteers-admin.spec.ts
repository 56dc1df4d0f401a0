// The coordinators' volunteers page: the county coordinator adds a volunteer to 大田坝 and reads
// their first password once; the volunteer signs in with it and is given a task; deactivating
// them says how many tasks go back to the queue, and their open tab is signed out. The page
// also fits a phone.
import { test, expect } from './fixtures';
import type { RequestView, UserView } from '../../src/lib/api/types';

test('a coordinator adds a volunteer, who signs in, and deactivates them with their task given back', async ({
	coordinatorPage,
	browser
}) => {
	test.setTimeout(90_000);
	const page = coordinatorPage;
	const username = `e2e.vol.${Date.now().toString(36)}`;
	const name = `测试志愿者${Date.now().toString(36).slice(-4)}`;

	await page.goto('/admin/volunteers');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('志愿者管理');
	await page.locator('[data-action="new-volunteer"]').click();
	const form = page.locator('[data-testid="volunteer-form"]');
	await form.locator('input[name="username"]').fill(username);
	await form.locator('input[name="name"]').fill(name);
	await form.locator('input[name="phone"]').fill('13900001234');
	await form.locator('select[name="communityId"]').selectOption({ label: '大田坝社区' });
	const home = (await form.locator('select[name="homeBuildingId"] option:not([disabled])').first().getAttribute('value'))!;
	await form.locator('select[name="homeBuildingId"]').selectOption(home);
	await form.getByRole('checkbox', { name: '上门理发' }).check();
	await form.locator('[data-action="save"]').click();

	const handOver = page.locator('[data-testid="first-password"]');
	await expect(handOver).toContainText(username);
	const password = (await handOver.locator('code').textContent())!.trim();
	expect(password).toMatch(/^[a-z2-9]{12}$/);

	// The volunteer signs in with it, goes on duty and keeps their tab open.
	const volunteerContext = await browser.newContext();
	const signIn = await volunteerContext.request.post('/api/session', { data: { username, password } });
	expect(signIn.status()).toBe(200);
	const { user } = (await signIn.json()) as { user: UserView };
	expect((await volunteerContext.request.put('/api/me/availability', { data: { available: true } })).status()).toBe(200);
	const tab = await volunteerContext.newPage();
	await tab.goto('/volunteer');
	await expect(tab.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected');

	// A haircut at their building, assigned to them.
	const made = await page.request.post('/api/requests', { data: { type: 'haircut', buildingId: home, description: 'E2E：停用前的工单' } });
	const request = (await made.json()) as RequestView;
	const assigned = await page.request.post(`/api/requests/${request.id}/assign`, {
		data: { volunteerId: user.volunteerId, version: request.version }
	});
	expect(assigned.status()).toBe(200);

	await page.locator('[data-testid="volunteer-search"]').fill(name);
	await page.locator('[data-testid="volunteer-search"]').press('Enter');
	const row = page.locator(`[data-volunteer-id="${user.volunteerId}"]`);
	await expect(row).toContainText('进行中 1');
	await expect(page.locator('[data-testid="volunteers"] > li')).toHaveCount(1);

	await row.locator('[data-action="deactivate"]').click();
	const confirm = row.locator('[data-testid="confirm-deactivate"]');
	await expect(confirm).toContainText('还有 1 个进行中的工单');
	await expect(confirm.locator('[data-action="confirm-deactivate"]')).toBeFocused();
	await page.keyboard.press('Enter');

	await expect(row).toHaveAttribute('data-active', 'false');
	await expect(row).toContainText('已停用');
	await expect(row.locator('[data-action="reactivate"]')).toBeVisible();
	// Their tab is signed out; the task is back in the queue.
	await expect(tab).toHaveURL(/\/login/);
	const detail = (await (await page.request.get(`/api/requests/${request.id}`)).json()) as { request: RequestView };
	expect(detail.request).toMatchObject({ status: 'open', assigneeId: null });
	await volunteerContext.close();
});

test('the volunteers page fits a phone, with targets of at least 44 px', async ({ coordinatorPage: page }) => {
	await page.setViewportSize({ width: 390, height: 844 });
	await page.goto('/admin/volunteers');
	await expect(page.locator('[data-testid="volunteers"] > li').first()).toBeVisible();
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
	for (const target of [
		page.locator('[data-action="new-volunteer"]'),
		page.locator('[data-testid="volunteer-search"]'),
		page.locator('[data-action="edit-volunteer"]').first()
	]) {
		const box = (await target.boundingBox())!;
		expect(box.height).toBeGreaterThanOrEqual(44);
	}
	await page.locator('[data-action="new-volunteer"]').click();
	const skill = page.locator('[data-testid="volunteer-form"] label.check').first();
	expect((await skill.boundingBox())!.height).toBeGreaterThanOrEqual(44);
	expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
