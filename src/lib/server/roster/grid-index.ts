// Points in square-ish cells of about 55 m, so a box read touches a few cells instead of every
// point: the in-memory counterpart of volunteers_on_duty_position_idx.

import { boxContains, type BoundingBox, type LatLng } from '../../dispatch/geo';

/** 0.0005° of latitude is about 55 m; of longitude about 48 m at the community's 31° N. */
const CELL_DEGREES = 0.0005;

const cellOf = (degrees: number) => Math.floor(degrees / CELL_DEGREES);
/** One number per cell: longitude cells stay far below a million either way. */
const keyOf = (latCell: number, lngCell: number) => latCell * 1_000_000 + lngCell;

export class GridIndex<P extends LatLng> {
	private readonly cells = new Map<number, Set<P>>();
	private readonly all = new Set<P>();

	get size(): number {
		return this.all.size;
	}

	add(point: P): void {
		const key = keyOf(cellOf(point.lat), cellOf(point.lng));
		let cell = this.cells.get(key);
		if (!cell) this.cells.set(key, (cell = new Set()));
		cell.add(point);
		this.all.add(point);
	}

	/** Removes a point as it was added (same object, same position). */
	delete(point: P): void {
		const key = keyOf(cellOf(point.lat), cellOf(point.lng));
		const cell = this.cells.get(key);
		cell?.delete(point);
		if (cell?.size === 0) this.cells.delete(key);
		this.all.delete(point);
	}

	/** Every point inside the box. A box wider than the points are many is read point by point. */
	inBox(box: BoundingBox): P[] {
		const found: P[] = [];
		const [minLat, maxLat, minLng, maxLng] = [cellOf(box.minLat), cellOf(box.maxLat), cellOf(box.minLng), cellOf(box.maxLng)];
		if ((maxLat - minLat + 1) * (maxLng - minLng + 1) > this.all.size) {
			for (const point of this.all) if (boxContains(box, point)) found.push(point);
			return found;
		}
		for (let lat = minLat; lat <= maxLat; lat++) {
			for (let lng = minLng; lng <= maxLng; lng++) {
				const cell = this.cells.get(keyOf(lat, lng));
				if (cell) for (const point of cell) if (boxContains(box, point)) found.push(point);
			}
		}
		return found;
	}

	values(): Iterable<P> {
		return this.all;
	}
}
