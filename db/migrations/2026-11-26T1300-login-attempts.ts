import { sql, type Kysely } from 'kysely';

// Sign-in attempts that did not succeed, kept for the throttle's window only (a job prunes
// them). In the database rather than in memory, so every app node counts the same failures.
export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	create table login_attempts (
		id bigserial primary key,
		-- As typed and lower-cased, whether or not such a user exists.
		username text not null check (length(username) <= 64),
		ip text not null check (length(ip) <= 64),
		at timestamptz not null default now()
	);
	create index login_attempts_username_idx on login_attempts (username, at);
	create index login_attempts_ip_idx on login_attempts (ip, at);
	`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists login_attempts`.execute(db);
}
