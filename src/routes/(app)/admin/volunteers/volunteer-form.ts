// What the volunteer form needs beyond the API's shapes: the teams a volunteer of a community
// may join, and a refusal said per field. Kept apart from the component so it stays small.
import { isMessageKey, type MessageKey } from '$lib/i18n/messages/index';

export interface PickableTeam {
	id: string;
	name: string;
	communityIds: string[];
	leaderVolunteerId: string | null;
}

export interface PickableBuilding {
	id: string;
	name: string;
	communityId: string;
}

/** The teams that serve this community: the only ones a volunteer living there may be in. */
export function teamsServing(teams: readonly PickableTeam[], communityId: string): PickableTeam[] {
	return teams.filter((t) => t.communityIds.includes(communityId));
}

/** The community of a home building, or '' when none is chosen. */
export function communityOfHome(buildings: readonly PickableBuilding[], homeBuildingId: string): string {
	return buildings.find((b) => b.id === homeBuildingId)?.communityId ?? '';
}

/** The fields a refusal names (`skills.1` is the skills field), each with its own sentence. */
export function fieldProblems(issues: readonly { path: string }[]): MessageKey[] {
	const keys = issues.map((issue) => `admin.volunteers.problem.${issue.path.split('.')[0]}`).filter(isMessageKey);
	return [...new Set(keys)];
}
