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

test('auto-offer from the panel: the row says how far it got, and says so plainly when nobody took it', async ({
	browser,
	dispatcherPage: page
}) => {
	await page.goto('/dispatch');
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	const buildings = (await (await page.request.get('/api/buildings')).json()) as BuildingView[];
	const here = buildings.find((b) => b.name === '30栋')!;
	const haircutters = new Set(
		((await (await page.request.get('/api/volunteers')).json()) as VolunteerView[])
			.filter((v) => v.skills.includes('haircut'))
			.map((v) => v.id)
	);
	// One haircutter with the app open: auto-offer's only choice.
	let phone: BrowserContext | null = null;
	for (let n = 30; n <= 38 && !phone; n++) {
		const context = await browser.newContext();
		await signInContext(context, `vol${n}`);
		const me = ((await (await context.request.get('/api/session')).json()) as { user: { volunteerId: string } }).user;
		if (haircutters.has(me.volunteerId)) phone = context;
		else await context.close();
	}
	expect(phone, 'a haircutter among vol30…vol38').not.toBeNull();
	expect((await phone!.request.put('/api/me/availability', { data: { available: true, lat: here.lat, lng: here.lng } })).status()).toBe(
		200
	);
	const volunteerTab = await phone!.newPage();
	await openLive(volunteerTab, '/volunteer');

	const created = await page.request.post('/api/requests', {
		data: { type: 'haircut', buildingId: here.id, description: `自动派单 e2e ${Date.now()}`, unit: '1单元101' }
	});
	const request = (await created.json()) as RequestView;
	const row = page.locator(`[data-testid="queue"] [data-request-id="${request.id}"]`);
	await row.getByRole('button').click();
	const panel = page.getByTestId('auto-offer');
	await expect(panel).toHaveAttribute('data-on', 'false');
	await panel.getByRole('button', { name: '开启自动派单' }).click();

	// Offered to the one online haircutter: the row says it is the first try.
	await expect(row).toHaveAttribute('data-status', 'assigned');
	await expect(row.getByTestId('auto-offer-progress')).toHaveText('· 自动派单：第 1 次，最多 5 次');
	await expect(panel.getByRole('button', { name: '停止自动派单' })).toHaveAttribute('aria-pressed', 'true');

	// They decline; nobody else is online, so it comes back to the dispatcher, flagged.
	const card = volunteerTab.locator(`[data-request-id="${request.id}"]`);
	await card.locator('[data-action="decline"]').click();
	await expect(row).toHaveAttribute('data-status', 'open');
	await expect(row).toHaveAttribute('data-attention', 'auto_exhausted');
	await expect(row).toContainText('自动派单无人接');
	await expect(row.getByTestId('auto-offer-progress')).toHaveCount(0);
	await expect(panel).toHaveAttribute('data-on', 'false');
	await phone!.close();
});
