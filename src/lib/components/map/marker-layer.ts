import type * as Leaflet from 'leaflet';

export interface MapMarker {
	/** Goes into `data-request-id` (or `data-volunteer-id`) on the marker element. */
	id: string;
	lat: number;
	lng: number;
	/** Classes of the marker element; a change re-renders it. */
	className: string;
	/** The colour it is drawn in, as `--marker` on the marker (a service's, from the catalogue's palette); a change re-renders it. */
	color?: string;
	/** Text inside the marker (a rank, `!`), set as text, never parsed as HTML. */
	label: string;
	title: string;
	size: number;
	zIndex?: number;
}

/**
 * A text for a Leaflet tooltip or label. Leaflet reads a string as HTML, and names on the map
 * are typed by people or imported, so they go in as a text node inside an element.
 */
export function asText(text: string): HTMLElement {
	const span = document.createElement('span');
	span.textContent = text;
	return span;
}

/**
 * Keeps a set of DOM markers in step with a list, touching only what changed, so a burst of
 * updates on a board of a thousand requests re-renders only the changed markers.
 */
export class MarkerLayer {
	/** Each marker on the map, with the description it was last drawn from (`source`, skipped when passed again as is). */
	#markers = new Map<string, { source: MapMarker; marker: Leaflet.Marker; lat: number; lng: number; look: string; zIndex: number }>();
	#group: Leaflet.LayerGroup;
	#Marker: typeof Leaflet.Marker;

	constructor(
		private L: typeof Leaflet,
		map: Leaflet.Map,
		private dataAttribute: string,
		private onClick?: (id: string) => void
	) {
		this.#group = L.layerGroup().addTo(map);
		this.#Marker = flatMarkerClass(L);
	}

	sync(markers: MapMarker[]): void {
		const seen = new Set<string>();
		for (const m of markers) {
			seen.add(m.id);
			const existing = this.#markers.get(m.id);
			if (existing?.source === m) continue;
			// Rebuilding an icon parses its HTML and replaces its element; moving one is a transform.
			const look = `${m.className},${m.color},${m.label},${m.title},${m.size}`;
			const zIndex = m.zIndex ?? 0;
			if (existing) {
				if (existing.lat !== m.lat || existing.lng !== m.lng) existing.marker.setLatLng([m.lat, m.lng]);
				if (existing.look !== look) existing.marker.setIcon(this.#icon(m));
				if (existing.zIndex !== zIndex) existing.marker.setZIndexOffset(zIndex);
				Object.assign(existing, { source: m, lat: m.lat, lng: m.lng, look, zIndex });
				continue;
			}
			const marker = new this.#Marker([m.lat, m.lng], { icon: this.#icon(m), title: m.title, keyboard: false, zIndexOffset: zIndex });
			if (this.onClick) marker.on('click', () => this.onClick!(m.id));
			marker.addTo(this.#group);
			this.#markers.set(m.id, { source: m, marker, lat: m.lat, lng: m.lng, look, zIndex });
		}
		for (const [id, { marker }] of this.#markers) {
			if (!seen.has(id)) {
				marker.remove();
				this.#markers.delete(id);
			}
		}
	}

	#icon(m: MapMarker): Leaflet.DivIcon {
		// Built as DOM nodes (see asText): the title holds building names and units.
		const inner = asText(m.label);
		inner.setAttribute(this.dataAttribute, m.id);
		inner.title = m.title;
		if (m.color) inner.style.setProperty('--marker', m.color);
		return this.L.divIcon({ className: m.className, html: inner, iconSize: [m.size, m.size], iconAnchor: [m.size / 2, m.size / 2] });
	}
}

/**
 * A marker placed with left/top, as Leaflet itself places markers where 3D transforms are
 * missing, instead of translate3d. A 3D transform makes each marker a compositor layer of its
 * own: with a thousand of them every frame of a live burst spent 5-10 ms on the main thread
 * layerizing and committing them, and Chromium's compositor threads most of a core drawing
 * them, which stretched the main thread's tasks (measured with `npm run bench`, see docs/performance.md).
 * Flat, they paint into the map pane's one layer. Markers stack by zIndexOffset alone (selected
 * and urgent on top), not also by latitude: a per-marker z-index splits the pane's painting
 * into a thousand pieces. The map turns markerZoomAnimation off, since left/top cannot follow
 * the zoom transition; markers hide for the quarter second of a zoom instead.
 * This replaces Leaflet 1.9's private Marker#_setPos (package.json pins leaflet ~1.9).
 */
function flatMarkerClass(L: typeof Leaflet): typeof Leaflet.Marker {
	return L.Marker.extend({
		_setPos(this: Leaflet.Marker & { _icon: (HTMLElement & { _leaflet_pos?: Leaflet.Point }) | null }, pos: Leaflet.Point) {
			if (!this._icon) return;
			this._icon._leaflet_pos = pos; // Leaflet reads it back (DomUtil.getPosition)
			this._icon.style.left = `${pos.x}px`;
			this._icon.style.top = `${pos.y}px`;
			const offset = this.options.zIndexOffset ?? 0;
			this._icon.style.zIndex = offset ? String(offset) : '';
		}
	});
}
