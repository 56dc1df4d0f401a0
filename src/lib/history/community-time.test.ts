import { describe, expect, it } from 'vitest';
import {
	COMMUNITY_TIME_ZONE,
	COMMUNITY_UTC_OFFSET_HOURS,
	communityDay,
	communityDayStart,
	communityWallClock,
	daysBetween,
	formatCommunityTime,
	fromCommunityDateTimeField,
	nextDay,
	startOfCommunityDay,
	toCommunityDateTimeField
} from './community-time';

describe('community time (UTC+8)', () => {
	it('names the same zone by offset and by name', () => {
		const offset = new Intl.DateTimeFormat('en', { timeZone: COMMUNITY_TIME_ZONE, timeZoneName: 'longOffset' }).formatToParts(
			new Date('2026-07-01T00:00:00Z')
		);
		expect(offset.find((p) => p.type === 'timeZoneName')?.value).toBe(`GMT+0${COMMUNITY_UTC_OFFSET_HOURS}:00`);
	});

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

	it('reads the wall clock: hour and weekday', () => {
		const late = communityWallClock(new Date('2026-11-21T17:30:00Z')); // Sunday 01:30 in the community
		expect(late.getUTCHours()).toBe(1);
		expect(late.getUTCDay()).toBe(0);
	});

	it('shows and reads a datetime-local field in community time', () => {
		expect(toCommunityDateTimeField('2026-11-20T06:05:09.000Z')).toBe('2026-11-20T14:05');
		expect(fromCommunityDateTimeField('2026-11-20T14:05').toISOString()).toBe('2026-11-20T06:05:00.000Z');
		expect(Number.isNaN(fromCommunityDateTimeField('').getTime())).toBe(true);
	});
});

describe('startOfCommunityDay', () => {
	it('starts the China day at 16:00 UTC the evening before', () => {
		expect(startOfCommunityDay(new Date('2026-11-26T03:00:00Z')).toISOString()).toBe('2026-11-25T16:00:00.000Z');
		expect(startOfCommunityDay(new Date('2026-11-26T15:59:59.999Z')).toISOString()).toBe('2026-11-25T16:00:00.000Z');
	});

	it('rolls over at local midnight exactly', () => {
		expect(startOfCommunityDay(new Date('2026-11-26T16:00:00Z')).toISOString()).toBe('2026-11-26T16:00:00.000Z');
	});

	it('agrees with the day an instant falls on', () => {
		for (const iso of ['2026-11-26T03:00:00Z', '2026-11-26T15:59:59.999Z', '2026-11-26T16:00:00Z', '2027-01-01T00:00:00Z']) {
			expect(startOfCommunityDay(new Date(iso))).toEqual(communityDayStart(communityDay(new Date(iso))));
		}
	});
});
