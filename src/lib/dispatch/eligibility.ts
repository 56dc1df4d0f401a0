import type { RequestType, Skill } from './vocabulary';

export interface VolunteerFitness {
	name: string;
	skills: readonly Skill[];
	available: boolean;
}

/**
 * Why a volunteer may not be given a request of this type, in words a dispatcher
 * understands, or null when they may. The candidate list applies the same two rules.
 */
export function whyIneligible(volunteer: VolunteerFitness, type: RequestType): string | null {
	if (!volunteer.skills.includes(type)) return `${volunteer.name} does not have the skill for this request.`;
	if (!volunteer.available) return `${volunteer.name} is off duty.`;
	return null;
}
