import { describe, expect, it } from 'vitest';
import { MAX_SLOWDOWN_SECONDS, rateLimitedError, slowdownSeconds } from './login-throttle';

describe('the account-wide slow-down', () => {
	it('waits nothing below the ceiling, then doubles from one second', () => {
		expect([0, 5, 9].map((n) => slowdownSeconds(n, 10))).toEqual([0, 0, 0]);
		expect([10, 11, 12, 13].map((n) => slowdownSeconds(n, 10))).toEqual([1, 2, 4, 8]);
	});

	it('never waits more than a minute, however many failures', () => {
		expect(MAX_SLOWDOWN_SECONDS).toBe(60);
		for (const failures of [16, 17, 100, 10_000]) expect(slowdownSeconds(failures, 10)).toBe(60);
	});

	it('says the wait in seconds under a minute and in minutes above', () => {
		expect(rateLimitedError(4).message).toBe('Too many failed sign-ins. Please wait 4 seconds and try again.');
		expect(rateLimitedError(1).message).toContain('1 second ');
		expect(rateLimitedError(601).message).toContain('11 minutes');
		expect(rateLimitedError(4).retryAfterSeconds).toBe(4);
	});
});
