import type { Queryable } from '../db/types';
import type { UserView } from '../../api/types';
import { selectUserViews, toUserView } from './users';

export async function insertSession(db: Queryable, tokenHash: string, userId: string, expiresAt: Date): Promise<void> {
	await db.insertInto('sessions').values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt }).execute();
}

/** The signed-in user behind a session, if it exists and has not expired. */
export async function findSessionUser(db: Queryable, tokenHash: string, now: Date): Promise<(UserView & { expiresAt: Date }) | undefined> {
	const row = await selectUserViews(db)
		.innerJoin('sessions', 'sessions.user_id', 'users.id')
		.select('sessions.expires_at as expiresAt')
		.where('sessions.token_hash', '=', tokenHash)
		.where('sessions.expires_at', '>', now)
		// A deactivated volunteer's sessions end with the deactivation; one that slipped past it ends here.
		.where((eb) => eb.or([eb('volunteers.id', 'is', null), eb('volunteers.active', '=', true)]))
		.executeTakeFirst();
	return row && { ...toUserView(row), expiresAt: row.expiresAt };
}

export async function extendSession(db: Queryable, tokenHash: string, expiresAt: Date): Promise<void> {
	await db.updateTable('sessions').set({ expires_at: expiresAt }).where('token_hash', '=', tokenHash).execute();
}

export async function deleteSession(db: Queryable, tokenHash: string): Promise<void> {
	await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
}

export async function deleteExpiredSessions(db: Queryable, now: Date): Promise<void> {
	await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
}

/** When a live session ends, or null if it is gone or has already expired. */
export async function findSessionExpiry(db: Queryable, tokenHash: string, now: Date): Promise<Date | null> {
	const row = await db
		.selectFrom('sessions')
		.select('expires_at')
		.where('token_hash', '=', tokenHash)
		.where('expires_at', '>', now)
		.executeTakeFirst();
	return row?.expires_at ?? null;
}

/** Deletes every session of a user except one, and says which ones it deleted. */
export async function deleteOtherSessionsOfUser(db: Queryable, userId: string, keepTokenHash: string | null): Promise<string[]> {
	let query = db.deleteFrom('sessions').where('user_id', '=', userId);
	if (keepTokenHash) query = query.where('token_hash', '<>', keepTokenHash);
	const rows = await query.returning('token_hash').execute();
	return rows.map((row) => row.token_hash);
}
