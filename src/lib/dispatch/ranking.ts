// Who should go: the candidate ranking, as a pure function so it can be tested and explained.
//
// Every factor is priced in metres of walking, so one number compares them and each part of
// it can be read back to the dispatcher ("280 m · 1 active · visited last time"):
//
//   effective metres = great-circle distance to the building
//                    + 300 m for each task the volunteer already holds
//                    +  50 m for each task assigned to them today
//                    − 1500 m if they are the elder's planned visitor   (elder visits only)
//                    − 1000 m if they made the elder's last visit        (elder visits only)
//
//   score = −(effective metres), so higher is better and 0 is a free volunteer at the door.
//
// Why these prices: the community is under a kilometre across, so distance decides between
// free volunteers. A task in hand delays the next one by roughly a 300 m walk and it spreads
// the load, so a busy neighbour loses to a free volunteer a few buildings away. Fairness only
// nudges: four tasks today weigh like 200 m. For an isolated elder a familiar face matters
// more than any walk inside the community, so continuity outweighs the whole distance range.
//
// Above the price stand tiers (contract, "Candidates, part two"): someone with the app open
// can answer an offer now, an offline volunteer perhaps in an hour, so every online candidate
// comes before every offline one, however near. An elder's planned visitor comes before both:
// the elder expects that face, and the dispatcher calls if the app is closed.

import { haversineMeters, type LatLng } from './geo';
import type { RequestType } from './vocabulary';
import { compareCodeUnits } from './compare';

export interface RankingWeights {
	metresPerActiveTask: number;
	metresPerTaskToday: number;
	plannedVisitorBonusM: number;
	lastVisitorBonusM: number;
}

export const RANKING_WEIGHTS: RankingWeights = {
	metresPerActiveTask: 300,
	metresPerTaskToday: 50,
	plannedVisitorBonusM: 1500,
	lastVisitorBonusM: 1000
};

/** The request as ranking sees it: its type and where its building stands. */
export interface RankedRequest extends LatLng {
	type: RequestType;
}

/** One volunteer who may take the request (on duty, with the skill), and what we know of them. */
export interface CandidateInput extends LatLng {
	id: string;
	name: string;
	/** Tasks assigned, accepted or in progress. */
	activeCount: number;
	/** Tasks assigned to them since local midnight. */
	tasksToday: number;
	/** The elder's planned visitor (visit plan). */
	isPlannedVisitor: boolean;
	/** Made the elder's last completed visit. */
	visitedLast: boolean;
	online: boolean;
}

export type Continuity = 'planned' | 'last' | null;

/** 0 the elder's planned visitor, 1 online, 2 offline: a lower tier always ranks first. */
export type Tier = 0 | 1 | 2;

export function tierOf(candidate: { continuity: Continuity; online: boolean }): Tier {
	return candidate.continuity === 'planned' ? 0 : candidate.online ? 1 : 2;
}

export interface RankedCandidate {
	volunteerId: string;
	name: string;
	/** Whole metres. */
	distanceM: number;
	activeCount: number;
	tasksToday: number;
	continuity: Continuity;
	online: boolean;
	lat: number;
	lng: number;
	/** −(effective metres), to 0.1; higher is better. */
	score: number;
}

export interface RankingOptions {
	/** Keep only the best `limit`. */
	limit?: number;
	weights?: RankingWeights;
}

/** The part of the price that does not depend on where the volunteer stands or who the elder is. */
export function workloadMeters(candidate: Pick<CandidateInput, 'activeCount' | 'tasksToday'>, weights = RANKING_WEIGHTS): number {
	return candidate.activeCount * weights.metresPerActiveTask + candidate.tasksToday * weights.metresPerTaskToday;
}

/** Continuity counts for elder visits only; the planned visitor wins when they also went last. */
export function continuityOf(request: RankedRequest, candidate: CandidateInput): Continuity {
	if (request.type !== 'elder_visit') return null;
	return candidate.isPlannedVisitor ? 'planned' : candidate.visitedLast ? 'last' : null;
}

function continuityBonus(continuity: Continuity, weights: RankingWeights): number {
	return continuity === 'planned' ? weights.plannedVisitorBonusM : continuity === 'last' ? weights.lastVisitorBonusM : 0;
}

/** Ranks candidates best first: by tier, then score. Equal scores fall back to the volunteer id, so the order never flickers. */
export function rankCandidates(
	request: RankedRequest,
	candidates: readonly CandidateInput[],
	options: RankingOptions = {}
): RankedCandidate[] {
	const weights = options.weights ?? RANKING_WEIGHTS;
	const scored = candidates.map((candidate) => {
		const distance = haversineMeters(request, candidate);
		const continuity = continuityOf(request, candidate);
		const effective = distance + workloadMeters(candidate, weights) - continuityBonus(continuity, weights);
		return { candidate, distance, continuity, effective, tier: tierOf({ continuity, online: candidate.online }) };
	});
	scored.sort((a, b) => a.tier - b.tier || a.effective - b.effective || compareCodeUnits(a.candidate.id, b.candidate.id));
	const kept = options.limit === undefined ? scored : scored.slice(0, Math.max(0, options.limit));
	return kept.map(({ candidate, distance, continuity, effective }) => ({
		volunteerId: candidate.id,
		name: candidate.name,
		distanceM: Math.round(distance),
		activeCount: candidate.activeCount,
		tasksToday: candidate.tasksToday,
		continuity,
		online: candidate.online,
		lat: candidate.lat,
		lng: candidate.lng,
		// `+ 0` turns −0 into 0 for a volunteer at the door.
		score: -Math.round(effective * 10) / 10 + 0
	}));
}

/**
 * Volunteers who already declined this request go after everyone else, each part in ranking
 * order: not asked first again, yet still there if nobody else can go. Even online: an
 * offline volunteer may yet say yes, where a decliner has said no (so a decliner is the one
 * exception to "online above offline").
 */
export function declinersLast<T extends { volunteerId: string }>(ranked: readonly T[], declined: ReadonlySet<string>): T[] {
	if (declined.size === 0) return [...ranked];
	return [...ranked.filter((c) => !declined.has(c.volunteerId)), ...ranked.filter((c) => declined.has(c.volunteerId))];
}
