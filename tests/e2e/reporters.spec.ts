// A building head on their phone (issue #17, "Reporters"): reports for a resident of their grid,
// watches the report move live as the board assigns it and the volunteer accepts, and passes on
// the tracking page. The page passes axe-core (WCAG 2.2 AA) in both languages.
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect, signInContext } from './fixtures';
import { openLive } from './volunteer-helpers';
import type { RequestView, VolunteerView } from '../../src/lib/api/types';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

test('a building head reports for a resident and follows it live as the board assigns it', async ({ browser, dispatcherPage: board }) => {
	const reporter = await browser.newContext(PHONE);
	await signInContext(reporter, 'louzhang01');
	const page = await reporter.newPage();
	await openLive(page, '/report');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('楼栋上报');
	expect((await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()).violations.map((v) => v.id)).toEqual([]);

	// An empty report: every missing field said at once, nothing sent.
	const form = page.getByTestId('report-form');
	await form.locator('[data-action="submit"]').click();
	await expect(form.locator('#rp-buildingId-error')).toBeVisible();
	await expect(form.locator('#rp-description-error')).toBeVisible();

	const need = `楼道灯坏了，独居老人晚上看不见 ${Date.now()}`;
	await form.locator('select[name="buildingId"]').selectOption({ label: '7栋' });
	await form.locator('input[name="unit"]').fill('1单元302');
	await form.locator('select[name="type"]').selectOption('repair');
	await form.locator('textarea[name="description"]').fill(need);
	await form.locator('input[name="contactName"]').fill('钱大爷');
	await form.locator('input[name="contactPhone"]').fill('13822223333');
	await form.locator('[data-action="submit"]').click();
	await expect(page.getByTestId('report-sent')).toContainText('7栋 1单元302');
	const card = page.locator('[data-testid="reports"] article').filter({ hasText: need });
	await expect(card).toHaveAttribute('data-status', 'open');
	await expect(card).not.toContainText('13822223333');

	// The board: it arrived live, marked as a reporter's.
	await openLive(board, '/dispatch');
	const requests = (await (await board.request.get('/api/requests')).json()) as RequestView[];
	const request = requests.find((r) => r.description === need)!;
	expect(request).toMatchObject({ source: 'reporter' });
	await expect(board.locator(`[data-testid="queue"] [data-request-id="${request.id}"]`)).toHaveAttribute('data-source', 'reporter');

	// A repairer accepts it; the reporter's card follows without a reload.
	const volunteers = (await (await board.request.get('/api/volunteers')).json()) as VolunteerView[];
	const repairer = volunteers.find((v) => v.skills.includes('repair') && v.available && v.active)!;
	const assigned = await board.request.post(`/api/requests/${request.id}/assign`, {
		data: { volunteerId: repairer.id, version: request.version }
	});
	expect(assigned.status()).toBe(200);
	await expect(card).toHaveAttribute('data-status', 'assigned');
	await expect(card.getByTestId('report-progress')).toContainText(`${[...repairer.name][0]}师傅`);
	expect(await card.textContent()).not.toContain(repairer.name);

	// The tracking page the reporter passes on is the resident's own.
	const [tracking] = await Promise.all([reporter.waitForEvent('page'), card.getByRole('link', { name: '进度页' }).click()]);
	await expect(tracking.getByTestId('tracking')).toHaveAttribute('data-status', 'assigned');

	await reporter.addCookies([{ name: 'lang', value: 'en', url: page.url() }]);
	await page.reload();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reports for my buildings');
	expect((await new AxeBuilder({ page }).withTags(WCAG_22_AA).analyze()).violations.map((v) => v.id)).toEqual([]);
	await reporter.close();
});
