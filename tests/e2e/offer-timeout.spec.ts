// The offer timeout as dispatchers see it. The shared e2e server keeps the default five
// minutes, so this file starts a production server of its own with a 3-second timeout.
import { test, expect, type Browser, type BrowserContext } from '@playwright/test';
import { signInContext } from './fixtures';
import { forkDemoServer, type RunningServer } from '../helpers/server';
import { goOnDuty, offerTask, openLive, timelineOf, volunteerIdOf } from './volunteer-helpers';

let server: RunningServer;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	server = await forkDemoServer({ OFFER_TIMEOUT_MINUTES: '0.05', OFFER_TIMEOUT_ACTION: 'flag' });
});
test.afterAll(async () => {
	await server?.stop();
});

async function signedIn(browser: Browser, username: string): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: server.url });
	await signInContext(context, username);
	return context;
}

test('an offer nobody answers is flagged "no response" on the board, once, and can still be accepted', async ({ browser }) => {
	test.setTimeout(120_000);
	const staff = await signedIn(browser, 'dispatcher');
	const phone = await signedIn(browser, 'vol01');
	await goOnDuty(phone.request);
	const board = await staff.newPage();
	const tab = await phone.newPage();
	await openLive(board, '/dispatch');
	await openLive(tab, '/volunteer');

	const task = await offerTask(staff.request, await volunteerIdOf(phone.request), { description: '没人接的单（e2e 超时）' });
	const row = board.locator(`[data-testid="queue"] [data-request-id="${task.id}"]`);
	await expect(row).toHaveAttribute('data-status', 'assigned');
	await expect(row).toHaveAttribute('data-offer-expired', 'true', { timeout: 20_000 });
	const card = tab.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"]`);
	await expect(card).toContainText('超过 0.05 分钟未接单');

	// The job keeps running every 300 ms; give it several more turns, then count.
	await tab.waitForTimeout(1_500);
	const flags = (await timelineOf(staff.request, task.id)).filter((e) => e.action === 'offer_expired');
	expect(flags).toHaveLength(1);

	await card.locator('[data-action="accept"]').click();
	await expect(row).toHaveAttribute('data-status', 'accepted');
	await expect(row).not.toHaveAttribute('data-offer-expired', /.*/);
	await staff.close();
	await phone.close();
});
