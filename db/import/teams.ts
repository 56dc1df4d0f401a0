// A county file's teams (服务队), each written whole by its name: its communities, leader,
// members and skills. Its communities and people may come from this file or be in the
// database already, so teams are imported after the communities.
import type { Area } from '../../src/lib/dispatch/areas';
import { listAreas } from '../../src/lib/server/repositories/areas';
import { findTeamNamed, writeTeam } from '../../src/lib/server/repositories/teams';
import { volunteerIdsByUsername } from '../../src/lib/server/repositories/volunteers';
import type { ImportFile } from './file-schema';
import { unknownSkills, type ImportContext } from './problems';

export interface TeamsSummary {
	created: number;
	updated: number;
}

/** The county's communities by name (a name may be found under several streets). */
function communitiesByName(areas: readonly Area[], countyId: string): Map<string, string[]> {
	const streets = new Set(areas.filter((a) => a.parentId === countyId).map((a) => a.id));
	const byName = new Map<string, string[]>();
	for (const a of areas)
		if (a.kind === 'community' && a.parentId && streets.has(a.parentId)) byName.set(a.name, [...(byName.get(a.name) ?? []), a.id]);
	return byName;
}

/**
 * Writes the file's teams; what does not resolve is added to the import's problems. A community
 * is the file's one of that name, else the only one of the county; a member is a volunteer of
 * the file or of the database.
 */
export async function importTeams(
	context: ImportContext,
	file: ImportFile,
	countyId: string,
	fileCommunities: ReadonlyMap<string, string>
): Promise<TeamsSummary> {
	const summary: TeamsSummary = { created: 0, updated: 0 };
	if (file.teams.length === 0) return summary;
	const { trx, problems } = context;
	const inCounty = communitiesByName(await listAreas(trx), countyId);
	const listed = new Set(file.communities.flatMap((c) => c.volunteers.map((v) => v.username.toLowerCase())));
	const volunteers = await volunteerIdsByUsername(
		trx,
		file.teams.flatMap((t) => t.members)
	);
	for (const [i, team] of file.teams.entries()) {
		const wrong = unknownSkills(context, team.skills, `teams[${i}].skills`);
		const communityIds = team.communities.flatMap((name, j) => {
			const found = fileCommunities.has(name) ? [fileCommunities.get(name)!] : (inCounty.get(name) ?? []);
			if (found.length === 1) return found;
			wrong.push(
				`teams[${i}].communities[${j}]: ` +
					(found.length
						? `${found.length} communities of ${file.county} are named "${name}"; list the one you mean in this file's communities`
						: `no community named "${name}" in ${file.county}`)
			);
			return [];
		});
		const memberIds = team.members.flatMap((username, j) => {
			const id = volunteers.get(username.toLowerCase());
			if (!id)
				wrong.push(
					`teams[${i}].members[${j}]: "${username}" ` +
						// Its own entry had a problem, or the username is a staff member's.
						(listed.has(username.toLowerCase())
							? 'is in this file, but could not be imported as a volunteer'
							: 'is no volunteer, in this file or in the database')
				);
			return id ? [id] : [];
		});
		const leaderId = volunteers.get(team.leader.toLowerCase());
		if (!wrong.length && !(leaderId && memberIds.includes(leaderId)))
			wrong.push(`teams[${i}].leader: the leader "${team.leader}" must also be one of the members`);
		if (wrong.length || !leaderId) {
			problems.push(...wrong);
			continue;
		}
		// The file says the whole of the team; what it does not say (its own community once it
		// has one, whether it is active) stays as the coordinators left it.
		const existing = await findTeamNamed(trx, team.name, communityIds);
		await writeTeam(trx, existing?.id ?? null, {
			name: team.name,
			communityId: existing?.community_id ?? communityIds[0]!,
			leaderVolunteerId: leaderId,
			skills: [...new Set(team.skills)],
			active: existing?.active ?? true,
			memberIds: [...new Set(memberIds)],
			communityIds: [...new Set(communityIds)]
		});
		summary[existing ? 'updated' : 'created'] += 1;
	}
	return summary;
}
