// Issue #15, "Done when": a catalogue change (a new service) appears live on the intake form and
// as a queue filter without a reload. The county coordinator adds the service on the admin page
// while a dispatcher's board and a history page stay open; neither reloads.
import type { BrowserContext, Page } from '@playwright/test';
import { test, expect, signInContext } from './fixtures';
import { SERVICE_PALETTE, serviceColor } from '../../src/lib/catalogue/palette';

const CODE = 'e2e_foot_care';

/** `#0f766e` as the browser reports a computed colour. */
const rgb = (hex: string) => `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

async function openPage(context: BrowserContext, path: string): Promise<Page> {
	const page = await context.newPage();
	await page.goto(path);
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	// Gone after any reload: proves that what follows arrived live.
	await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
	return page;
}
const notReloaded = (page: Page) => page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded === true);

test('a new service appears live on the intake form, as a queue filter and in the history filter, in its palette colour', async ({
	browser
}) => {
	const staff = await browser.newContext();
	await signInContext(staff, 'dispatcher');
	const board = await openPage(staff, '/dispatch');
	const boss = await browser.newContext();
	await signInContext(boss, 'coordinator');
	const history = await openPage(boss, '/history');
	const admin = await openPage(boss, '/admin/services');

	const intakeType = board.locator('[data-testid="new-request"] select[name="type"]');
	const queueFilter = board.getByRole('region', { name: '工单队列' }).getByRole('combobox', { name: '服务类型' });
	const historyFilter = history.locator('select[name="type"]');
	for (const select of [intakeType, queueFilter, historyFilter]) await expect(select.locator(`option[value="${CODE}"]`)).toHaveCount(0);

	// The coordinator adds it through the admin page, by keyboard where it matters.
	await admin.locator('[data-action="add-service"]').click();
	const form = admin.locator('[data-testid="service-form"]');
	await expect(form.locator('input[name="code"]')).toBeFocused();
	await form.locator('input[name="code"]').fill(CODE);
	await form.locator('input[name="nameZh"]').fill('老人足部护理');
	await form.locator('input[name="nameEn"]').fill('Foot care for elders');
	await form.locator('input[name="skill"]').fill('foot_care');
	await form.getByLabel('低偿').check();
	await form.locator('input[name="priceYuan"]').fill('12.5');
	await form.locator('input[name="priceYuan"]').press('Enter');
	await expect(admin.getByRole('status').filter({ hasText: '已保存' })).toHaveText('已保存：老人足部护理');
	await expect(admin.locator(`[data-service-code="${CODE}"]`)).toContainText('12.5 元');

	// Live on the board: offered on the intake form and in the queue's filter; in the history filter.
	await expect(intakeType.locator(`option[value="${CODE}"]`)).toHaveText('老人足部护理');
	await expect(queueFilter.locator(`option[value="${CODE}"]`)).toHaveText('老人足部护理');
	await expect(historyFilter.locator(`option[value="${CODE}"]`)).toHaveText('老人足部护理');

	// Taken on the board with it, the request's chip, bar and marker wear its palette colour, its name beside.
	await board.locator('[data-testid="new-request"] input[name="buildingSearch"]').fill('3栋');
	await intakeType.selectOption(CODE);
	await board.locator('[data-testid="new-request"] textarea[name="description"]').fill('脚趾甲太厚，自己剪不动');
	await board.locator('[data-testid="new-request"] [data-action="create"]').click();
	const row = board.locator('[data-testid="queue"] li', { hasText: '脚趾甲太厚' });
	await expect(row).toBeVisible();
	const chip = row.locator('.chip.service');
	await expect(chip).toHaveText('老人足部护理');
	const colour = serviceColor(CODE);
	expect(SERVICE_PALETTE).toContain(colour);
	await expect(chip).toHaveCSS('background-color', rgb(colour));
	await expect(row.locator('.type-bar')).toHaveCSS('background-color', rgb(colour));
	const id = await row.getAttribute('data-request-id');
	await expect(board.locator(`[data-testid="map"] [data-request-id="${id}"]`)).toHaveCSS('background-color', rgb(colour));

	// The queue filter narrows to it.
	await queueFilter.selectOption(CODE);
	await expect(board.locator('[data-testid="queue"] [data-request-id]')).toHaveCount(1);
	await queueFilter.selectOption({ index: 0 });

	// Chosen on an open intake form when it is made inactive, it leaves the form at once, and the
	// form chooses a service still offered; the filters keep it for the requests it has.
	await board.getByRole('article', { name: '工单详情' }).getByRole('button', { name: '关闭' }).click();
	await intakeType.selectOption(CODE);
	await admin.locator(`[data-service-code="${CODE}"] button`).click();
	await admin.locator('[data-testid="service-form"] input[name="active"]').uncheck();
	await admin.locator('[data-testid="service-form"] [data-action="save-service"]').click();
	await expect(admin.locator(`[data-service-code="${CODE}"]`)).toContainText('已停用');
	await expect(intakeType.locator(`option[value="${CODE}"]`)).toHaveCount(0);
	await expect(intakeType).toHaveValue('repair');
	await expect(queueFilter.locator(`option[value="${CODE}"]`)).toHaveCount(1);
	await expect(row.locator('.chip.service')).toHaveText('老人足部护理');

	for (const page of [board, history, admin]) expect(await notReloaded(page)).toBe(true);
	await staff.close();
	await boss.close();
});

test('the catalogue page says what is wrong in plain words, and only coordinators above a community reach it', async ({ browser }) => {
	const boss = await browser.newContext();
	await signInContext(boss, 'coordinator');
	const admin = await boss.newPage();
	await admin.goto('/admin/services');
	await expect(admin.locator('nav a[href="/admin/services"]')).toHaveAttribute('aria-current', 'page');

	// Keyboard: Enter opens the form, Esc closes it and gives focus back.
	const add = admin.locator('[data-action="add-service"]');
	await add.focus();
	await admin.keyboard.press('Enter');
	const form = admin.locator('[data-testid="service-form"]');
	await expect(form.locator('input[name="code"]')).toBeFocused();
	await admin.keyboard.press('Escape');
	await expect(form).toHaveCount(0);
	await expect(add).toBeFocused();

	await add.click();
	await form.locator('input[name="code"]').fill('haircut');
	await form.locator('input[name="nameZh"]').fill('理发');
	await form.locator('input[name="nameEn"]').fill('Haircut again');
	await form.locator('input[name="skill"]').fill('haircut');
	await form.locator('input[name="urgentAssignWithinMin"]').fill('300');
	await form.locator('[data-action="save-service"]').click();
	await expect(form.getByText('紧急派单时限不能长于普通派单时限。')).toBeVisible();
	await expect(form.locator('input[name="urgentAssignWithinMin"]')).toBeFocused();
	await expect(form.locator('input[name="urgentAssignWithinMin"]')).toHaveAttribute('aria-invalid', 'true');

	await form.locator('input[name="urgentAssignWithinMin"]').fill('60');
	await form.locator('[data-action="save-service"]').click();
	await expect(form.getByText('这个代码已被使用')).toBeVisible();
	await expect(form.locator('input[name="code"]')).toBeFocused();

	// A dispatcher has no link, and the page sends them back to the board.
	const staff = await browser.newContext();
	await signInContext(staff, 'dispatcher');
	const board = await staff.newPage();
	await board.goto('/admin/services');
	await expect(board).toHaveURL(/\/dispatch$/);
	await expect(board.locator('nav a[href="/admin/services"]')).toHaveCount(0);
	await staff.close();
	await boss.close();
});
