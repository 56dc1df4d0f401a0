import { describe, expect, it } from 'vitest';
import { isSearchSettled, SEARCH_RADII_M } from './candidate-search';
import { EARTH_RADIUS_M } from './geo';

const center = { lat: 30.99, lng: 105.89 };
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;
const at = (north: number, activeCount = 0, tasksToday = 0) => ({ lat: center.lat + north / METRES_PER_DEGREE, lng: center.lng, activeCount, tasksToday });

describe('isSearchSettled', () => {
	it('settles once `limit` candidates are certainly better than anyone outside the radius', () => {
		expect(isSearchSettled(center, [at(50), at(120)], 200, 2)).toBe(true);
		expect(isSearchSettled(center, [at(50), at(120)], 200, 3)).toBe(false);
	});

	it('counts workload against the radius: a busy neighbour may lose to someone just outside', () => {
		// 50 m + 1 active task (300 m) = 350 m: a free volunteer at 250 m, outside a 200 m box, beats them.
		expect(isSearchSettled(center, [at(50, 1)], 200, 1)).toBe(false);
		expect(isSearchSettled(center, [at(50, 1)], 600, 1)).toBe(true);
		expect(isSearchSettled(center, [at(50, 0, 4)], 200, 1)).toBe(false);
	});

	it('never settles on nothing, and widens by three from 50 m', () => {
		expect(isSearchSettled(center, [], 48_600, 1)).toBe(false);
		expect(SEARCH_RADII_M[0]).toBe(50);
		SEARCH_RADII_M.slice(1).forEach((r, i) => expect(r).toBe(SEARCH_RADII_M[i] * 3));
	});
});
