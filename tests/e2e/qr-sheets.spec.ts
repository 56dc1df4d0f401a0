// The stairwell QR sheets (issue #17): what staff print is what a resident's phone scans. Each
// sheet's code, drawn in Chromium and read back by a QR decoder (jsQR), opens the resident's
// form for that very building; the single-building SVG says the same.
import type { BrowserContext } from '@playwright/test';
import jsQR from 'jsqr';
import { test, expect } from './fixtures';
import type { BuildingView } from '../../src/lib/api/types';

/**
 * Reads an SVG as a phone camera would: drawn on a canvas in a blank page of the browser (the
 * app's own pages allow no inline images), its pixels decoded here by jsQR.
 */
async function scan(context: BrowserContext, svgMarkup: string): Promise<string | null> {
	const blank = await context.newPage();
	try {
		const size = 400;
		const pixels = await blank.evaluate(
			async ({ markup, size }) => {
				const image = new Image();
				image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup)}`;
				await image.decode();
				const canvas = document.createElement('canvas');
				canvas.width = canvas.height = size;
				const draw = canvas.getContext('2d')!;
				draw.fillStyle = 'white';
				draw.fillRect(0, 0, size, size);
				draw.drawImage(image, 0, 0, size, size);
				return Array.from(draw.getImageData(0, 0, size, size).data);
			},
			{ markup: svgMarkup, size }
		);
		return jsQR(Uint8ClampedArray.from(pixels), size, size)?.data ?? null;
	} finally {
		await blank.close();
	}
}

test('every printed sheet scans to its own building’s form', async ({ dispatcherPage: page, baseURL }) => {
	const buildings = (await (await page.request.get('/api/buildings')).json()) as BuildingView[];
	await page.goto('/print/qr');
	const sheets = page.getByTestId('qr-sheet');
	const residential = buildings.filter((b) => b.kind === 'residential');
	await expect(sheets).toHaveCount(residential.length);
	await expect(page.getByRole('status').filter({ hasText: `共 ${residential.length} 张` })).toBeVisible();

	// A few sheets across the community, each read back from what is on the page.
	for (const index of [0, Math.floor(residential.length / 2), residential.length - 1]) {
		const sheet = sheets.nth(index);
		const buildingId = await sheet.getAttribute('data-building');
		const building = buildings.find((b) => b.id === buildingId)!;
		await expect(sheet.locator('.building')).toHaveText(building.name);
		const read = await scan(page.context(), await sheet.locator('svg').evaluate((svg) => svg.outerHTML));
		expect(read).toBe(`${baseURL}/r/${building.code}`);
	}

	// The single sheet's image, and where a scan of it leads.
	const building = residential[3]!;
	const image = await page.request.get(`/api/buildings/${building.id}/qr.svg`);
	expect(image.headers()['content-type']).toContain('image/svg+xml');
	const read = await scan(page.context(), await image.text());
	expect(read).toBe(`${baseURL}/r/${building.code}`);
	await page.goto(read!);
	await expect(page.getByTestId('resident-form')).toBeVisible();
	await expect(page.locator('.where')).toContainText(building.name);
});
