// Inputs about volunteers as a coordinator keeps them: a new volunteer with their login, a
// change of their record, and deactivation.
import { z } from 'zod';
import { CODE_PATTERN } from '../dispatch/vocabulary';

/** The limits on a volunteer's record (the county migration checks skills too: 1 to 20). */
export const VOLUNTEER_LIMITS = { name: 80, phone: 40, skills: 20, teams: 50 } as const;

/** The same rule as `npm run user:add` and the import file. */
export const USERNAME_PATTERN = /^[a-zA-Z0-9._-]{2,64}$/;

export const volunteerIdSchema = z.uuid('Not a valid volunteer id.');

const name = z
	.string()
	.trim()
	.min(1, 'Give the volunteer’s name.')
	.max(VOLUNTEER_LIMITS.name, `At most ${VOLUNTEER_LIMITS.name} characters.`)
	// eslint-disable-next-line no-control-regex -- control characters have no place in a name
	.regex(/^[^\u0000-\u001f]*$/, 'Not a valid name.');

const phone = z
	.string()
	.trim()
	.max(VOLUNTEER_LIMITS.phone, `At most ${VOLUNTEER_LIMITS.phone} characters.`)
	.regex(/^[0-9+\-() ]*$/, 'Use digits, spaces, +, - or brackets.')
	.nullable()
	.optional()
	.transform((v) => (v ? v : null));

/** Skill codes; whether each is a skill of the catalogue only the database can tell (400 if not). */
const skills = z
	.array(z.string().regex(CODE_PATTERN, 'A skill of the service catalogue.'))
	.min(1, 'Give the volunteer at least one skill.')
	.max(VOLUNTEER_LIMITS.skills, `At most ${VOLUNTEER_LIMITS.skills} skills.`);

const teamIds = z.array(z.uuid('Not a valid team id.')).max(VOLUNTEER_LIMITS.teams, `At most ${VOLUNTEER_LIMITS.teams} teams.`);

/**
 * A volunteer's record, whole, as a coordinator saves it (PUT). Their community is their home
 * building's. Teams outside the coordinator's scope are kept as they were, named here or not.
 */
export const volunteerEditSchema = z.object({
	name,
	phone,
	skills,
	homeBuildingId: z.uuid('Choose the volunteer’s home building.'),
	teamIds: teamIds.default([])
});
export type VolunteerEdit = z.infer<typeof volunteerEditSchema>;

/** A new volunteer (POST), with the username of the login made for them. */
export const newVolunteerSchema = volunteerEditSchema.extend({
	username: z.string().trim().regex(USERNAME_PATTERN, 'Letters, digits, dot, underscore or hyphen: 2 to 64.')
});
export type NewVolunteerInput = z.infer<typeof newVolunteerSchema>;

/** Without `releaseTasks`, a volunteer who still holds tasks is not deactivated (409). */
export const deactivateSchema = z.object({ releaseTasks: z.boolean().default(false) });
