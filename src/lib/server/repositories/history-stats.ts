import { sql } from 'kysely';
import type { Queryable } from '../db/types';
import type { HistoryFilter } from '../../api/history-schemas';
import type { BuildingLoad, VolunteerOutput } from '../../api/history-types';
import type { RequestType } from '../../dispatch/vocabulary';
import { COMMUNITY_TIME_ZONE } from '../../history/community-time';
import { FINISHED_AT, finishedWhere } from './history';

// Statistics over the finished requests a filter selects, computed in SQL. Durations are in
// seconds from the stage timestamps on each request; percentile_cont ignores the nulls of
// stages a request never reached.

export interface Period {
	from: Date;
	to: Date;
}

export interface SummaryRow {
	finished: number;
	completed: number;
	cancelled: number;
	assign: (number | null)[] | null;
	accept: (number | null)[] | null;
	complete: (number | null)[] | null;
	assign_count: number;
	accept_count: number;
	complete_count: number;
	hours: number;
	/** KPI counts (services/history-stats.ts turns them into fractions). */
	kpi_assign_total: number;
	kpi_assign_ok: number;
	kpi_complete_total: number;
	kpi_complete_ok: number;
	kpi_rated: number;
	kpi_satisfied: number;
	kpi_reopened: number;
}

const seconds = (from: string, to: string) => sql.raw(`extract(epoch from (requests.${to} - requests.${from}))::float8`);
const quantiles = (from: string, to: string) =>
	sql`percentile_cont(array[0.5, 0.9]::float8[]) within group (order by ${seconds(from, to)})`;

/**
 * The summary's aggregates over the `requests` rows in scope. `count(requests.id)`, not
 * `count(*)`: per community, a community with nothing finished joins one row of nulls.
 */
const SUMMARY_COLUMNS = sql`
	count(requests.id)::int as finished,
	count(*) filter (where requests.status = 'completed')::int as completed,
	count(*) filter (where requests.status = 'cancelled')::int as cancelled,
	${quantiles('created_at', 'assigned_at')} as assign,
	${quantiles('assigned_at', 'accepted_at')} as accept,
	${quantiles('accepted_at', 'completed_at')} as complete,
	count(requests.assigned_at)::int as assign_count,
	count(*) filter (where requests.assigned_at is not null and requests.accepted_at is not null)::int as accept_count,
	count(*) filter (where requests.accepted_at is not null and requests.completed_at is not null)::int as complete_count,
	coalesce(sum(${seconds('started_at', 'completed_at')}) filter (where requests.status = 'completed'), 0) / 3600.0 as hours,
	count(requests.assign_by)::int as kpi_assign_total,
	count(*) filter (where requests.assigned_at <= requests.assign_by)::int as kpi_assign_ok,
	count(*) filter (where requests.status = 'completed' and requests.complete_by is not null)::int as kpi_complete_total,
	count(*) filter (where requests.status = 'completed' and requests.completed_at <= requests.complete_by)::int as kpi_complete_ok,
	count(requests.feedback_rating) filter (where requests.status = 'completed')::int as kpi_rated,
	count(*) filter (where requests.status = 'completed' and requests.feedback_rating >= 4)::int as kpi_satisfied,
	count(*) filter (where requests.status = 'completed' and exists (select 1 from requests reopened where reopened.reopen_of = requests.id))::int as kpi_reopened
`;

export async function summarize(db: Queryable, filter: HistoryFilter, period: Period): Promise<SummaryRow> {
	const { rows } = await sql<SummaryRow>`
		select ${SUMMARY_COLUMNS}
		from requests
		where ${finishedWhere(filter, period)}
	`.execute(db);
	// Aggregates without a group by: always exactly one row, even when nothing matches.
	return rows[0]!;
}

export type CommunitySummaryRow = SummaryRow & { community_id: string; name: string };

/**
 * The same summary for each community the filter covers, side by side: one row per community,
 * a quiet one included with zeros (the finished requests join their community, not the reverse).
 */
export async function summarizePerCommunity(db: Queryable, filter: HistoryFilter, period: Period): Promise<CommunitySummaryRow[]> {
	if (filter.communityIds.length === 0) return [];
	const { rows } = await sql<CommunitySummaryRow>`
		select areas.id as community_id, areas.name, ${SUMMARY_COLUMNS}
		from areas
		left join requests on requests.community_id = areas.id and ${finishedWhere(filter, period)}
		where areas.id in (${sql.join(filter.communityIds)})
		group by areas.id, areas.name
	`.execute(db);
	return rows;
}

export async function countPerDayAndType(
	db: Queryable,
	filter: HistoryFilter,
	period: Period
): Promise<{ day: string; type: RequestType; count: number }[]> {
	const { rows } = await sql<{ day: string; type: RequestType; count: number }>`
		select to_char((${FINISHED_AT} at time zone ${COMMUNITY_TIME_ZONE})::date, 'YYYY-MM-DD') as day, requests.type, count(*)::int as count
		from requests
		where ${finishedWhere(filter, period)}
		group by 1, 2
		order by 1, 2
	`.execute(db);
	return rows;
}

/** Completed tasks and hours worked (started → completed) per volunteer, most productive first. */
export async function outputPerVolunteer(db: Queryable, filter: HistoryFilter, period: Period): Promise<VolunteerOutput[]> {
	const { rows } = await sql<VolunteerOutput>`
		select volunteers.id as "volunteerId", volunteers.name, count(*)::int as completed,
			coalesce(sum(${seconds('started_at', 'completed_at')}), 0) / 3600.0 as hours
		from requests
		join volunteers on volunteers.id = requests.assignee_id
		where ${finishedWhere(filter, period)} and requests.status = 'completed'
		group by volunteers.id, volunteers.name
		order by completed desc, hours desc, volunteers.name
	`.execute(db);
	return rows;
}

/** Finished requests per building, busiest first. */
export async function loadPerBuilding(db: Queryable, filter: HistoryFilter, period: Period): Promise<BuildingLoad[]> {
	const { rows } = await sql<BuildingLoad>`
		select buildings.id as "buildingId", buildings.name, buildings.lat, buildings.lng, count(*)::int as count
		from requests
		join buildings on buildings.id = requests.building_id
		where ${finishedWhere(filter, period)}
		group by buildings.id
		order by count desc, buildings.name
	`.execute(db);
	return rows;
}
