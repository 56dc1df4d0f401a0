// How far to look for candidates. The search reads on-duty volunteers inside a bounding box
// around the building (an index range, never a scan of everyone) and widens the box ×3 until
// it is sure the best `limit` are inside, or it holds every on-duty volunteer with the skill.

import { haversineMeters, type LatLng } from './geo';
import { compareCodeUnits } from './compare';
import { continuityOf, workloadMeters, RANKING_WEIGHTS, type CandidateInput, type RankedRequest, type RankingWeights } from './ranking';

/**
 * 50 m, 150 m, 450 m, 1.35 km, 4 km, 12 km, 36 km; after that the box is dropped.
 * It starts small because a dense roster (10,000 volunteers in one community under a
 * kilometre across) fits entirely in a 1.5 km box, where the index cannot help: measured
 * with tests/bench/ranking-bench.ts on PostgreSQL, p50 was about 3 ms from 50 m, 7 ms from
 * 100 m and 20-35 ms from 1.5 km there. A sparse roster (the demo's 48) pays three or four
 * tiny range reads instead of one; 1.35 km covers the whole demo community.
 */
export const SEARCH_RADII_M: readonly number[] = [50, 150, 450, 1350, 4050, 12_150, 36_450];

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

/**
 * The few candidates out of many that ranking needs to find the best `limit`: the `limit`
 * cheapest by price without continuity (distance and load), every continuity candidate,
 * whose bonus could lift them from anywhere, and everyone online, whose tier could (online
 * volunteers are few: those with the app open). Among the `limit` cheapest, at least
 * `limit` minus the online count are offline, and they are the cheapest offline ones: all
 * that ranking's last tier can need. rankCandidates over these gives the same best
 * `limit` as over everyone, without scoring and sorting thousands (the in-memory roster).
 */
export function preselectCandidates<C extends CandidateInput>(
	request: RankedRequest,
	candidates: Iterable<C>,
	limit: number,
	weights: RankingWeights = RANKING_WEIGHTS
): C[] {
	// Kept sorted by price, then id as rankCandidates breaks ties; at most `limit` long.
	const best: { candidate: C; price: number }[] = [];
	const continuing: C[] = [];
	const before = (price: number, id: string, than: { candidate: C; price: number }) =>
		price < than.price || (price === than.price && compareCodeUnits(id, than.candidate.id) < 0);
	for (const candidate of candidates) {
		if (candidate.online || continuityOf(request, candidate) !== null) {
			continuing.push(candidate);
			continue;
		}
		const price = haversineMeters(request, candidate) + workloadMeters(candidate, weights);
		const worst = best.at(-1);
		if (worst && best.length >= limit && !before(price, candidate.id, worst)) continue;
		let at = best.length;
		while (at > 0 && before(price, candidate.id, best[at - 1]!)) at--;
		best.splice(at, 0, { candidate, price });
		if (best.length > limit) best.pop();
	}
	return [...best.map((e) => e.candidate), ...continuing];
}
