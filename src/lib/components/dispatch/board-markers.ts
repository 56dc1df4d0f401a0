import type { BuildingView, CandidateView, RequestView, VolunteerView } from '$lib/api/types';
import type { MapMarker } from '$lib/components/map/marker-layer';
import type { Translate } from '$lib/i18n/translate';
import { compareCodeUnits } from '$lib/dispatch/compare';
import { serviceColor } from '$lib/catalogue/palette';

const METERS_PER_DEGREE = 111_320;

/** The golden angle: successive points on it never line up, so a spiral of any length stays even. */
const GOLDEN_ANGLE = Math.PI * (3 - Math.sqrt(5));

/**
 * Several requests at one building spread on a sunflower spiral, oldest at the centre, so each
 * stays clickable. A place depends only on the request's rank by age at its building, never on
 * how many there are: a new request adds a marker and moves none of the others.
 */
export function spiralPlace(lat: number, lng: number, index: number): [number, number] {
	if (index === 0) return [lat, lng];
	const angle = index * GOLDEN_ANGLE;
	const radiusM = 10 * Math.sqrt(index);
	return [
		lat + (radiusM * Math.sin(angle)) / METERS_PER_DEGREE,
		lng + (radiusM * Math.cos(angle)) / (METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180))
	];
}

const byAge = (a: RequestView, b: RequestView) => compareCodeUnits(a.createdAt, b.createdAt) || compareCodeUnits(a.id, b.id);

/**
 * How many open requests carry the "waiting, look here" ring at once (it blinks as they arrive,
 * see markers.css). On a board of hundreds a ring on every open request would say nothing.
 */
export const MAX_PULSING = 12;

/** The open requests that pulse: the newest, urgent ones first. */
export function pulsingIds(requests: readonly RequestView[], max = MAX_PULSING): Set<string> {
	const open = requests.filter((r) => r.status === 'open');
	if (open.length <= max) return new Set(open.map((r) => r.id));
	const loudest = open.sort(
		(a, b) => Number(b.urgency === 'urgent') - Number(a.urgency === 'urgent') || compareCodeUnits(b.createdAt, a.createdAt)
	);
	return new Set(loudest.slice(0, max).map((r) => r.id));
}

/**
 * The marker last built for each request snapshot (snapshots are replaced, never changed): a
 * frame of a live burst rebuilds only the markers whose request, place or highlight changed,
 * and the marker layer skips the rest by identity.
 */
const built = new WeakMap<
	RequestView,
	{ lat: number; lng: number; selected: boolean; pulse: boolean; t: Translate; typeName: TypeName; marker: MapMarker }
>();

/** A service's name in the reader's language (the catalogue's). */
export type TypeName = (code: string) => string;

/** One DOM marker per active request: coloured by its service (the palette's), shaped by status, loud when urgent. */
export function requestMarkers(
	requests: RequestView[],
	buildingsById: Map<string, BuildingView>,
	selectedId: string | null,
	t: Translate,
	typeName: TypeName
): MapMarker[] {
	const byBuilding = new Map<string, RequestView[]>();
	for (const r of requests) {
		const group = byBuilding.get(r.buildingId);
		if (group) group.push(r);
		else byBuilding.set(r.buildingId, [r]);
	}
	const pulsing = pulsingIds(requests);
	const markers: MapMarker[] = [];
	for (const [buildingId, group] of byBuilding) {
		const building = buildingsById.get(buildingId);
		if (!building) continue;
		group.sort(byAge).forEach((r, index) => {
			const [lat, lng] = spiralPlace(building.lat, building.lng, index);
			const selected = r.id === selectedId;
			const pulse = pulsing.has(r.id);
			const cached = built.get(r);
			if (
				cached &&
				cached.lat === lat &&
				cached.lng === lng &&
				cached.selected === selected &&
				cached.pulse === pulse &&
				cached.t === t &&
				cached.typeName === typeName
			) {
				markers.push(cached.marker);
				return;
			}
			const urgent = r.urgency === 'urgent';
			const marker: MapMarker = {
				id: r.id,
				lat,
				lng,
				className: `request-marker ${r.status}${urgent ? ' urgent' : ''}${selected ? ' selected' : ''}${r.offerExpiredAt ? ' no-response' : ''}${pulse ? ' pulse' : ''}`,
				color: serviceColor(r.type),
				label: urgent ? '!' : '',
				title: `${building.name} ${r.unit} · ${typeName(r.type)} · ${t(`status.${r.status}`)}`,
				size: selected ? 26 : urgent ? 22 : 18,
				zIndex: selected ? 1000 : urgent ? 500 : 0
			};
			built.set(r, { lat, lng, selected, pulse, t, typeName, marker });
			markers.push(marker);
		});
	}
	return markers;
}

/** On-duty volunteers as small dots; the selected request's candidates as numbered badges. */
export function volunteerDots(volunteers: VolunteerView[], candidates: CandidateView[], t: Translate): MapMarker[] {
	const rankOf = new Map(candidates.map((c, i) => [c.volunteerId, i + 1]));
	return volunteers.flatMap((v): MapMarker[] => {
		const rank = rankOf.get(v.id);
		if (!v.available && !rank) return [];
		return [
			{
				id: v.id,
				lat: v.lat,
				lng: v.lng,
				className: `volunteer-dot${v.online ? ' online' : ''}${rank ? ' candidate' : ''}`,
				label: rank ? String(rank) : '',
				title: `${v.name} · ${t(v.online ? 'candidates.online' : 'candidates.offline')}`,
				size: rank ? 20 : 10,
				zIndex: rank ? 800 - rank : -100
			}
		];
	});
}
