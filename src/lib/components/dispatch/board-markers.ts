import type { BuildingView, CandidateView, RequestView, VolunteerView } from '$lib/api/types';
import type { MapMarker } from '$lib/components/map/marker-layer';
import type { Translate } from '$lib/i18n/translate';

const METERS_PER_DEGREE = 111_320;

/** Several requests at one building fan out in a small ring so each stays clickable. */
function fanOut(lat: number, lng: number, index: number, count: number): [number, number] {
	if (count <= 1) return [lat, lng];
	const angle = (2 * Math.PI * index) / count;
	const radiusM = 7 + count;
	return [
		lat + (radiusM * Math.sin(angle)) / METERS_PER_DEGREE,
		lng + (radiusM * Math.cos(angle)) / (METERS_PER_DEGREE * Math.cos((lat * Math.PI) / 180))
	];
}

/** One DOM marker per active request: coloured by type, shaped by status, loud when urgent. */
export function requestMarkers(
	requests: RequestView[],
	buildingsById: Map<string, BuildingView>,
	selectedId: string | null,
	t: Translate
): MapMarker[] {
	const byBuilding = new Map<string, RequestView[]>();
	for (const r of requests) byBuilding.set(r.buildingId, [...(byBuilding.get(r.buildingId) ?? []), r]);
	const markers: MapMarker[] = [];
	for (const [buildingId, group] of byBuilding) {
		const building = buildingsById.get(buildingId);
		if (!building) continue;
		group.forEach((r, index) => {
			const [lat, lng] = fanOut(building.lat, building.lng, index, group.length);
			const urgent = r.urgency === 'urgent';
			const selected = r.id === selectedId;
			markers.push({
				id: r.id,
				lat,
				lng,
				className: `request-marker ${r.type} ${r.status}${urgent ? ' urgent' : ''}${selected ? ' selected' : ''}${r.offerExpiredAt ? ' no-response' : ''}`,
				html: urgent ? '!' : '',
				title: `${building.name} ${r.unit} · ${t(`type.${r.type}`)} · ${t(`status.${r.status}`)}`,
				size: selected ? 26 : urgent ? 22 : 18,
				zIndex: selected ? 1000 : urgent ? 500 : 0
			});
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
				html: rank ? String(rank) : '',
				title: `${v.name} · ${t(v.online ? 'candidates.online' : 'candidates.offline')}`,
				size: rank ? 20 : 10,
				zIndex: rank ? 800 - rank : -100
			}
		];
	});
}
