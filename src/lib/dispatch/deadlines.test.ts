import { describe, expect, it } from 'vitest';
import { deadlineUrgency, deadlinesFor, isFreshlyOverdue, nextDeadline, overdueOf } from './deadlines';

const service = { assignWithinMin: 240, completeWithinMin: 2880, urgentAssignWithinMin: 30, urgentCompleteWithinMin: 240 };
const at = new Date('2026-12-05T08:00:00Z');

describe('deadlines', () => {
	it('adds the service’s minutes to the creation time, the shorter ones when urgent', () => {
		expect(deadlinesFor(service, 'normal', at)).toEqual({
			assignBy: new Date('2026-12-05T12:00:00Z'),
			completeBy: new Date('2026-12-07T08:00:00Z')
		});
		expect(deadlinesFor(service, 'urgent', at)).toEqual({
			assignBy: new Date('2026-12-05T08:30:00Z'),
			completeBy: new Date('2026-12-05T12:00:00Z')
		});
	});

	it('keeps the assign milestone in play only while open, the complete one while active', () => {
		const passed = { overdueAssignAt: 'x', overdueCompleteAt: null };
		expect(overdueOf({ status: 'open', ...passed })).toBe('assign');
		expect(overdueOf({ status: 'assigned', ...passed })).toBeNull();
		expect(overdueOf({ status: 'accepted', overdueAssignAt: 'x', overdueCompleteAt: 'y' })).toBe('complete');
		expect(overdueOf({ status: 'completed', overdueAssignAt: 'x', overdueCompleteAt: 'y' })).toBeNull();
		expect(overdueOf({ status: 'open', overdueAssignAt: null, overdueCompleteAt: null })).toBeNull();
	});

	it('counts down to assigning while open, then to completing', () => {
		const deadlines = { assignBy: 'A', completeBy: 'C' };
		expect(nextDeadline({ status: 'open', deadlines })).toBe('A');
		expect(nextDeadline({ status: 'in_progress', deadlines })).toBe('C');
		expect(nextDeadline({ status: 'cancelled', deadlines })).toBeNull();
		expect(nextDeadline({ status: 'open', deadlines: { assignBy: null, completeBy: null } })).toBeNull();
	});

	it('turns amber in the last fifth of the time allowed and red once past', () => {
		const created = '2026-12-05T08:00:00Z';
		const due = '2026-12-05T09:40:00Z'; // 100 minutes allowed
		const minute = (m: number) => Date.parse(created) + m * 60_000;
		expect(deadlineUrgency(created, due, minute(79))).toBe('ok');
		expect(deadlineUrgency(created, due, minute(80))).toBe('soon');
		expect(deadlineUrgency(created, due, minute(100))).toBe('overdue');
	});
});

describe('isFreshlyOverdue', () => {
	const now = Date.parse('2026-01-01T12:00:00Z');
	const deadlines = { assignBy: '2026-01-01T11:58:00Z', completeBy: '2026-01-01T08:00:00Z' };
	it('is news when the missed deadline passed moments ago, and old news hours later', () => {
		expect(isFreshlyOverdue({ overdue: 'assign', deadlines }, now)).toBe(true);
		expect(isFreshlyOverdue({ overdue: 'complete', deadlines }, now)).toBe(false);
		expect(isFreshlyOverdue({ overdue: null, deadlines }, now)).toBe(false);
		expect(isFreshlyOverdue({ overdue: 'assign', deadlines: { assignBy: null, completeBy: null } }, now)).toBe(false);
	});
});
