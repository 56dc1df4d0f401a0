import type { Queryable } from '../db/types';
import type { NewUser, UserRow } from '../db/schema';
import type { UserView } from '../../api/types';
import { sql } from 'kysely';

export async function findUserByUsername(db: Queryable, username: string): Promise<UserRow | undefined> {
	return db
		.selectFrom('users')
		.selectAll()
		.where(sql<string>`lower(username)`, '=', username.toLowerCase())
		.executeTakeFirst();
}

export async function insertUser(db: Queryable, user: NewUser): Promise<UserRow> {
	return db.insertInto('users').values(user).returningAll().executeTakeFirstOrThrow();
}

export async function updatePasswordHash(db: Queryable, userId: string, passwordHash: string): Promise<void> {
	await db.updateTable('users').set({ password_hash: passwordHash, password_changed_at: new Date() }).where('id', '=', userId).execute();
}

export async function countUsers(db: Queryable): Promise<number> {
	const { count } = await db
		.selectFrom('users')
		.select((eb) => eb.fn.countAll<string>().as('count'))
		.executeTakeFirstOrThrow();
	return Number(count);
}

/** The public face of a user, with their volunteer record if they have one. */
export async function findUserView(db: Queryable, userId: string): Promise<UserView | undefined> {
	const row = await db
		.selectFrom('users')
		.leftJoin('volunteers', 'volunteers.user_id', 'users.id')
		.select(['users.id', 'users.username', 'users.name', 'users.role', 'volunteers.id as volunteerId'])
		.where('users.id', '=', userId)
		.executeTakeFirst();
	return row && { id: row.id, username: row.username, name: row.name, role: row.role, volunteerId: row.volunteerId ?? null };
}
