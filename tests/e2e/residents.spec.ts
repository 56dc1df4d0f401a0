// The residents' loop end to end (issue #17, "Done when"), on a phone: a resident scans the
// stairwell code, asks, and keeps the tracking page open; the dispatcher sees it live and
// assigns; the volunteer accepts, starts and completes with the code from the resident's page;
// the page moves through every step without a reload; a 2-star rating reopens it on the board.
import type { BrowserContext } from '@playwright/test';
import { test, expect, signInContext } from './fixtures';
import { openLive } from './volunteer-helpers';
import type { BuildingView, VolunteerView } from '../../src/lib/api/types';

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

test('a resident asks by QR code, follows it live to the end, and a low rating reopens it', async ({ browser, dispatcherPage: board }) => {
	await openLive(board, '/dispatch');
	const buildings = (await (await board.request.get('/api/buildings')).json()) as BuildingView[];
	const building = buildings.find((b) => b.name === '16栋')!;
	expect(building.code).toMatch(/^[0-9a-z]{10}$/);

	// A repairer with the app open: online, so the first candidate, and one press assigns.
	const repairers = new Set(
		((await (await board.request.get('/api/volunteers')).json()) as VolunteerView[])
			.filter((v) => v.skills.includes('repair'))
			.map((v) => v.id)
	);
	let phone: BrowserContext | null = null;
	let volunteerId = '';
	for (let n = 20; n <= 29 && !phone; n++) {
		const context = await browser.newContext(PHONE);
		await signInContext(context, `vol${n}`);
		const me = ((await (await context.request.get('/api/session')).json()) as { user: { volunteerId: string } }).user;
		if (repairers.has(me.volunteerId)) [phone, volunteerId] = [context, me.volunteerId];
		else await context.close();
	}
	expect(phone, 'a repairer among vol20…vol29').not.toBeNull();
	await phone!.request.put('/api/me/availability', { data: { available: true, lat: building.lat, lng: building.lng } });
	const volunteerTab = await phone!.newPage();
	await openLive(volunteerTab, '/volunteer');

	// The resident: no sign-in, a phone.
	const resident = await browser.newContext(PHONE);
	const page = await resident.newPage();
	await page.goto(`/r/${building.code}`);
	const form = page.getByTestId('resident-form');
	await expect(page.getByText('16栋')).toBeVisible();
	await form.locator('select[name="type"]').selectOption('repair');
	await form.locator('input[name="unit"]').fill('3单元502');
	const need = `卫生间下水道堵了 ${Date.now()}`;
	await form.locator('textarea[name="description"]').fill(need);
	await form.locator('input[name="contactName"]').fill('周奶奶');
	// A typo first: said plainly, nothing sent.
	await form.locator('input[name="contactPhone"]').fill('1391234');
	await form.locator('[data-action="submit"]').click();
	await expect(form.locator('#r-contactPhone-error')).toBeVisible();
	await expect(page).toHaveURL(/\/r\//);
	await form.locator('input[name="contactPhone"]').fill('139 1234 5678');
	await form.locator('[data-action="submit"]').click();
	await expect(page).toHaveURL(/\/t\/[A-Za-z0-9_-]{22,}$/);
	const tracking = page.getByTestId('tracking');
	await expect(tracking).toHaveAttribute('data-status', 'open');
	const code = (await page.getByTestId('confirmation-code').textContent())!.trim();
	expect(code).toMatch(/^\d{4}$/);
	await expect(tracking).not.toContainText('13912345678');

	// The board hears it live, marked as from a resident, and assigns the online repairer.
	const row = board.locator('[data-testid="queue"] [data-source="resident"]', { hasText: need });
	await expect(row).toBeVisible();
	await expect(row).toContainText('居民自报');
	await row.getByRole('button').click();
	const first = board.locator('[data-testid="candidates"] [data-volunteer-id]').first();
	await expect(first).toHaveAttribute('data-volunteer-id', volunteerId);
	await first.locator('[data-action="assign"]').click();
	await expect(tracking).toHaveAttribute('data-status', 'assigned');
	await expect(tracking).toContainText(/.师傅/);

	// The volunteer accepts, starts, and completes with the code the resident reads out.
	const card = volunteerTab.locator(`[data-testid="my-tasks"] [data-request-id]`, { hasText: need });
	await card.locator('[data-action="accept"]').click();
	await expect(tracking).toHaveAttribute('data-status', 'accepted');
	await card.locator('[data-action="start"]').click();
	await expect(tracking).toHaveAttribute('data-status', 'in_progress');
	const wrong = String((Number(code) + 1) % 10_000).padStart(4, '0');
	await card.locator('input[name="code"]').fill(wrong);
	await card.locator('[data-action="complete"]').click();
	await expect(card.getByRole('alert')).toContainText('确认码不对');
	await card.locator('input[name="code"]').fill(code);
	await card.locator('[data-action="complete"]').click();
	await expect(tracking).toHaveAttribute('data-status', 'completed');
	await expect(page.getByTestId('confirmation-code')).toHaveCount(0);

	// Two stars: the board gets the request back, flagged.
	await page.getByTestId('rating').locator('[data-rating="2"]').click();
	await page.locator('textarea[name="comment"]').fill('还是堵');
	await page.locator('[data-action="rate"]').click();
	await expect(page.getByRole('status').filter({ hasText: '重新安排' })).toBeVisible();
	const reopened = board.locator('[data-testid="queue"] [data-attention~="low_rating"]', { hasText: need });
	await expect(reopened).toBeVisible();
	await expect(reopened).toContainText('居民差评');
	await resident.close();
	await phone!.close();
});

test('an unknown QR code or tracking link says so plainly', async ({ page }) => {
	const building = await page.goto('/r/zzzzzzzzzz');
	expect(building?.status()).toBe(404);
	const track = await page.goto(`/t/${'A'.repeat(32)}`);
	expect(track?.status()).toBe(404);
});
