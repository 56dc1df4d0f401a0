import { test, expect, signInContext } from './fixtures';
import type { Page } from '@playwright/test';
import { createTestDatabase, postgresUrl, type TestDatabase } from '../helpers/database';
import { forkDemoServer, type RunningServer } from '../helpers/server';
import { TcpProxy, targetOf, throughProxy } from '../helpers/tcp-proxy';
import { signedIn, someBuilding } from '../helpers/api-factories';

/** Collects Content-Security-Policy violations the page reports. */
async function watchCsp(page: Page): Promise<() => Promise<string[]>> {
	const fromConsole: string[] = [];
	page.on('console', (message) => {
		if (/Content Security Policy|Refused to/i.test(message.text())) fromConsole.push(message.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { __csp: string[] }).__csp = seen;
		document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
	});
	return async () => [...fromConsole, ...(await page.evaluate(() => (window as unknown as { __csp: string[] }).__csp ?? []))];
}

test('the CSP lets every page and the map work: no violations, the map draws', async ({ browser }) => {
	for (const [username, path] of [
		['dispatcher', '/dispatch'],
		['vol01', '/volunteer'],
		['coordinator', '/history']
	] as const) {
		const context = await browser.newContext();
		await signInContext(context, username);
		const page = await context.newPage();
		const violations = await watchCsp(page);
		const response = await page.goto(path);
		expect(response?.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
		await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected');
		if (path === '/dispatch') {
			await expect(page.locator('[data-testid="map"] canvas')).toHaveCount(1);
			await expect(page.locator('[data-testid="map"] .leaflet-control-zoom-in')).toBeVisible();
			await page.locator('[data-testid="map"] .leaflet-control-zoom-in').click();
		}
		expect(await violations()).toEqual([]);
		await context.close();
	}
	const anonymous = await browser.newPage();
	const violations = await watchCsp(anonymous);
	await anonymous.goto('/login');
	await expect(anonymous.locator('input[name="username"]')).toBeVisible();
	expect(await violations()).toEqual([]);
	await anonymous.close();
});

test('a network blip that never dropped the socket ends with the badge saying connected again', async ({ volunteerPage: page }) => {
	await page.goto('/volunteer');
	const badge = page.locator('[data-testid="connection"]');
	await expect(badge).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	// The browser says it went offline and came back; the websocket itself stayed up.
	await page.evaluate(() => window.dispatchEvent(new Event('offline')));
	await expect(badge).toHaveAttribute('data-state', 'offline');
	// Offline is said in words too, not only by the badge's colour.
	await expect(page.locator('[data-testid="offline-banner"]')).toContainText('连接已断开');
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expect(badge).toHaveAttribute('data-state', 'connected');
	await expect(page.locator('[data-testid="offline-banner"]')).toHaveCount(0);
});

test.describe('when the database goes away', () => {
	test.skip(!process.env.TEST_DATABASE_URL, 'needs a real PostgreSQL to take away');
	let database: TestDatabase;
	let proxy: TcpProxy;
	let server: RunningServer;

	test.beforeAll(async () => {
		test.setTimeout(120_000);
		database = await createTestDatabase('postgres');
		proxy = await TcpProxy.start(targetOf(postgresUrl(database)));
		server = await forkDemoServer({ DATABASE_URL: throughProxy(postgresUrl(database), proxy), DB_CHECK_SECONDS: '0.5' });
	});
	test.afterAll(async () => {
		await server?.stop();
		await proxy?.close();
		await database?.drop();
	});

	test('the board says so plainly, shows the connection lost, and recovers by itself', async ({ browser }) => {
		test.setTimeout(120_000);
		const context = await browser.newContext({ baseURL: server.url, locale: 'en-US' });
		const signInAnswer = await context.request.post('/api/session', { data: { username: 'dispatcher', password: 'demo1234' } });
		expect(signInAnswer.status()).toBe(200);
		const board = await context.newPage();
		await board.goto('/dispatch');
		const badge = board.locator('[data-testid="connection"]');
		const banner = board.locator('[data-testid="service-banner"]');
		await expect(badge).toHaveAttribute('data-state', 'connected');
		await expect(banner).toHaveCount(0);

		proxy.cut();
		await expect(badge).toHaveAttribute('data-state', /reconnecting|offline/, { timeout: 15_000 });
		await expect(banner).toBeVisible({ timeout: 15_000 });
		await expect(banner).toContainText('The database cannot be reached');
		// Opening a page meanwhile says so too, and comes back by itself.
		const another = await context.newPage();
		const answer = await another.goto('/dispatch');
		expect(answer?.status()).toBe(503);
		await expect(another.getByTestId('service-unavailable')).toBeVisible();

		proxy.restore();
		await expect(badge).toHaveAttribute('data-state', 'connected', { timeout: 30_000 });
		await expect(banner).toHaveCount(0, { timeout: 15_000 });
		await expect(another.locator('[data-testid="map"]')).toBeVisible({ timeout: 30_000 });

		// Live again: a request made now shows on the board.
		const dispatcher = await signedIn(server.url, 'dispatcher2');
		const building = await someBuilding(dispatcher.call);
		const created = await dispatcher.call<{ id: string }>('POST', '/api/requests', {
			type: 'repair',
			buildingId: building.id,
			description: '恢复后的新请求'
		});
		expect(created.status).toBe(201);
		await expect(board.locator(`[data-testid="queue"] [data-request-id="${created.body.id}"]`)).toBeVisible({ timeout: 15_000 });
		await context.close();
	});
});
