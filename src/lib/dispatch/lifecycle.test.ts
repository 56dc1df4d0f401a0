import { describe, expect, it } from 'vitest';
import { ACTIONS, nextStatus } from './lifecycle';
import { STATUSES, type Status } from './vocabulary';

// The contract's table, written out independently of lifecycle.ts.
const expected: Record<string, Status> = {
	'open:assign': 'assigned',
	'assigned:accept': 'accepted',
	'assigned:decline': 'open',
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
