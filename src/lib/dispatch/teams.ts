// Teams (服务队): which team may take a request, who may assign a request handed to a team,
// and how a coordinator's edit of a team is read against their scope. Pure, so the server,
// the board and the leader's tab all apply the same rules.
import { inScope, isStaff, type Actor } from './permissions';
import type { Skill } from './vocabulary';

/** What the rules need to know of a team. */
export interface TeamFacts {
	id: string;
	communityIds: readonly string[];
	leaderVolunteerId: string | null;
	memberIds: readonly string[];
	skills: readonly Skill[];
	active: boolean;
}

/** Why a team cannot be handed a request; the board shows only teams that can. */
export type TeamUnfit = 'inactive' | 'not_serving' | 'lacks_skill';

/** Why this team may not take a request of this community needing this skill, or null when it may. */
export function whyTeamCannotTake(
	team: Pick<TeamFacts, 'active' | 'communityIds' | 'skills'>,
	need: { communityId: string; skill: Skill }
): TeamUnfit | null {
	if (!team.active) return 'inactive';
	if (!team.communityIds.includes(need.communityId)) return 'not_serving';
	if (!team.skills.includes(need.skill)) return 'lacks_skill';
	return null;
}

/**
 * Who is assigning: staff as ever, or the leader of the active team the request is handed to.
 * Null for anyone else, who is refused (403); the assignee must then still be one of the
 * team's members and eligible, which the service checks.
 */
export function assignerOf(
	actor: Pick<Actor, 'role' | 'volunteerId'>,
	request: { teamId: string | null },
	team: Pick<TeamFacts, 'id' | 'leaderVolunteerId' | 'active'> | null
): 'staff' | 'team_leader' | null {
	if (isStaff(actor.role)) return 'staff';
	if (actor.role !== 'volunteer' || !actor.volunteerId || !request.teamId) return null;
	if (!team || team.id !== request.teamId || !team.active) return null;
	return team.leaderVolunteerId === actor.volunteerId ? 'team_leader' : null;
}

/** A team as a coordinator sends it, before it is read against their scope. */
export interface TeamDraft {
	communityId: string;
	communityIds: readonly string[];
	memberIds: readonly string[];
	leaderVolunteerId: string;
}

/** Where a draft names something outside the editor's scope, or breaks a rule of its own. */
export type TeamDraftProblem =
	{ kind: 'home_outside_scope' } | { kind: 'community_outside_scope'; communityId: string } | { kind: 'leader_not_member' };

/**
 * The communities and members a saved team ends with. An editor changes only what lies inside
 * their scope: served communities outside it stay as they were (a county coordinator may have
 * added them), and so do members of communities outside it. Naming an outside community the
 * team does not already serve is a problem; naming an outside volunteer is checked by the
 * caller, who knows the volunteers. The home community is always served.
 */
export function settleTeamDraft(
	editor: Pick<Actor, 'communityIds'>,
	draft: TeamDraft,
	before: { communityIds: readonly string[]; outsideMemberIds: readonly string[] } | null
): { communityIds: string[]; memberIds: string[]; problems: TeamDraftProblem[] } {
	const problems: TeamDraftProblem[] = [];
	if (!inScope(editor, draft.communityId)) problems.push({ kind: 'home_outside_scope' });
	const keptOutside = (before?.communityIds ?? []).filter((id) => !inScope(editor, id));
	for (const id of draft.communityIds) {
		if (!inScope(editor, id) && !keptOutside.includes(id)) problems.push({ kind: 'community_outside_scope', communityId: id });
	}
	const communityIds = unique([draft.communityId, ...draft.communityIds.filter((id) => inScope(editor, id)), ...keptOutside]);
	const memberIds = unique([...draft.memberIds, ...(before?.outsideMemberIds ?? [])]);
	if (!memberIds.includes(draft.leaderVolunteerId)) problems.push({ kind: 'leader_not_member' });
	return { communityIds, memberIds, problems };
}

const unique = (ids: readonly string[]) => [...new Set(ids)];
