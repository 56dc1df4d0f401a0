// One constructor per kind of event, so every service writes each step the same way: the right
// kind, statuses and delivery columns, and its machine data in a typed `meta`. `note` is only
// ever what a person typed. The services append these in the transaction of the change.
import type { RequestView, ServiceView, TeamView, VolunteerView } from '../../api/types';
import type { AssignSource, CreateSource, StepSource } from '../../dispatch/event-actions';
import type { Status } from '../../dispatch/vocabulary';
import type { HandbackReason } from '../../dispatch/reasons';
import type { NewEventRecord } from '../repositories/events';

/** The user who did it; null for the system (visit plans, offer timeouts). */
type ActorId = string | null;

const BY_STAFF: StepSource = { source: 'staff' };

export function byVisitPlan(planId: string): StepSource {
	return { source: 'visit_plan', planId };
}

export function requestCreated(actorId: ActorId, request: RequestView, source: CreateSource = BY_STAFF): NewEventRecord {
	return {
		kind: 'request_created',
		action: 'create',
		meta: source,
		actorId,
		requestId: request.id,
		volunteerId: null,
		toStatus: 'open',
		payload: request
	};
}

/** A team's leader made the offer, to one of its members. */
export function byTeamLeader(teamId: string): AssignSource {
	return { source: 'team_leader', teamId };
}

/** An open request offered to a volunteer, who hears task:assigned. */
export function requestAssigned(
	actorId: ActorId,
	request: RequestView,
	volunteerId: string,
	source: AssignSource = BY_STAFF
): NewEventRecord {
	return {
		kind: 'request_updated',
		action: 'assign',
		meta: { ...source, volunteerId },
		actorId,
		requestId: request.id,
		volunteerId,
		fromStatus: 'open',
		toStatus: 'assigned',
		payload: request
	};
}

/** An unanswered offer moved from one volunteer to another: the new one hears task:assigned, the old one task:updated. */
export function offerReassigned(
	actorId: ActorId,
	request: RequestView,
	fromVolunteerId: string | null,
	toVolunteerId: string
): NewEventRecord {
	return {
		kind: 'request_updated',
		action: 'reassign',
		meta: { fromVolunteerId, toVolunteerId },
		actorId,
		requestId: request.id,
		volunteerId: toVolunteerId,
		previousAssigneeId: fromVolunteerId,
		fromStatus: 'assigned',
		toStatus: 'assigned',
		payload: request
	};
}

/** Staff cancel a request, giving a reason; its assignee, if any, hears it. */
export function requestCancelled(actorId: ActorId, request: RequestView, from: Status, reason: string): NewEventRecord {
	return {
		kind: 'request_updated',
		action: 'cancel',
		meta: {},
		actorId,
		requestId: request.id,
		volunteerId: request.assigneeId,
		fromStatus: from,
		toStatus: 'cancelled',
		note: reason,
		payload: request
	};
}

/** A step the assignee takes on their task, with their optional note. */
interface AssigneeStep {
	actorId: string;
	request: RequestView;
	from: Status;
	note: string | null;
}

const assigneeStep = (s: AssigneeStep, to: Status) => ({
	kind: 'request_updated' as const,
	meta: {},
	actorId: s.actorId,
	requestId: s.request.id,
	volunteerId: s.request.assigneeId,
	fromStatus: s.from,
	toStatus: to,
	note: s.note,
	payload: s.request
});

export function taskAccepted(step: AssigneeStep): NewEventRecord {
	return { ...assigneeStep(step, 'accepted'), action: 'accept' };
}

/** The task goes back to the queue; the volunteer who declined is told through previousAssigneeId. */
export function taskDeclined(step: AssigneeStep & { volunteerId: string; reason: HandbackReason | null }): NewEventRecord {
	return {
		...assigneeStep(step, 'open'),
		action: 'decline',
		meta: { reason: step.reason },
		volunteerId: null,
		previousAssigneeId: step.volunteerId
	};
}

/**
 * The assignee gave back a task they had accepted or started: it is open again, and the tab that
 * released it hears task:updated through previousAssigneeId, as on a decline.
 */
export function taskReleased(step: AssigneeStep & { volunteerId: string; reason: HandbackReason }): NewEventRecord {
	return {
		...assigneeStep(step, 'open'),
		action: 'release',
		meta: { reason: step.reason },
		volunteerId: null,
		previousAssigneeId: step.volunteerId
	};
}

export function taskStarted(step: AssigneeStep): NewEventRecord {
	return { ...assigneeStep(step, 'in_progress'), action: 'start' };
}

export function taskCompleted(step: AssigneeStep): NewEventRecord {
	return { ...assigneeStep(step, 'completed'), action: 'complete' };
}

/** The timeout in minutes as configured (OFFER_TIMEOUT_MS), for the reader to say in their language. */
const inMinutes = (timeoutMs: number) => timeoutMs / 60_000;

/** Nobody answered the offer in time: staff see "no response"; the assignee may still accept. */
export function offerExpired(request: RequestView, timeoutMs: number): NewEventRecord {
	return {
		kind: 'request_updated',
		action: 'offer_expired',
		meta: { minutes: inMinutes(timeoutMs) },
		actorId: null,
		requestId: request.id,
		volunteerId: request.assigneeId,
		fromStatus: 'assigned',
		toStatus: 'assigned',
		payload: request
	};
}

