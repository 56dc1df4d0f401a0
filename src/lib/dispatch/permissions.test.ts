import { describe, expect, it } from 'vitest';
import {
	homePathFor,
	isAssignee,
	isCoordinator,
	isStaff,
	mayEditCatalogue,
	maySeeContact,
	navigationFor,
	pageAccess,
	type Actor
} from './permissions';

const scope = { id: 'c1', kind: 'community' as const, name: '大田坝社区' };
const volunteer: Actor = { userId: 'u1', role: 'volunteer', volunteerId: 'v1', name: 'A', scope, communityIds: ['c1'] };
const dispatcher: Actor = { userId: 'u2', role: 'dispatcher', volunteerId: null, name: 'B', scope, communityIds: ['c1'] };

describe('permissions', () => {
	it('treats dispatchers and coordinators as staff, and only coordinators read history', () => {
		expect([isStaff('dispatcher'), isStaff('coordinator'), isStaff('volunteer')]).toEqual([true, true, false]);
		expect([isCoordinator('dispatcher'), isCoordinator('coordinator'), isCoordinator('volunteer')]).toEqual([false, true, false]);
	});

	it('lets only the current assignee act on a task and see its contact', () => {
		expect(isAssignee(volunteer, 'v1')).toBe(true);
		expect(isAssignee(volunteer, 'v2')).toBe(false);
		expect(isAssignee(volunteer, null)).toBe(false);
		expect(maySeeContact(volunteer, { assigneeId: 'v2', status: 'accepted' })).toBe(false);
		expect(maySeeContact(dispatcher, { assigneeId: 'v2', status: 'accepted' })).toBe(true);
	});

	it('lets the assignee see the contact only while the task is theirs and unfinished', () => {
		for (const status of ['assigned', 'accepted', 'in_progress'] as const)
			expect(maySeeContact(volunteer, { assigneeId: 'v1', status })).toBe(true);
		for (const status of ['completed', 'cancelled', 'open'] as const)
			expect(maySeeContact(volunteer, { assigneeId: 'v1', status })).toBe(false);
		expect(maySeeContact(dispatcher, { assigneeId: 'v1', status: 'completed' })).toBe(true);
	});

	it('sends each role to its own page', () => {
		expect(homePathFor('volunteer')).toBe('/volunteer');
		expect(homePathFor('dispatcher')).toBe('/dispatch');
		expect(homePathFor('coordinator')).toBe('/history');
		expect(homePathFor('reporter')).toBe('/report');
	});

	it('opens the report page to reporters alone, and no staff or volunteer page to them', () => {
		expect(pageAccess('/(app)/report', 'reporter')).toBe('open');
		for (const role of ['dispatcher', 'volunteer', 'coordinator'] as const) expect(pageAccess('/(app)/report', role)).toBe('wrong-role');
		for (const page of ['/(app)/dispatch', '/(app)/volunteer', '/(app)/history', '/(app)/admin/teams']) {
			expect(pageAccess(page, 'reporter')).toBe('wrong-role');
		}
	});

	it('decides page access on the route id, for nobody and for each role', () => {
		expect(pageAccess('/(app)/dispatch', null)).toBe('sign-in');
		expect(pageAccess('/(app)/dispatch', 'volunteer')).toBe('wrong-role');
		expect(pageAccess('/(app)/dispatch', 'dispatcher')).toBe('open');
		expect(pageAccess('/(app)/history', 'dispatcher')).toBe('wrong-role');
		expect(pageAccess('/(app)/history', 'coordinator')).toBe('open');
		expect(pageAccess('/(app)/volunteer', 'coordinator')).toBe('wrong-role');
		expect(pageAccess('/(app)/account', 'volunteer')).toBe('open');
		expect(pageAccess('/(app)/admin/teams', 'dispatcher')).toBe('wrong-role');
		expect(pageAccess('/(app)/admin/teams', 'coordinator')).toBe('open');
		expect(pageAccess('/(app)/admin/volunteers', 'dispatcher')).toBe('wrong-role');
		expect(pageAccess('/(app)/admin/volunteers', 'coordinator')).toBe('open');
		expect(pageAccess('/login', null)).toBe('open');
		expect(pageAccess('/api/requests', 'volunteer')).toBe('not-a-page');
		expect(pageAccess(null, null)).toBe('not-a-page');
	});

	it('links each role to exactly the pages it may open, the catalogue only above a community', () => {
		const links = (role: Actor['role'], kind: Actor['scope']['kind']) => navigationFor({ role, scope: { kind } }).map((l) => l.href);
		expect(links('volunteer', 'community')).toEqual(['/volunteer']);
		expect(links('dispatcher', 'community')).toEqual(['/dispatch', '/follow-ups', '/print/qr']);
		expect(links('reporter', 'community')).toEqual(['/report']);
		expect(links('coordinator', 'county')).toEqual([
			'/dispatch',
			'/follow-ups',
			'/history',
			'/admin/services',
			'/admin/teams',
			'/admin/volunteers',
			'/print/qr'
		]);
		expect(links('coordinator', 'street')).toEqual([
			'/dispatch',
			'/follow-ups',
			'/history',
			'/admin/services',
			'/admin/teams',
			'/admin/volunteers',
			'/print/qr'
		]);
		expect(links('coordinator', 'community')).toEqual([
			'/dispatch',
			'/follow-ups',
			'/history',
			'/admin/teams',
			'/admin/volunteers',
			'/print/qr'
		]);
	});

	it('lets only county and street coordinators edit the catalogue', () => {
		const may = (role: Actor['role'], kind: Actor['scope']['kind']) => mayEditCatalogue({ role, scope: { kind } });
		expect([may('coordinator', 'county'), may('coordinator', 'street'), may('coordinator', 'community')]).toEqual([true, true, false]);
		expect([may('dispatcher', 'community'), may('volunteer', 'community')]).toEqual([false, false]);
		// The page's role rule lets every coordinator in; its load asks mayEditCatalogue.
		expect(pageAccess('/(app)/admin/services', 'coordinator')).toBe('open');
		expect(pageAccess('/(app)/admin/services', 'dispatcher')).toBe('wrong-role');
	});
});
