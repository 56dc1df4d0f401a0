// How far to look for candidates. The search reads on-duty volunteers inside a bounding box
// around the building (an index range, never a scan of everyone) and widens the box ×3 until
// it is sure the best `limit` are inside, or it holds every on-duty volunteer with the skill.

import { haversineMeters, type LatLng } from './geo';
import { workloadMeters, RANKING_WEIGHTS, type RankingWeights } from './ranking';

/**
 * 100 m, 300 m, 900 m, 2.7 km, 8.1 km, 24 km, 73 km; after that the box is dropped.
 * It starts small because a dense roster (10,000 volunteers in one community under a
 * kilometre across) fits entirely in a 1.5 km box, where the index cannot help: measured
 * with tests/bench/ranking-bench.ts, a 1.5 km start was 2-3× slower there. A sparse roster
 * (the demo's 48) pays two or three more tiny range reads instead.
 */
export const SEARCH_RADII_M: readonly number[] = [100, 300, 900, 2700, 8100, 24_300, 72_900];

export interface FoundCandidate extends LatLng {
	activeCount: number;
	tasksToday: number;
}

/**
 * True when the best `limit` candidates are certainly among those found within `radiusM`.
 * Anyone outside the box stands more than `radiusM` away, so their price in metres (see
 * ranking.ts) is above `radiusM`; once `limit` found candidates cost at most `radiusM` even
 * without a continuity bonus, nobody outside can beat them. Continuity candidates are fetched
 * by id wherever they are, so their bonus cannot hide them outside the box.
 */
export function isSearchSettled(
	center: LatLng,
	found: readonly FoundCandidate[],
	radiusM: number,
	limit: number,
	weights: RankingWeights = RANKING_WEIGHTS
): boolean {
	let certain = 0;
	for (const candidate of found) {
		if (haversineMeters(center, candidate) + workloadMeters(candidate, weights) <= radiusM) certain++;
		if (certain >= limit) return true;
	}
	return false;
}
