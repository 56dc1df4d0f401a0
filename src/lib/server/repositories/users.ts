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

/** Users with what a user view needs: their volunteer record, if any, and the area they work in. */
export function selectUserViews(db: Queryable) {
	return db
		.selectFrom('users')
		.leftJoin('volunteers', 'volunteers.user_id', 'users.id')
		.innerJoin('areas', 'areas.id', 'users.scope_area_id')
		.select([
			'users.id',
			'users.username',
			'users.name',
			'users.role',
			'volunteers.id as volunteerId',
			'areas.id as scopeId',
			'areas.kind as scopeKind',
			'areas.name as scopeName'
		]);
}

type UserViewRow = {
	id: string;
	username: string;
	name: string;
	role: UserView['role'];
	volunteerId: string | null;
	scopeId: string;
	scopeKind: UserView['scope']['kind'];
	scopeName: string;
};

export function toUserView(row: UserViewRow): UserView {
	return {
		id: row.id,
		username: row.username,
		name: row.name,
		role: row.role,
		volunteerId: row.volunteerId ?? null,
		scope: { id: row.scopeId, kind: row.scopeKind, name: row.scopeName }
	};
}

/** The public face of a user, with their volunteer record if they have one, and their scope. */
export async function findUserView(db: Queryable, userId: string): Promise<UserView | undefined> {
	const row = await selectUserViews(db).where('users.id', '=', userId).executeTakeFirst();
	return row && toUserView(row);
}

/** A volunteer's login follows their record: the same name, working in their community. */
export async function updateVolunteerLogin(db: Queryable, userId: string, change: { name: string; scopeAreaId: string }): Promise<void> {
	await db.updateTable('users').set({ name: change.name, scope_area_id: change.scopeAreaId }).where('id', '=', userId).execute();
}

/** Whether this user is a volunteer a coordinator deactivated: they may not sign in. */
export async function isDeactivatedVolunteer(db: Queryable, userId: string): Promise<boolean> {
	const row = await db.selectFrom('volunteers').select('id').where('user_id', '=', userId).where('active', '=', false).executeTakeFirst();
	return row !== undefined;
}
