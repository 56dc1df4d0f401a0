import type { Queryable } from '../db/types';
import type { TeamTies } from '../../realtime/deliveries';
import type { RosterTeam } from '../roster/roster-state';
import type { TeamView } from '../../api/types';

/** The teams a volunteer leads, and those they are a member of (a leader is usually both). */
export async function teamTiesOf(db: Queryable, volunteerId: string): Promise<TeamTies> {
	const [led, member] = await Promise.all([
		db.selectFrom('teams').select('id').where('leader_volunteer_id', '=', volunteerId).where('active', '=', true).execute(),
		db.selectFrom('team_members').select('team_id').where('volunteer_id', '=', volunteerId).execute()
	]);
	return { led: led.map((t) => t.id), member: member.map((m) => m.team_id) };
}

/** Every team with its members and the communities it serves, for the candidate roster. */
export async function listRosterTeams(db: Queryable): Promise<RosterTeam[]> {
	const [teams, members, communities] = await Promise.all([
		db.selectFrom('teams').select(['id', 'active']).execute(),
		db.selectFrom('team_members').select(['team_id', 'volunteer_id']).execute(),
		db.selectFrom('team_communities').select(['team_id', 'community_id']).execute()
	]);
	return teams.map((t) => ({
		id: t.id,
		active: t.active,
		memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.volunteer_id),
		communityIds: communities.filter((c) => c.team_id === t.id).map((c) => c.community_id)
	}));
}

/** The communities a volunteer serves: their own, and those their teams serve. */
export async function volunteerCommunities(db: Queryable, volunteerId: string): Promise<string[]> {
	const rows = await db
		.selectFrom('volunteers')
		.select('community_id')
		.where('id', '=', volunteerId)
		.union(
			db
				.selectFrom('team_members')
				.innerJoin('team_communities', 'team_communities.team_id', 'team_members.team_id')
				.select('team_communities.community_id')
				.where('team_members.volunteer_id', '=', volunteerId)
		)
		.execute();
	return rows.map((r) => r.community_id);
}

/** Teams with their members and served communities, in name order. */
async function withPeopleAndPlaces(
	db: Queryable,
	teams: { id: string; name: string; community_id: string; leader_volunteer_id: string | null; skills: string[]; active: boolean }[]
): Promise<TeamView[]> {
	if (teams.length === 0) return [];
	const ids = teams.map((t) => t.id);
	const [members, communities] = await Promise.all([
		db.selectFrom('team_members').select(['team_id', 'volunteer_id']).where('team_id', 'in', ids).orderBy('volunteer_id').execute(),
		db.selectFrom('team_communities').select(['team_id', 'community_id']).where('team_id', 'in', ids).orderBy('community_id').execute()
	]);
	return teams.map((t) => ({
		id: t.id,
		name: t.name,
		communityId: t.community_id,
		// The home community first: the one the team belongs to, then those it also serves.
		communityIds: [
			t.community_id,
			...communities.filter((c) => c.team_id === t.id && c.community_id !== t.community_id).map((c) => c.community_id)
		],
		leaderVolunteerId: t.leader_volunteer_id,
		memberIds: members.filter((m) => m.team_id === t.id).map((m) => m.volunteer_id),
		skills: t.skills,
		active: t.active
	}));
}

const TEAM_COLUMNS = ['teams.id', 'teams.name', 'teams.community_id', 'teams.leader_volunteer_id', 'teams.skills', 'teams.active'] as const;

/** Every team that serves at least one of these communities (its own included), active or not. */
export async function listTeamsServing(db: Queryable, communityIds: readonly string[]): Promise<TeamView[]> {
	if (communityIds.length === 0) return [];
	const teams = await db
		.selectFrom('teams')
		.select([...TEAM_COLUMNS])
		.where((eb) =>
			eb.or([
				eb('teams.community_id', 'in', communityIds),
				eb.exists(
					eb
						.selectFrom('team_communities')
						.select('team_communities.team_id')
						.whereRef('team_communities.team_id', '=', 'teams.id')
						.where('team_communities.community_id', 'in', communityIds)
				)
			])
		)
		.orderBy('teams.name')
		.orderBy('teams.id')
		.execute();
	return withPeopleAndPlaces(db, teams);
}

/** One team; `lock` holds its row until the transaction ends, so two edits of it queue up. */
export async function findTeam(db: Queryable, id: string, lock = false): Promise<TeamView | undefined> {
	let query = db
		.selectFrom('teams')
		.select([...TEAM_COLUMNS])
		.where('teams.id', '=', id);
	if (lock) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row && (await withPeopleAndPlaces(db, [row]))[0];
}

/** The active teams this volunteer leads. */
export async function listLedTeams(db: Queryable, volunteerId: string): Promise<TeamView[]> {
	const teams = await db
		.selectFrom('teams')
		.select([...TEAM_COLUMNS])
		.where('teams.leader_volunteer_id', '=', volunteerId)
		.where('teams.active', '=', true)
		.orderBy('teams.name')
		.execute();
	return withPeopleAndPlaces(db, teams);
}

