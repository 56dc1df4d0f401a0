import { describe, expect, it } from 'vitest';
import { elapsedSince, formatElapsed } from './elapsed';

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
