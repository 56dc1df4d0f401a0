import { sql, type RawBuilder } from 'kysely';
import type { Queryable } from '../db/types';
import type { RequestRow } from '../db/schema';
import type { HistoryCursor, HistoryFilter } from '../../api/history-schemas';
import { FINISHED_STATUSES } from '../../dispatch/vocabulary';

// Written exactly as in the indexes (requests_finished_idx and friends), so the planner uses them.
export const FINISHED_AT = sql<Date>`coalesce(requests.completed_at, requests.cancelled_at)`;
/** Microsecond-exact and timezone-free, so a cursor built from it never skips or repeats a row. */
const FINISHED_KEY = sql<string>`to_char(coalesce(requests.completed_at, requests.cancelled_at) at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * The finished requests a filter selects, as one SQL condition on `requests`. Statuses are
 * inlined as literals (they come from a fixed list) so the planner can prove the partial
 * indexes' `status in ('completed', 'cancelled')` predicate; every other value is a parameter.
 */
export function finishedWhere(filter: HistoryFilter, period?: { from: Date; to: Date }): RawBuilder<boolean> {
	const statuses = filter.status ? [filter.status] : FINISHED_STATUSES;
	const from = period?.from ?? filter.from;
	const to = period?.to ?? filter.to;
	const conditions: RawBuilder<unknown>[] = [
		sql`requests.status in (${sql.join(statuses.map((s) => sql.lit(s)))})`,
		// No community at all (an empty scope) selects nothing.
		filter.communityIds.length ? sql`requests.community_id in (${sql.join(filter.communityIds)})` : sql`false`
	];
	if (from) conditions.push(sql`${FINISHED_AT} >= ${from}`);
	if (to) conditions.push(sql`${FINISHED_AT} < ${to}`);
	if (filter.type) conditions.push(sql`requests.type = ${filter.type}`);
	if (filter.volunteerId) conditions.push(sql`requests.assignee_id = ${filter.volunteerId}`);
	if (filter.buildingId) conditions.push(sql`requests.building_id = ${filter.buildingId}`);
	return sql<boolean>`(${sql.join(conditions, sql` and `)})`;
}

const afterCursor = (cursor: HistoryCursor) =>
	sql<boolean>`(${FINISHED_AT}, requests.id) < (${cursor.finishedAt}::timestamptz, ${cursor.id}::uuid)`;

export type FinishedRow = RequestRow & { finished_key: string };

/** One keyset page, newest first. */
export async function listFinishedPage(
	db: Queryable,
	filter: HistoryFilter,
	after: HistoryCursor | null,
	limit: number
): Promise<FinishedRow[]> {
	let query = db.selectFrom('requests').selectAll('requests').select(FINISHED_KEY.as('finished_key')).where(finishedWhere(filter));
	if (after) query = query.where(afterCursor(after));
	return query.orderBy(FINISHED_AT, 'desc').orderBy('requests.id', 'desc').limit(limit).execute();
}

const EXPORT_COLUMNS = [
	'requests.id',
	'requests.type',
	'requests.status',
	'requests.unit',
	'requests.description',
	'requests.urgency',
	'requests.created_at',
	'requests.assigned_at',
	'requests.accepted_at',
	'requests.started_at',
	'requests.completed_at',
	'requests.cancelled_at',
	// A plan's visit is described in the reader's language from these (history/request-description.ts).
	'requests.visit_due_at',
	'requests.contact_name',
	// The closed loop (contract part two): where it came from, its deadlines and whether each was met, the resident's word.
	'requests.source',
	'requests.assign_by',
	'requests.complete_by',
	'requests.overdue_assign_at',
	'requests.overdue_complete_at',
	'requests.feedback_rating',
	'requests.feedback_comment',
	'requests.feedback_via'
] as const;

export type ExportRow = Pick<
	RequestRow,
	| 'id'
	| 'type'
	| 'status'
	| 'unit'
	| 'description'
	| 'urgency'
	| 'created_at'
	| 'assigned_at'
	| 'accepted_at'
	| 'started_at'
	| 'completed_at'
	| 'cancelled_at'
	| 'visit_due_at'
	| 'contact_name'
	| 'source'
	| 'assign_by'
	| 'complete_by'
	| 'overdue_assign_at'
	| 'overdue_complete_at'
	| 'feedback_rating'
	| 'feedback_comment'
	| 'feedback_via'
> & {
	finished_key: string;
	building_name: string;
	community_name: string;
	volunteer_name: string | null;
	/** What the volunteer wrote on completing, or the dispatcher's reason for cancelling. */
	closing_note: string | null;
};

/** The same rows as the pages, only the columns the CSV shows, with the names a spreadsheet reader needs. */
export async function listFinishedForExport(
	db: Queryable,
	filter: HistoryFilter,
	after: HistoryCursor | null,
	limit: number
): Promise<ExportRow[]> {
	let query = db
		.selectFrom('requests')
		.innerJoin('buildings', 'buildings.id', 'requests.building_id')
		.innerJoin('areas', 'areas.id', 'requests.community_id')
		.leftJoin('volunteers', 'volunteers.id', 'requests.assignee_id')
		.select([
			...EXPORT_COLUMNS,
			FINISHED_KEY.as('finished_key'),
			'buildings.name as building_name',
			'areas.name as community_name',
			'volunteers.name as volunteer_name'
		])
		.select((eb) =>
			eb
				.selectFrom('events')
				.select('events.note')
				.whereRef('events.request_id', '=', 'requests.id')
				.where('events.action', 'in', ['complete', 'cancel'])
				.orderBy('events.seq', 'desc')
				.limit(1)
				.as('closing_note')
		)
		.where(finishedWhere(filter));
	if (after) query = query.where(afterCursor(after));
	return query.orderBy(FINISHED_AT, 'desc').orderBy('requests.id', 'desc').limit(limit).execute();
}
