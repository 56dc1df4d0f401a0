// What we know of a candidate volunteer besides where they stand, defined once. Two searches
// compute these facts: the database's (repositories/candidates.ts, SQL built from the constants
// here) and each node's in-memory roster (roster/roster-state.ts, calling the predicates here).
// tests/integration/candidate-roster.test.ts holds the two to the same answers.

import { startOfCommunityDay } from '../history/community-time';
import { HELD_STATUSES, type RequestType, type Status } from './vocabulary';

/** Held load (activeCount): the tasks a volunteer holds now, assigned, accepted or in progress. */
export const LOAD_STATUSES: readonly Status[] = HELD_STATUSES;

export function countsAsLoad(status: Status): boolean {
	return LOAD_STATUSES.includes(status);
}

/** Tasks today count from community midnight (UTC+8), wherever the server runs. */
export function tasksTodaySince(now: Date): Date {
	return startOfCommunityDay(now);
}

/** A task counts as today's when it was assigned to them since `since`, whatever became of it after. */
export function countsAsToday(assignedAt: number | null, since: number): boolean {
	return assignedAt !== null && assignedAt >= since;
}

/** Online: a tab of theirs is open on some node, which keeps volunteers.online_until ahead of now. */
export function isOnline(onlineUntil: number | null, now: number): boolean {
	return onlineUntil !== null && onlineUntil > now;
}

/** Continuity is for an elder visit linked to an elder: the elder, else null. */
export function continuityElderId(request: { type: RequestType; elderId: string | null }): string | null {
	return request.type === 'elder_visit' ? request.elderId : null;
}

/** The visits that make a volunteer the elder's last visitor; the latest completed_at wins. */
export const LAST_VISIT = { type: 'elder_visit', status: 'completed' } as const satisfies { type: RequestType; status: Status };

interface VisitLike {
	type: RequestType;
	status: Status;
	elderId: string | null;
	assigneeId: string | null;
	completedAt: number | null;
}

/** Whether this request is a visit that can name the elder's last visitor (the newest such one does). */
export function isLastVisit<T extends VisitLike>(request: T): request is T & { elderId: string; assigneeId: string; completedAt: number } {
	return (
		request.type === LAST_VISIT.type &&
		request.status === LAST_VISIT.status &&
		request.elderId !== null &&
		request.assigneeId !== null &&
		request.completedAt !== null
	);
}

export interface ElderContinuity {
	/** The volunteer of the elder's active visit plan. */
	plannedVolunteerId: string | null;
	/** Who completed the elder's most recent visit. */
	lastVisitorId: string | null;
}

export const NO_CONTINUITY: ElderContinuity = { plannedVolunteerId: null, lastVisitorId: null };

/** The elder's familiar volunteers in continuity's order, the planned visitor then the last visitor: searched wherever they stand. */
export function familiarVolunteerIds(continuity: ElderContinuity): string[] {
	const ids = [continuity.plannedVolunteerId, continuity.lastVisitorId].filter((id): id is string => id !== null);
	return [...new Set(ids)];
}

export function isPlannedVisitor(volunteerId: string, continuity: ElderContinuity): boolean {
	return volunteerId === continuity.plannedVolunteerId;
}

export function visitedLast(volunteerId: string, continuity: ElderContinuity): boolean {
	return volunteerId === continuity.lastVisitorId;
}
