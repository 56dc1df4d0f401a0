import type { RequestView, ServiceView, TeamView, VolunteerView } from '../api/types';
import {
	ROOM_EVERYONE,
	roomForCommunityStaff,
	roomForReporter,
	roomForTeamLead,
	roomForTeamMembers,
	roomForVolunteer,
	type CaughtUpEvent
} from './events';
import { assigneeKeepsContact, isReporter, isStaff, type Actor } from '../dispatch/permissions';
import { OFFER_ACTIONS, type EventAction } from '../dispatch/event-actions';

/** What the events table holds about one change, as far as delivery cares. */
export type StoredEvent = {
	seq: number;
	action: EventAction;
	/** Whose staff hear it: the community of the request, volunteer or team; null for the catalogue. */
	communityId: string | null;
	/** For request events, the assignee after the change. */
	volunteerId: string | null;
	/** Set when the change took the task away from this volunteer. */
	previousAssigneeId: string | null;
	/** For a request handed to a team: its leader hears it. */
	teamId: string | null;
	/** What the actor wrote; only a cancellation's reason is ever delivered (to its assignee). */
	note: string | null;
} & (
	| { kind: 'request_created' | 'request_updated'; payload: RequestView }
	| { kind: 'volunteer_updated'; payload: VolunteerView }
	| { kind: 'service_updated'; payload: ServiceView }
	| { kind: 'team_updated'; payload: TeamView }
);

export interface Delivery {
	room: string;
	message: CaughtUpEvent;
}

/** The teams a volunteer leads and belongs to: they hear about those teams. */
export interface TeamTies {
	led: readonly string[];
	member: readonly string[];
}

/**
 * The rooms a signed-in user's sockets join, and so what they hear: live, and on catch-up
 * (which keeps only the deliveries to these rooms). Staff: every community of their scope;
 * a volunteer: their own tasks and their teams; a reporter: what they reported; everyone: the
 * catalogue.
 */
export function roomsOf(actor: Actor, teams: TeamTies): string[] {
	if (isStaff(actor.role)) return [ROOM_EVERYONE, ...actor.communityIds.map(roomForCommunityStaff)];
	if (isReporter(actor.role)) return [ROOM_EVERYONE, roomForReporter(actor.userId)];
	if (!actor.volunteerId) return [ROOM_EVERYONE];
	return [ROOM_EVERYONE, roomForVolunteer(actor.volunteerId), ...teams.led.map(roomForTeamLead), ...teams.member.map(roomForTeamMembers)];
}

/**
 * The messages a member of these rooms hears, each once: deliveries of one message to several
 * rooms share the message object, and socket.io sends one emit to several rooms once per socket.
 */
export function heardOnce(deliveries: Delivery[], rooms: ReadonlySet<string>): CaughtUpEvent[] {
	return [...new Set(deliveries.filter((d) => rooms.has(d.room)).map((d) => d.message))];
}

/** Every message with the rooms it goes to, for one emit each. */
export function byMessage(deliveries: Delivery[]): Map<CaughtUpEvent, string[]> {
	const out = new Map<CaughtUpEvent, string[]>();
	for (const { room, message } of deliveries) out.set(message, [...(out.get(message) ?? []), room]);
	return out;
}

/** Contact details are for staff and the current assignee alone. */
export function withoutContact(request: RequestView): RequestView {
	const { contactName: _name, contactPhone: _phone, ...rest } = request;
	return rest;
}

/**
 * Who hears about a change, and what each hears. The live broadcast and the catch-up
 * endpoint both use this one function, so they can never disagree. Staff hear their own
 * communities' changes only: each community's staff have a room of their own.
 */
export function deliveriesFor(event: StoredEvent): Delivery[] {
	const { seq } = event;
	const staffRoom = event.communityId ? roomForCommunityStaff(event.communityId) : ROOM_EVERYONE;
	switch (event.kind) {
		case 'volunteer_updated':
			return [{ room: staffRoom, message: { seq, event: 'volunteer:updated', data: { seq, volunteer: event.payload } } }];
		case 'service_updated':
			return [{ room: ROOM_EVERYONE, message: { seq, event: 'service:updated', data: { seq, service: event.payload } } }];
		case 'team_updated': {
			// One message for every room: a socket in several of them hears it once (heardOnce).
			const message: CaughtUpEvent = { seq, event: 'team:updated', data: { seq, team: event.payload } };
			const rooms = [...event.payload.communityIds.map(roomForCommunityStaff), roomForTeamMembers(event.payload.id)];
			return rooms.map((room) => ({ room, message }));
		}
	}

	const request = event.payload;
	const staffEvent = event.kind === 'request_created' ? 'request:created' : 'request:updated';
	const deliveries: Delivery[] = [{ room: staffRoom, message: { seq, event: staffEvent, data: { seq, request } } }];

	if (event.volunteerId) {
		// A reassignment is a fresh offer for its new assignee; the old one hears task:updated below.
		const taskEvent = OFFER_ACTIONS.includes(event.action) ? 'task:assigned' : 'task:updated';
		// A finished task reaches its volunteer without the resident's contact.
		const forAssignee = assigneeKeepsContact(request.status) ? request : withoutContact(request);
		// A cancelled task's volunteer is told why: the dispatcher's reason, as written.
		const reason = event.action === 'cancel' && event.note ? { reason: event.note } : {};
		deliveries.push({
			room: roomForVolunteer(event.volunteerId),
			message: { seq, event: taskEvent, data: { seq, request: forAssignee, ...reason } }
		});
	}
	if (event.previousAssigneeId && event.previousAssigneeId !== event.volunteerId) {
		deliveries.push({
			room: roomForVolunteer(event.previousAssigneeId),
			message: { seq, event: 'task:updated', data: { seq, request: withoutContact(request) } }
		});
	}
	// A team's leader follows a request handed to the team, never with the resident's contact.
	if (event.teamId) {
		deliveries.push({
			room: roomForTeamLead(event.teamId),
			message: { seq, event: 'team:request', data: { seq, request: withoutContact(request) } }
		});
	}
	// The reporter follows what they reported (their list reads names through GET /api/reports).
	if (request.reporterId) {
		deliveries.push({
			room: roomForReporter(request.reporterId),
			message: { seq, event: 'report:updated', data: { seq, request: withoutContact(request) } }
		});
	}
	return deliveries;
}
