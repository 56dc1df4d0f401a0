import type { Transaction } from 'kysely';
import type { Database } from '../db/schema';
import { appendEvents, type NewEventRecord } from '../repositories/events';
import type { ServiceDeps } from './deps';

export interface Change<T> {
	result: T;
	events: NewEventRecord[];
}

/**
 * Runs one change in a transaction, appends its audit events in that same transaction,
 * and publishes them only after the commit. A crash between commit and publish loses
 * nothing: clients catch up from the events table by seq.
 */
export async function commitChange<T>(
	deps: Pick<ServiceDeps, 'db' | 'publisher'>,
	work: (trx: Transaction<Database>) => Promise<Change<T>>
): Promise<T> {
	const { result, stored } = await deps.db.transaction().execute(async (trx) => {
		const change = await work(trx);
		const stored = await appendEvents(trx, change.events);
		return { result: change.result, stored };
	});
	deps.publisher.publish(stored);
	return result;
}
