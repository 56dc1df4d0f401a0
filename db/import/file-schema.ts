// The import file, in its two shapes: a county file (its communities under their streets or
// towns, and teams across them), and the older file of one community, which is read as a
// county file of one. Problems are reported at their place in the file as written.
import { z } from 'zod';
import { BUILDING_KINDS, CODE_PATTERN } from '../../src/lib/dispatch/vocabulary';

const text = (max: number) => z.string().trim().min(1).max(max);
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);
const username = z.string().regex(/^[a-zA-Z0-9._-]{2,64}$/, 'letters, digits, . _ - (2 to 64)');
/** Checked against the service catalogue when imported; the database holds at most 20. */
const skills = z.array(z.string().regex(CODE_PATTERN, 'a skill of the service catalogue, e.g. repair')).min(1).max(20);

const buildingSchema = z.object({
	name: text(40),
	kind: z.enum(BUILDING_KINDS).default('residential'),
	lat: z.number().min(-90).max(90),
	lng: z.number().min(-180).max(180),
	street: text(40).optional(),
	/** GeoJSON [lng, lat] rings; without it, a 24 × 12 m block centred on the point. */
	footprint: z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(position).min(4)).min(1) }).optional()
});

const volunteerSchema = z.object({
	username,
	name: text(80),
	phone: text(40).optional(),
	skills,
	/** A building's name in the volunteer's own community, from this file or already in the database. */
	homeBuilding: text(40)
});

const elderSchema = z.object({
	name: text(80),
	building: text(40),
	unit: z.string().trim().max(40).default(''),
	phone: text(40).optional(),
	notes: z.string().trim().max(500).default('')
});

const teamSchema = z
	.object({
		name: text(40),
		/** Communities of this county, in this file or already in the database; the first is the team's own. */
		communities: z.array(text(60)).min(1),
		leader: username,
		members: z.array(username).min(1),
		skills
	})
	.strict()
	.superRefine((team, ctx) => {
		if (!team.members.some((m) => m.toLowerCase() === team.leader.toLowerCase()))
			ctx.addIssue({ code: 'custom', path: ['leader'], message: `the leader "${team.leader}" must also be one of the members` });
	});

/** Where a community sits in the county; a file without these goes to the tree a single community always had. */
const DEFAULT_AREAS = { county: '本县', street: '本街道', community: '本社区' } as const;

/** Adds an issue at each value met before (compared without case), naming where it was first. */
function refuseRepeats(ctx: z.RefinementCtx, entries: { value: string; path: (string | number)[] }[], what: string) {
	const first = new Map<string, (string | number)[]>();
	for (const { value, path } of entries) {
		const key = value.toLowerCase();
		const earlier = first.get(key);
		if (earlier) ctx.addIssue({ code: 'custom', path, message: `${what} "${value}" is also at ${placeOf(earlier)}` });
		else first.set(key, path);
	}
}

/** A zod path as a place in the file: communities[1].volunteers[0].username. */
export function placeOf(path: readonly PropertyKey[]): string {
	return path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');
}

const communityContent = {
	buildings: z.array(buildingSchema).default([]),
	volunteers: z.array(volunteerSchema).default([]),
	elders: z.array(elderSchema).default([])
};

function refuseRepeatedBuildings(ctx: z.RefinementCtx, buildings: { name: string }[], at: (string | number)[] = []) {
	const entries = buildings.map((b, i) => ({ value: b.name, path: [...at, 'buildings', i] }));
	refuseRepeats(ctx, entries, 'the building');
}

/** The file of one community, as it has always been. */
export const communityFileSchema = z
	.object({
		county: text(60).default(DEFAULT_AREAS.county),
		street: text(60).default(DEFAULT_AREAS.street),
		community: text(60).default(DEFAULT_AREAS.community),
		...communityContent
	})
	.strict()
	.superRefine((file, ctx) => {
		refuseRepeatedBuildings(ctx, file.buildings);
		const entries = file.volunteers.map((v, i) => ({ value: v.username, path: ['volunteers', i] }));
		refuseRepeats(ctx, entries, 'the username');
	});
export type CommunityFile = z.infer<typeof communityFileSchema>;

const countyCommunitySchema = z
	.object({
		/** The street (街道) or town (镇) the community belongs to: both are a county's second level. */
		street: text(60),
		name: text(60),
		...communityContent
	})
	.strict();

const countyFileSchema = z
	.object({
		county: text(60).default(DEFAULT_AREAS.county),
		communities: z.array(countyCommunitySchema).default([]),
		teams: z.array(teamSchema).default([])
	})
	.strict()
	.superRefine((file, ctx) => {
		file.communities.forEach((c, i) => refuseRepeatedBuildings(ctx, c.buildings, ['communities', i]));
		// A username is one login, whichever community the file lists it under.
		const usernames = file.communities.flatMap((c, i) =>
			c.volunteers.map((v, j) => ({ value: v.username, path: ['communities', i, 'volunteers', j, 'username'] }))
		);
		refuseRepeats(ctx, usernames, 'the username');
		// Teams name communities by name alone: one name must stand for one community of the file.
		const names = file.communities.map((c, i) => ({ value: c.name, path: ['communities', i, 'name'] }));
		refuseRepeats(ctx, names, 'the community');
		const teams = file.teams.map((t, i) => ({ value: t.name, path: ['teams', i, 'name'] }));
		refuseRepeats(ctx, teams, 'the team');
	});

export interface ImportCommunity extends z.infer<typeof countyCommunitySchema> {
	/** Where the community is written in the file ('' for a file of one community), to place problems. */
	place: string;
}
export interface ImportFile {
	county: string;
	communities: ImportCommunity[];
	teams: z.infer<typeof teamSchema>[];
}

/** A file of one community is a county file of that one community, and no teams. */
export function asCountyFile(file: CommunityFile): ImportFile {
	const { county, street, community, buildings, volunteers, elders } = file;
	return { county, communities: [{ street, name: community, buildings, volunteers, elders, place: '' }], teams: [] };
}

const countyShape = countyFileSchema.transform((file): ImportFile => ({
	...file,
	communities: file.communities.map((c, i) => ({ ...c, place: `communities[${i}]` }))
}));
const communityShape = communityFileSchema.transform(asCountyFile);
const isCountyShaped = (value: unknown) => typeof value === 'object' && value !== null && ('communities' in value || 'teams' in value);

/**
 * Either shape, read as a county file. A `communities` or `teams` key makes a county file. Only
 * that shape's schema reads the file, so each problem keeps its path in the file as written (a
 * z.union would only say that neither shape fits).
 */
export const importFileSchema = z.unknown().transform((value, ctx): ImportFile => {
	const result = (isCountyShaped(value) ? countyShape : communityShape).safeParse(value);
	if (result.success) return result.data;
	for (const issue of result.error.issues) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.message });
	return z.NEVER;
});
