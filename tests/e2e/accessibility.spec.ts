// The county coordinator's pages, checked by axe-core against WCAG 2.2 AA, and on a phone: the
// page never scrolls sideways, and every link of the top bar is reachable through its menu.
import { AxeBuilder } from '@axe-core/playwright';
import type { APIRequestContext, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import type { TeamView, VolunteerView } from '../../src/lib/api/types';

const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];
const COORDINATOR_PAGES = ['/dispatch', '/history', '/admin/teams', '/admin/services', '/print/qr'];
const PHONE = { width: 390, height: 844 };

/** The axe violations of the page as it stands, as short lines that say where. */
async function violations(page: Page): Promise<string[]> {
	// The map's tiles are drawn by Leaflet; its own controls and markers are checked with the rest.
	const result = await new AxeBuilder({ page }).withTags(WCAG_22_AA).exclude('.leaflet-tile-pane').analyze();
	return result.violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** A team in the coordinator's scope, so the teams page shows a team and not only its empty state. */
async function ensureTeam(api: APIRequestContext): Promise<void> {
	const teams = (await (await api.get('/api/teams')).json()) as TeamView[];
	if (teams.length > 0) return;
	const volunteers = ((await (await api.get('/api/volunteers')).json()) as VolunteerView[]).filter((v) => v.skills.includes('repair'));
	const [leader, member] = volunteers;
	expect(member, 'two volunteers who repair').toBeDefined();
	const created = await api.post('/api/teams', {
		data: {
			name: '无障碍检查队',
			communityId: leader!.communityId,
			leaderVolunteerId: leader!.id,
			memberIds: [leader!.id, member!.id],
			skills: ['repair']
		}
	});
	expect(created.status()).toBe(201);
}

async function settle(page: Page, path: string) {
	await page.goto(path);
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected');
}

test.describe('WCAG 2.2 AA (axe-core), county coordinator', () => {
	for (const path of COORDINATOR_PAGES) {
		test(`${path} has no violations, wide and on a phone with the menu open`, async ({ coordinatorPage: page }) => {
			if (path === '/admin/teams') await ensureTeam(page.request);
			await settle(page, path);
			expect(await violations(page)).toEqual([]);

			await page.setViewportSize(PHONE);
			await page.getByRole('button', { name: '菜单' }).click();
			expect(await violations(page)).toEqual([]);
		});
	}

	test('the history page in English, on its statistics tab', async ({ coordinatorPage: page, baseURL }) => {
		await page.context().addCookies([{ name: 'lang', value: 'en', url: baseURL! }]);
		await settle(page, '/history?tab=stats');
		expect(await violations(page)).toEqual([]);
	});
});

/** No sideways scrolling: neither the page nor the app's scrolling content box. */
async function expectNoSidewaysScroll(page: Page, what: string) {
	const widths = await page.evaluate(() => {
		const content = document.querySelector('.content');
		return {
			page: document.documentElement.scrollWidth - document.documentElement.clientWidth,
			content: content ? content.scrollWidth - content.clientWidth : 0
		};
	});
	expect(widths, what).toEqual({ page: 0, content: 0 });
}

/** Every link of the bar is behind the menu button, visible on the screen once it opens, and big enough to tap. */
async function expectEveryLinkReachable(page: Page, hrefs: string[]) {
	const toggle = page.locator('.topbar').getByRole('button', { name: '菜单' });
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await toggle.focus();
	await page.keyboard.press('Enter');
	await expect(toggle).toHaveAttribute('aria-expanded', 'true');
	for (const href of [...hrefs, '/account']) {
		const link = page.locator(`.topbar a[href="${href}"]`);
		await expect(link, href).toBeVisible();
		const box = (await link.boundingBox())!;
		expect(box.x, href).toBeGreaterThanOrEqual(0);
		expect(box.x + box.width, href).toBeLessThanOrEqual(PHONE.width);
		expect(box.height, `${href} is 44 px tall`).toBeGreaterThanOrEqual(44);
		expect(box.width, `${href} is 44 px wide`).toBeGreaterThanOrEqual(44);
	}
	for (const button of ['English', '退出']) {
		const box = (await page.locator('.topbar').getByRole('button', { name: button }).boundingBox())!;
		expect(box.height, button).toBeGreaterThanOrEqual(44);
	}
	// The keyboard reaches the first link from the button, and Escape closes and gives focus back.
	await page.keyboard.press('Tab');
	await expect(page.locator(`.topbar a[href="${hrefs[0]}"]`)).toBeFocused();
	await page.keyboard.press('Escape');
	await expect(toggle).toHaveAttribute('aria-expanded', 'false');
	await expect(toggle).toBeFocused();
	await expect(page.locator(`.topbar a[href="${hrefs[0]}"]`)).toBeHidden();
}

test.describe('the coordinator on a phone (390 × 844)', () => {
	test.use({ viewport: PHONE });

	for (const largeText of [false, true]) {
		test(`no page scrolls sideways and every link is reachable${largeText ? ', at 200% text' : ''}`, async ({ coordinatorPage: page }) => {
			await settle(page, '/dispatch');
			const hrefs = await page.locator('.topbar nav a').evaluateAll((links) => links.map((a) => a.getAttribute('href')!));
			expect(hrefs).toEqual(expect.arrayContaining(COORDINATOR_PAGES));
			for (const path of COORDINATOR_PAGES) {
				await settle(page, path);
				// What a reader who set the browser's text size to twice the default gets (app.css sizes in %).
				if (largeText) await page.addStyleTag({ content: ':root { font-size: 187.5% !important; }' });
				await expectNoSidewaysScroll(page, path);
				await expectEveryLinkReachable(page, hrefs);
				await expectNoSidewaysScroll(page, `${path}, menu open and closed`);
			}
		});
	}

	test('a link in the menu goes to its page and closes the menu', async ({ coordinatorPage: page }) => {
		await settle(page, '/history');
		await page.getByRole('button', { name: '菜单' }).click();
		await page.locator('.topbar a[href="/admin/services"]').click();
		await expect(page).toHaveURL(/\/admin\/services$/);
		await expect(page.getByRole('button', { name: '菜单' })).toHaveAttribute('aria-expanded', 'false');
		await expect(page.locator('.topbar a[href="/admin/services"]')).toBeHidden();
	});
});
