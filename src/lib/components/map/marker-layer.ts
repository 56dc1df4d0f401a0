import type * as Leaflet from 'leaflet';

export interface MapMarker {
	/** Goes into `data-request-id` (or `data-volunteer-id`) on the marker element. */
	id: string;
	lat: number;
	lng: number;
	/** Classes of the marker element; a change re-renders it. */
	className: string;
	html: string;
	title: string;
	size: number;
	zIndex?: number;
}

/**
 * Keeps a set of DOM markers in step with a list, touching only what changed, so a burst of
 * updates on a board of a thousand requests re-renders only the changed markers.
 */
export class MarkerLayer {
	/** Each marker on the map, with the description it was last drawn from (`source`, skipped when passed again as is). */
	#markers = new Map<string, { source: MapMarker; marker: Leaflet.Marker; lat: number; lng: number; look: string; zIndex: number }>();
	#group: Leaflet.LayerGroup;

	constructor(
		private L: typeof Leaflet,
		map: Leaflet.Map,
		private dataAttribute: string,
		private onClick?: (id: string) => void
	) {
		this.#group = L.layerGroup().addTo(map);
	}

	sync(markers: MapMarker[]): void {
		const seen = new Set<string>();
		for (const m of markers) {
			seen.add(m.id);
			const existing = this.#markers.get(m.id);
			if (existing?.source === m) continue;
			// Rebuilding an icon parses its HTML and replaces its element; moving one is a transform.
			const look = `${m.className},${m.html},${m.title},${m.size}`;
			const zIndex = m.zIndex ?? 0;
			if (existing) {
				if (existing.lat !== m.lat || existing.lng !== m.lng) existing.marker.setLatLng([m.lat, m.lng]);
				if (existing.look !== look) existing.marker.setIcon(this.#icon(m));
				if (existing.zIndex !== zIndex) existing.marker.setZIndexOffset(zIndex);
				Object.assign(existing, { source: m, lat: m.lat, lng: m.lng, look, zIndex });
				continue;
			}
			const marker = this.L.marker([m.lat, m.lng], { icon: this.#icon(m), title: m.title, keyboard: false, zIndexOffset: zIndex });
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
		return this.L.divIcon({
			className: m.className,
			html: `<span ${this.dataAttribute}="${m.id}" title="${escapeAttribute(m.title)}">${m.html}</span>`,
			iconSize: [m.size, m.size],
			iconAnchor: [m.size / 2, m.size / 2]
		});
	}
}

function escapeAttribute(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
