import type { Queryable } from '../db/types';
import type { CandidateView } from '../../api/types';
import { isStaff, type Actor } from '../../dispatch/permissions';
import { boundingBox, type LatLng } from '../../dispatch/geo';
import { rankCandidates } from '../../dispatch/ranking';
import { isSearchSettled, SEARCH_RADII_M } from '../../dispatch/candidate-search';
import { startOfLocalDay } from '../../dispatch/local-day';
import { findRequest } from '../repositories/requests';
import { findBuilding } from '../repositories/buildings';
import {
	countCandidates,
	findElderContinuity,
	listAllCandidates,
	listCandidatesByIds,
	listCandidatesInBox,
	type CandidateFilter,
	type CandidateRecord,
	type ElderContinuity
} from '../repositories/candidates';
import { forbidden, notFound } from '../http/api-error';
import type { ServiceDeps } from './deps';

const NO_CONTINUITY: ElderContinuity = { plannedVolunteerId: null, lastVisitorId: null };

/**
 * The best volunteers for a request, best first (see dispatch/ranking.ts for the why).
 * Requests that are no longer open are ranked too, so an unanswered offer can be moved.
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
	// One snapshot for the whole search, so the counts and the boxes agree with each other.
	const { request, building, records, continuity } = await deps.db
		.transaction()
		.setIsolationLevel('repeatable read')
		.execute(async (trx) => {
			const request = await findRequest(trx, requestId);
			if (!request) throw notFound('The request');
			const building = await findBuilding(trx, request.building_id);
			if (!building) throw notFound('The request’s building');
			const filter: CandidateFilter = { skill: request.type, dayStart: startOfLocalDay(deps.now()) };
			const continuity = request.type === 'elder_visit' && request.elder_id ? await findElderContinuity(trx, request.elder_id) : NO_CONTINUITY;
			const nearby = await searchAround(trx, filter, building, limit, radii);
			// The elder's familiar volunteers are ranked wherever they stand, if they may go.
			const known = new Set(nearby.map((r) => r.id));
			const wanted = [continuity.plannedVolunteerId, continuity.lastVisitorId].filter((id): id is string => id !== null && !known.has(id));
			const records = [...nearby, ...(await listCandidatesByIds(trx, filter, wanted))];
			return { request, building, records, continuity };
		});

	const inputs = records.map((r) => ({
		...r,
		isPlannedVisitor: r.id === continuity.plannedVolunteerId,
		visitedLast: r.id === continuity.lastVisitorId
	}));
	return rankCandidates({ type: request.type, lat: building.lat, lng: building.lng }, inputs, { limit });
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
		everyone ??= await countCandidates(db, filter.skill);
		if (found.length >= everyone) return found;
	}
	return listAllCandidates(db, filter);
}
