import type { Queryable } from '../db/types';
import type { NewRequest, RequestRow } from '../db/schema';

// The requests table's one scheduler-specific write, kept apart from the shared requests repository.

/**
 * Inserts a plan's visit unless one with the same visit_key exists. The unique key in the
 * database, not a check in memory, is what makes "exactly one request per due visit" hold
 * across runs, restarts and nodes. Returns undefined when the visit already existed.
 */
export async function insertVisitRequestOnce(db: Queryable, request: NewRequest & { visit_key: string }): Promise<RequestRow | undefined> {
	return db
		.insertInto('requests')
		.values(request)
		.onConflict((oc) => oc.column('visit_key').doNothing())
		.returningAll()
		.executeTakeFirst();
}

/**
 * A plan's visits offered to a volunteer who has not accepted yet, locked for this
 * transaction. visit_key starts with the plan's id (see dispatch/visits.ts visitKey).
 */
export async function lockUnansweredVisits(db: Queryable, planId: string): Promise<RequestRow[]> {
	return db
		.selectFrom('requests')
		.selectAll()
		.where('visit_key', 'like', `${planId}:%`)
		.where('status', '=', 'assigned')
		.forNoKeyUpdate()
		.execute();
}
