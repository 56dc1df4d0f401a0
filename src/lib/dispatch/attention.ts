// Why a dispatcher should look at a request: one pure function over what the request row
// keeps (the columns the changes themselves set, see the release-and-attention migration), so
// the board's list, a socket payload and a catch-up all say the same without reading events.
import { isActiveStatus, type Status } from './vocabulary';

/** The contract's codes, in its order. */
export const ATTENTION_CODES = [
	'no_response',
	'declined',
	'released',
	'assignee_off_duty',
	'overdue',
	'auto_exhausted',
	'low_rating',
	'from_resident'
] as const;
export type AttentionCode = (typeof ATTENTION_CODES)[number];

/** What of a request decides its attention. */
export interface AttentionFacts {
	status: Status;
	/** Set when the assignee did not answer the offer in time; cleared by an answer or a new offer. */
	offerExpiredAt: unknown;
	/** 'decline' or 'release' while the request sits open after its assignee gave it back. */
	requeuedBy: 'decline' | 'release' | null;
	/**
	 * The assignee went off duty while holding it; on an open request, a planned visit whose
	 * visitor was off duty when it fell due, so nobody was given it.
	 */
	assigneeOffDuty: boolean;
	/** Auto-offer is working on it: a decline is its business, not the dispatcher's (nor, once it ran out, news beside that). */
	autoOffer: boolean;
	/** Auto-offer ran out of online candidates or tries. */
	autoExhausted: boolean;
	/** A deadline passed unmet (RequestView.overdue). */
	overdue: 'assign' | 'complete' | null;
	/** Reopened after a low rating (RequestView.reopenOf). */
	reopenOf: string | null;
	source: 'staff' | 'resident' | 'reporter';
}

/** The request's attention codes, in the contract's order; empty when all is well. */
export function attentionFor(facts: AttentionFacts): AttentionCode[] {
	const codes: AttentionCode[] = [];
	if (facts.status === 'assigned' && facts.offerExpiredAt) codes.push('no_response');
	if (facts.status === 'open' && facts.requeuedBy === 'decline' && !facts.autoOffer && !facts.autoExhausted) codes.push('declined');
	if (facts.status === 'open' && facts.requeuedBy === 'release') codes.push('released');
	if (isActiveStatus(facts.status) && facts.assigneeOffDuty) codes.push('assignee_off_duty');
	if (facts.overdue !== null && isActiveStatus(facts.status)) codes.push('overdue');
	if (facts.status === 'open' && facts.autoExhausted) codes.push('auto_exhausted');
	if (facts.reopenOf !== null && isActiveStatus(facts.status)) codes.push('low_rating');
	// A resident asked by themselves: nobody has looked at it yet until someone takes it.
	if (facts.source === 'resident' && facts.status === 'open') codes.push('from_resident');
	return codes;
}

/** Codes a request has now that it did not have before: what rings on the board. */
export function newAttention(before: readonly string[] | undefined, now: readonly string[]): string[] {
	return now.filter((code) => !(before ?? []).includes(code));
}
