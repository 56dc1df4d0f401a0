import { sql, type Kysely } from 'kysely';

// Indexes for the candidate search (frozen in time, like every migration).
// The search itself walks volunteers_on_duty_position_idx (lat, lng) WHERE available with a
// bounding box; these keep the numbers it needs beside each volunteer cheap:
// - tasks today: the requests assigned since local midnight, a short range at the end;
// - continuity: the last completed visit of one elder;
// - "has everyone been covered?": a count of on-duty volunteers with one skill.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	create index requests_assigned_at_idx on requests (assigned_at) where assignee_id is not null;
	create index requests_elder_completed_idx on requests (elder_id, completed_at desc)
		where status = 'completed' and elder_id is not null;
	create index volunteers_on_duty_skills_idx on volunteers using gin (skills) where available;
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`
	drop index if exists requests_assigned_at_idx;
	drop index if exists requests_elder_completed_idx;
	drop index if exists volunteers_on_duty_skills_idx;
	`.execute(db);
}
