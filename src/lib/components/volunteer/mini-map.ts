import type { BuildingView } from '$lib/api/types';
import type { BuildingKind } from '$lib/dispatch/vocabulary';

export interface MiniMapShape {
	id: string;
	/** An SVG path in metres around the target, y pointing down (south). */
	path: string;
	target: boolean;
	kind: BuildingKind;
	/** Where the building's name goes: the middle of its corners. */
	label: { x: number; y: number; text: string };
}

export interface MiniMap {
	/** The SVG viewBox, centred on the target building. */
	viewBox: string;
	shapes: MiniMapShape[];
}

const METRES_PER_DEGREE_LAT = 110_540;
const METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320;

/**
 * The buildings around one building, projected flat (equirectangular around the target, which
 * is exact enough over a few hundred metres), so a card can draw where to go without tiles.
 */
export function miniMapAround(buildings: BuildingView[], targetId: string, widthM = 260, heightM = 104): MiniMap | null {
	const target = buildings.find((b) => b.id === targetId);
	if (!target) return null;
	const lngScale = METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((target.lat * Math.PI) / 180);
	const project = ([lng, lat]: [number, number]): [number, number] => [
		(lng - target.lng) * lngScale,
		-(lat - target.lat) * METRES_PER_DEGREE_LAT
	];
	// A building counts if any corner falls inside the frame, with a margin for long blocks.
	const halfW = widthM / 2 + 40;
	const halfH = heightM / 2 + 40;
	const shapes: MiniMapShape[] = [];
	for (const building of buildings) {
		// The outer ring is the outline; without one there is nothing to place or draw.
		const outline = building.footprint.coordinates[0];
		if (!outline) continue;
		const ring = outline.map(project);
		if (!ring.some(([x, y]) => Math.abs(x) <= halfW && Math.abs(y) <= halfH)) continue;
		const path = ring.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x.toFixed(1)} ${y.toFixed(1)}`).join('') + 'Z';
		const corners = ring.slice(0, -1);
		const x = corners.reduce((sum, [cx]) => sum + cx, 0) / corners.length;
		const y = corners.reduce((sum, [, cy]) => sum + cy, 0) / corners.length;
		shapes.push({ id: building.id, path, target: building.id === targetId, kind: building.kind, label: { x, y, text: building.name } });
	}
	// The target last, so it is drawn on top of its neighbours.
	shapes.sort((a, b) => Number(a.target) - Number(b.target));
	return { viewBox: `${-widthM / 2} ${-heightM / 2} ${widthM} ${heightM}`, shapes };
}
