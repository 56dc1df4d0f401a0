import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StoredEvent } from '../../realtime/deliveries';

/** Sends committed events to whoever should hear them. A no-op where no sockets are attached. */
export interface EventPublisher {
	publish(events: StoredEvent[]): void;
}

/** Tells whether a volunteer has a live tab open (on any node). */
export interface PresenceReader {
	isOnline(volunteerId: string): boolean;
}

export interface ServiceDeps {
	db: Kysely<Database>;
	publisher: EventPublisher;
	presence: PresenceReader;
	now: () => Date;
}
