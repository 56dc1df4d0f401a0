// The shapes of the team leader's view (GET /api/teams/led), beside the contract's TeamView.
import type { RequestView, TeamView } from './types';

/** A member as their leader chooses among them: enough to know who can go now, nothing of where they are. */
export interface TeamMemberView {
	id: string;
	name: string;
	skills: string[];
	available: boolean;
	online: boolean;
	/** A deactivated volunteer stays listed as a member, and is offered nothing. */
	active: boolean;
	/** Tasks assigned, accepted or in progress. */
	activeCount: number;
}

export interface LedTeamView extends TeamView {
	members: TeamMemberView[];
}

/** The active teams a volunteer leads, and the open requests handed to them (without the resident's contact). */
export interface LedTeamsView {
	teams: LedTeamView[];
	requests: RequestView[];
}
