import { describe, expect, it } from 'vitest';
import type { RequestView } from '../api/types';
import { compareByDeadline, compareQueue, minutesSince } from './queue-order';

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

describe('compareQueue and a low rating', () => {
	it('puts the request a low rating reopened above everything, even urgent work', () => {
		const list = [request('urgent', { urgency: 'urgent' }), request('reopened', { attention: ['low_rating'], reopenOf: 'r0' })];
		expect(list.sort(compareQueue).map((r) => r.id)).toEqual(['reopened', 'urgent']);
	});
});

describe('compareByDeadline', () => {
	const due = (assignBy: string | null, completeBy: string | null) => ({ deadlines: { assignBy, completeBy } });
	it('orders by the deadline in play: assigning while open, completing once held; none last', () => {
		const list = [
			request('none', {}),
			request('open-late', due('2026-01-01T12:00:00Z', '2026-01-02T08:00:00Z')),
			// Held: its assign deadline no longer counts, its complete one does.
			request('held', { status: 'accepted', ...due('2026-01-01T08:30:00Z', '2026-01-01T11:00:00Z') }),
			request('overdue', due('2026-01-01T07:00:00Z', '2026-01-01T20:00:00Z')),
			request('urgent-none', { urgency: 'urgent' })
		];
		expect(list.sort(compareByDeadline).map((r) => r.id)).toEqual(['overdue', 'held', 'open-late', 'urgent-none', 'none']);
	});
});

describe('minutesSince', () => {
	it('counts whole minutes and never goes negative', () => {
		const now = Date.parse('2026-01-01T08:10:30Z');
		expect(minutesSince('2026-01-01T08:00:00Z', now)).toBe(10);
		expect(minutesSince('2026-01-01T08:20:00Z', now)).toBe(0);
	});
});
