import type { Queryable } from '../db/types';
import type { CandidateView } from '../../api/types';
import { inScope, isStaff, type Actor } from '../../dispatch/permissions';
import { boundingBox, type LatLng } from '../../dispatch/geo';
import { rankCandidates } from '../../dispatch/ranking';
import { isSearchSettled, SEARCH_RADII_M } from '../../dispatch/candidate-search';
import {
	continuityElderId,
	familiarVolunteerIds,
	isPlannedVisitor,
	NO_CONTINUITY,
	tasksTodaySince,
	visitedLast
} from '../../dispatch/candidate-facts';
import { findRequestPlace } from '../repositories/requests';
import {
	countCandidates,
	findElderContinuity,
	listAllCandidates,
	listCandidatesByIds,
	listCandidatesInBox,
	type CandidateFilter,
	type CandidateRecord
} from '../repositories/candidates';
import { forbidden, notFound } from '../http/api-error';
import type { ServiceDeps } from './deps';

/**
 * The best volunteers for a request, best first (see dispatch/ranking.ts for the why).
 * Requests that are no longer open are ranked too, so an unanswered offer can be moved.
 * From the node's in-memory roster when it can answer (roster/candidate-roster.ts), otherwise
 * from the database; both rank the same volunteers the same way.
 */
export async function listCandidates(
	deps: ServiceDeps,
	actor: Actor,
	requestId: string,
	limit: number,
	/** The box radii to try in turn; the benchmark compares other steps. */
	radii: readonly number[] = SEARCH_RADII_M
): Promise<CandidateView[]> {
	if (!isStaff(actor.role)) throw forbidden('Only dispatchers and coordinators may do this.');
	// No transaction: each statement reads its own snapshot, and a search is a suggestion
	// the dispatcher acts on a moment later anyway (the assignment itself is conditional).
	const request = await findRequestPlace(deps.db, requestId);
	// Outside the scope, as if it did not exist.
	if (!request || !inScope(actor, request.communityId)) throw notFound('The request');
	const fromRoster = radii === SEARCH_RADII_M ? deps.roster?.rank(requestId, limit, deps.now()) : null;
	if (fromRoster) return fromRoster;
	const filter: CandidateFilter = { skill: request.skill, communityId: request.communityId, dayStart: tasksTodaySince(deps.now()) };
	const elderId = continuityElderId(request);
	const continuity = elderId ? await findElderContinuity(deps.db, elderId) : NO_CONTINUITY;
	const nearby = await searchAround(deps.db, filter, request, limit, radii);
	// The elder's familiar volunteers are ranked wherever they stand, if they may go.
	const known = new Set(nearby.map((r) => r.id));
	const wanted = familiarVolunteerIds(continuity).filter((id) => !known.has(id));
	const records = [...nearby, ...(await listCandidatesByIds(deps.db, filter, wanted))];

	const inputs = records.map((r) => ({
		...r,
		isPlannedVisitor: isPlannedVisitor(r.id, continuity),
		visitedLast: visitedLast(r.id, continuity)
	}));
	return rankCandidates({ type: request.type, lat: request.lat, lng: request.lng }, inputs, { limit });
}

/** Widens the box ×3 until the best `limit` are surely inside it, or it holds every candidate there is. */
async function searchAround(
	db: Queryable,
	filter: CandidateFilter,
	center: LatLng,
	limit: number,
	radii: readonly number[]
): Promise<CandidateRecord[]> {
	let everyone: number | undefined;
	for (const radius of radii) {
		const found = await listCandidatesInBox(db, filter, boundingBox(center, radius));
		if (isSearchSettled(center, found, radius, limit)) return found;
		everyone ??= await countCandidates(db, filter);
		if (found.length >= everyone) return found;
	}
	return listAllCandidates(db, filter);
}
