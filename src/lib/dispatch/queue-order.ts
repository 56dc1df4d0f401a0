import type { RequestView } from '../api/types';
import type { Status } from './vocabulary';
import { compareCodeUnits } from './compare';
import { nextDeadline } from './deadlines';

// What needs a dispatcher's hands first: open work, then unanswered offers, then the rest.
const STATUS_RANK: Record<Status, number> = { open: 0, assigned: 1, accepted: 2, in_progress: 3, completed: 4, cancelled: 5 };

/**
 * Orders the queue: a resident's low rating first (the work failed them once already), then
 * urgent, then by how much the status needs a dispatcher, then oldest first.
 */
export function compareQueue(a: RequestView, b: RequestView): number {
	const lowRating = Number(b.attention.includes('low_rating')) - Number(a.attention.includes('low_rating'));
	if (lowRating) return lowRating;
	const urgent = Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent');
	if (urgent) return urgent;
	const noResponse = Number(Boolean(b.offerExpiredAt)) - Number(Boolean(a.offerExpiredAt));
	if (noResponse) return noResponse;
	const status = STATUS_RANK[a.status] - STATUS_RANK[b.status];
	if (status) return status;
	return compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id);
}

/** How the dispatcher has the queue sorted: by what needs hands first, or by the deadline in play. */
export type QueueSort = 'priority' | 'deadline';

/** The soonest deadline in play first (the longest overdue at the very top), requests with none last, ties as compareQueue. */
export function compareByDeadline(a: RequestView, b: RequestView): number {
	const dueA = nextDeadline(a);
	const dueB = nextDeadline(b);
	if (dueA && dueB) return Date.parse(dueA) - Date.parse(dueB) || compareQueue(a, b);
	if (dueA || dueB) return dueA ? -1 : 1;
	return compareQueue(a, b);
}

/** Minutes since a moment, never negative (clocks differ a little between machines). */
export function minutesSince(iso: string, now: number): number {
	return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}
