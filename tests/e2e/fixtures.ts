import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'demo1234';

/** Signs a browser context in through the API; the context keeps the HttpOnly cookie. */
export async function signInContext(context: BrowserContext, username: string): Promise<void> {
	const response = await context.request.post('/api/session', { data: { username, password: DEMO_PASSWORD } });
	expect(response.status()).toBe(200);
}

type Fixtures = {
	dispatcherPage: Page;
	volunteerPage: Page;
	coordinatorPage: Page;
};

async function pageFor(browser: import('@playwright/test').Browser, username: string, use: (page: Page) => Promise<void>) {
	const context = await browser.newContext();
	await signInContext(context, username);
	const page = await context.newPage();
	await use(page);
	await context.close();
}

/** Pages already signed in as each role of the demo community. */
export const test = base.extend<Fixtures>({
	dispatcherPage: async ({ browser }, use) => pageFor(browser, 'dispatcher', use),
	volunteerPage: async ({ browser }, use) => pageFor(browser, 'vol01', use),
	coordinatorPage: async ({ browser }, use) => pageFor(browser, 'coordinator', use)
});

export { expect };
