// The demo community's streets and river, in the same local metres as the building layout
// (x east, y north from 30.99°N 105.89°E). They run through the gaps the compounds leave.
import type { MapGeometry } from '../../src/lib/server/db/schema';

type Xy = [number, number];

const ORIGIN = { lat: 30.99, lng: 105.89 };
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = 111_320 * Math.cos((ORIGIN.lat * Math.PI) / 180);
const toLngLat = ([x, y]: Xy): [number, number] => [
	Math.round((ORIGIN.lng + x / M_PER_DEG_LNG) * 1e7) / 1e7,
	Math.round((ORIGIN.lat + y / M_PER_DEG_LAT) * 1e7) / 1e7
];

// The river road bends with the bank; the river lies south of it.
const RIVER_ROAD: Xy[] = [
	[-440, -273],
	[-100, -268],
	[0, -262],
	[100, -253],
	[200, -250],
	[300, -245],
	[440, -231]
];

export interface SeedMapFeature {
	kind: 'street' | 'water';
	name: string;
	geometry: MapGeometry;
	widthM: number | null;
}

function street(name: string, widthM: number, path: Xy[]): SeedMapFeature {
	return { kind: 'street', name, widthM, geometry: { type: 'LineString', coordinates: path.map(toLngLat) } };
}

function river(): SeedMapFeature {
	const bank = RIVER_ROAD.map(([x, y]): Xy => [x, y - 12]);
	const far = [...RIVER_ROAD].reverse().map(([x, y]): Xy => [x, y - 95]);
	const ring = [...bank, ...far, bank[0]!].map(toLngLat); // closed: back to where the bank starts
	return { kind: 'water', name: '', widthM: null, geometry: { type: 'Polygon', coordinates: [ring] } };
}

export function communityStreets(): SeedMapFeature[] {
	return [
		river(),
		street('滨江路', 16, RIVER_ROAD),
		street('建设路', 24, [
			[-440, 40],
			[440, 40]
		]),
		street('北坝路', 18, [
			[-152, -268],
			[-152, 380]
		]),
		street('东街', 14, [
			[190, -250],
			[190, 380]
		])
	];
}
