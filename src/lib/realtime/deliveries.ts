import type { RequestView, VolunteerView } from '../api/types';
import { ROOM_STAFF, roomForVolunteer, type CaughtUpEvent } from './events';
import { assigneeKeepsContact } from '../dispatch/permissions';
import { OFFER_ACTIONS, type EventAction } from '../dispatch/event-actions';

/** What the events table holds about one change, as far as delivery cares. */
export interface StoredEvent {
	seq: number;
	kind: 'request_created' | 'request_updated' | 'volunteer_updated';
	action: EventAction;
	/** For request events, the assignee after the change. */
	volunteerId: string | null;
	/** Set when the change took the task away from this volunteer. */
	previousAssigneeId: string | null;
	payload: RequestView | VolunteerView;
}

export interface Delivery {
	room: string;
	message: CaughtUpEvent;
}

/** Contact details are for staff and the current assignee alone. */
export function withoutContact(request: RequestView): RequestView {
	const { contactName: _name, contactPhone: _phone, ...rest } = request;
	return rest;
}

/**
 * Who hears about a change, and what each hears. The live broadcast and the catch-up
 * endpoint both use this one function, so they can never disagree.
 */
export function deliveriesFor(event: StoredEvent): Delivery[] {
	const { seq } = event;
	if (event.kind === 'volunteer_updated') {
		const volunteer = event.payload as VolunteerView;
		return [{ room: ROOM_STAFF, message: { seq, event: 'volunteer:updated', data: { seq, volunteer } } }];
	}

	const request = event.payload as RequestView;
	const staffEvent = event.kind === 'request_created' ? 'request:created' : 'request:updated';
	const deliveries: Delivery[] = [{ room: ROOM_STAFF, message: { seq, event: staffEvent, data: { seq, request } } }];

	if (event.volunteerId) {
		// A reassignment is a fresh offer for its new assignee; the old one hears task:updated below.
		const taskEvent = OFFER_ACTIONS.includes(event.action) ? 'task:assigned' : 'task:updated';
		// A finished task reaches its volunteer without the resident's contact.
		const forAssignee = assigneeKeepsContact(request.status) ? request : withoutContact(request);
		deliveries.push({
			room: roomForVolunteer(event.volunteerId),
			message: { seq, event: taskEvent, data: { seq, request: forAssignee } }
		});
	}
	if (event.previousAssigneeId && event.previousAssigneeId !== event.volunteerId) {
		deliveries.push({
			room: roomForVolunteer(event.previousAssigneeId),
			message: { seq, event: 'task:updated', data: { seq, request: withoutContact(request) } }
		});
	}
	return deliveries;
}
