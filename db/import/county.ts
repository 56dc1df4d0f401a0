// A county's communities (their buildings, volunteers and elders) and its teams, from one file
// (see README, "Your own community"). The file's shape is checked first (file-schema.ts); what
// only the database can tell (its buildings, the service catalogue, the teams' people and
// communities) is checked inside the one transaction that writes it all. Every problem is
// listed, and any problem rolls the whole file back. Importing the same file again changes
// nothing new.
import type { Kysely } from 'kysely';
import type { Database, GeoPolygon } from '../../src/lib/server/db/schema';
import { ensureArea } from '../../src/lib/server/repositories/areas';
import { buildingPlacesByName, upsertBuildingByName } from '../../src/lib/server/repositories/buildings';
import { findUserByUsername, insertUser } from '../../src/lib/server/repositories/users';
import { insertVolunteer } from '../../src/lib/server/repositories/volunteers';
import { upsertElder } from '../../src/lib/server/repositories/elders';
import { listServices } from '../../src/lib/server/repositories/services';
import { firstPassword } from '../../src/lib/server/auth/first-password';
import type { ImportCommunity, ImportFile } from './file-schema';
import { importTeams, type TeamsSummary } from './teams';
import { ImportProblem, placeIn, unknownSkills, type ImportContext } from './problems';

export interface CommunitySummary {
	street: string;
	name: string;
	buildings: { created: number; updated: number };
	/** New volunteer logins with their first password, to hand over once and have changed. */
	newLogins: { username: string; name: string; password: string }[];
	/** Usernames already taken: those volunteers were left as they are. */
	existingUsernames: string[];
	elders: { created: number; updated: number };
}

export interface ImportSummary {
	communities: CommunitySummary[];
	teams: TeamsSummary;
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

type Login = { password: string; hash: string };

export async function importCounty(
	db: Kysely<Database>,
	file: ImportFile,
	hashPassword: (password: string) => Promise<string>
): Promise<ImportSummary> {
	// argon2 is slow on purpose: hash before the transaction, not while holding it open.
	const logins = new Map<string, Login>(
		await Promise.all(
			file.communities
				.flatMap((c) => c.volunteers)
				.map(async (v): Promise<[string, Login]> => {
					const password = firstPassword();
					return [v.username.toLowerCase(), { password, hash: await hashPassword(password) }];
				})
		)
	);
	return db.transaction().execute(async (trx) => {
		// Listed inside the transaction: the catalogue as it is when the file is written.
		const context: ImportContext = { trx, skills: new Set((await listServices(trx)).map((s) => s.skill)), problems: [] };
		const countyId = await ensureArea(trx, { name: file.county, kind: 'county', parentId: null });
		const communities: CommunitySummary[] = [];
		const communityIds = new Map<string, string>();
		for (const community of file.communities) {
			const streetId = await ensureArea(trx, { name: community.street, kind: 'street', parentId: countyId });
			const communityId = await ensureArea(trx, { name: community.name, kind: 'community', parentId: streetId });
			communityIds.set(community.name, communityId);
			communities.push(await importCommunityContent(context, communityId, community, logins));
		}
		const teams = await importTeams(context, file, countyId, communityIds);
		if (context.problems.length) throw new ImportProblem(context.problems);
		return { communities, teams };
	});
}

/**
 * One community's buildings, then its volunteers and elders, whose buildings are looked up in
 * this community only (each community has its own 1栋). What cannot be written is a problem,
 * and the import will roll back; the rest goes on, so that every problem is listed.
 */
async function importCommunityContent(
	context: ImportContext,
	communityId: string,
	community: ImportCommunity,
	logins: ReadonlyMap<string, Login>
): Promise<CommunitySummary> {
	const { trx, problems } = context;
	const at = (rest: string) => placeIn(community.place, rest);
	const summary: CommunitySummary = {
		street: community.street,
		name: community.name,
		buildings: { created: 0, updated: 0 },
		newLogins: [],
		existingUsernames: [],
		elders: { created: 0, updated: 0 }
	};
	const places = await buildingPlacesByName(trx, communityId);
	for (const b of community.buildings) {
		const row = await upsertBuildingByName(trx, {
			community_id: communityId,
			name: b.name,
			kind: b.kind,
			lat: b.lat,
			lng: b.lng,
			footprint: JSON.stringify(b.footprint ?? blockAround(b.lat, b.lng)),
			street: b.street ?? null
		});
		places.set(b.name, row);
		summary.buildings[row.created ? 'created' : 'updated'] += 1;
	}
	const noBuilding = (name: string) => `no building named "${name}" in ${community.name}`;

	for (const [i, v] of community.volunteers.entries()) {
		const home = places.get(v.homeBuilding);
		const wrong = unknownSkills(context, v.skills, at(`volunteers[${i}].skills`));
		if (!home) wrong.push(`${at(`volunteers[${i}].homeBuilding`)}: ${noBuilding(v.homeBuilding)}`);
		if (!home || wrong.length) {
			problems.push(...wrong);
			continue;
		}
		if (await findUserByUsername(trx, v.username)) {
			summary.existingUsernames.push(v.username);
			continue;
		}
		const login = logins.get(v.username.toLowerCase())!;
		const user = await insertUser(trx, {
			username: v.username,
			name: v.name,
			role: 'volunteer',
			password_hash: login.hash,
			scope_area_id: communityId
		});
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
		summary.newLogins.push({ username: v.username, name: v.name, password: login.password });
	}

	for (const [i, e] of community.elders.entries()) {
		const building = places.get(e.building);
		if (!building) {
			problems.push(`${at(`elders[${i}].building`)}: ${noBuilding(e.building)}`);
			continue;
		}
		const outcome = await upsertElder(trx, {
			community_id: communityId,
			name: e.name,
			building_id: building.id,
			unit: e.unit,
			phone: e.phone ?? null,
			notes: e.notes,
			created_at: new Date()
		});
		summary.elders[outcome] += 1;
	}
	return summary;
}
