import { describe, expect, it } from 'vitest';
import { attentionFor, newAttention, type AttentionFacts } from './attention';

const calm: AttentionFacts = {
	status: 'open',
	offerExpiredAt: null,
	requeuedBy: null,
	assigneeOffDuty: false,
	autoOffer: false,
	autoExhausted: false,
	overdue: null,
	reopenOf: null,
	source: 'staff'
};

describe('attentionFor', () => {
	it('says nothing of a request where all is well', () => {
		expect(attentionFor(calm)).toEqual([]);
		expect(attentionFor({ ...calm, status: 'accepted' })).toEqual([]);
	});

	it('flags an offer nobody answered, only while it is still only assigned', () => {
		expect(attentionFor({ ...calm, status: 'assigned', offerExpiredAt: '2026-12-05T00:00:00Z' })).toEqual(['no_response']);
		expect(attentionFor({ ...calm, status: 'accepted', offerExpiredAt: '2026-12-05T00:00:00Z' })).toEqual([]);
	});

	it('flags an open request given back, by how it was given back', () => {
		expect(attentionFor({ ...calm, requeuedBy: 'decline' })).toEqual(['declined']);
		expect(attentionFor({ ...calm, requeuedBy: 'release' })).toEqual(['released']);
	});

	it('forgets a give-back once the request left the queue', () => {
		expect(attentionFor({ ...calm, status: 'assigned', requeuedBy: 'release' })).toEqual([]);
		expect(attentionFor({ ...calm, status: 'cancelled', requeuedBy: 'decline' })).toEqual([]);
	});

	it('flags a task whose assignee went off duty, while they hold it', () => {
		for (const status of ['assigned', 'accepted', 'in_progress'] as const) {
			expect(attentionFor({ ...calm, status, assigneeOffDuty: true })).toEqual(['assignee_off_duty']);
		}
		expect(attentionFor({ ...calm, status: 'completed', assigneeOffDuty: true })).toEqual([]);
	});

	it('flags a planned visit left open because its visitor was off duty', () => {
		expect(attentionFor({ ...calm, status: 'open', assigneeOffDuty: true })).toEqual(['assignee_off_duty']);
	});

	it('flags an open request auto-offer gave up on, and leaves declines to auto-offer while it works', () => {
		expect(attentionFor({ ...calm, autoExhausted: true })).toEqual(['auto_exhausted']);
		expect(attentionFor({ ...calm, status: 'assigned', autoExhausted: true })).toEqual([]);
		expect(attentionFor({ ...calm, requeuedBy: 'decline', autoOffer: true })).toEqual([]);
		expect(attentionFor({ ...calm, requeuedBy: 'decline', autoExhausted: true })).toEqual(['auto_exhausted']);
		expect(attentionFor({ ...calm, requeuedBy: 'release', autoOffer: true })).toEqual(['released']);
	});

	it('flags an overdue deadline while the request is active, a reopened low rating, and a resident’s own request until taken', () => {
		expect(attentionFor({ ...calm, overdue: 'assign' })).toEqual(['overdue']);
		expect(attentionFor({ ...calm, status: 'in_progress', overdue: 'complete' })).toEqual(['overdue']);
		expect(attentionFor({ ...calm, status: 'completed', overdue: 'complete' })).toEqual([]);
		expect(attentionFor({ ...calm, reopenOf: 'r0' })).toEqual(['low_rating']);
		expect(attentionFor({ ...calm, source: 'resident' })).toEqual(['from_resident']);
		expect(attentionFor({ ...calm, source: 'resident', status: 'assigned' })).toEqual([]);
		expect(attentionFor({ ...calm, source: 'reporter' })).toEqual([]);
	});

	it('lists every reason at once, in the contract order', () => {
		expect(attentionFor({ ...calm, status: 'assigned', offerExpiredAt: 'x', assigneeOffDuty: true })).toEqual([
			'no_response',
			'assignee_off_duty'
		]);
	});
});

describe('newAttention', () => {
	it('names only the codes that were not there before', () => {
		expect(newAttention(['declined'], ['declined', 'assignee_off_duty'])).toEqual(['assignee_off_duty']);
		expect(newAttention(undefined, ['released'])).toEqual(['released']);
		expect(newAttention(['released'], [])).toEqual([]);
	});
});
