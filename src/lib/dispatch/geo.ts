// Distances on the earth, for ranking volunteers and for narrowing the candidate search.

export interface LatLng {
	lat: number;
	lng: number;
}

/** The mean earth radius (IUGG), in metres; the error against the ellipsoid is under 0.5 %. */
export const EARTH_RADIUS_M = 6_371_008.8;

const toRadians = (degrees: number) => (degrees * Math.PI) / 180;

/** The great-circle distance between two points, in metres (the haversine formula). */
export function haversineMeters(a: LatLng, b: LatLng): number {
	const dLat = toRadians(b.lat - a.lat);
	const dLng = toRadians(b.lng - a.lng);
	const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRadians(a.lat)) * Math.cos(toRadians(b.lat)) * Math.sin(dLng / 2) ** 2;
	// min() guards asin against rounding just above 1 for antipodal points.
	return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BoundingBox {
	minLat: number;
	maxLat: number;
	minLng: number;
	maxLng: number;
}

/**
 * A lat/lng box that holds every point within `radiusM` of `center`, so a btree range
 * query can narrow a search before the exact distance is computed. It is a little larger
 * than the circle (its corners), never smaller. Near the poles or for huge radii the
 * longitude span is the whole world; a box crossing the antimeridian is widened to the
 * whole world too, which keeps it one simple range (and is irrelevant for one community).
 */
export function boundingBox(center: LatLng, radiusM: number): BoundingBox {
	const angular = radiusM / EARTH_RADIUS_M;
	const dLat = (angular * 180) / Math.PI;
	const minLat = Math.max(-90, center.lat - dLat);
	const maxLat = Math.min(90, center.lat + dLat);
	// The widest longitude span of the circle is at the latitude where its edge is farthest
	// from the equator; asin(sin(r)/cos(lat)) gives it exactly on the sphere.
	const ratio = Math.sin(angular) / Math.cos(toRadians(center.lat));
	if (maxLat === 90 || minLat === -90 || angular >= Math.PI / 2 || ratio >= 1) {
		return { minLat, maxLat, minLng: -180, maxLng: 180 };
	}
	const dLng = (Math.asin(ratio) * 180) / Math.PI;
	const minLng = center.lng - dLng;
	const maxLng = center.lng + dLng;
	if (minLng < -180 || maxLng > 180) return { minLat, maxLat, minLng: -180, maxLng: 180 };
	return { minLat, maxLat, minLng, maxLng };
}

export function boxContains(box: BoundingBox, point: LatLng): boolean {
	return point.lat >= box.minLat && point.lat <= box.maxLat && point.lng >= box.minLng && point.lng <= box.maxLng;
}
