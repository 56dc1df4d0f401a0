// The demo community's map: compounds of residential buildings, shops along the streets and a
// few public buildings, as footprints in degrees (see community.ts for the people and requests).
import type { SeedBuilding } from './community';
import type { BuildingKind } from '../../src/lib/dispatch/vocabulary';
import { SHOP_NAMES } from './vocabulary-zh';
import { between, shuffle, type Rng } from './random';

// Planned in local metres (x east, y north) around the origin, then converted to degrees.
// Streets: 建设路 runs east–west through the middle (the shopping street), 北坝路 and 东街 run
// north–south, and 滨江路 follows the river along the south edge, 6° off east–west, so the
// compounds beside it are turned to match.

const ORIGIN: LatLng = { lat: 30.99, lng: 105.89 };
const M_PER_DEG_LAT = 111_320;
const M_PER_DEG_LNG = 111_320 * Math.cos((ORIGIN.lat * Math.PI) / 180);

export type Xy = [number, number];
export interface LatLng {
	lat: number;
	lng: number;
}
/** A rectangle centred on (cx, cy); `w` runs along `angle` (degrees anticlockwise from east). */
interface Rect {
	cx: number;
	cy: number;
	w: number;
	h: number;
	angle: number;
}
export interface Draft {
	name: string;
	kind: BuildingKind;
	street: string;
	rect: Rect;
}

/** A 小区: rows of slab blocks. Row 0 / column 0 sits at `origin`; rows stack along the compound's "north". */
export interface Compound {
	street: string;
	origin: Xy;
	angle: number;
	rows: number;
	cols: number;
	length: number;
	depth: number;
	colGap: number;
	rowGap: number;
	/** The corner where numbering starts; chosen so each compound ends next to where the next begins. */
	start: 'sw' | 'se' | 'nw' | 'ne';
	/** 'row,col' slots kept free for public buildings and gardens. */
	skip?: string[];
}
// In numbering order: round the north side from the west, then back along the river.
const COMPOUNDS: Compound[] = [
	{
		street: '北坝路',
		origin: [-392, 62],
		angle: 0,
		rows: 10,
		cols: 4,
		length: 46,
		depth: 12,
		colGap: 14,
		rowGap: 18,
		start: 'ne',
		skip: ['5,1']
	},
	{
		street: '建设路',
		origin: [-137, 76],
		angle: 0,
		rows: 9,
		cols: 5,
		length: 46,
		depth: 12,
		colGap: 12,
		rowGap: 18,
		start: 'sw',
		skip: ['0,0', '1,0', '4,2']
	},
	{ street: '东街', origin: [220, 76], angle: 0, rows: 8, cols: 4, length: 36, depth: 11, colGap: 10, rowGap: 21, start: 'nw' },
	{ street: '滨江路', origin: [230, -235], angle: 6, rows: 8, cols: 3, length: 48, depth: 12, colGap: 10, rowGap: 20, start: 'nw' },
	{ street: '滨江路', origin: [-108, -254], angle: 6, rows: 7, cols: 5, length: 46, depth: 12, colGap: 12, rowGap: 20, start: 'se' },
	{
		street: '北坝路',
		origin: [-392, -250],
		angle: 0,
		rows: 9,
		cols: 4,
		length: 46,
		depth: 12,
		colGap: 14,
		rowGap: 20,
		start: 'ne',
		skip: ['8,3', '7,3']
	}
];

/** Shop rows along a street: shops stand to the LEFT of from→to, fronts on the line. */
export interface Frontage {
	street: string;
	from: Xy;
	to: Xy;
	count: number;
}
const FRONTAGES: Frontage[] = [
	{ street: '建设路', from: [-94, 54], to: [178, 54], count: 20 },
	{ street: '建设路', from: [20, 26], to: [-100, 26], count: 9 },
	{ street: '建设路', from: [176, 26], to: [32, 26], count: 11 }, // the gap at x 20–32 is a compound gate
	{ street: '建设路', from: [199, 54], to: [310, 54], count: 8 },
	{ street: '东街', from: [199, 180], to: [199, 72], count: 8 },
	{ street: '东街', from: [181, -56], to: [181, 8], count: 5 }
];

export const PUBLIC_BUILDINGS: Draft[] = [
	{ name: '社区服务中心', kind: 'public', street: '建设路', rect: { cx: -119, cy: 68, w: 40, h: 24, angle: 0 } },
	{ name: '老年活动中心', kind: 'public', street: '北坝路', rect: { cx: -122, cy: 102, w: 30, h: 20, angle: 0 } },
	{ name: '幼儿园', kind: 'public', street: '东街', rect: { cx: 162, cy: 110, w: 30, h: 40, angle: 0 } },
	{ name: '社区卫生服务站', kind: 'public', street: '建设路', rect: { cx: -120, cy: -1, w: 30, h: 18, angle: 0 } },
	{ name: '农贸市场', kind: 'public', street: '建设路', rect: { cx: -189, cy: 2, w: 44, h: 30, angle: 0 } }
];
const RESIDENTIAL_COUNT = 206;

function rotate([u, v]: Xy, angle: number): Xy {
	const a = (angle * Math.PI) / 180;
	return [u * Math.cos(a) - v * Math.sin(a), u * Math.sin(a) + v * Math.cos(a)];
}

