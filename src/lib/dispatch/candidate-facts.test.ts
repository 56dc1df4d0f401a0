import { describe, expect, it } from 'vitest';
import { STATUSES } from './vocabulary';
import {
	continuityElderId,
	countsAsLoad,
	countsAsToday,
	familiarVolunteerIds,
	isLastVisit,
	isOnline,
	isPlannedVisitor,
	NO_CONTINUITY,
	tasksTodaySince,
	visitedLast
} from './candidate-facts';

describe('candidate facts', () => {
	it('counts assigned, accepted and in-progress tasks as load, nothing else', () => {
		expect(STATUSES.filter(countsAsLoad)).toEqual(['assigned', 'accepted', 'in_progress']);
	});

	it('counts tasks assigned since community midnight as today, even finished ones', () => {
		const since = tasksTodaySince(new Date('2026-11-26T03:00:00Z')).getTime();
		expect(new Date(since).toISOString()).toBe('2026-11-25T16:00:00.000Z');
		expect(countsAsToday(since, since)).toBe(true);
		expect(countsAsToday(since - 1, since)).toBe(false);
		expect(countsAsToday(null, since)).toBe(false);
	});

	it('is online only while online_until is still ahead', () => {
		expect(isOnline(1001, 1000)).toBe(true);
		expect(isOnline(1000, 1000)).toBe(false);
		expect(isOnline(null, 1000)).toBe(false);
	});

	it('applies continuity to elder visits that name an elder', () => {
		expect(continuityElderId({ type: 'elder_visit', elderId: 'e1' })).toBe('e1');
		expect(continuityElderId({ type: 'elder_visit', elderId: null })).toBeNull();
		expect(continuityElderId({ type: 'repair', elderId: 'e1' })).toBeNull();
	});

	it('takes the last visitor from completed elder visits only', () => {
		const visit = { type: 'elder_visit' as const, status: 'completed' as const, elderId: 'e1', assigneeId: 'v1', completedAt: 5 };
		expect(isLastVisit(visit)).toBe(true);
		expect(isLastVisit({ ...visit, status: 'cancelled' })).toBe(false);
		expect(isLastVisit({ ...visit, type: 'haircut' })).toBe(false);
		expect(isLastVisit({ ...visit, elderId: null })).toBe(false);
	});

	it('puts the planned visitor before the last visitor, once each', () => {
		expect(familiarVolunteerIds({ plannedVolunteerId: 'p', lastVisitorId: 'l' })).toEqual(['p', 'l']);
		expect(familiarVolunteerIds({ plannedVolunteerId: 'p', lastVisitorId: 'p' })).toEqual(['p']);
		expect(familiarVolunteerIds({ plannedVolunteerId: null, lastVisitorId: 'l' })).toEqual(['l']);
		expect(familiarVolunteerIds(NO_CONTINUITY)).toEqual([]);
		const both = { plannedVolunteerId: 'p', lastVisitorId: 'p' };
		expect([isPlannedVisitor('p', both), visitedLast('p', both)]).toEqual([true, true]);
		const neither = { plannedVolunteerId: 'p', lastVisitorId: 'l' };
		expect([isPlannedVisitor('x', neither), visitedLast('x', neither)]).toEqual([false, false]);
	});
});
