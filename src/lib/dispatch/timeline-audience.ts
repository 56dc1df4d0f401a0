import type { Role } from './vocabulary';

/** One audit row, as far as deciding who may read it goes. */
export interface TimelineFacts {
	action: string;
	actorUserId: string | null;
	/** Null for the system (offer timeouts, visit plans). */
	actorRole: Role | null;
	/** The assignee after the change. */
	volunteerId: string | null;
	/** Set when the change took the task away from this volunteer. */
	previousAssigneeId: string | null;
}

/** Steps that name whom a task was offered to: another volunteer's are not for a volunteer's eyes. */
const OFFER_STEPS = new Set(['assign', 'reassign', 'offer_expired', 'offer_requeued']);
/** Steps whose note is written by the system and names volunteers (assign: the name; reassign: A → B). */
const NAMING_NOTES = new Set(['assign', 'reassign']);

/**
 * What a volunteer reads of a request's timeline: their own steps and the staff's, never that
 * another volunteer was asked, nor what another volunteer did or wrote. Null hides the row;
 * `keepNote: false` shows it without its note. Staff read every row whole.
 */
export function volunteerSees(row: TimelineFacts, me: { userId: string; volunteerId: string }): { keepNote: boolean } | null {
	const mine = row.actorUserId === me.userId;
	if (row.actorRole === 'volunteer' && !mine) return null;
	if (OFFER_STEPS.has(row.action) && row.volunteerId !== me.volunteerId && row.previousAssigneeId !== me.volunteerId) return null;
	return { keepNote: mine || !NAMING_NOTES.has(row.action) };
}
