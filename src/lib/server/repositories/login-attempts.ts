import type { Queryable } from '../db/types';

export async function insertLoginAttempt(db: Queryable, attempt: { username: string; ip: string; at: Date }): Promise<string> {
	const row = await db.insertInto('login_attempts').values(attempt).returning('id').executeTakeFirstOrThrow();
	return row.id;
}

/** The most recent attempts by this account, this address, or this account from this address, newest first. */
export async function recentAttempts(
	db: Queryable,
	by: { username: string; ip?: string } | { ip: string },
	since: Date,
	limit: number
): Promise<{ id: string; at: Date }[]> {
	let query = db.selectFrom('login_attempts').select(['id', 'at']).where('at', '>', since);
	if ('username' in by) query = query.where('username', '=', by.username);
	if (by.ip !== undefined) query = query.where('ip', '=', by.ip);
	return query.orderBy('at', 'desc').orderBy('id', 'desc').limit(limit).execute();
}

export async function deleteLoginAttempt(db: Queryable, id: string): Promise<void> {
	await db.deleteFrom('login_attempts').where('id', '=', id).execute();
}

/** A successful sign-in forgives that account's failures from that address (not the others'). */
export async function deleteAttemptsOfPair(db: Queryable, pair: { username: string; ip: string }): Promise<void> {
	await db.deleteFrom('login_attempts').where('username', '=', pair.username).where('ip', '=', pair.ip).execute();
}

export async function deleteAttemptsBefore(db: Queryable, before: Date): Promise<void> {
	await db.deleteFrom('login_attempts').where('at', '<=', before).execute();
}