/** Nobody answered the offer in time, so it went back to the queue; the volunteer it left is told. */
export function offerRequeued(request: RequestView, previousAssigneeId: string | null, timeoutMs: number): NewEventRecord {
	return {
		kind: 'request_updated',
		action: 'offer_requeued',
		meta: { minutes: inMinutes(timeoutMs) },
		actorId: null,
		requestId: request.id,
		volunteerId: null,
		previousAssigneeId,
		fromStatus: 'assigned',
		toStatus: 'open',
		payload: request
	};
}

/** A volunteer's on-duty switch; `position` when they went on duty sharing where they are. */
export function availabilityChanged(actorId: string, volunteer: VolunteerView, positionShared: boolean): NewEventRecord {
	return {
		kind: 'volunteer_updated',
		action: positionShared && volunteer.available ? 'position' : 'availability',
		meta: { available: volunteer.available },
		actorId,
		requestId: null,
		volunteerId: volunteer.id,
		payload: volunteer
	};
}

/**
 * The assignee switched off duty (or back on) while holding this task: its attention says so
 * (assignee_off_duty), and staff and the assignee hear the request change.
 */
export function assigneeDutyChanged(actorId: string, request: RequestView, available: boolean): NewEventRecord {
	return {
		kind: 'request_updated',
		action: 'assignee_duty',
		meta: { available },
		actorId,
		requestId: request.id,
		volunteerId: request.assigneeId,
		fromStatus: request.status,
		toStatus: request.status,
		payload: request
	};
}

/**
 * A coordinator added or changed a service of the catalogue. It belongs to no community, so
 * every signed-in screen hears it (service:updated) and names and colours the service at once.
 */
export function serviceSaved(actorId: string, service: ServiceView): NewEventRecord {
	return {
		kind: 'service_updated',
		action: 'service_saved',
		meta: { code: service.code },
		actorId,
		requestId: null,
		volunteerId: null,
		payload: service
	};
}

/** Staff handed an open request to a team: it stays open, and the team's leader hears it (team:request). */
export function requestHandedToTeam(actorId: string, request: RequestView, teamId: string): NewEventRecord {
	return {
		kind: 'request_updated',
		action: 'hand_to_team',
		meta: { teamId },
		actorId,
		requestId: request.id,
		volunteerId: null,
		fromStatus: 'open',
		toStatus: 'open',
		payload: request
	};
}

/** The resident's rating (or a follow-up call's answer, `actorId` the staff who called); a low one names the request it reopened. */
export function feedbackGiven(actorId: ActorId, request: RequestView, reopenedAs: string | null): NewEventRecord {
	const feedback = request.feedback!;
	return {
		kind: 'request_updated',
		action: 'feedback',
		meta: { rating: feedback.rating, via: feedback.via, reopenedAs },
		actorId,
		requestId: request.id,
		volunteerId: null,
		fromStatus: request.status,
		toStatus: request.status,
		note: feedback.comment,
		payload: request
	};
}

/** A deadline passed unmet (the deadline job; no actor). */
export function deadlinePassed(request: RequestView, milestone: 'assign' | 'complete'): NewEventRecord {
	return {
		kind: 'request_updated',
		action: 'overdue',
		meta: { milestone },
		actorId: null,
		requestId: request.id,
		volunteerId: null,
		fromStatus: request.status,
		toStatus: request.status,
		payload: request
	};
}

/** Auto-offer turned on or off by staff (`actorId`), or off by itself when it ran out (`exhausted`, no actor). */
export function autoOfferChanged(actorId: ActorId, request: RequestView, exhausted = false): NewEventRecord {
	return {
		kind: 'request_updated',
		action: 'auto_offer',
		meta: { on: request.autoOffer.on, exhausted },
		actorId,
		requestId: request.id,
		volunteerId: null,
		fromStatus: request.status,
		toStatus: request.status,
		payload: request
	};
}

/** A coordinator added or changed a team: the staff of every community it serves, and its members, hear it. */
export function teamSaved(actorId: string, team: TeamView): NewEventRecord {
	return {
		kind: 'team_updated',
		action: 'team_saved',
		meta: { teamId: team.id },
		actorId,
		requestId: null,
		volunteerId: null,
		payload: team
	};
}

/**
 * A coordinator added, changed, deactivated or reactivated a volunteer: the staff of their
 * community hear it (volunteer:updated), and so does every node's candidate roster. A volunteer
 * who moved to another community is told to their old community's staff too (`formerCommunityId`),
 * whose boards then drop them.
 */
export function volunteerSaved(actorId: string, volunteer: VolunteerView, formerCommunityId?: string): NewEventRecord {
	return {
		kind: 'volunteer_updated',
		action: 'volunteer_saved',
		meta: {},
		actorId,
		requestId: null,
		volunteerId: volunteer.id,
		payload: volunteer,
		...(formerCommunityId ? { communityId: formerCommunityId } : {})
	};
}
