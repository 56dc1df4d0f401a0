// A large, reproducible roster for search tests and the ranking benchmark.
import type { Kysely } from 'kysely';
import type { Database } from '../../src/lib/server/db/schema';
import type { Skill } from '../../src/lib/dispatch/vocabulary';

import { mulberry32 } from '../../db/seed/random';

/** The demo seed's mulberry32, so every run places the crowd the same way. */
export const seededRandom = mulberry32;

const SKILL_SETS: [Skill, ...Skill[]][] = [['haircut'], ['repair'], ['elder_visit'], ['repair', 'haircut'], ['elder_visit', 'repair']];

/**
 * Adds `count` volunteers spread over the community's buildings, each standing up to 60 m
 * from a building, about half of them on duty. Returns their ids.
 */
export async function insertCrowd(db: Kysely<Database>, count: number, seed = 7): Promise<string[]> {
	const random = seededRandom(seed);
	const homes = await db.selectFrom('buildings').select(['id', 'community_id', 'lat', 'lng']).execute();
	if (homes.length === 0) throw new Error('insertCrowd needs buildings to spread volunteers over');
	const ids: string[] = [];
	for (let start = 0; start < count; start += 1000) {
		const rows = Array.from({ length: Math.min(1000, count - start) }, (_, i) => {
			const home = homes[Math.floor(random() * homes.length)]!;
			const skills = SKILL_SETS[Math.floor(random() * SKILL_SETS.length)]!;
			return {
				community_id: home.community_id,
				name: `志愿者${start + i}`,
				skills,
				home_building_id: home.id,
				available: random() < 0.5,
				// ±60 m around the building: 1e-5° is about 1.1 m.
				lat: home.lat + (random() - 0.5) * 0.0011,
				lng: home.lng + (random() - 0.5) * 0.0013,
				created_at: new Date()
			};
		});
		const inserted = await db.insertInto('volunteers').values(rows).returning('id').execute();
		ids.push(...inserted.map((r) => r.id));
	}
	return ids;
}
