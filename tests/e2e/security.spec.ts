// Security in the browser: where sign-in sends you, and names on the map that are text, never HTML.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';
import { forkDemoServer } from '../helpers/server';
import { generateCommunity } from '../../db/seed/community';

/** `next` values that a careless check would follow off our origin, or choke on. */
const HOSTILE_NEXT = [
	'/\t/evil.example',
	'/\n/evil.example',
	'/\r/evil.example',
	'//evil.example',
	'/\\evil.example',
	'\\\\evil.example',
	'/.//evil.example',
	'https://evil.example/',
	'javascript:alert(1)',
	'/%2F%2Fevil.example',
	'/%5Cevil.example'
];

test('signing in never follows a next that leaves our origin, and never fails on one', async ({ page, playwright, baseURL }) => {
	const ours = new URL(baseURL!).origin;
	// Every hostile value, through the login form as a browser posts it: where does it send us?
	const api = await playwright.request.newContext({ baseURL, maxRedirects: 0 });
	for (const next of HOSTILE_NEXT) {
		const form = await api.post(`/login?next=${encodeURIComponent(next)}`, {
			form: { username: 'vol02', password: 'demo1234' },
			headers: { origin: ours, accept: 'text/html' }
		});
		expect(form.status(), JSON.stringify(next)).toBe(303);
		const location = form.headers()['location'];
		if (location === undefined) throw new Error(`no Location header for ${JSON.stringify(next)}`);
		expect(new URL(location, ours).origin, JSON.stringify(next)).toBe(ours);
		// eslint-disable-next-line no-control-regex -- control characters are what must never come back
		expect(location, JSON.stringify(next)).not.toMatch(/[\u0000-\u001f\\]|^\/\//);
		// Signed in already, the login page sends on at once, by the same rule.
		const again = await api.get(`/login?next=${encodeURIComponent(next)}`);
		expect(again.status(), JSON.stringify(next)).toBe(303);
		const locationAgain = again.headers()['location'];
		if (locationAgain === undefined) throw new Error(`no Location header for ${JSON.stringify(next)} when signed in`);
		expect(new URL(locationAgain, ours).origin).toBe(ours);
	}
	await api.dispose();
	// And in Chromium, which drops tabs and newlines from a Location and reads \ as /.
	for (const next of ['/\t/evil.example', '/.//evil.example', '/\\evil.example']) {
		// Off the signed-in page first, so it does not react to its session ending meanwhile.
		await page.goto('about:blank');
		await page.context().clearCookies();
		await page.goto(`/login?next=${encodeURIComponent(next)}`);
		await page.locator('input[name="username"]').fill('vol01');
		await page.locator('input[name="password"]').fill('demo1234');
		await page.locator('button[type="submit"]').click();
		await expect(page).toHaveURL(`${ours}/volunteer`);
	}
	// A path of ours is still followed.
	await page.goto('about:blank');
	await page.context().clearCookies();
	await page.goto(`/login?next=${encodeURIComponent('/account?from=link')}`);
	await page.locator('input[name="username"]').fill('vol01');
	await page.locator('input[name="password"]').fill('demo1234');
	await page.locator('button[type="submit"]').click();
	await expect(page).toHaveURL(/\/account\?from=link$/);
});

test('a building whose imported name is HTML shows that name as text in its map tooltip', async ({ browser }) => {
	test.setTimeout(180_000);
	const EVIL = '<img src=x onerror="document.title=1">';
	// East of the demo community, large enough to hover beside its request's marker.
	const demo = generateCommunity(new Date()).buildings;
	const lat = demo.reduce((s, b) => s + b.lat, 0) / demo.length;
	const lng = Math.max(...demo.map((b) => b.lng)) + 0.0015;
	const [dLat, dLng] = [0.0006, 0.0007];
	const ring = [
		[lng - dLng, lat - dLat],
		[lng + dLng, lat - dLat],
		[lng + dLng, lat + dLat],
		[lng - dLng, lat + dLat],
		[lng - dLng, lat - dLat]
	];
	const dataDir = mkdtempSync(join(tmpdir(), 'vd-e2e-'));
	const file = join(dataDir, 'community.json');
	writeFileSync(
		file,
		// Into the demo's 大田坝, whose dispatcher then opens the board.
		JSON.stringify({
			county: '西充县',
			street: '常林镇',
			community: '大田坝社区',
			buildings: [{ name: EVIL, kind: 'public', lat, lng, footprint: { type: 'Polygon', coordinates: [ring] } }]
		})
	);
	const store = join(dataDir, 'db');
	execFileSync('npx', ['tsx', 'db/cli/import.ts', file], { env: { ...process.env, DATA_DIR: store }, stdio: 'pipe' });
	// The demo community beside it (the import made no users, so the demo still seeds).
	const server = await forkDemoServer({ DATA_DIR: store });
	try {
		const context = await browser.newContext({ baseURL: server.url });
		expect((await context.request.post('/api/session', { data: { username: 'dispatcher', password: 'demo1234' } })).status()).toBe(200);
		const buildings = (await (await context.request.get('/api/buildings')).json()) as { id: string; name: string }[];
		const evil = buildings.find((b) => b.name === EVIL)!;
		expect(evil).toBeDefined();
		const created = await context.request.post('/api/requests', { data: { type: 'repair', buildingId: evil.id, description: '看看名字' } });
		expect(created.status()).toBe(201);
		const request = (await created.json()) as { id: string };

		const page = await context.newPage();
		const blocked: string[] = [];
		page.on('console', (message) => message.type() === 'error' && blocked.push(message.text()));
		await page.goto('/dispatch');
		const marker = page.locator(`[data-testid="map"] [data-request-id="${request.id}"]`);
		await expect(marker).toBeVisible({ timeout: 20_000 });
		const box = (await marker.boundingBox())!;
		await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 22);
		const tooltip = page.locator('.leaflet-tooltip:not(.street-label)');
		await expect(tooltip).toBeVisible();
		await expect(tooltip).toHaveText(EVIL);
		await expect(tooltip.locator('img')).toHaveCount(0);
		expect(await page.title()).not.toBe('1');
		// Nothing was even tried: no image request and no CSP refusal.
		expect(blocked.filter((text) => /Content Security Policy|img/i.test(text))).toEqual([]);
		await context.close();
	} finally {
		await server.stop();
		rmSync(dataDir, { recursive: true, force: true });
	}
});
