import { sql } from 'kysely';
import type { Queryable } from '../db/types';
import type { NewVolunteer, VolunteerRow } from '../db/schema';
import type { Skill } from '../../dispatch/vocabulary';
import type { RosterVolunteer } from '../roster/roster-state';
import { heldRequestCount } from './requests';

/** A volunteer as staff see them, before the live `online` flag is added. */
export interface VolunteerRecord {
	id: string;
	communityId: string;
	userId: string | null;
	name: string;
	skills: Skill[];
	available: boolean;
	lat: number;
	lng: number;
	activeCount: number;
	online: boolean;
	lastSeenAt: Date | null;
	active: boolean;
}

/** dispatch/candidate-facts.ts's online rule, read with the database's clock; the candidate search shares it. */
export const isOnline = sql<boolean>`coalesce(volunteers.online_until > now(), false)`;

function selectRecords(db: Queryable) {
	return db
		.selectFrom('volunteers')
		.select([
			'volunteers.id',
			'volunteers.community_id as communityId',
			'volunteers.user_id as userId',
			'volunteers.name',
			'volunteers.skills',
			'volunteers.available',
			'volunteers.lat',
			'volunteers.lng',
			'volunteers.last_seen_at as lastSeenAt',
			'volunteers.active',
			heldRequestCount.as('activeCount'),
			isOnline.as('online')
		]);
}

/** The active volunteers of these communities. */
export async function listVolunteerRecords(db: Queryable, communityIds: readonly string[]): Promise<VolunteerRecord[]> {
	if (communityIds.length === 0) return [];
	return selectRecords(db)
		.where('volunteers.community_id', 'in', communityIds)
		.where('volunteers.active', '=', true)
		.orderBy('volunteers.name')
		.execute();
}

/** These volunteers, active or not, whatever their community (a team's members, say). */
export async function listVolunteerRecordsByIds(db: Queryable, ids: readonly string[]): Promise<VolunteerRecord[]> {
	if (ids.length === 0) return [];
	return selectRecords(db).where('volunteers.id', 'in', ids).orderBy('volunteers.name').orderBy('volunteers.id').execute();
}

export async function findVolunteerRecord(db: Queryable, id: string): Promise<VolunteerRecord | undefined> {
	return selectRecords(db).where('volunteers.id', '=', id).executeTakeFirst();
}

