// Regular elder visits: when one falls due, when it counts as overdue, and its idempotency key.
import type { Status } from './vocabulary';

const DAY_MS = 86_400_000;

/**
 * A visit is overdue when it is not completed within this grace period after it fell due.
 * Two days lets a volunteer shift a weekly visit to a day that suits the elder, and still
 * flags a visit that is slipping well before the next one is due.
 */
export const VISIT_GRACE_MS = 2 * DAY_MS;

export type VisitState = 'upcoming' | 'due' | 'overdue' | 'done' | 'cancelled';

/**
 * Where one visit stands at `now`. `status` is its request's status, or null when the plan
 * fell due and no request exists yet (the scheduler has not run since): that is due too,
 * and overdue after the grace period like any other.
 */
export function visitState(dueAt: Date | string, status: Status | null, now: Date): VisitState {
	if (status === 'completed') return 'done';
	if (status === 'cancelled') return 'cancelled';
	const due = new Date(dueAt).getTime();
	if (due > now.getTime()) return 'upcoming';
	return now.getTime() >= due + VISIT_GRACE_MS ? 'overdue' : 'due';
}

/** For the dispatcher board: is this request a plan visit that is overdue right now? */
export function isVisitOverdue(request: { visitDueAt: string | null; status: Status }, now: Date): boolean {
	return request.visitDueAt !== null && visitState(request.visitDueAt, request.status, now) === 'overdue';
}

/**
 * The plan's next due time after a visit due at `dueAt` was created: one interval later,
 * or, when the scheduler was down for longer than that, the first occurrence after `now`.
 * Missed occurrences fold into the one visit just created instead of flooding the volunteer.
 */
export function nextDueAfter(dueAt: Date, intervalDays: number, now: Date): Date {
	const step = intervalDays * DAY_MS;
	const behind = Math.max(0, now.getTime() - dueAt.getTime());
	const steps = Math.floor(behind / step) + 1;
	return new Date(dueAt.getTime() + steps * step);
}

/** One request per plan per due time, whoever creates it and however often: the database enforces it. */
export function visitKey(planId: string, dueAt: Date): string {
	return `${planId}:${dueAt.toISOString()}`;
}

/**
 * Has the elder gone without a completed visit for longer than the plan promises (its
 * interval plus the grace period)? This catches what the visit states alone do not: a visit
 * cancelled, or a plan paused, while the elder still waits.
 */
export function isVisitLapsed(lastVisitedAt: Date | string | null, intervalDays: number, now: Date): boolean {
	if (!lastVisitedAt) return true;
	return now.getTime() - new Date(lastVisitedAt).getTime() > intervalDays * DAY_MS + VISIT_GRACE_MS;
}
