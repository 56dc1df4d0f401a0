import { describe, expect, it } from 'vitest';
import { formatDuration, stageDurations } from './durations';

describe('stageDurations', () => {
	it('measures each stage from the request timestamps', () => {
		const d = stageDurations({
			createdAt: '2026-11-20T01:00:00Z',
			assignedAt: '2026-11-20T01:04:00Z',
			acceptedAt: '2026-11-20T01:06:30Z',
			startedAt: '2026-11-20T01:30:00Z',
			completedAt: '2026-11-20T02:30:00Z'
		});
		expect(d).toEqual({ toAssign: 240_000, toAccept: 150_000, toComplete: 5_010_000, working: 3_600_000 });
	});

	it('counts the wait for a volunteer to the first assignment when the timeline gives it, not to a later reassignment', () => {
		const reassigned = {
			createdAt: '2026-11-20T01:00:00Z',
			assignedAt: '2026-11-20T01:50:00Z',
			acceptedAt: null,
			startedAt: null,
			completedAt: null
		};
		expect(stageDurations(reassigned).toAssign).toBe(50 * 60_000);
		expect(stageDurations(reassigned, '2026-11-20T01:08:00Z').toAssign).toBe(8 * 60_000);
	});

	it('leaves stages that never happened empty', () => {
		const d = stageDurations({ createdAt: '2026-11-20T01:00:00Z', assignedAt: null, acceptedAt: null, startedAt: null, completedAt: null });
		expect(d).toEqual({ toAssign: null, toAccept: null, toComplete: null, working: null });
	});
});

describe('formatDuration', () => {
	it('picks a unit that reads well', () => {
		expect(formatDuration(45_000)).toBe('45 s');
		expect(formatDuration(12 * 60_000)).toBe('12 min');
		expect(formatDuration(185 * 60_000)).toBe('3 h 05 min');
		expect(formatDuration(52 * 3_600_000)).toBe('2 d 4 h');
		expect(formatDuration(null)).toBe('–');
		expect(formatDuration(90_000, { s: '秒', min: '分钟', h: '小时', d: '天' })).toBe('2 分钟');
	});
});
