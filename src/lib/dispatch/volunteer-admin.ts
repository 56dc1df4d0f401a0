// A coordinator's keeping of volunteers: which teams a volunteer ends up in when their record
// is saved, and what deactivating someone who still holds tasks says. Pure, so the server
// decides and the admin page explains by the same rules.
import { inScope, type Actor } from './permissions';

/** What the rules need to know of a team. */
export interface TeamOfVolunteer {
	id: string;
	name: string;
	/** Its home community: whoever may edit the team may change its members. */
	communityId: string;
	communityIds: readonly string[];
	leaderVolunteerId: string | null;
}

/** Why a team named in a volunteer's record cannot be theirs, or why one cannot be left. */
export type MembershipProblem =
	{ kind: 'unknown_team'; index: number } | { kind: 'not_serving'; index: number; team: string } | { kind: 'leads'; team: string };

export interface SettledMembership {
	/** Every team the volunteer ends in, those outside the editor's scope included. */
	teamIds: string[];
	join: string[];
	leave: string[];
	problems: MembershipProblem[];
}

/**
 * The teams a volunteer ends in when a coordinator saves their record. Only teams whose home
 * community lies in the coordinator's scope are theirs to change: the others the volunteer
 * belongs to stay, named or not, and naming one is as naming an unknown team. A team joined or
 * kept must serve the volunteer's community; the team they lead cannot be left (choose
 * another leader on the teams page first).
 */
export function settleMembership(
	actor: Pick<Actor, 'communityIds'>,
	volunteer: { id: string; communityId: string },
	current: readonly TeamOfVolunteer[],
	requestedIds: readonly string[],
	known: ReadonlyMap<string, TeamOfVolunteer>
): SettledMembership {
	const mine = (team: TeamOfVolunteer) => inScope(actor, team.communityId);
	const problems: MembershipProblem[] = [];
	const requested = new Set<string>();
	requestedIds.forEach((id, index) => {
		const team = known.get(id);
		if (!team || !mine(team)) problems.push({ kind: 'unknown_team', index });
		else if (!team.communityIds.includes(volunteer.communityId)) problems.push({ kind: 'not_serving', index, team: team.name });
		else requested.add(id);
	});
	const currentIds = new Set(current.map((t) => t.id));
	const leave = current.filter((t) => mine(t) && !requested.has(t.id));
	for (const team of leave) {
		if (team.leaderVolunteerId === volunteer.id) problems.push({ kind: 'leads', team: team.name });
	}
	const kept = current.filter((t) => !mine(t)).map((t) => t.id);
	return {
		teamIds: [...new Set([...kept, ...requested])],
		join: [...requested].filter((id) => !currentIds.has(id)),
		leave: leave.map((t) => t.id),
		problems
	};
}

/** The 409 of a deactivation refused because the volunteer still holds tasks. */
export function heldTasksRefusal(name: string, held: number): string {
	const tasks = held === 1 ? '1 active task' : `${held} active tasks`;
	return `${name} still holds ${tasks}. Deactivate with releaseTasks to put them back in the queue.`;
}
