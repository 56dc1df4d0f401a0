import type { Queryable } from '../db/types';

export async function insertLoginAttempt(db: Queryable, attempt: { username: string; ip: string; at: Date }): Promise<string> {
	const row = await db.insertInto('login_attempts').values(attempt).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

/** When the most recent attempts by this account or address were made, newest first. */
export async function recentAttemptTimes(
	db: Queryable,
	by: { username: string } | { ip: string },
	since: Date,
	limit: number
): Promise<Date[]> {
	let query = db.selectFrom('login_attempts').select('at').where('at', '>', since);
	query = 'username' in by ? query.where('username', '=', by.username) : query.where('ip', '=', by.ip);
	const rows = await query.orderBy('at', 'desc').limit(limit).execute();
	return rows.map((row) => row.at);
}

export async function deleteLoginAttempt(db: Queryable, id: string): Promise<void> {
	await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

/** A successful sign-in forgives the account's earlier failures (not the address's). */
export async function deleteAttemptsOfAccount(db: Queryable, username: string): Promise<void> {
	await db.deleteFrom('login_attempts').where('username', '=', username).execute();
}

export async function deleteAttemptsBefore(db: Queryable, before: Date): Promise<void> {
	await db.deleteFrom('login_attempts').where('at', '<=', before).execute();
}
