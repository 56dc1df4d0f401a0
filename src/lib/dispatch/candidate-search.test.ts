import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSearchSettled, preselectCandidates, SEARCH_RADII_M } from './candidate-search';
import { EARTH_RADIUS_M } from './geo';
import { rankCandidates } from './ranking';
import { FIRST_SERVICES } from './vocabulary';

const center = { lat: 30.99, lng: 105.89 };
const METRES_PER_DEGREE = (Math.PI * EARTH_RADIUS_M) / 180;
const at = (north: number, activeCount = 0, tasksToday = 0) => ({
	lat: center.lat + north / METRES_PER_DEGREE,
	lng: center.lng,
	activeCount,
	tasksToday
});

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
		SEARCH_RADII_M.slice(1).forEach((r, i) => expect(r).toBe(SEARCH_RADII_M[i]! * 3));
	});
});

describe('preselectCandidates', () => {
	const crowd = fc.array(
		fc.record({
			north: fc.integer({ min: -800, max: 800 }),
			east: fc.integer({ min: -800, max: 800 }),
			activeCount: fc.integer({ min: 0, max: 3 }),
			tasksToday: fc.integer({ min: 0, max: 5 }),
			role: fc.constantFrom('plain', 'plain', 'plain', 'planned', 'last'),
			online: fc.constantFrom(false, false, false, false, true)
		}),
		{ maxLength: 80 }
	);

	it('gives rankCandidates the same best `limit` as ranking everyone, for every request type, online or not', () => {
		fc.assert(
			fc.property(crowd, fc.integer({ min: 1, max: 12 }), fc.constantFrom(...FIRST_SERVICES), (people, limit, type) => {
				const request = { ...center, type };
				const candidates = people.map((p, i) => ({
					id: `v${String(i).padStart(3, '0')}`,
					name: `v${i}`,
					lat: center.lat + p.north / METRES_PER_DEGREE,
					lng: center.lng + p.east / METRES_PER_DEGREE,
					activeCount: p.activeCount,
					tasksToday: p.tasksToday,
					isPlannedVisitor: p.role === 'planned',
					visitedLast: p.role === 'last',
					online: p.online
				}));
				const picked = preselectCandidates(request, candidates, limit);
				expect(rankCandidates(request, picked, { limit })).toEqual(rankCandidates(request, candidates, { limit }));
				const continuing = candidates.filter((c) => c.online || (type === 'elder_visit' && (c.isPlannedVisitor || c.visitedLast)));
				expect(picked.length).toBeLessThanOrEqual(limit + continuing.length);
			}),
			{ numRuns: 500 }
		);
	});

	it('breaks ties on price by id, as rankCandidates does', () => {
		const request = { ...center, type: 'repair' as const };
		const sameSpot = ['v9', 'v3', 'v7', 'v1', 'v5'].map((id) => ({
			...at(100),
			id,
			name: id,
			isPlannedVisitor: false,
			visitedLast: false,
			online: false
		}));
		expect(preselectCandidates(request, sameSpot, 2).map((c) => c.id)).toEqual(['v1', 'v3']);
	});
});
