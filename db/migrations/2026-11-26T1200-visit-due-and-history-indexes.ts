import { sql, type Kysely } from 'kysely';

// Frozen in time: never imports app code.
// visit_due_at: when a plan visit fell due, so any screen can tell an overdue visit from the row alone.
// The partial indexes keep history's keyset pages fast when filtered by volunteer or building:
// each walks one volunteer's (or building's) finished requests in the same (finished, id) order.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	alter table requests add column visit_due_at timestamptz;
	create index requests_finished_assignee_idx on requests (assignee_id, (coalesce(completed_at, cancelled_at)) desc, id desc)
		where status in ('completed', 'cancelled');
	create index requests_finished_building_idx on requests (building_id, (coalesce(completed_at, cancelled_at)) desc, id desc)
		where status in ('completed', 'cancelled');
	create index requests_elder_visits_idx on requests (elder_id, visit_due_at desc) where elder_id is not null;
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
	drop index if exists requests_elder_visits_idx;
	drop index if exists requests_finished_building_idx;
	drop index if exists requests_finished_assignee_idx;
	alter table requests drop column if exists visit_due_at;
	`.execute(db);
}
