import { describe, expect, it } from 'vitest';
import { offerCheckIntervalMs, offerCutoff } from './offer-timeout';

describe('offer timeout rules', () => {
	it('puts the cutoff one timeout before now', () => {
		expect(offerCutoff(new Date('2026-11-26T10:05:00Z'), 5 * 60_000).toISOString()).toBe('2026-11-26T10:00:00.000Z');
	});

	it('checks often enough for the timeout, within sane bounds', () => {
		expect(offerCheckIntervalMs(5 * 60_000)).toBe(5_000);
		expect(offerCheckIntervalMs(20_000)).toBe(2_000);
		expect(offerCheckIntervalMs(1_200)).toBe(250);
	});
});
