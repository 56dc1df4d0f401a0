import { test, expect } from './fixtures';

test('a dispatcher signs in through the login page and sees the community map, live', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login/);
	await page.locator('input[name="username"]').fill('dispatcher');
	await page.locator('input[name="password"]').fill('demo1234');
	await page.locator('button[type="submit"]').click();
	await expect(page).toHaveURL(/\/dispatch$/);
	await expect(page.locator('[data-testid="map"]')).toBeVisible();
	// The buildings are drawn on the canvas renderer from our own data, with no tiles.
	await expect(page.locator('[data-testid="map"] canvas')).toHaveCount(1);
	await expect(page.locator('[data-testid="map"] .leaflet-tile')).toHaveCount(0);
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
});

test('a wrong password is said plainly on the login page', async ({ page }) => {
	await page.goto('/login');
	await page.locator('input[name="username"]').fill('dispatcher');
	await page.locator('input[name="password"]').fill('wrong-password');
	await page.locator('button[type="submit"]').click();
	await expect(page.getByRole('alert')).toBeVisible();
	await expect(page).toHaveURL(/\/login/);
});

test('a session that ended sends the page to sign-in with a word why, and back after signing in', async ({ dispatcherPage: page }) => {
	await page.goto('/dispatch');
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	// Signed out elsewhere (another tab, a password change, expiry): the cookie names no session.
	const [session] = (await page.context().cookies()).filter((c) => c.name === 'session');
	await page.context().addCookies([{ ...session, value: 'ended-session' }]);
	await page.goto('/dispatch');
	await expect(page).toHaveURL(/\/login\?next=%2Fdispatch&ended=1$/);
	await expect(page.getByRole('status')).toContainText('登录已失效');
	await page.locator('input[name="username"]').fill('dispatcher');
	await page.locator('input[name="password"]').fill('demo1234');
	await page.locator('button[type="submit"]').click();
	await expect(page).toHaveURL(/\/dispatch$/);
});

test('a volunteer lands on their own page and is kept off the board', async ({ volunteerPage: page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/volunteer$/);
	await expect(page.locator('[data-testid="my-tasks"]')).toBeVisible();
	await expect(page.locator('[data-testid="connection"]')).toHaveAttribute('data-state', 'connected', { timeout: 20_000 });
	await page.goto('/dispatch');
	await expect(page).toHaveURL(/\/volunteer$/);
	await page.goto('/history');
	await expect(page).toHaveURL(/\/volunteer$/);
});

test('the language follows the lang cookie and the header switch', async ({ coordinatorPage: page }) => {
	await page.goto('/history');
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
	await expect(page.getByRole('heading', { name: '服务记录' })).toBeVisible();
	await page.getByRole('button', { name: 'English' }).click();
	await expect(page.getByRole('heading', { name: 'History' })).toBeVisible();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});
