// What needs a dispatcher's attention, as the board and the phone show it (contract part two):
// a release with its reason, going off duty while holding a task, and reasons said in the
// reader's language. A server of its own, with offers that never run out during the file, so
// the board's attention count moves only by what each test does.
import { test, expect, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { signInContext } from './fixtures';
import { forkDemoServer, type RunningServer } from '../helpers/server';
import { alertLog, goOnDuty, offerTask, openLive, recordAlerts, volunteerIdOf } from './volunteer-helpers';

let server: RunningServer;

test.beforeAll(async () => {
	test.setTimeout(180_000);
	server = await forkDemoServer({ OFFER_TIMEOUT_MINUTES: '600' });
});
test.afterAll(async () => {
	await server?.stop();
});

async function signedIn(browser: Browser, username: string, locale = 'zh-CN'): Promise<BrowserContext> {
	const context = await browser.newContext({ baseURL: server.url, locale });
	await signInContext(context, username);
	return context;
}

/** The dispatcher's board, live, with its sounds counted. */
async function boardOf(browser: Browser): Promise<{ staff: BrowserContext; board: Page }> {
	const staff = await signedIn(browser, 'dispatcher');
	await recordAlerts(staff);
	const board = await staff.newPage();
	await openLive(board, '/dispatch');
	return { staff, board };
}

/** On duty, and a service this volunteer can take. */
async function onDutyWithSkill(phone: BrowserContext): Promise<string> {
	const answer = await phone.request.put('/api/me/availability', { data: { available: true } });
	expect(answer.status()).toBe(200);
	return ((await answer.json()) as { volunteer: { skills: string[] } }).volunteer.skills[0]!;
}

const attentionCount = async (board: Page) => Number(await board.getByTestId('attention-filter').getAttribute('data-count'));

test('a volunteer accepts then releases "resident not home"; the board counts it, sounds, and says why', async ({ browser }) => {
	const { staff, board } = await boardOf(browser);
	const phone = await signedIn(browser, 'vol01');
	await goOnDuty(phone.request);
	const tab = await phone.newPage();
	await openLive(tab, '/volunteer');

	const task = await offerTask(staff.request, await volunteerIdOf(phone.request), { description: '上门理发（e2e 退回）' });
	const card = tab.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"]`);
	await card.locator('[data-action="accept"]').click();
	const row = board.locator(`[data-testid="queue"] [data-request-id="${task.id}"]`);
	await expect(row).toHaveAttribute('data-status', 'accepted');
	await expect(row).toHaveAttribute('data-attention', '');
	const countBefore = await attentionCount(board);
	const soundsBefore = (await alertLog(board)).oscillators;

	// The release asks for a reason first: the button waits for one.
	await card.getByTestId('release').locator('summary').click();
	await expect(card.locator('[data-action="release"]')).toBeDisabled();
	await card.locator('[data-testid="release"] [data-reason="not_home"]').click();
	await card.locator('[data-testid="release"] textarea[name="releaseNote"]').fill('敲了三次门');
	await card.locator('[data-action="release"]').click();

	// The volunteer's tab drops it, without announcing their own action.
	await expect(card).toHaveCount(0);
	await expect(tab.locator('[data-testid="task-notice"]')).toHaveCount(0);

	await expect(row).toHaveAttribute('data-status', 'open');
	await expect(row).toHaveAttribute('data-attention', 'released');
	await expect(row).toContainText('被退回');
	await expect.poll(() => attentionCount(board)).toBe(countBefore + 1);
	await expect.poll(async () => (await alertLog(board)).oscillators).toBeGreaterThan(soundsBefore);

	// The filter shows it, and the timeline says the reason in the board's language.
	await board.getByTestId('attention-filter').click();
	await expect(board.getByTestId('attention-filter')).toHaveAttribute('aria-pressed', 'true');
	await expect(row).toBeVisible();
	await row.getByRole('button').click();
	const step = board.locator('.timeline li[data-action="release"]');
	await expect(step).toContainText('居民不在家');
	await expect(step).toContainText('敲了三次门');

	// Muted, the next one is silent.
	await board.getByTestId('attention-sound').click();
	const soundsMuted = (await alertLog(board)).oscillators;
	const another = await offerTask(staff.request, await volunteerIdOf(phone.request), { description: '上门理发（e2e 静音）' });
	await phone.request.post(`/api/requests/${another.id}/decline`, { data: { reason: 'cannot_come' } });
	await expect(board.locator(`[data-testid="queue"] [data-request-id="${another.id}"]`)).toHaveAttribute('data-attention', 'declined');
	expect((await alertLog(board)).oscillators).toBe(soundsMuted);
	await staff.close();
	await phone.close();
});

test('going off duty while holding a task asks first, then the board flags it', async ({ browser }) => {
	const { staff, board } = await boardOf(browser);
	const phone = await signedIn(browser, 'vol02');
	const skill = await onDutyWithSkill(phone);
	const tab = await phone.newPage();
	await openLive(tab, '/volunteer');
	const task = await offerTask(staff.request, await volunteerIdOf(phone.request), { description: '上门（e2e 下班）', type: skill });
	const card = tab.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"]`);
	await expect(card).toBeVisible();
	const held = await tab.locator('[data-testid="my-tasks"] [data-request-id]').count();

	const toggle = tab.getByTestId('availability');
	await toggle.click();
	const confirm = tab.getByTestId('off-duty-confirm');
	await expect(confirm).toContainText(`${held} 个任务`);
	await expect(toggle).toBeChecked();
	// Staying on duty changes nothing.
	await confirm.locator('[data-action="stay-on-duty"]').click();
	await expect(confirm).toHaveCount(0);
	await expect(toggle).toBeChecked();

	await toggle.click();
	await tab.getByTestId('off-duty-confirm').locator('[data-action="off-duty-anyway"]').click();
	await expect(toggle).not.toBeChecked();
	await expect(card).toBeVisible(); // still theirs

	const row = board.locator(`[data-testid="queue"] [data-request-id="${task.id}"]`);
	await expect(row).toHaveAttribute('data-attention', 'assignee_off_duty');
	await expect(row).toContainText('接单人已下班');
	await goOnDuty(phone.request);
	await expect(row).toHaveAttribute('data-attention', '');
	await staff.close();
	await phone.close();
});

test('a volunteer reading English declines with a reason; the Chinese board says it in Chinese', async ({ browser }) => {
	const { staff, board } = await boardOf(browser);
	const phone = await signedIn(browser, 'vol03', 'en');
	const skill = await onDutyWithSkill(phone);
	const tab = await phone.newPage();
	await openLive(tab, '/volunteer');
	const task = await offerTask(staff.request, await volunteerIdOf(phone.request), { description: '上门（e2e 英文拒单）', type: skill });
	const card = tab.locator(`[data-testid="my-tasks"] [data-request-id="${task.id}"]`);
	await card.locator('summary').first().click();
	const chip = card.locator('[data-reason="needs_other_skill"]');
	await expect(chip).toHaveText('Needs another skill');
	await chip.click();
	await card.locator('[data-action="decline"]').click();
	await expect(card).toHaveCount(0);

	const row = board.locator(`[data-testid="queue"] [data-request-id="${task.id}"]`);
	await expect(row).toHaveAttribute('data-attention', 'declined');
	await row.getByRole('button').click();
	const step = board.locator('.timeline li[data-action="decline"]');
	await expect(step).toContainText('需要别的技能');
	await expect(step).not.toContainText('Needs another skill');
	await staff.close();
	await phone.close();
});

test('the request in view, completed or cancelled elsewhere, leaves with a word; the board’s own cancel does not', async ({ browser }) => {
	const { staff, board } = await boardOf(browser);
	const phone = await signedIn(browser, 'vol04');
	const skill = await onDutyWithSkill(phone);
	const volunteerId = await volunteerIdOf(phone.request);

	// The board's own cancel, its answer held back until the live echo has surely come first: no word.
	const mine = await offerTask(staff.request, volunteerId, { description: '上门（e2e 自己取消）', type: skill });
	await board.locator(`[data-testid="queue"] [data-request-id="${mine.id}"]`).getByRole('button').click();
	await board.route(`**/api/requests/${mine.id}/cancel`, async (route) => {
		const response = await route.fetch();
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		await route.fulfill({ response });
	});
	await board.locator('[name="reason"]').fill('居民改约');
	await board.locator('[data-action="cancel"]').click();
	await expect(board.locator(`[data-testid="queue"] [data-request-id="${mine.id}"]`)).toHaveCount(0);
	await expect(board.getByText('工单已取消')).toBeVisible();
	await expect(board.getByText('你正在看的工单已被他人取消')).toHaveCount(0);

	const done = await offerTask(staff.request, volunteerId, { description: '上门（e2e 别处完成）', type: skill });
	await board.locator(`[data-testid="queue"] [data-request-id="${done.id}"]`).getByRole('button').click();
	await expect(board).toHaveURL(new RegExp(`request=${done.id}`));
	for (const action of ['accept', 'start', 'complete']) {
		expect((await phone.request.post(`/api/requests/${done.id}/${action}`, { data: {} })).status()).toBe(200);
	}
	await expect(board.getByText('你正在看的工单已由志愿者完成')).toBeVisible();

	const other = await signedIn(browser, 'dispatcher2');
	const cancelled = await offerTask(staff.request, volunteerId, { description: '上门（e2e 别处取消）', type: skill });
	await board.locator(`[data-testid="queue"] [data-request-id="${cancelled.id}"]`).getByRole('button').click();
	await expect(board).toHaveURL(new RegExp(`request=${cancelled.id}`));
	expect((await other.request.post(`/api/requests/${cancelled.id}/cancel`, { data: { reason: '居民来电取消' } })).status()).toBe(200);
	await expect(board.getByText('你正在看的工单已被他人取消')).toBeVisible();
	await staff.close();
	await phone.close();
	await other.close();
});
