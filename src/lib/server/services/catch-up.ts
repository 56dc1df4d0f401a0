import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Actor } from '../../dispatch/permissions';
import { isStaff } from '../../dispatch/permissions';
import { deliveriesFor } from '../../realtime/deliveries';
import { ROOM_STAFF, roomForVolunteer, type CaughtUpEvent } from '../../realtime/events';
import { listEventsAfter, type Audience } from '../repositories/events';

/** The events this actor would have heard live after `after`, in seq order. */
export async function eventsAfter(db: Kysely<Database>, actor: Actor, after: number, limit: number): Promise<CaughtUpEvent[]> {
	const audience: Audience | null = isStaff(actor.role)
		? { kind: 'staff' }
		: actor.volunteerId
			? { kind: 'volunteer', volunteerId: actor.volunteerId }
			: null;
	if (!audience) return [];
	const rooms = new Set(audience.kind === 'staff' ? [ROOM_STAFF] : [roomForVolunteer(audience.volunteerId)]);
	const stored = await listEventsAfter(db, after, audience, limit);
	return stored.flatMap((event) => deliveriesFor(event).filter((d) => rooms.has(d.room)).map((d) => d.message));
}
