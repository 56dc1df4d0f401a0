import { describe, expect, it } from 'vitest';
import { elapsedSince, formatClock, formatElapsed, formatMoment } from './elapsed';

const now = new Date('2026-11-26T10:00:00Z');

describe('elapsed time', () => {
	it('picks the largest unit that fits', () => {
		expect(elapsedSince('2026-11-26T09:59:30Z', now)).toEqual({ value: 30, unit: 'second' });
		expect(elapsedSince('2026-11-26T09:57:00Z', now)).toEqual({ value: 3, unit: 'minute' });
		expect(elapsedSince('2026-11-26T07:30:00Z', now)).toEqual({ value: 2, unit: 'hour' });
		expect(elapsedSince('2026-11-23T10:00:00Z', now)).toEqual({ value: 3, unit: 'day' });
	});

	it('never goes negative when the phone clock runs behind the server', () => {
		expect(elapsedSince('2026-11-26T10:00:05Z', now)).toEqual({ value: 0, unit: 'second' });
	});

	it('reads naturally in both languages', () => {
		expect(formatElapsed('en', '2026-11-26T09:57:00Z', now)).toBe('3 minutes ago');
		expect(formatElapsed('zh-CN', '2026-11-26T09:57:00Z', now)).toBe('3分钟前');
		expect(formatElapsed('en', '2026-11-26T09:59:50Z', now)).toBe('now');
	});
});

describe('moments in community time (UTC+8), whatever zone the device is in', () => {
	it('shows the community clock, not the device clock', () => {
		expect(formatClock('zh-CN', '2026-11-26T01:05:00Z')).toBe('09:05');
		expect(formatClock('zh-CN', '2026-11-26T01:05:07Z', true)).toBe('09:05:07');
	});

	it('counts "today" by the community calendar', () => {
		// 23:30 UTC on the 25th is 07:30 on the 26th in the community: the same day as `now`.
		expect(formatMoment('zh-CN', '2026-11-25T23:30:00Z', now)).toBe('07:30');
		// 15:30 UTC on the 25th is 23:30 on the 25th there: yesterday, so the date is shown.
		expect(formatMoment('zh-CN', '2026-11-25T15:30:00Z', now)).toBe('11月25日 23:30');
	});
});
