import type { Role } from './vocabulary';
import { OFFER_ACTIONS, type EventAction, type RequestStep } from './event-actions';

/** One audit row, as far as deciding who may read it goes. */
export interface TimelineFacts {
	action: EventAction;
	actorUserId: string | null;
	/** Null for the system (offer timeouts, visit plans). */
	actorRole: Role | null;
	/** The assignee after the change. */
	volunteerId: string | null;
	/** Set when the change took the task away from this volunteer. */
	previousAssigneeId: string | null;
}

/** Steps that name whom a task was offered to: another volunteer's are not for a volunteer's eyes. */
const OFFER_STEPS = new Set<EventAction>([...OFFER_ACTIONS, 'offer_expired', 'offer_requeued']);
/**
 * Steps whose note nobody types: before meta, the system wrote volunteers' names there
 * (assign: the name; reassign: A → B). Still hidden from volunteers, so that an old row the
 * migration did not recognise cannot leak a name.
 */
const NAMING_NOTES = new Set<EventAction>(['assign', 'reassign']);

/**
 * What a volunteer reads of a request's timeline: their own steps and the staff's, never that
 * another volunteer was asked, nor what another volunteer did or wrote. Null hides the row;
 * `keepNote: false` shows it without its note. Staff read every row whole. What a shown row's
 * meta may say is stepForVolunteer's to decide.
 */
export function volunteerSees(row: TimelineFacts, me: { userId: string; volunteerId: string }): { keepNote: boolean } | null {
	const mine = row.actorUserId === me.userId;
	if (row.actorRole === 'volunteer' && !mine) return null;
	if (OFFER_STEPS.has(row.action) && row.volunteerId !== me.volunteerId && row.previousAssigneeId !== me.volunteerId) return null;
	return { keepNote: mine || !NAMING_NOTES.has(row.action) };
}

/**
 * A step's meta as a volunteer may read it: their own volunteer id stays, anyone else's
 * becomes null, so a reassignment tells neither volunteer who the other one was. No default
 * branch: a new action does not compile until someone decides what of it a volunteer reads.
 */
export function stepForVolunteer(step: RequestStep, myVolunteerId: string): RequestStep {
	const own = (id: string | null) => (id === myVolunteerId ? id : null);
	switch (step.action) {
		case 'assign':
			return { action: step.action, meta: { ...step.meta, volunteerId: own(step.meta.volunteerId) } };
		case 'reassign':
			return {
				action: step.action,
				meta: { fromVolunteerId: own(step.meta.fromVolunteerId), toVolunteerId: own(step.meta.toVolunteerId) }
			};
		case 'create':
		case 'accept':
		case 'decline': // their own give-back only (volunteerSees hides another's): its reason is theirs
		case 'release':
		case 'start':
		case 'complete':
		case 'cancel':
		case 'offer_expired':
		case 'offer_requeued':
		case 'assignee_duty': // the volunteer's own switch (another's is hidden by volunteerSees)
		case 'hand_to_team': // the team is staff's choice, not another volunteer
		case 'auto_offer': // on, off or run out: nobody named
		case 'feedback': // the resident's word on the work
		case 'overdue': // a deadline passed
			return step;
	}
}