/** Slab blocks of every compound, numbered 1栋… row by row in a serpentine so neighbours get close numbers. */
export function residentialDrafts(rng: Rng): Draft[] {
	const drafts = compoundBlocks(rng, COMPOUNDS, (i) => `${i + 1}栋`);
	if (drafts.length !== RESIDENTIAL_COUNT) throw new Error(`layout has ${drafts.length} blocks, want ${RESIDENTIAL_COUNT}`);
	return drafts;
}

/** The blocks of each compound in turn; `nameOf` gets the block's number across all of them and within its compound, from 0. */
export function compoundBlocks(
	rng: Rng,
	compounds: readonly Compound[],
	nameOf: (index: number, inCompound: number, c: Compound) => string
): Draft[] {
	const drafts: Draft[] = [];
	for (const c of compounds) {
		let inCompound = 0;
		for (let k = 0; k < c.rows; k++) {
			const row = c.start[0] === 's' ? k : c.rows - 1 - k;
			const eastward = (c.start[1] === 'w') === (k % 2 === 0);
			for (let i = 0; i < c.cols; i++) {
				const col = eastward ? i : c.cols - 1 - i;
				if (c.skip?.includes(`${row},${col}`)) continue;
				// Blocks vary a little in length but always stay inside their slot, so they cannot touch.
				const length = c.length - between(rng, 0, 6);
				const u = col * (c.length + c.colGap) + c.length / 2 + between(rng, -0.5, 0.5) * (c.length - length);
				const v = row * (c.depth + c.rowGap) + c.depth / 2;
				const [dx, dy] = rotate([u, v], c.angle);
				const rect = { cx: c.origin[0] + dx, cy: c.origin[1] + dy, w: length, h: c.depth, angle: c.angle };
				drafts.push({ name: nameOf(drafts.length, inCompound++, c), kind: 'residential', street: c.street, rect });
			}
		}
	}
	return drafts;
}

/** Small shops of 8–15 m spread evenly along each frontage. */
export function shopDrafts(rng: Rng): Draft[] {
	return shopsAlong(rng, FRONTAGES, shuffle(rng, SHOP_NAMES));
}

/** Shops of 8–15 m (squeezed where a frontage is short) along each frontage, named in order from `names`. */
export function shopsAlong(rng: Rng, frontages: readonly Frontage[], names: readonly string[]): Draft[] {
	const drafts: Draft[] = [];
	for (const f of frontages) {
		const [dx, dy] = [f.to[0] - f.from[0], f.to[1] - f.from[1]];
		const length = Math.hypot(dx, dy);
		const angle = (Math.atan2(dy, dx) * 180) / Math.PI;
		const widths = Array.from({ length: f.count }, () => between(rng, 8, 15));
		const total = widths.reduce((a, b) => a + b, 0);
		const minGap = 1.5; // a visible gap, so footprints never touch even after rounding
		const scale = Math.min(1, (length - minGap * (f.count - 1)) / total);
		const gap = (length - total * scale) / (f.count - 1);
		let along = 0;
		for (const width of widths) {
			const w = width * scale;
			const depth = between(rng, 9, 12);
			const [cx, cy] = rotate([along + w / 2, depth / 2], angle);
			const name = names[drafts.length];
			if (name === undefined) throw new Error(`frontages want more shops than the ${names.length} names given`);
			drafts.push({ name, kind: 'shop', street: f.street, rect: { cx: f.from[0] + cx, cy: f.from[1] + cy, w, h: depth, angle } });
			along += w + gap;
		}
	}
	return drafts;
}

const round7 = (n: number) => Math.round(n * 1e7) / 1e7;
const toLngLat = ([x, y]: Xy, origin: LatLng): [number, number] => [
	round7(origin.lng + x / M_PER_DEG_LNG),
	round7(origin.lat + y / M_PER_DEG_LAT)
];

function corners(r: Rect): Xy[] {
	// Anticlockwise, as GeoJSON wants exterior rings.
	return (
		[
			[-1, -1],
			[1, -1],
			[1, 1],
			[-1, 1]
		] as Xy[]
	).map(([su, sv]) => {
		const [dx, dy] = rotate([(su * r.w) / 2, (sv * r.h) / 2], r.angle);
		return [r.cx + dx, r.cy + dy];
	});
}

/** A draft placed on the map, its local metres measured from `origin` (大田坝's by default). */
export function toBuilding(d: Draft, id: string, origin: LatLng = ORIGIN): SeedBuilding {
	const ring = corners(d.rect).map((xy) => toLngLat(xy, origin));
	// The centroid of a rectangle is the mean of its corners.
	const lng = round7(ring.reduce((s, p) => s + p[0], 0) / 4);
	const lat = round7(ring.reduce((s, p) => s + p[1], 0) / 4);
	// A closed ring ends where it starts, at the first of the four corners.
	return { id, name: d.name, kind: d.kind, lat, lng, street: d.street, footprint: { type: 'Polygon', coordinates: [[...ring, ring[0]!]] } };
}

export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
	return Math.hypot((a.lng - b.lng) * M_PER_DEG_LNG, (a.lat - b.lat) * M_PER_DEG_LAT);
}
