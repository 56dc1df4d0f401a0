import { describe, expect, it } from 'vitest';
import { canReadHistory, homePathFor, isAssignee, isStaff, maySeeContact, type Actor } from './permissions';

const volunteer: Actor = { userId: 'u1', role: 'volunteer', volunteerId: 'v1', name: 'A' };
const dispatcher: Actor = { userId: 'u2', role: 'dispatcher', volunteerId: null, name: 'B' };

describe('permissions', () => {
	it('treats dispatchers and coordinators as staff, and only coordinators read history', () => {
		expect([isStaff('dispatcher'), isStaff('coordinator'), isStaff('volunteer')]).toEqual([true, true, false]);
		expect([canReadHistory('dispatcher'), canReadHistory('coordinator'), canReadHistory('volunteer')]).toEqual([false, true, false]);
	});

	it('lets only the current assignee act on a task and see its contact', () => {
		expect(isAssignee(volunteer, 'v1')).toBe(true);
		expect(isAssignee(volunteer, 'v2')).toBe(false);
		expect(isAssignee(volunteer, null)).toBe(false);
		expect(maySeeContact(volunteer, 'v2')).toBe(false);
		expect(maySeeContact(dispatcher, 'v2')).toBe(true);
	});

	it('sends each role to its own page', () => {
		expect(homePathFor('volunteer')).toBe('/volunteer');
		expect(homePathFor('dispatcher')).toBe('/dispatch');
		expect(homePathFor('coordinator')).toBe('/history');
	});
});
