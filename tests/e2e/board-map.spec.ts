// Issue #16: the map never named its buildings, even zoomed in, and its legend explained only the
// building kinds. Names now appear where they fit; the legend explains markers and dots too.
import { test, expect } from './fixtures';
import { openLive } from './volunteer-helpers';

test('buildings are named on the map once zoomed in enough for their names to fit', async ({ dispatcherPage: page }) => {
	await page.setViewportSize({ width: 1440, height: 900 });
	await openLive(page, '/dispatch');
	const map = page.getByTestId('map');
	await expect(map.locator('.leaflet-interactive').first()).toBeAttached({ timeout: 20_000 });
	// The whole community in view: most of its 206 blocks are too small on screen for a name.
	const atFirst = await map.locator('.building-label').count();
	expect(atFirst).toBeLessThan(100);

	for (let i = 0; i < 3; i++) {
		await page.getByRole('button', { name: 'Zoom in' }).click();
		await page.waitForTimeout(400);
	}
	const labels = map.locator('.building-label');
	await expect(labels.first()).toBeAttached();
	const names = await labels.allTextContents();
	expect(names.length).toBeGreaterThan(5);
	// Every label sits inside the map and under the markers.
	expect(await labels.evaluateAll((all) => all.every((l) => l.closest('.leaflet-pane')?.classList.contains('leaflet-labels-pane')))).toBe(
		true
	);
	expect(names.every((n) => n.length > 0)).toBe(true);
	expect(names.some((n) => /^\d+栋$/.test(n))).toBe(true);
	// Names are text: no element of a building's name ever becomes markup.
	expect(await labels.locator('*:not(span)').count()).toBe(0);
});

test('the legend explains request markers and volunteer dots, in the reader’s language', async ({ dispatcherPage: page }) => {
	await openLive(page, '/dispatch');
	const legend = page.getByTestId('map-legend');
	await legend.locator('summary').click();
	for (const text of ['住宅', '待派单', '已派单', '已接单', '服务中', '未响应', '紧急', '值班志愿者', '在线', '候选人']) {
		await expect(legend).toContainText(text);
	}
	await expect(legend.locator('.request-marker.assigned')).toHaveCount(2); // offered, and offered with no response
	await expect(legend.locator('.volunteer-dot.online')).toHaveCount(1);
});
