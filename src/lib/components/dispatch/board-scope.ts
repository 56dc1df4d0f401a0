// A board that covers several communities (a street's or the county's): who has how much
// waiting, and where each community lies on the map. Pure, so the board and its tests share it.
import type { RequestView } from '$lib/api/types';
import { ACTIVE_STATUSES } from '$lib/dispatch/vocabulary';

export type ActiveStatus = (typeof ACTIVE_STATUSES)[number];
export type StatusCounts = Record<ActiveStatus, number>;

/** A community of the user's scope, as the board names it. */
export interface ScopeCommunity {
	id: string;
	name: string;
}

function noCounts(): StatusCounts {
	return { open: 0, assigned: 0, accepted: 0, in_progress: 0 };
}

function addTo(counts: StatusCounts, request: RequestView): void {
	if (request.status in counts) counts[request.status as ActiveStatus] += 1;
}

/** Active requests by status; finished ones are not on a board and count for nothing. */
export function countByStatus(requests: Iterable<RequestView>): StatusCounts {
	const counts = noCounts();
	for (const request of requests) addTo(counts, request);
	return counts;
}

/**
 * Active requests by status for each community of the scope, in the scope's order. A quiet
 * community is listed with zeros: "nothing waiting in 一段" is worth seeing, not a missing row.
 */
export function countByCommunity(requests: Iterable<RequestView>, communityIds: readonly string[]): Map<string, StatusCounts> {
	const counts = new Map(communityIds.map((id) => [id, noCounts()]));
	for (const request of requests) {
		const entry = counts.get(request.communityId);
		if (entry) addTo(entry, request);
	}
	return counts;
}

/** Records grouped by their community, each group in its original order. */
export function groupByCommunity<T extends { communityId: string }>(items: readonly T[]): Map<string, T[]> {
	const groups = new Map<string, T[]>();
	for (const item of items) {
		const group = groups.get(item.communityId);
		if (group) group.push(item);
		else groups.set(item.communityId, [item]);
	}
	return groups;
}

/** South-west and north-east corners, as Leaflet's latLngBounds takes them. */
export type LatLngBox = [[number, number], [number, number]];

/** The box around these points, or null when there are none (an empty community has nowhere to fit). */
export function boundsOf(points: readonly { lat: number; lng: number }[]): LatLngBox | null {
	if (points.length === 0) return null;
	let [south, west, north, east] = [Infinity, Infinity, -Infinity, -Infinity];
	for (const { lat, lng } of points) {
		south = Math.min(south, lat);
		north = Math.max(north, lat);
		west = Math.min(west, lng);
		east = Math.max(east, lng);
	}
	return [
		[south, west],
		[north, east]
	];
}

/** The community a URL asks the board for, if it is one of the scope's; otherwise none (the whole scope). */
export function chosenCommunity(asked: string | null, communities: readonly ScopeCommunity[]): string | null {
	return asked && communities.some((c) => c.id === asked) ? asked : null;
}
