// Issue #16: long unbroken text (a pasted link, a number run, a name without spaces) pushed the
// dispatcher's panel, the volunteer's phone card and the history columns off screen. It must wrap.
import type { Locator, Page } from '@playwright/test';
import { test, expect, signInContext } from './fixtures';
import { goOnDuty, offerTask, openLive, volunteerIdOf } from './volunteer-helpers';

const UNBROKEN = 'http://example.com/' + 'x'.repeat(160) + '-' + '9'.repeat(40);

/** Nothing inside sticks out sideways: neither the page nor the element scrolls horizontally. */
async function expectNoSidewaysOverflow(page: Page, element: Locator) {
	const sizes = await element.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
	expect(sizes.scroll, 'the element scrolls sideways').toBeLessThanOrEqual(sizes.client + 1);
	const pageSizes = await page.evaluate(() => ({
		scroll: document.documentElement.scrollWidth,
		client: document.documentElement.clientWidth
	}));
	expect(pageSizes.scroll, 'the page scrolls sideways').toBeLessThanOrEqual(pageSizes.client + 1);
}

test('a long unbroken description wraps on the board, on the phone card and in the history', async ({
	browser,
	dispatcherPage: board,
	coordinatorPage
}) => {
	const volunteer = await browser.newContext({ viewport: { width: 390, height: 844 } });
	await signInContext(volunteer, 'vol01');
	await goOnDuty(volunteer.request);
	const phone = await volunteer.newPage();
	await openLive(phone, '/volunteer');
	const task = await offerTask(board.request, await volunteerIdOf(volunteer.request), { description: UNBROKEN });

	// The board: the queue row and the request's detail.
	await openLive(board, '/dispatch');
	const row = board.locator(`[data-testid="queue"] [data-request-id="${task.id}"]`);
	await expect(row).toBeVisible();
	await expectNoSidewaysOverflow(board, board.getByTestId('queue'));
	await row.getByRole('button').first().click();
	const detail = board.getByTestId('request-detail');
	await expect(detail).toContainText('example.com');
	await expectNoSidewaysOverflow(board, detail);

	// The volunteer's phone card.
	const card = phone.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"]`);
	await expect(card).toContainText('example.com');
	await expectNoSidewaysOverflow(phone, card);

	// Finished, it reaches the history list.
	for (const step of ['accept', 'start', 'complete'] as const) {
		expect((await volunteer.request.post(`/api/requests/${task.id}/${step}`, { data: {} })).status(), step).toBe(200);
	}
	await coordinatorPage.goto('/history');
	const history = coordinatorPage.locator(`[data-request-id="${task.id}"]`).first();
	await expect(history).toContainText('example.com');
	await expectNoSidewaysOverflow(coordinatorPage, coordinatorPage.locator('main'));
	await volunteer.close();
});
