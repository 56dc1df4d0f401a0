import type { Queryable } from '../db/types';
import type { TeamTies } from '../../realtime/deliveries';
import type { RosterTeam } from '../roster/roster-state';

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