/** Whether another team of this community already has this name (names are unique per community). */
export async function teamNameTaken(db: Queryable, communityId: string, name: string, exceptId: string | null): Promise<boolean> {
	let query = db.selectFrom('teams').select('id').where('community_id', '=', communityId).where('name', '=', name);
	if (exceptId) query = query.where('id', '<>', exceptId);
	return (await query.executeTakeFirst()) !== undefined;
}

/**
 * The team of this name that belongs to one of these communities (names are unique per
 * community), the first community's if several do: how an import file finds its team again.
 */
export async function findTeamNamed(db: Queryable, name: string, communityIds: readonly string[]) {
	if (communityIds.length === 0) return undefined;
	const named = await db
		.selectFrom('teams')
		.select(['id', 'community_id', 'active'])
		.where('name', '=', name)
		.where('community_id', 'in', communityIds)
		.execute();
	return named.find((t) => t.community_id === communityIds[0]) ?? named[0];
}

export interface TeamRecord {
	name: string;
	communityId: string;
	leaderVolunteerId: string;
	skills: string[];
	active: boolean;
	memberIds: readonly string[];
	communityIds: readonly string[];
}

/** Writes a team whole: its row, its members and the communities it serves. Returns its id. */
export async function writeTeam(db: Queryable, id: string | null, team: TeamRecord): Promise<string> {
	const row = {
		name: team.name,
		community_id: team.communityId,
		leader_volunteer_id: team.leaderVolunteerId,
		skills: team.skills,
		active: team.active
	};
	const teamId = id
		? (await db.updateTable('teams').set(row).where('id', '=', id).returning('id').executeTakeFirstOrThrow()).id
		: (await db.insertInto('teams').values(row).returning('id').executeTakeFirstOrThrow()).id;
	await db.deleteFrom('team_members').where('team_id', '=', teamId).execute();
	await db.deleteFrom('team_communities').where('team_id', '=', teamId).execute();
	await db
		.insertInto('team_members')
		.values(team.memberIds.map((volunteerId) => ({ team_id: teamId, volunteer_id: volunteerId })))
		.execute();
	await db
		.insertInto('team_communities')
		.values(team.communityIds.map((communityId) => ({ team_id: teamId, community_id: communityId })))
		.execute();
	return teamId;
}

/** These teams, with their members and communities, active or not. */
export async function listTeamsByIds(db: Queryable, ids: readonly string[]): Promise<TeamView[]> {
	if (ids.length === 0) return [];
	const teams = await db
		.selectFrom('teams')
		.select([...TEAM_COLUMNS])
		.where('teams.id', 'in', [...new Set(ids)])
		.orderBy('teams.name')
		.execute();
	return withPeopleAndPlaces(db, teams);
}

/** The teams a volunteer is a member of, active or not. */
export async function listTeamsOfVolunteer(db: Queryable, volunteerId: string): Promise<TeamView[]> {
	const rows = await db.selectFrom('team_members').select('team_id').where('volunteer_id', '=', volunteerId).execute();
	return listTeamsByIds(
		db,
		rows.map((r) => r.team_id)
	);
}

/** The teams of each of these volunteers, by volunteer id. */
export async function teamIdsOfVolunteers(db: Queryable, volunteerIds: readonly string[]): Promise<Map<string, string[]>> {
	const out = new Map<string, string[]>(volunteerIds.map((id) => [id, []]));
	if (volunteerIds.length === 0) return out;
	const rows = await db
		.selectFrom('team_members')
		.select(['team_id', 'volunteer_id'])
		.where('volunteer_id', 'in', volunteerIds)
		.orderBy('team_id')
		.execute();
	for (const row of rows) out.get(row.volunteer_id)?.push(row.team_id);
	return out;
}

/** One volunteer joins some teams and leaves others. */
export async function changeMemberships(
	db: Queryable,
	volunteerId: string,
	join: readonly string[],
	leave: readonly string[]
): Promise<void> {
	if (join.length) {
		await db
			.insertInto('team_members')
			.values(join.map((teamId) => ({ team_id: teamId, volunteer_id: volunteerId })))
			.onConflict((oc) => oc.doNothing())
			.execute();
	}
	if (leave.length) await db.deleteFrom('team_members').where('volunteer_id', '=', volunteerId).where('team_id', 'in', leave).execute();
}

/** Holds these teams' rows until the transaction ends, so a team edit and a member's edit queue up. */
export async function lockTeams(db: Queryable, ids: readonly string[]): Promise<void> {
	if (ids.length === 0) return;
	await db
		.selectFrom('teams')
		.select('id')
		.where('id', 'in', [...new Set(ids)])
		.orderBy('id')
		.forUpdate()
		.execute();
}
