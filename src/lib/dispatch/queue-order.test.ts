import { describe, expect, it } from 'vitest';
import type { RequestView } from '../api/types';
import { compareQueue, minutesSince } from './queue-order';

function request(id: string, overrides: Partial<RequestView>): RequestView {
	return {
		id,
		communityId: 'c1',
		type: 'repair',
		buildingId: 'b',
		unit: '',
		description: 'x',
		urgency: 'normal',
		status: 'open',
		version: 1,
		assigneeId: null,
		elderId: null,
		createdAt: '2026-01-01T08:00:00Z',
		assignedAt: null,
		acceptedAt: null,
		startedAt: null,
		completedAt: null,
		cancelledAt: null,
		offerExpiredAt: null,
		autoOffer: { on: false, tried: 0 },
		source: 'staff',
		reporterId: null,
		deadlines: { assignBy: null, completeBy: null },
		overdue: null,
		feedback: null,
		reopenOf: null,
		confirmed: false,
		startedOffSite: false,
		visitDueAt: null,
		teamId: null,
		attention: [],
		...overrides
	};
}

describe('compareQueue', () => {
	it('puts urgent first, then unanswered offers, then open before assigned, then oldest', () => {
		const list = [
			request('old-assigned', { status: 'assigned', createdAt: '2026-01-01T07:00:00Z' }),
			request('new-open', { createdAt: '2026-01-01T09:00:00Z' }),
			request('old-open', { createdAt: '2026-01-01T08:00:00Z' }),
			request('no-response', { status: 'assigned', offerExpiredAt: '2026-01-01T09:10:00Z' }),
			request('urgent-progress', { status: 'in_progress', urgency: 'urgent' })
		];
		expect(list.sort(compareQueue).map((r) => r.id)).toEqual(['urgent-progress', 'no-response', 'old-open', 'new-open', 'old-assigned']);
	});
});

describe('minutesSince', () => {
	it('counts whole minutes and never goes negative', () => {
		const now = Date.parse('2026-01-01T08:10:30Z');
		expect(minutesSince('2026-01-01T08:00:00Z', now)).toBe(10);
		expect(minutesSince('2026-01-01T08:20:00Z', now)).toBe(0);
	});
});
