import type { Queryable } from '../db/types';
import type { BuildingView, MapFeatureView } from '../../api/types';

export async function listBuildings(db: Queryable): Promise<BuildingView[]> {
	return db.selectFrom('buildings').select(['id', 'name', 'kind', 'lat', 'lng', 'footprint']).orderBy('kind').orderBy('name').execute();
}

export async function findBuilding(db: Queryable, id: string) {
	return db.selectFrom('buildings').select(['id', 'name', 'lat', 'lng']).where('id', '=', id).executeTakeFirst();
}

export async function listMapFeatures(db: Queryable): Promise<MapFeatureView[]> {
	return db.selectFrom('map_features').select(['kind', 'name', 'geometry', 'width_m as widthM']).orderBy('kind', 'desc').execute();
}

/** Where every building stands, for the in-memory candidate roster. */
export async function listBuildingPlaces(db: Queryable): Promise<{ id: string; lat: number; lng: number }[]> {
	return db.selectFrom('buildings').select(['id', 'lat', 'lng']).execute();
}
