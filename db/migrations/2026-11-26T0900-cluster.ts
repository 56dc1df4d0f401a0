import { sql, type Kysely } from 'kysely';

// Several app nodes: @socket.io/postgres-adapter keeps payloads over NOTIFY's 8 kB limit here.
export async function up(db: Kysely<any>): Promise<void> {
	await sql`
	create table if not exists socket_io_attachments (
		id bigserial unique,
		created_at timestamptz default now(),
		payload bytea
	)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`drop table if exists socket_io_attachments`.execute(db);
}
