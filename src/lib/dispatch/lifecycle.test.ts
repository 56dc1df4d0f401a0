import { describe, expect, it } from 'vitest';
import { ACTIONS, nextStatus, pickAction } from './lifecycle';
import { STATUSES, type Status } from './vocabulary';

// The contract's table, written out independently of lifecycle.ts.
const expected: Record<string, Status> = {
	'open:assign': 'assigned',
	'assigned:accept': 'accepted',
	'assigned:decline': 'open',
	// Part two: the assignee gives back a task they took on.
	'accepted:release': 'open',
	'in_progress:release': 'open',
	'accepted:start': 'in_progress',
	'in_progress:complete': 'completed',
	'open:cancel': 'cancelled',
	'assigned:cancel': 'cancelled',
	'accepted:cancel': 'cancelled',
	'in_progress:cancel': 'cancelled'
};

describe('nextStatus', () => {
	it('allows exactly the contract transitions and nothing else', () => {
		for (const from of STATUSES) {
			for (const action of ACTIONS) {
				expect(nextStatus(from, action), `${from} --${action}-->`).toBe(expected[`${from}:${action}`] ?? null);
			}
		}
	});
});

describe('pickAction', () => {
	it('assigns an open request, moves an unanswered offer, and does nothing to the rest', () => {
		const picks = Object.fromEntries(STATUSES.map((status) => [status, pickAction(status)]));
		expect(picks).toEqual({ open: 'assign', assigned: 'reassign', accepted: null, in_progress: null, completed: null, cancelled: null });
	});
});
