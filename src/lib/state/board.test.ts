import { describe, expect, it } from 'vitest';
import type { RequestView, VolunteerView } from '$lib/api/types';
import type { CaughtUpEvent } from '$lib/realtime/events';
import { BoardState } from './board.svelte';

let seq = 0;
function request(id: string, communityId: string, overrides: Partial<RequestView> = {}): RequestView {
	return {
		id,
		communityId,
		type: 'repair',
		buildingId: `${communityId}-b1`,
		unit: '',
		description: id,
		urgency: 'normal',
		status: 'open',
		version: 1,
		assigneeId: null,
		elderId: null,
		createdAt: '2026-11-26T09:00:00Z',
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
const volunteer = (id: string, communityId: string) => ({ id, communityId, name: id, available: true }) as VolunteerView;
const created = (r: RequestView): CaughtUpEvent => ({ seq: ++seq, event: 'request:created', data: { seq, request: r } });

function countyBoard() {
	return new BoardState(
		[request('d1', 'dtb'), request('d2', 'dtb', { status: 'assigned', assigneeId: 'v1', version: 2 }), request('y1', 'yd')],
		[volunteer('v1', 'dtb'), volunteer('v2', 'yd')],
		new Map(),
		['dtb', 'yd', 'gya']
	);
}

describe('a board of several communities', () => {
	it('shows the whole scope until a community is chosen', () => {
		const board = countyBoard();
		expect(board.queue.map((r) => r.id).sort()).toEqual(['d1', 'd2', 'y1']);
		expect(board.counts).toEqual({ open: 2, assigned: 1, accepted: 0, in_progress: 0 });
		expect(board.volunteersShown).toHaveLength(2);
	});

	it('narrows the queue, the map, the counts and the volunteers to the chosen community', () => {
		const board = countyBoard();
		board.chooseCommunity('yd');
		expect(board.queue.map((r) => r.id)).toEqual(['y1']);
		expect(board.inCommunity.map((r) => r.id)).toEqual(['y1']);
		expect(board.counts).toEqual({ open: 1, assigned: 0, accepted: 0, in_progress: 0 });
		expect(board.volunteersShown.map((v) => v.id)).toEqual(['v2']);
		// Each community's own counts stay whole, whatever is chosen.
		expect(board.countsByCommunity.get('dtb')).toEqual({ open: 1, assigned: 1, accepted: 0, in_progress: 0 });
		expect(board.countsByCommunity.get('gya')).toEqual({ open: 0, assigned: 0, accepted: 0, in_progress: 0 });
	});

	it('keeps counting live arrivals in their own community', () => {
		const board = countyBoard();
		board.chooseCommunity('dtb');
		board.apply([created(request('y2', 'yd'))]);
		expect(board.queue.map((r) => r.id)).not.toContain('y2');
		expect(board.countsByCommunity.get('yd')!.open).toBe(2);
		board.chooseCommunity(null);
		expect(board.queue.map((r) => r.id)).toContain('y2');
	});

	it('lets go of a selected request of another community, and keeps one of the chosen', () => {
		const board = countyBoard();
		board.selectedId = 'd1';
		board.chooseCommunity('dtb');
		expect(board.selectedId).toBe('d1');
		board.chooseCommunity('yd');
		expect(board.selectedId).toBeNull();
	});

	it('moves the keyboard selection only through the chosen community', () => {
		const board = countyBoard();
		board.chooseCommunity('dtb');
		board.moveSelection(1);
		board.moveSelection(1);
		board.moveSelection(1);
		expect(board.selected?.communityId).toBe('dtb');
	});
});

describe('volunteers kept live', () => {
	const updated = (v: VolunteerView): CaughtUpEvent => ({ seq: ++seq, event: 'volunteer:updated', data: { seq, volunteer: v } });

	it('drops a deactivated volunteer, and one who moved out of the scope', () => {
		const board = countyBoard();
		board.apply([updated({ ...volunteer('v1', 'dtb'), active: false })]);
		expect(board.volunteersShown.map((v) => v.id)).toEqual(['v2']);
		board.apply([updated({ ...volunteer('v2', 'far'), active: true })]);
		expect(board.volunteersShown).toEqual([]);
		board.apply([updated({ ...volunteer('v1', 'gya'), active: true })]);
		expect(board.volunteersShown.map((v) => [v.id, v.communityId])).toEqual([['v1', 'gya']]);
	});
});

describe('attention on the board', () => {
	const updated = (r: RequestView): CaughtUpEvent => ({ seq: ++seq, event: 'request:updated', data: { seq, request: r } });

	it('counts and filters the requests that need attention', () => {
		const board = countyBoard();
		board.apply([updated(request('d1', 'dtb', { version: 2, attention: ['released'] }))]);
		expect(board.attentionCount).toBe(1);
		board.attentionOnly = true;
		expect(board.queue.map((r) => r.id)).toEqual(['d1']);
		board.chooseCommunity('yd');
		expect(board.attentionCount).toBe(0);
	});

	it('calls it news only when a live request newly enters attention', () => {
		const board = countyBoard();
		const first = board.apply([updated(request('d1', 'dtb', { version: 2, attention: ['declined'] }))]);
		expect(first.needAttention.map((r) => r.id)).toEqual(['d1']);
		// Still declined, a later change is no new alarm; a new code is.
		expect(board.apply([updated(request('d1', 'dtb', { version: 3, attention: ['declined'] }))]).needAttention).toEqual([]);
		const offDuty = request('d2', 'dtb', { status: 'assigned', assigneeId: 'v1', version: 3, attention: ['assignee_off_duty'] });
		expect(board.apply([updated(offDuty)]).needAttention.map((r) => r.id)).toEqual(['d2']);
		// The page's own answers (seq 0) are never news.
		const own = request('y1', 'yd', { version: 2, attention: ['released'] });
		expect(board.apply([{ seq: 0, event: 'request:updated', data: { seq: 0, request: own } }]).needAttention).toEqual([]);
	});

	it('tells when the request being looked at is finished by someone else, not by this board', () => {
		const board = countyBoard();
		board.selectedId = 'd2';
		const done = board.apply([updated(request('d2', 'dtb', { status: 'completed', version: 5 }))]);
		expect(done.finishedWhileViewed?.id).toBe('d2');
		expect(board.selectedId).toBeNull();

		board.selectedId = 'd1';
		const mine = board.finishing('d1');
		expect(board.apply([updated(request('d1', 'dtb', { status: 'cancelled', version: 9 }))]).finishedWhileViewed).toBeNull();
		mine.done();
	});

	it('reads a snapshot stored before attention existed as needing none', () => {
		const board = countyBoard();
		const old = { ...request('n1', 'dtb') } as Partial<RequestView>;
		delete old.attention;
		board.apply([created(old as RequestView)]);
		expect(board.requests.get('n1')?.attention).toEqual([]);
		expect(board.attentionCount).toBe(0);
	});
});
