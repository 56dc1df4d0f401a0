import { test, expect, signInContext } from './fixtures';
import type { BrowserContext, Page, WebSocketRoute } from '@playwright/test';
import { alertLog, goOnDuty, offerTask, openLive, recordAlerts, switchOffDuty, timelineOf, volunteerIdOf } from './volunteer-helpers';

const TITLE = '我的任务 · 志愿调度';

/** vol01's phone: signed in, on duty, alerts recorded, the volunteer page open and live. */
async function volunteerTab(
	browser: import('@playwright/test').Browser
): Promise<{ context: BrowserContext; page: Page; volunteerId: string }> {
	const context = await browser.newContext();
	await signInContext(context, 'vol01');
	await recordAlerts(context);
	await goOnDuty(context.request);
	const page = await context.newPage();
	await openLive(page, '/volunteer');
	return { context, page, volunteerId: await volunteerIdOf(context.request) };
}

test('an assignment reaches the open tab at once, rings, notifies, and the board follows accept, start and complete', async ({
	browser,
	dispatcherPage: board
}) => {
	const { context, page, volunteerId } = await volunteerTab(browser);
	await openLive(board, '/dispatch');

	const task = await offerTask(board.request, volunteerId, { description: '老人需要上门理发（e2e 全流程）' });
	const card = page.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"]`);
	await expect(card).toBeVisible({ timeout: 2_000 });
	await expect(card).toContainText('老人需要上门理发（e2e 全流程）');
	await expect(card).toContainText('8栋');
	await expect(card.locator('a[href="tel:13800001111"]')).toContainText('13800001111');
	await expect(card.locator('svg[role="img"]')).toBeVisible(); // the small map

	// The three ways to get attention: the title, a notification, a chime.
	await expect(page).toHaveTitle(`(1) ${TITLE}`);
	await expect.poll(async () => (await alertLog(page)).notifications.filter((n) => n.tag === task.id).length).toBe(1);
	const [notification] = (await alertLog(page)).notifications.filter((n) => n.tag === task.id);
	expect(notification!.title).toBe('新任务：上门理发');
	expect(notification!.body).toContain('8栋 2单元301');
	expect((await alertLog(page)).oscillators).toBeGreaterThan(0);

	const row = board.locator(`[data-testid="queue"] [data-request-id="${task.id}"]`);
	await expect(row).toHaveAttribute('data-status', 'assigned');

	await card.locator('[data-action="accept"]').click();
	await expect(row).toHaveAttribute('data-status', 'accepted');
	await expect(card).toHaveAttribute('data-status', 'accepted');
	await expect(page).toHaveTitle(TITLE);

	await card.locator('[data-action="start"]').click();
	await expect(row).toHaveAttribute('data-status', 'in_progress');

	await card.locator('textarea[name="note"]').fill('剪好了，老人很满意');
	await card.locator('[data-action="complete"]').click();
	await expect(row).toHaveCount(0);
	await expect(card).toHaveCount(0);
	await expect(page.locator(`[data-testid="my-completed"] [data-request-id="${task.id}"]`)).toBeVisible();
	await expect(page.getByRole('status').filter({ hasText: '8栋 2单元301 的服务已完成' })).toBeVisible();
	const timeline = await timelineOf(board.request, task.id);
	expect(timeline.map((e) => e.action)).toEqual(['create', 'assign', 'accept', 'start', 'complete']);
	expect(timeline.at(-1)?.note).toBe('剪好了，老人很满意');
	await context.close();
});

test('a decline with a reason sends the request back to open on the board, with the reason in its timeline', async ({
	browser,
	dispatcherPage: board
}) => {
	const { context, page, volunteerId } = await volunteerTab(browser);
	await openLive(board, '/dispatch');
	const task = await offerTask(board.request, volunteerId, { description: '理发（e2e 拒绝）' });
	const card = page.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"]`);
	await expect(card).toBeVisible();

	// The reason is optional and folded away; one press on decline sends the task back.
	await card.getByText('附上无法接单的原因').click();
	await card.locator('textarea[name="note"]').fill('今天不在小区');
	await card.locator('[data-action="decline"]').click();

	await expect(card).toHaveCount(0);
	const row = board.locator(`[data-testid="queue"] [data-request-id="${task.id}"]`);
	await expect(row).toHaveAttribute('data-status', 'open');
	const timeline = await timelineOf(board.request, task.id);
	expect(timeline.at(-1)).toMatchObject({ action: 'decline', note: '今天不在小区' });
	// On the board, whoever declined is not offered it first again: last, and said so.
	const buildings = (await (await board.request.get('/api/buildings')).json()) as { name: string; lat: number; lng: number }[];
	const at = buildings.find((b) => b.name === '8栋')!;
	expect((await context.request.put('/api/me/availability', { data: { available: true, lat: at.lat, lng: at.lng } })).status()).toBe(200);
	await row.getByRole('button').click();
	const candidates = board.locator('[data-testid="candidates"] [data-volunteer-id]');
	await board
		.locator('[data-testid="candidates"]')
		.getByRole('button', { name: /显示全部/ })
		.click();
	await expect(candidates.last()).toHaveAttribute('data-volunteer-id', volunteerId);
	await expect(candidates.last()).toContainText('已拒绝过此单');
	await expect(candidates.first()).not.toContainText('已拒绝过此单');
	// The volunteer's own decline is no news to them.
	await expect(page.locator('[data-testid="task-notice"]')).toHaveCount(0);
	await context.close();
});

