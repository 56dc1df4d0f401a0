import type { Queryable } from '../db/types';
import type { CandidateView } from '../../api/types';
import { inScope, isStaff, type Actor } from '../../dispatch/permissions';
import { boundingBox, type LatLng } from '../../dispatch/geo';
import { declinersLast, rankCandidates, type RankedCandidate } from '../../dispatch/ranking';
import { isSearchSettled, SEARCH_RADII_M } from '../../dispatch/candidate-search';
import {
	continuityElderId,
	familiarVolunteerIds,
	isPlannedVisitor,
	NO_CONTINUITY,
	tasksTodaySince,
	visitedLast
} from '../../dispatch/candidate-facts';
import { findRequestPlace, type RequestPlace } from '../repositories/requests';
import { listDecliners } from '../repositories/events';
import {
	countCandidates,
	findCandidateContacts,
	findElderContinuity,
	listAllCandidates,
	listCandidatesByIds,
	listCandidatesInBox,
	listOnlineCandidates,
	type CandidateFilter,
	type CandidateRecord
} from '../repositories/candidates';
import { forbidden, notFound } from '../http/api-error';
import type { ServiceDeps } from './deps';

/** What the board asks for: how many (all when absent) and a name filter. */
export interface CandidateQuery {
	limit?: number;
	q?: string;
	/** The box radii to try in turn; the benchmark compares other steps. */
	radii?: readonly number[];
	/**
	 * Read presence from the database, not this node's roster: a tab opened on another node
	 * reaches the roster only at its next refresh, and auto-offer must not end a run early on that.
	 */
	fromDatabase?: boolean;
}

/**
 * The volunteers who may take a request, best first (see dispatch/ranking.ts for the why),
 * each with what the dispatcher needs to reach them. Requests that are no longer open are
 * ranked too, so an unanswered offer can be moved. From the node's in-memory roster when it
 * can answer (roster/candidate-roster.ts), otherwise from the database; both rank the same
 * volunteers the same way.
 */
export async function listCandidates(
	deps: ServiceDeps,
	actor: Actor,
	requestId: string,
	query: CandidateQuery = {}
): Promise<CandidateView[]> {
	if (!isStaff(actor.role)) throw forbidden('Only dispatchers and coordinators may do this.');
	// No transaction: each statement reads its own snapshot, and a search is a suggestion
	// the dispatcher acts on a moment later anyway (the assignment itself is conditional).
	const request = await findRequestPlace(deps.db, requestId);
	// Outside the scope, as if it did not exist.
	if (!request || !inScope(actor, request.communityId)) throw notFound('The request');
	return candidatesFor(deps, requestId, request, query);
}

/** listCandidates without a reader to check: for auto-offer, which asks as the server itself. */
export async function candidatesFor(
	deps: ServiceDeps,
	requestId: string,
	request: RequestPlace,
	query: CandidateQuery = {}
): Promise<CandidateView[]> {
	const declined = new Set(await listDecliners(deps.db, requestId));
	// Decliners move to the end, so rank enough that `limit` others can stay above them.
	const wanted = query.limit === undefined ? Infinity : query.limit + declined.size;
	const radii = query.radii ?? SEARCH_RADII_M;
	const ranked =
		(radii === SEARCH_RADII_M && !query.fromDatabase ? deps.roster?.rank(requestId, wanted, deps.now(), query.q) : null) ??
		(await rankFromDatabase(deps, request, wanted, query.q, radii));
	const shown = declinersLast(ranked, declined).slice(0, query.limit);
	const contacts = await findCandidateContacts(
		deps.db,
		shown.map((c) => c.volunteerId),
		request.communityId
	);
	return shown.map((c) => ({
		...c,
		// Only on-duty volunteers are candidates (a volunteer off duty has said not to send them).
		available: true,
		declined: declined.has(c.volunteerId),
		phone: contacts.get(c.volunteerId)?.phone ?? null,
		teamIds: contacts.get(c.volunteerId)?.teamIds ?? []
	}));
}

/**
 * The ranking from the database, as the roster ranks in memory (candidate-roster.test.ts holds
 * the two equal): the nearby search for the best offline volunteers, everyone
 * online wherever they stand (their tier puts them first), and the elder's familiar faces.
 * `limit` is Infinity for everyone, and a name filter reads everyone who matches.
 */
export async function rankFromDatabase(
	deps: Pick<ServiceDeps, 'db' | 'now'>,
	request: RequestPlace,
	limit: number,
	name?: string,
	radii: readonly number[] = SEARCH_RADII_M
): Promise<RankedCandidate[]> {
	const filter: CandidateFilter = { skill: request.skill, communityId: request.communityId, dayStart: tasksTodaySince(deps.now()), name };
	const elderId = continuityElderId(request);
	const continuity = elderId ? await findElderContinuity(deps.db, elderId) : NO_CONTINUITY;
	const everyone = name !== undefined || !Number.isFinite(limit);
	const records = everyone ? await listAllCandidates(deps.db, filter) : await searchAround(deps.db, filter, request, limit, radii);
	const known = new Set(records.map((r) => r.id));
	const addUnknown = (more: CandidateRecord[]) => {
		for (const r of more) {
			if (known.has(r.id)) continue;
			known.add(r.id);
			records.push(r);
		}
	};
	if (!everyone) addUnknown(await listOnlineCandidates(deps.db, filter));
	// The elder's familiar volunteers are ranked wherever they stand, if they may go.
	const wanted = familiarVolunteerIds(continuity).filter((id) => !known.has(id));
	addUnknown(await listCandidatesByIds(deps.db, filter, wanted));

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
