import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { GridIndex } from './grid-index';
import { boundingBox, boxContains } from '../../dispatch/geo';

const community = { lat: 30.99, lng: 105.89 };
const point = fc.record({
	id: fc.uuid(),
	lat: fc.double({ min: 30.98, max: 31.0, noNaN: true }),
	lng: fc.double({ min: 105.88, max: 105.9, noNaN: true })
});

describe('GridIndex', () => {
	it('finds exactly the points a scan finds, for small boxes (cells) and huge ones (scan)', () => {
		fc.assert(
			fc.property(fc.array(point, { maxLength: 200 }), fc.integer({ min: 1, max: 40_000 }), (points, radius) => {
				const grid = new GridIndex<(typeof points)[number]>();
				points.forEach((p) => grid.add(p));
				const box = boundingBox(community, radius);
				const ids = (list: { id: string }[]) => list.map((p) => p.id).sort();
				expect(ids(grid.inBox(box))).toEqual(ids(points.filter((p) => boxContains(box, p))));
				expect(grid.size).toBe(new Set(points).size);
			}),
			{ numRuns: 300 }
		);
	});

	it('forgets a deleted point in its cell and in the whole', () => {
		const grid = new GridIndex<{ lat: number; lng: number }>();
		const here = { ...community };
		grid.add(here);
		grid.add({ lat: community.lat + 0.0001, lng: community.lng });
		grid.delete(here);
		expect(grid.size).toBe(1);
		expect(grid.inBox(boundingBox(community, 5))).toEqual([]);
		expect(grid.inBox(boundingBox(community, 50))).toHaveLength(1);
	});
});
