import { describe, expect, it } from 'vitest';
import { communityDay, communityDayStart, daysBetween, formatCommunityTime, nextDay } from './community-time';

describe('community time (UTC+8)', () => {
	it('starts a community day at 16:00 UTC the day before', () => {
		expect(communityDayStart('2026-11-20').toISOString()).toBe('2026-11-19T16:00:00.000Z');
	});

	it('puts a late UTC evening on the next community day', () => {
		expect(communityDay(new Date('2026-11-20T15:59:59Z'))).toBe('2026-11-20');
		expect(communityDay(new Date('2026-11-20T16:00:00Z'))).toBe('2026-11-21');
	});

	it('walks days across month ends', () => {
		expect(nextDay('2026-11-30')).toBe('2026-12-01');
		expect(daysBetween('2026-12-30', '2027-01-02')).toEqual(['2026-12-30', '2026-12-31', '2027-01-01', '2027-01-02']);
	});

	it('formats instants as community wall-clock time', () => {
		expect(formatCommunityTime('2026-11-20T06:05:09.000Z')).toBe('2026-11-20 14:05');
		expect(formatCommunityTime('2026-11-20T06:05:09.000Z', true)).toBe('2026-11-20 14:05:09');
		expect(formatCommunityTime(null)).toBe('');
	});
});
