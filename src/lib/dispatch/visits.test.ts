import { describe, expect, it } from 'vitest';
import { isVisitLapsed, isVisitOverdue, nextDueAfter, VISIT_GRACE_MS, visitKey, visitState } from './visits';

const due = new Date('2026-11-20T01:00:00.000Z');
const at = (ms: number) => new Date(due.getTime() + ms);
const HOUR = 3_600_000;

describe('visitState', () => {
	it('is upcoming before the due time and due right at it', () => {
		expect(visitState(due, null, at(-1))).toBe('upcoming');
		expect(visitState(due, 'assigned', at(0))).toBe('due');
	});

	it('turns overdue when the grace period has passed without completion', () => {
		expect(visitState(due, 'accepted', at(VISIT_GRACE_MS - 1))).toBe('due');
		expect(visitState(due, 'accepted', at(VISIT_GRACE_MS))).toBe('overdue');
		expect(visitState(due, null, at(VISIT_GRACE_MS + HOUR))).toBe('overdue');
	});

	it('is done once completed and never overdue after that', () => {
		expect(visitState(due, 'completed', at(30 * 24 * HOUR))).toBe('done');
		expect(visitState(due, 'cancelled', at(30 * 24 * HOUR))).toBe('cancelled');
	});
});

describe('isVisitOverdue', () => {
	it('flags only plan visits past their grace period', () => {
		const late = at(VISIT_GRACE_MS + 1);
		expect(isVisitOverdue({ visitDueAt: due.toISOString(), status: 'assigned' }, late)).toBe(true);
		expect(isVisitOverdue({ visitDueAt: null, status: 'assigned' }, late)).toBe(false);
		expect(isVisitOverdue({ visitDueAt: due.toISOString(), status: 'completed' }, late)).toBe(false);
	});
});

describe('nextDueAfter', () => {
	it('moves one interval on when the scheduler is on time', () => {
		expect(nextDueAfter(due, 7, at(5 * 60_000)).toISOString()).toBe('2026-11-27T01:00:00.000Z');
	});

	it('folds missed occurrences into one when the scheduler was down for weeks', () => {
		const next = nextDueAfter(due, 7, at(20 * 24 * HOUR));
		expect(next.toISOString()).toBe('2026-12-11T01:00:00.000Z');
		expect(next.getTime()).toBeGreaterThan(at(20 * 24 * HOUR).getTime());
	});
});

describe('visitKey', () => {
	it('names the plan and the exact due time', () => {
		expect(visitKey('p1', due)).toBe('p1:2026-11-20T01:00:00.000Z');
	});
});

describe('isVisitLapsed', () => {
	it('flags an elder not visited within the interval and grace period, or never', () => {
		const last = '2026-11-10T02:00:00.000Z';
		expect(isVisitLapsed(last, 7, new Date('2026-11-19T01:59:00.000Z'))).toBe(false);
		expect(isVisitLapsed(last, 7, new Date('2026-11-19T02:01:00.000Z'))).toBe(true);
		expect(isVisitLapsed(null, 7, new Date('2026-11-19T00:00:00.000Z'))).toBe(true);
	});
});
