// Inputs about teams (服务队): a coordinator's team, and a request handed to one.
import { z } from 'zod';
import { CODE_PATTERN } from '../dispatch/vocabulary';

/** The database's limits on a team (the county migration checks them too). */
export const TEAM_LIMITS = { name: 40, skills: 20, members: 200, communities: 50 } as const;

export const teamIdSchema = z.uuid('Not a valid team id.');

/**
 * A team as a coordinator saves it, whole: a new team (POST) or every field of one (PUT).
 * The home community is always served, named in `communityIds` or not.
 */
export const teamInputSchema = z.object({
	name: z
		.string()
		.trim()
		.min(1, 'Give the team a name.')
		.max(TEAM_LIMITS.name, `At most ${TEAM_LIMITS.name} characters.`)
		// eslint-disable-next-line no-control-regex -- control characters have no place in a name
		.regex(/^[^\u0000-\u001f]*$/, 'Not a valid name.'),
	communityId: z.uuid('Choose the team’s community.'),
	communityIds: z.array(z.uuid('Not a valid community id.')).max(TEAM_LIMITS.communities).default([]),
	leaderVolunteerId: z.uuid('Choose a leader among the members.'),
	memberIds: z
		.array(z.uuid('Not a valid volunteer id.'))
		.min(1, 'A team needs at least its leader as a member.')
		.max(TEAM_LIMITS.members, `At most ${TEAM_LIMITS.members} members.`),
	skills: z
		.array(z.string().regex(CODE_PATTERN, 'A skill of the service catalogue.'))
		.min(1, 'Give the team at least one skill.')
		.max(TEAM_LIMITS.skills, `At most ${TEAM_LIMITS.skills} skills.`),
	active: z.boolean().default(true)
});
export type TeamInput = z.infer<typeof teamInputSchema>;

export const handToTeamSchema = z.object({
	teamId: z.uuid('Choose a team.'),
	version: z.number().int().min(1).max(2_147_483_647)
});
