import { test, expect, signInContext } from './fixtures';

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
	if (!session) throw new Error('the signed-in page has no session cookie');
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

test('anyone signed in changes their password from the account page, reached from their name', async ({ browser }) => {
	const context = await browser.newContext();
	await signInContext(context, 'vol39');
	const page = await context.newPage();
	await page.goto('/volunteer');
	await page.locator('a[href="/account"]').click();
	await expect(page).toHaveURL(/\/account$/);
	const form = page.locator('[data-testid="password-change"]');
	const fill = async (current: string, next: string, again: string) => {
		await form.locator('[name="currentPassword"]').fill(current);
		await form.locator('[name="newPassword"]').fill(next);
		await form.locator('[name="confirmPassword"]').fill(again);
		await form.getByRole('button').click();
	};
	await fill('demo1234', 'new-secret-39', 'new-secret-3');
	await expect(form.getByRole('alert')).toContainText('两次输入的新密码不一样');
	await fill('wrong-one', 'new-secret-39', 'new-secret-39');
	await expect(form.getByRole('alert')).toContainText('当前密码不对');
	await fill('demo1234', 'new-secret-39', 'new-secret-39');
	await expect(form.getByRole('status')).toContainText('密码已修改');
	// The new password signs in; the old one no longer does.
	const fresh = await browser.newContext();
	expect((await fresh.request.post('/api/session', { data: { username: 'vol39', password: 'demo1234' } })).status()).toBe(401);
	expect((await fresh.request.post('/api/session', { data: { username: 'vol39', password: 'new-secret-39' } })).status()).toBe(200);
	await fresh.close();
	await context.close();
});
