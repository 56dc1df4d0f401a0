import { sql } from 'kysely';
import type { Queryable } from '../db/types';
import type { NewBuilding } from '../db/schema';
import type { BuildingView, MapFeatureView } from '../../api/types';

/** The buildings of these communities. */
export async function listBuildings(db: Queryable, communityIds: readonly string[], withCodes = false): Promise<BuildingView[]> {
	if (communityIds.length === 0) return [];
	return db
		.selectFrom('buildings')
		.select(['id', 'community_id as communityId', 'name', 'kind', 'lat', 'lng', 'footprint'])
		.$if(withCodes, (q) => q.select('code'))
		.where('community_id', 'in', communityIds)
		.orderBy('kind')
		.orderBy('name')
		.execute();
}

export async function findBuilding(db: Queryable, id: string) {
	return db.selectFrom('buildings').select(['id', 'community_id', 'name', 'lat', 'lng']).where('id', '=', id).executeTakeFirst();
}

/** The names of these buildings, by id. */
export async function buildingNamesByIds(db: Queryable, ids: readonly string[]): Promise<Map<string, string>> {
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('buildings')
		.select(['id', 'name'])
		.where('id', 'in', [...new Set(ids)])
		.execute();
	return new Map(rows.map((row) => [row.id, row.name]));
}

/** The streets and water drawn for these communities. */
export async function listMapFeatures(db: Queryable, communityIds: readonly string[]): Promise<MapFeatureView[]> {
	if (communityIds.length === 0) return [];
	return db
		.selectFrom('map_features')
		.select(['kind', 'name', 'geometry', 'width_m as widthM'])
		.where('community_id', 'in', communityIds)
		.orderBy('kind', 'desc')
		.execute();
}

/** Where every building stands, for the in-memory candidate roster. */
export async function listBuildingPlaces(db: Queryable): Promise<{ id: string; lat: number; lng: number }[]> {
	return db.selectFrom('buildings').select(['id', 'lat', 'lng']).execute();
}

/** A community's buildings' ids and points by name (unique within it), for files that refer to buildings by name. */
export async function buildingPlacesByName(
	db: Queryable,
	communityId: string
): Promise<Map<string, { id: string; lat: number; lng: number }>> {
	const rows = await db.selectFrom('buildings').select(['id', 'name', 'lat', 'lng']).where('community_id', '=', communityId).execute();
	return new Map(rows.map((b) => [b.name, { id: b.id, lat: b.lat, lng: b.lng }]));
}

/** Adds a building, or moves and reshapes the one of that name in its community. Says which it was. */
export async function upsertBuildingByName(
	db: Queryable,
	building: NewBuilding
): Promise<{ id: string; lat: number; lng: number; created: boolean }> {
	const row = await db
		.insertInto('buildings')
		.values(building)
		.onConflict((oc) =>
			oc.columns(['community_id', 'name']).doUpdateSet((eb) => ({
				kind: eb.ref('excluded.kind'),
				lat: eb.ref('excluded.lat'),
				lng: eb.ref('excluded.lng'),
				footprint: eb.ref('excluded.footprint'),
				street: eb.ref('excluded.street')
			}))
		)
		// xmax is 0 for a row this statement inserted, and set for one it updated.
		.returning(['id', 'lat', 'lng', sql<boolean>`xmax = 0`.as('created')])
		.executeTakeFirstOrThrow();
	return row;
}
