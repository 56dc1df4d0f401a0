import { describe, expect, it } from 'vitest';
import { boundingBox, boxContains, EARTH_RADIUS_M, haversineMeters, type LatLng } from './geo';

const rad = (d: number) => (d * Math.PI) / 180;
const deg = (r: number) => (r * 180) / Math.PI;

/** The spherical law of cosines: a different formula for the same distance, to check against. */
function lawOfCosines(a: LatLng, b: LatLng): number {
	const c = Math.sin(rad(a.lat)) * Math.sin(rad(b.lat)) + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.cos(rad(b.lng - a.lng));
	return EARTH_RADIUS_M * Math.acos(Math.min(1, Math.max(-1, c)));
}

/** The point `distance` metres from `from` along `bearing` degrees (clockwise from north). */
function destination(from: LatLng, bearing: number, distance: number): LatLng {
	const d = distance / EARTH_RADIUS_M;
	const lat1 = rad(from.lat);
	const lat2 = Math.asin(Math.sin(lat1) * Math.cos(d) + Math.cos(lat1) * Math.sin(d) * Math.cos(rad(bearing)));
	const lng2 =
		rad(from.lng) + Math.atan2(Math.sin(rad(bearing)) * Math.sin(d) * Math.cos(lat1), Math.cos(d) - Math.sin(lat1) * Math.sin(lat2));
	return { lat: deg(lat2), lng: deg(lng2) };
}

const community: LatLng = { lat: 30.99, lng: 105.89 };

describe('haversineMeters', () => {
	it('measures one degree along the equator and along a meridian', () => {
		const oneDegree = (2 * Math.PI * EARTH_RADIUS_M) / 360;
		expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 1 })).toBeCloseTo(oneDegree, 6);
		expect(haversineMeters({ lat: 10, lng: 50 }, { lat: 11, lng: 50 })).toBeCloseTo(oneDegree, 6);
	});

	it('is zero for the same point and symmetric', () => {
		const a = { lat: 30.991, lng: 105.887 };
		const b = { lat: 30.987, lng: 105.894 };
		expect(haversineMeters(a, a)).toBe(0);
		expect(haversineMeters(a, b)).toBe(haversineMeters(b, a));
	});

	it('agrees with the law of cosines across the community and across the world', () => {
		const pairs: [LatLng, LatLng][] = [
			[community, { lat: 30.9935, lng: 105.8862 }],
			[community, { lat: 31.2, lng: 106.3 }],
			[
				{ lat: 51.47, lng: -0.4543 },
				{ lat: 40.6413, lng: -73.7781 }
			],
			[
				{ lat: -33.9, lng: 151.2 },
				{ lat: 35.7, lng: 139.7 }
			]
		];
		for (const [a, b] of pairs) {
			// The law of cosines loses precision for short distances; 1 mm is plenty.
			expect(Math.abs(haversineMeters(a, b) - lawOfCosines(a, b))).toBeLessThan(1e-3 * Math.max(1, haversineMeters(a, b) / 1000));
		}
		// Heathrow to JFK: about 5,540 km on the sphere (5,555 km on the ellipsoid).
		expect(haversineMeters({ lat: 51.47, lng: -0.4543 }, { lat: 40.6413, lng: -73.7781 }) / 1000).toBeCloseTo(5540, -1);
	});

	it('handles antipodes without NaN', () => {
		expect(haversineMeters({ lat: 0, lng: 0 }, { lat: 0, lng: 180 })).toBeCloseTo(Math.PI * EARTH_RADIUS_M, 3);
	});
});

describe('boundingBox', () => {
	it('holds every point of the circle, in every direction', () => {
		for (const radius of [50, 1500, 4500, 40_500]) {
			const box = boundingBox(community, radius);
			for (let bearing = 0; bearing < 360; bearing += 5) {
				const edge = destination(community, bearing, radius * 0.999_999);
				expect(boxContains(box, edge), `${radius} m at ${bearing}°`).toBe(true);
			}
		}
	});

	it('is tight: its edges touch the circle north, south, east and west', () => {
		const box = boundingBox(community, 1500);
		expect(box.maxLat).toBeCloseTo(destination(community, 0, 1500).lat, 9);
		expect(box.minLat).toBeCloseTo(destination(community, 180, 1500).lat, 9);
		// The widest longitude is reached a little poleward of due east; due east lies just inside.
		const east = destination(community, 90, 1500);
		expect(east.lng).toBeLessThanOrEqual(box.maxLng);
		expect(box.maxLng - east.lng).toBeLessThan(1e-7);
		expect(haversineMeters(community, { lat: community.lat, lng: box.maxLng })).toBeLessThan(1501);
	});

	it('leaves out points just beyond the radius straight north and east', () => {
		const box = boundingBox(community, 1500);
		expect(boxContains(box, destination(community, 0, 1510))).toBe(false);
		expect(boxContains(box, destination(community, 90, 1510))).toBe(false);
	});

	it('widens to every longitude near a pole or across the antimeridian', () => {
		expect(boundingBox({ lat: 89.99, lng: 0 }, 5000)).toMatchObject({ maxLat: 90, minLng: -180, maxLng: 180 });
		expect(boundingBox({ lat: 0, lng: 179.99 }, 5000)).toMatchObject({ minLng: -180, maxLng: 180 });
	});
});
