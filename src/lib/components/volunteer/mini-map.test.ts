import { describe, expect, it } from 'vitest';
import type { BuildingView } from '$lib/api/types';
import { miniMapAround } from './mini-map';

function square(id: string, lat: number, lng: number, half = 0.0001): BuildingView {
	const ring: [number, number][] = [
		[lng - half, lat - half],
		[lng + half, lat - half],
		[lng + half, lat + half],
		[lng - half, lat + half],
		[lng - half, lat - half]
	];
	return { id, communityId: 'c1', name: id, kind: 'residential', lat, lng, footprint: { type: 'Polygon', coordinates: [ring] } };
}

describe('miniMapAround', () => {
	const target = square('target', 31, 121);
	const north = square('north', 31.0004, 121); // ~44 m north
	const far = square('far', 31.01, 121); // ~1.1 km away

	it('centres on the target, keeps its neighbours, drops what is far away', () => {
		const map = miniMapAround([north, far, target], 'target')!;
		expect(map.viewBox).toBe('-130 -52 260 104');
		expect(map.shapes.map((s) => s.id)).toEqual(['north', 'target']);
		expect(map.shapes.at(-1)!.target).toBe(true);
	});

	it('draws north up: a building to the north has negative y', () => {
		const map = miniMapAround([north, target], 'target')!;
		const firstY = Number(map.shapes[0]!.path.match(/^M(-?[\d.]+) (-?[\d.]+)/)![2]);
		expect(firstY).toBeLessThan(-30);
	});

	it('has nothing to draw for an unknown building', () => {
		expect(miniMapAround([target], 'nope')).toBeNull();
	});
});