export async function findVolunteer(db: Queryable, id: string): Promise<VolunteerRow | undefined> {
	return db.selectFrom('volunteers').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Whether a volunteer may serve a community: their own, or one a team of theirs serves
 * (dispatch/candidate-facts.ts says the same of the candidate list).
 */
export async function servesCommunity(
	db: Queryable,
	volunteer: { id: string; community_id: string },
	communityId: string
): Promise<boolean> {
	if (volunteer.community_id === communityId) return true;
	const row = await db
		.selectFrom('team_members')
		.innerJoin('teams', 'teams.id', 'team_members.team_id')
		.innerJoin('team_communities', 'team_communities.team_id', 'teams.id')
		.select('teams.id')
		.where('team_members.volunteer_id', '=', volunteer.id)
		.where('team_communities.community_id', '=', communityId)
		.where('teams.active', '=', true)
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}

/** Reads a volunteer and keeps them from changing (e.g. going off duty) until the transaction ends. */
export async function findVolunteerForShare(db: Queryable, id: string): Promise<VolunteerRow | undefined> {
	return db.selectFrom('volunteers').selectAll().where('id', '=', id).forShare().executeTakeFirst();
}

/** The volunteers of these logins, by lower-cased username (usernames are unique regardless of case). */
export async function volunteerIdsByUsername(db: Queryable, usernames: readonly string[]): Promise<Map<string, string>> {
	if (usernames.length === 0) return new Map();
	const rows = await db
		.selectFrom('volunteers')
		.innerJoin('users', 'users.id', 'volunteers.user_id')
		.select(['users.username', 'volunteers.id'])
		.where(sql<string>`lower(users.username)`, 'in', [...new Set(usernames.map((u) => u.toLowerCase()))])
		.execute();
	return new Map(rows.map((r) => [r.username.toLowerCase(), r.id]));
}

export async function insertVolunteer(db: Queryable, volunteer: NewVolunteer): Promise<VolunteerRow> {
	return db.insertInto('volunteers').values(volunteer).returningAll().executeTakeFirstOrThrow();
}

/** Going on or off duty, optionally with a fresh position. Off duty drops back to the home building. */
export async function updateAvailability(
	db: Queryable,
	id: string,
	change: { available: boolean; position?: { lat: number; lng: number } },
	now: Date
): Promise<void> {
	const homeLat = sql<number>`(select b.lat from buildings b where b.id = volunteers.home_building_id)`;
	const homeLng = sql<number>`(select b.lng from buildings b where b.id = volunteers.home_building_id)`;
	const position = !change.available
		? { lat: homeLat, lng: homeLng, position_shared_at: null }
		: change.position
			? { lat: change.position.lat, lng: change.position.lng, position_shared_at: now }
			: {};
	await db
		.updateTable('volunteers')
		.set({ available: change.available, last_seen_at: now, ...position })
		.where('id', '=', id)
		.execute();
}

/** Keeps these volunteers online until `until`; a node renews this while their tabs are open. */
export async function renewOnline(db: Queryable, ids: string[], until: Date): Promise<void> {
	if (ids.length === 0) return;
	await db.updateTable('volunteers').set({ online_until: until, last_seen_at: new Date() }).where('id', 'in', ids).execute();
}

export async function markOffline(db: Queryable, id: string): Promise<void> {
	await db.updateTable('volunteers').set({ online_until: null, last_seen_at: new Date() }).where('id', '=', id).execute();
}

/**
 * Volunteers as the in-memory candidate roster keeps them, a page at a time in id order (the
 * roster reads 10,000 in pages, so parsing them never holds the event loop for long).
 */
export async function listRosterVolunteers(db: Queryable, afterId: string | null, limit: number): Promise<RosterVolunteer[]> {
	let query = db
		.selectFrom('volunteers')
		.select(['id', 'community_id', 'name', 'skills', 'available', 'active', 'lat', 'lng', 'online_until'])
		.orderBy('id')
		.limit(limit);
	if (afterId) query = query.where('id', '>', afterId);
	const rows = await query.execute();
	return rows.map((r) => ({
		id: r.id,
		communityId: r.community_id,
		name: r.name,
		skills: r.skills,
		available: r.available,
		active: r.active,
		lat: r.lat,
		lng: r.lng,
		onlineUntil: r.online_until?.getTime() ?? null
	}));
}

/** Who is online now, and until when (presence is kept apart from events; see presence.ts). */
export async function listOnlineVolunteers(db: Queryable): Promise<{ id: string; onlineUntil: number }[]> {
	const rows = await db.selectFrom('volunteers').select(['id', 'online_until']).where('online_until', '>', new Date()).execute();
	return rows.map((r) => ({ id: r.id, onlineUntil: r.online_until!.getTime() }));
}

/** A volunteer as a coordinator keeps them: the staff view's fields, their login, phone and home. */
export interface VolunteerAdminRecord extends VolunteerRecord {
	username: string | null;
	phone: string | null;
	homeBuildingId: string;
}

function selectAdminRecords(db: Queryable) {
	return selectRecords(db)
		.leftJoin('users', 'users.id', 'volunteers.user_id')
		.select(['users.username', 'volunteers.phone', 'volunteers.home_building_id as homeBuildingId']);
}

/** The volunteers of these communities, active or not, whose name holds `q`; at most `limit`, by name. */
export async function listVolunteerAdminRecords(
	db: Queryable,
	communityIds: readonly string[],
	q: string | null,
	limit: number
): Promise<VolunteerAdminRecord[]> {
	if (communityIds.length === 0) return [];
	let query = selectAdminRecords(db).where('volunteers.community_id', 'in', communityIds);
	if (q) query = query.where(sql<boolean>`strpos(lower(volunteers.name), lower(${q})) > 0`);
	return query.orderBy('volunteers.active', 'desc').orderBy('volunteers.name').orderBy('volunteers.id').limit(limit).execute();
}

export async function findVolunteerAdminRecord(db: Queryable, id: string): Promise<VolunteerAdminRecord | undefined> {
	return selectAdminRecords(db).where('volunteers.id', '=', id).executeTakeFirst();
}

/**
 * Reads a volunteer and holds their row until the transaction ends: an assignment (which reads
 * them FOR SHARE) waits for a deactivation, and then sees it.
 */
export async function findVolunteerForUpdate(db: Queryable, id: string): Promise<VolunteerRow | undefined> {
	return db.selectFrom('volunteers').selectAll().where('id', '=', id).forNoKeyUpdate().executeTakeFirst();
}

/**
 * A coordinator's change of a volunteer's record. Their community is their home building's; off
 * duty, their position is their home, so it moves with it.
 */
export async function updateVolunteerRecord(
	db: Queryable,
	id: string,
	record: { name: string; phone: string | null; skills: Skill[]; home: { id: string; communityId: string; lat: number; lng: number } }
): Promise<void> {
	await db
		.updateTable('volunteers')
		.set((eb) => ({
			name: record.name,
			phone: record.phone,
			skills: record.skills,
			home_building_id: record.home.id,
			community_id: record.home.communityId,
			lat: eb.case().when('available', '=', true).then(eb.ref('lat')).else(record.home.lat).end(),
			lng: eb.case().when('available', '=', true).then(eb.ref('lng')).else(record.home.lng).end()
		}))
		.where('id', '=', id)
		.execute();
}

/** Deactivated or active again. Deactivated also means off duty and offline, at home. */
export async function setVolunteerActive(db: Queryable, id: string, active: boolean, now: Date): Promise<void> {
	if (!active) await updateAvailability(db, id, { available: false }, now);
	await db
		.updateTable('volunteers')
		.set(active ? { active } : { active, online_until: null })
		.where('id', '=', id)
		.execute();
}
