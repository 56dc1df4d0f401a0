// The candidate list reaches someone (issue #16, contract "Candidates, part two"): whoever has
// the app open comes first however far, offline volunteers say so in words and take a second
// press, each row can be called, names can be searched, and the assignee stays pinned on top.
import type { BrowserContext } from '@playwright/test';
import { test, expect, signInContext } from './fixtures';
import { openLive } from './volunteer-helpers';
import type { BuildingView, RequestView, VolunteerView } from '../../src/lib/api/types';

test('the one online volunteer, far away, is first; assigning them needs no second press, and they stay pinned', async ({
	browser,
	dispatcherPage: page
}) => {
	await page.goto('/dispatch');
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	const buildings = (await (await page.request.get('/api/buildings')).json()) as BuildingView[];
	const here = buildings.find((b) => b.name === '21栋')!;
	const farthest = buildings
		.filter((b) => b.communityId === here.communityId)
		.reduce((a, b) => (Math.hypot(b.lat - here.lat, b.lng - here.lng) > Math.hypot(a.lat - here.lat, a.lng - here.lng) ? b : a));
	const repairers = new Set(
		((await (await page.request.get('/api/volunteers')).json()) as VolunteerView[])
			.filter((v) => v.skills.includes('repair'))
			.map((v) => v.id)
	);
	let phone: BrowserContext | null = null;
	let volunteerId = '';
	for (let n = 30; n <= 38 && !phone; n++) {
		const context = await browser.newContext();
		await signInContext(context, `vol${n}`);
		const me = ((await (await context.request.get('/api/session')).json()) as { user: { volunteerId: string } }).user;
		if (repairers.has(me.volunteerId)) [phone, volunteerId] = [context, me.volunteerId];
		else await context.close();
	}
	expect(phone, 'a repairer among vol30…vol38').not.toBeNull();
	const onDuty = { available: true, lat: farthest.lat, lng: farthest.lng };
	expect((await phone!.request.put('/api/me/availability', { data: onDuty })).status()).toBe(200);
	// Their phone tab is open: they are online.
	await openLive(await phone!.newPage(), '/volunteer');

	const created = await page.request.post('/api/requests', {
		data: {
			type: 'repair',
			buildingId: here.id,
			description: `门锁坏了 ${Date.now()}`,
			unit: '1单元101',
			contactName: '李',
			contactPhone: '13800000000'
		}
	});
	const request = (await created.json()) as RequestView;
	await page.locator(`[data-testid="queue"] [data-request-id="${request.id}"]`).getByRole('button').click();
	const list = page.locator('[data-testid="candidates"]');
	const rows = list.locator('[data-volunteer-id]');
	await expect(rows.first()).toHaveAttribute('data-volunteer-id', volunteerId);
	await expect(rows.first()).toContainText('在线');
	await expect(rows.nth(1)).toHaveAttribute('data-online', 'false');
	await expect(rows.nth(1)).toContainText('离线');
	await expect(list.getByTestId('candidate-count')).toContainText('在线 1 位');
	// Eight at a glance; the rest one press away.
	await expect(rows).toHaveCount(8);
	await list.getByRole('button', { name: /显示全部/ }).click();
	expect(await rows.count()).toBeGreaterThan(8);
	// Each row can be called.
	await expect(rows.first().locator('[data-action="call"]')).toHaveAttribute('href', /^tel:\d+/);

	// The name filter finds anyone on the list.
	const lastName = (await rows.last().locator('.name').textContent())!.trim();
	await list.locator('input[name="candidateFilter"]').fill(lastName);
	await expect(rows.first().locator('.name')).toHaveText(lastName);
	await list.locator('input[name="candidateFilter"]').fill('无此人');
	await expect(rows).toHaveCount(0);
	await expect(list.getByRole('status')).toContainText('无此人');
	await list.locator('input[name="candidateFilter"]').fill('');

	// Online: one press assigns, no warning.
	await rows.first().locator('[data-action="assign"]').click();
	await expect(page.locator(`[data-testid="queue"] [data-request-id="${request.id}"]`)).toHaveAttribute('data-status', 'assigned');
	await expect(page.locator('[data-testid="offline-warning"]')).toHaveCount(0);
	// They are pinned on top as the current volunteer, not ranked below; nobody gets a primary "reassign".
	const pinned = list.locator(`[data-assignee-id="${volunteerId}"]`);
	await expect(pinned).toContainText('已派单');
	await expect(pinned).toContainText('在线');
	await expect(list.locator(`[data-volunteer-id="${volunteerId}"]`)).toHaveCount(0);
	await expect(rows.first().locator('[data-action="assign"]')).toHaveText('改派');
	await expect(list.locator('[data-action="assign"].primary')).toHaveCount(0);
	await phone!.close();
});
