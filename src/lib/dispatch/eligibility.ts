import type { Skill } from './vocabulary';

export interface VolunteerFitness {
	name: string;
	skills: readonly Skill[];
	available: boolean;
	/** A deactivated volunteer is offered nothing new. */
	active: boolean;
	/** Of the request's community, or a member of a team that serves it. */
	servesCommunity: boolean;
}

/**
 * Why a volunteer may not be given a request needing this skill, in words a dispatcher
 * understands, or null when they may. The candidate list applies the same rules.
 */
export function whyIneligible(volunteer: VolunteerFitness, skill: Skill): string | null {
	if (!volunteer.active) return `${volunteer.name} is no longer an active volunteer.`;
	if (!volunteer.servesCommunity) return `${volunteer.name} does not serve this community.`;
	if (!volunteer.skills.includes(skill)) return `${volunteer.name} does not have the skill for this request.`;
	if (!volunteer.available) return `${volunteer.name} is off duty.`;
	return null;
}
