// Deadlines (contract part two): each service sets minutes to assign and to complete, shorter
// when urgent; a request gets both at creation. Pure rules, shared by the server (which marks a
// passed deadline once, services/deadlines.ts) and the board (which shows the time left).
import { isActiveStatus, type Status, type Urgency } from './vocabulary';

export interface ServiceDeadlines {
	assignWithinMin: number;
	completeWithinMin: number;
	urgentAssignWithinMin: number;
	urgentCompleteWithinMin: number;
}

const MINUTE_MS = 60_000;

/** When a request made at `createdAt` must be assigned and completed. */
export function deadlinesFor(service: ServiceDeadlines, urgency: Urgency, createdAt: Date): { assignBy: Date; completeBy: Date } {
	const urgent = urgency === 'urgent';
	const assign = urgent ? service.urgentAssignWithinMin : service.assignWithinMin;
	const complete = urgent ? service.urgentCompleteWithinMin : service.completeWithinMin;
	return {
		assignBy: new Date(createdAt.getTime() + assign * MINUTE_MS),
		completeBy: new Date(createdAt.getTime() + complete * MINUTE_MS)
	};
}

/**
 * Which passed deadline is still in play: completing matters while the request is active,
 * assigning only while nobody has it yet.
 */
export function overdueOf(request: { status: Status; overdueAssignAt: unknown; overdueCompleteAt: unknown }): 'assign' | 'complete' | null {
	if (!isActiveStatus(request.status)) return null;
	if (request.overdueCompleteAt) return 'complete';
	if (request.overdueAssignAt && request.status === 'open') return 'assign';
	return null;
}

/** The deadline the board counts down to: assigning while open, then completing. */
export function nextDeadline(request: {
	status: Status;
	deadlines: { assignBy: string | null; completeBy: string | null };
}): string | null {
	if (!isActiveStatus(request.status)) return null;
	return request.status === 'open' ? (request.deadlines.assignBy ?? request.deadlines.completeBy) : request.deadlines.completeBy;
}

export type DeadlineUrgency = 'ok' | 'soon' | 'overdue';

/** "soon" in the last fifth of the time allowed (amber), "overdue" once past (red). */
export function deadlineUrgency(createdAt: string, due: string, now: number): DeadlineUrgency {
	const end = Date.parse(due);
	if (now >= end) return 'overdue';
	const allowed = end - Date.parse(createdAt);
	return end - now <= allowed / 5 ? 'soon' : 'ok';
}

/** How recent a passed deadline must be for its mark to be news (the deadline job runs every few seconds). */
const FRESH_OVERDUE_MS = 10 * MINUTE_MS;

/**
 * Whether a request's overdue mark is news at `now`: the deadline it missed passed moments ago.
 * A request overdue for hours that changes again (assigned at last, say) is old news.
 */
export function isFreshlyOverdue(
	request: { overdue: 'assign' | 'complete' | null; deadlines: { assignBy: string | null; completeBy: string | null } },
	now: number
): boolean {
	if (!request.overdue) return false;
	const missed = request.overdue === 'assign' ? request.deadlines.assignBy : request.deadlines.completeBy;
	return missed !== null && now - Date.parse(missed) <= FRESH_OVERDUE_MS;
}
