import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { StoredEvent } from '../../realtime/deliveries';
import type { CandidateRoster } from '../roster/candidate-roster';

/** Sends committed events to whoever should hear them. A no-op where no sockets are attached. */
export interface EventPublisher {
	publish(events: StoredEvent[]): void;
}

export interface ServiceDeps {
	db: Kysely<Database>;
	publisher: EventPublisher;
	now: () => Date;
	/** The candidate search in memory; without it (scripts, most tests) the search reads the database. */
	roster?: CandidateRoster | null;
}
