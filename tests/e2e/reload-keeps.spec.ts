// Issue #16: a reload lost the half-typed intake, the selected request and a completion note.
// Each survives a reload of its tab now: the selection in the URL, the drafts in sessionStorage.
import { test, expect, signInContext } from './fixtures';
import { goOnDuty, offerTask, openLive, volunteerIdOf } from './volunteer-helpers';

test('a reload keeps the half-typed request, and forgets it once created', async ({ dispatcherPage: page }) => {
	await openLive(page, '/dispatch');
	const form = page.locator('[data-testid="new-request"]');
	await form.locator('input[name="buildingSearch"]').pressSequentially('5栋');
	await form.locator('input[name="unit"]').fill('1单元302');
	await form.locator('textarea[name="description"]').fill('厨房水龙头一直滴水（重载测试）');
	await form.locator('input[name="contactPhone"]').fill('13900001111');

	await page.reload();
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	await expect(form.locator('textarea[name="description"]')).toHaveValue('厨房水龙头一直滴水（重载测试）');
	await expect(form.locator('input[name="unit"]')).toHaveValue('1单元302');
	await expect(form.locator('input[name="contactPhone"]')).toHaveValue('13900001111');
	await expect(form.locator('select[name="buildingId"] option:checked')).toHaveText('5栋');

	await form.locator('textarea[name="description"]').press('Enter');
	await expect(page.locator('[data-testid="queue"] [data-request-id]', { hasText: '重载测试' })).toBeVisible();
	// The new request is selected now; the board without it shows the form again.
	await page.goto('/dispatch');
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	await expect(form.locator('textarea[name="description"]')).toHaveValue('');
});

test('the selected request is in the URL: a reload or a shared link opens it again', async ({ dispatcherPage: page }) => {
	await openLive(page, '/dispatch');
	const row = page.locator('[data-testid="queue"] li[data-request-id]').first();
	const id = (await row.getAttribute('data-request-id'))!;
	await row.getByRole('button').first().click();
	await expect(page).toHaveURL(new RegExp(`[?&]request=${id}`));
	await page.reload();
	await expect(page.getByTestId('request-detail')).toBeVisible();
	await expect(page.locator(`[data-testid="queue"] li[data-request-id="${id}"] button.row`)).toHaveAttribute('aria-current', 'true');
	await page.getByTestId('request-detail').getByRole('button', { name: '关闭' }).click();
	await expect(page).not.toHaveURL(/request=/);
});

test("a reload keeps the volunteer's half-written completion note", async ({ browser, dispatcherPage: board }) => {
	const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await signInContext(context, 'vol01');
	await goOnDuty(context.request);
	const task = await offerTask(board.request, await volunteerIdOf(context.request), { description: '换灯泡（重载测试）' });
	for (const step of ['accept', 'start'] as const)
		expect((await context.request.post(`/api/requests/${task.id}/${step}`, { data: {} })).status()).toBe(200);
	const page = await context.newPage();
	await openLive(page, '/volunteer');
	const note = page.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"] textarea[name="note"]`);
	await note.fill('换了两个灯泡，开关也松了');
	await page.reload();
	await expect(note).toHaveValue('换了两个灯泡，开关也松了');
	await context.close();
});
