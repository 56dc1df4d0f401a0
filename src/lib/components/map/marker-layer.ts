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
	#markers = new Map<string, { marker: Leaflet.Marker; signature: string }>();
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
			const signature = `${m.lat},${m.lng},${m.className},${m.html},${m.title},${m.size},${m.zIndex ?? 0}`;
			const existing = this.#markers.get(m.id);
			if (existing?.signature === signature) continue;
			if (existing) {
				existing.marker.setLatLng([m.lat, m.lng]).setIcon(this.#icon(m)).setZIndexOffset(m.zIndex ?? 0);
				existing.signature = signature;
				continue;
			}
			const marker = this.L.marker([m.lat, m.lng], { icon: this.#icon(m), title: m.title, keyboard: false, zIndexOffset: m.zIndex ?? 0 });
			if (this.onClick) marker.on('click', () => this.onClick!(m.id));
			marker.addTo(this.#group);
			this.#markers.set(m.id, { marker, signature });
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
