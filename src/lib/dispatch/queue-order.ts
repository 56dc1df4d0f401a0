import type { RequestView } from '../api/types';
import type { Status } from './vocabulary';
import { compareCodeUnits } from './compare';

// What needs a dispatcher's hands first: open work, then unanswered offers, then the rest.
const STATUS_RANK: Record<Status, number> = { open: 0, assigned: 1, accepted: 2, in_progress: 3, completed: 4, cancelled: 5 };

/** Orders the queue: urgent first, then by how much the status needs a dispatcher, then oldest first. */
export function compareQueue(a: RequestView, b: RequestView): number {
	const urgent = Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent');
	if (urgent) return urgent;
	const noResponse = Number(Boolean(b.offerExpiredAt)) - Number(Boolean(a.offerExpiredAt));
	if (noResponse) return noResponse;
	const status = STATUS_RANK[a.status] - STATUS_RANK[b.status];
	if (status) return status;
	return compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id);
}

/** Minutes since a moment, never negative (clocks differ a little between machines). */
export function minutesSince(iso: string, now: number): number {
	return Math.max(0, Math.floor((now - Date.parse(iso)) / 60_000));
}
