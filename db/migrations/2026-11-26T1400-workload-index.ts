import { sql, type Kysely } from 'kysely';

// The candidate search counts each found volunteer's tasks since midnight with one index
// range per volunteer, instead of aggregating the whole day's requests on every search.

export async function up(db: Kysely<any>): Promise<void> {
	await sql`create index requests_assignee_assigned_idx on requests (assignee_id, assigned_at) where assignee_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop index if exists requests_assignee_assigned_idx`.execute(db);
}
