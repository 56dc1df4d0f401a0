// Follow-up calls (回访, issue #17): the desk calls residents who have not rated a day after
// completion and records the answer; each request is followed up once, and leaves the list.
import { AxeBuilder } from '@axe-core/playwright';
import { test, expect } from './fixtures';
import type { RequestView } from '../../src/lib/api/types';

test('the desk records a follow-up call once, and the request leaves the list', async ({ dispatcherPage: page }) => {
	const due = (await (await page.request.get('/api/follow-ups')).json()) as RequestView[];
	expect(due.length, 'the demo leaves some recent requests without a follow-up').toBeGreaterThan(0);
	await page.goto('/follow-ups');
	const rows = page.getByTestId('follow-ups').locator('li');
	await expect(rows).toHaveCount(due.length);
	expect(
		(await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21aa', 'wcag22aa']).analyze()).violations.map((v) => v.id)
	).toEqual([]);

	const first = rows.first();
	const id = (await first.getAttribute('data-request-id'))!;
	// The phone to call is a link a desk phone or a mobile dials.
	await expect(first.locator('a[href^="tel:"]')).toBeVisible();
	// No stars chosen: said, nothing sent.
	await first.locator('[data-action="record"]').click();
	await expect(first.getByRole('alert')).toBeVisible();
	await first.locator('[data-rating="4"]').click();
	await first.locator('input').fill('师傅很细心');
	await first.locator('[data-action="record"]').click();
	await expect(page.locator(`[data-request-id="${id}"]`)).toHaveCount(0);
	await expect(rows).toHaveCount(due.length - 1);

	const after = (await (await page.request.get(`/api/requests/${id}`)).json()) as { request: RequestView };
	expect(after.request.feedback).toMatchObject({ rating: 4, comment: '师傅很细心', via: 'phone' });
	// Once only.
	const again = await page.request.post(`/api/requests/${id}/feedback`, { data: { rating: 5, via: 'phone' } });
	expect(again.status()).toBe(409);
});
