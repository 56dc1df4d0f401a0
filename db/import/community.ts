// A real community's buildings, volunteers and elders, from one JSON file (see README,
// "Your own community"). Checked whole first, then written in one transaction: a file with
// one mistake writes nothing. Importing the same file again changes nothing new.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Database, GeoPolygon } from '../../src/lib/server/db/schema';
import { BUILDING_KINDS, CODE_PATTERN } from '../../src/lib/dispatch/vocabulary';
import { ensureArea } from '../../src/lib/server/repositories/areas';
import { buildingPlacesByName, upsertBuildingByName } from '../../src/lib/server/repositories/buildings';
import { findUserByUsername, insertUser } from '../../src/lib/server/repositories/users';
import { insertVolunteer } from '../../src/lib/server/repositories/volunteers';
import { upsertElder } from '../../src/lib/server/repositories/elders';

const text = (max: number) => z.string().trim().min(1).max(max);
const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]);

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
	username: z.string().regex(/^[a-zA-Z0-9._-]{2,64}$/, 'letters, digits, . _ - (2 to 64)'),
	name: text(80),
	phone: text(40).optional(),
	skills: z.array(z.string().regex(CODE_PATTERN, 'a skill of the service catalogue, e.g. repair')).min(1),
	/** A building's name, from this file or already in the database. */
	homeBuilding: text(40)
});

const elderSchema = z.object({
	name: text(80),
	building: text(40),
	unit: z.string().trim().max(40).default(''),
	phone: text(40).optional(),
	notes: z.string().trim().max(500).default('')
});

/** Where the community sits in the county; a file without these goes to the tree a single community always had. */
export const DEFAULT_AREAS = { county: '本县', street: '本街道', community: '本社区' } as const;

export const communityFileSchema = z
	.object({
		county: text(60).default(DEFAULT_AREAS.county),
		street: text(60).default(DEFAULT_AREAS.street),
		community: text(60).default(DEFAULT_AREAS.community),
		buildings: z.array(buildingSchema).default([]),
		volunteers: z.array(volunteerSchema).default([]),
		elders: z.array(elderSchema).default([])
	})
	.strict()
	.superRefine((file, ctx) => {
		const seen = (values: string[], path: string, what: string) => {
			const first = new Map<string, number>();
			values.forEach((value, index) => {
				const key = value.toLowerCase();
				if (first.has(key))
					ctx.addIssue({ code: 'custom', path: [path, index], message: `${what} "${value}" is also at ${path}[${first.get(key)}]` });
				else first.set(key, index);
			});
		};
		seen(
			file.buildings.map((b) => b.name),
			'buildings',
			'the building'
		);
		seen(
			file.volunteers.map((v) => v.username),
			'volunteers',
			'the username'
		);
	});
export type CommunityFile = z.infer<typeof communityFileSchema>;

export interface ImportSummary {
	buildings: { created: number; updated: number };
	/** New volunteer logins with their first password, to hand over once and have changed. */
	newLogins: { username: string; name: string; password: string }[];
	/** Usernames already taken: those volunteers were left as they are. */
	existingUsernames: string[];
	elders: { created: number; updated: number };
}

export class ImportProblem extends Error {
	constructor(readonly problems: string[]) {
		super(problems.join('\n'));
	}
}

const METRES_PER_DEGREE = 111_320;

/** A 24 × 12 m block centred on the point: enough to draw and to click. */
function blockAround(lat: number, lng: number): GeoPolygon {
	const dLat = 6 / METRES_PER_DEGREE;
	const dLng = 12 / (METRES_PER_DEGREE * Math.cos((lat * Math.PI) / 180));
	const ring: [number, number][] = [
		[lng - dLng, lat - dLat],
		[lng + dLng, lat - dLat],
		[lng + dLng, lat + dLat],
		[lng - dLng, lat + dLat],
		[lng - dLng, lat - dLat]
	];
	return { type: 'Polygon', coordinates: [ring] };
}

/** Readable, unambiguous first passwords (no 0/O, 1/l). */
function firstPassword(): string {
	const alphabet = 'abcdefghijkmnpqrstuvwxyz23456789';
	return [...randomBytes(12)].map((byte) => alphabet[byte % alphabet.length]).join('');
}

export async function importCommunity(
	db: Kysely<Database>,
	file: CommunityFile,
	hashPassword: (password: string) => Promise<string>
): Promise<ImportSummary> {
	// argon2 is slow on purpose: hash before the transaction, not while holding it open.
	const logins = await Promise.all(
		file.volunteers.map(async (v) => {
			const password = firstPassword();
			return { volunteer: v, password, hash: await hashPassword(password) };
		})
	);
	return db.transaction().execute(async (trx) => {
		const summary: ImportSummary = {
			buildings: { created: 0, updated: 0 },
			newLogins: [],
			existingUsernames: [],
			elders: { created: 0, updated: 0 }
		};
		const county = await ensureArea(trx, { name: file.county, kind: 'county', parentId: null });
		const street = await ensureArea(trx, { name: file.street, kind: 'street', parentId: county });
		const communityId = await ensureArea(trx, { name: file.community, kind: 'community', parentId: street });
		const places = await buildingPlacesByName(trx, communityId);
		for (const b of file.buildings) {
			const footprint = JSON.stringify(b.footprint ?? blockAround(b.lat, b.lng));
			const row = await upsertBuildingByName(trx, {
				community_id: communityId,
				name: b.name,
				kind: b.kind,
				lat: b.lat,
				lng: b.lng,
				footprint,
				street: b.street ?? null
			});
			places.set(b.name, row);
			summary.buildings[row.created ? 'created' : 'updated'] += 1;
		}
		const problems = [
			...file.volunteers.flatMap((v, i) =>
				places.has(v.homeBuilding) ? [] : [`volunteers[${i}].homeBuilding: no building named "${v.homeBuilding}"`]
			),
			...file.elders.flatMap((e, i) => (places.has(e.building) ? [] : [`elders[${i}].building: no building named "${e.building}"`]))
		];
		if (problems.length) throw new ImportProblem(problems);

		for (const { volunteer: v, password, hash } of logins) {
			if (await findUserByUsername(trx, v.username)) {
				summary.existingUsernames.push(v.username);
				continue;
			}
			const user = await insertUser(trx, {
				username: v.username,
				name: v.name,
				role: 'volunteer',
				password_hash: hash,
				scope_area_id: communityId
			});
			const home = places.get(v.homeBuilding)!;
			await insertVolunteer(trx, {
				community_id: communityId,
				user_id: user.id,
				name: v.name,
				phone: v.phone ?? null,
				skills: v.skills,
				home_building_id: home.id,
				lat: home.lat,
				lng: home.lng,
				created_at: new Date()
			});
			summary.newLogins.push({ username: v.username, name: v.name, password });
		}
		for (const e of file.elders) {
			const outcome = await upsertElder(trx, {
				community_id: communityId,
				name: e.name,
				building_id: places.get(e.building)!.id,
				unit: e.unit,
				phone: e.phone ?? null,
				notes: e.notes,
				created_at: new Date()
			});
			summary.elders[outcome] += 1;
		}
		return summary;
	});
}