test('a task the dispatcher cancels leaves the card list at once, and the volunteer is told', async ({
	browser,
	dispatcherPage: board
}) => {
	const { context, page, volunteerId } = await volunteerTab(browser);
	const task = await offerTask(board.request, volunteerId, { description: '修剪头发（e2e 取消）' });
	const card = page.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"]`);
	await expect(card).toBeVisible();

	expect((await board.request.post(`/api/requests/${task.id}/cancel`, { data: { reason: '居民改天再约' } })).status()).toBe(200);
	await expect(card).toHaveCount(0);
	const notice = page.locator(`[data-testid="task-notice"][data-request-id="${task.id}"]`);
	await expect(notice).toHaveAttribute('data-kind', 'cancelled');
	await expect(notice).toContainText('调度员取消了您的任务');
	await expect(notice.getByTestId('cancel-reason')).toHaveText('原因：居民改天再约');
	await notice.getByRole('button').click();
	await expect(notice).toHaveCount(0);
	await context.close();
});

test('a tab that missed an event catches up on reconnect and still rings for the task', async ({ browser, dispatcherPage: board }) => {
	const context = await browser.newContext();
	await signInContext(context, 'vol01');
	await recordAlerts(context);
	await goOnDuty(context.request);
	// The tab's websocket runs through this route, so the test can lose frames like a bad
	// mobile network, and then drop the connection.
	let losing = false;
	const lost: string[] = [];
	const open: WebSocketRoute[] = [];
	await context.routeWebSocket(/\/socket\.io\//, (ws) => {
		const server = ws.connectToServer();
		server.onMessage((frame) => (losing ? lost.push(String(frame)) : ws.send(frame)));
		open.push(ws);
	});
	const page = await context.newPage();
	await openLive(page, '/volunteer');
	const volunteerId = await volunteerIdOf(context.request);
	const card = (id: string) => page.locator(`[data-testid="my-tasks"] [data-request-id="${id}"]`);

	losing = true;
	const task = await offerTask(board.request, volunteerId, { description: '断线期间派的单（e2e）' });
	await expect.poll(() => lost.some((frame) => frame.includes(task.id))).toBe(true);
	await expect(card(task.id)).toHaveCount(0);

	losing = false;
	await Promise.all(open.splice(0).map((ws) => ws.close()));
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 15_000 });
	await expect(card(task.id)).toBeVisible();
	await expect.poll(async () => (await alertLog(page)).notifications.some((n) => n.tag === task.id)).toBe(true);
	await context.close();
});

test('acting on a task cancelled meanwhile says so plainly and shows what is true now', async ({ browser, dispatcherPage: board }) => {
	const context = await browser.newContext();
	await signInContext(context, 'vol01');
	await goOnDuty(context.request);
	const volunteerId = await volunteerIdOf(context.request);
	const task = await offerTask(board.request, volunteerId, { description: '理发（e2e 冲突）' });
	// A tab without live updates, as on a phone whose connection dropped unnoticed.
	await context.routeWebSocket(/\/socket\.io\//, (ws) => ws.close());
	await context.route(/\/socket\.io\//, (route) => route.abort());
	const page = await context.newPage();
	await page.goto('/volunteer');
	const card = page.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"]`);
	await expect(card).toBeVisible();

	expect((await board.request.post(`/api/requests/${task.id}/cancel`, { data: { reason: '已由他人处理' } })).status()).toBe(200);
	await card.locator('[data-action="accept"]').click();
	await expect(page.getByRole('alert').filter({ hasText: '这个任务刚刚有了变化' })).toBeVisible();
	await expect(card).toHaveCount(0);
	await context.close();
});

test('the on-duty switch is saved, survives a reload, and the board learns of it', async ({ browser, dispatcherPage: board }) => {
	const { context, page, volunteerId } = await volunteerTab(browser);
	const duty = page.locator('[data-testid="availability"]');
	await expect(duty).toBeChecked();
	const availableOnBoard = async () =>
		((await (await board.request.get('/api/volunteers')).json()) as { id: string; available: boolean }[]).find((v) => v.id === volunteerId)
			?.available;

	await switchOffDuty(page);
	await expect.poll(availableOnBoard).toBe(false);
	await expect(page.locator('[data-testid="share-location"]')).toBeDisabled();
	await page.reload();
	await expect(duty).not.toBeChecked();

	await duty.check();
	await expect.poll(availableOnBoard).toBe(true);
	await context.close();
});

test('location sharing sends the position while on duty and stops when going off duty', async ({ browser, dispatcherPage: board }) => {
	// About a kilometre north of the demo community, so it cannot be mistaken for a home building.
	const context = await browser.newContext({ permissions: ['geolocation'], geolocation: { latitude: 31.0, longitude: 105.89 } });
	await signInContext(context, 'vol01');
	await goOnDuty(context.request);
	const page = await context.newPage();
	await openLive(page, '/volunteer');
	const volunteerId = await volunteerIdOf(context.request);
	const positionOnBoard = async () => {
		const volunteers = (await (await board.request.get('/api/volunteers')).json()) as { id: string; lat: number; lng: number }[];
		const me = volunteers.find((v) => v.id === volunteerId)!;
		return `${me.lat.toFixed(3)},${me.lng.toFixed(3)}`;
	};

	await page.locator('[data-testid="share-location"]').check();
	await expect.poll(positionOnBoard).toBe('31.000,105.890');

	await switchOffDuty(page);
	await expect(page.locator('[data-testid="share-location"]')).not.toBeChecked();
	// Off duty, ranking falls back to the home building rather than the last shared position.
	await expect.poll(positionOnBoard).not.toBe('31.000,105.890');
	await page.locator('[data-testid="availability"]').check();
	await page.evaluate(() => localStorage.removeItem('volunteer-dispatch.share-location'));
	await context.close();
});
