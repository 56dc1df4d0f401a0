import { sql, type Kysely } from 'kysely';

// Presence lives in the database so every app node agrees who is online: a node keeps
// `online_until` in the future while a volunteer's tab is connected to it, and clears it when
// the last tab closes. A node that dies simply stops renewing it.
export async function up(db: Kysely<any>): Promise<void> {
	await sql`alter table volunteers add column online_until timestamptz`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await sql`alter table volunteers drop column online_until`.execute(db);
}
