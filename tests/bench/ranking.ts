import { performance } from 'node:perf_hooks';
import { sql, type Kysely } from 'kysely';
import type { RequestView } from '../../src/lib/api/types';
import type { Database } from '../../src/lib/server/db/schema';
import { listCandidates } from '../../src/lib/server/services/candidates';
import { startCandidateRoster } from '../../src/lib/server/roster/candidate-roster';
import { createLogger } from '../../src/lib/server/log';
import { FIRST_SERVICES } from '../../src/lib/dispatch/vocabulary';
import { countyActor } from '../helpers/factories';
import { expectStatus, timedRequest } from './http-timing';
import type { BenchUser, BuildingPoint } from './bench-fixtures';
import { summarize, type Summary } from './stats';

const WARM_UP = 50;

export type RankingResult =
	| { skipped: true; reason: string }
	| {
			skipped: false;
			volunteers: number;
			calls: number;
			/** GET /api/requests/:id/candidates?limit=8, end to end over HTTP. */
			candidates: Summary;
			/** GET /api/session: the same HTTP and session work with no ranking, the floor. */
			floor: Summary;
			/** p50 of candidates minus p50 of the floor: about what ranking itself adds. */
			addedP50: number;
			/** The requests ranked, for the in-process run. */
			requestIds: string[];
			/** The search and ranking themselves (listCandidates), called in-process: no HTTP, no session. */
			inProcess?: InProcessRanking;
	  };

export interface InProcessRanking {
	/** listCandidates as the app runs it, from a synced in-memory roster (roster/candidate-roster.ts). */
	search: Summary;
	/** listCandidates without a roster: the database search (two or more round trips) and the ranking. */
	databaseSearch: Summary;
	/** `select 1` on the same pool: one database round trip, the floor under every read. */
	roundTrip: Summary;
}

/**
 * Candidate ranking through the endpoint a dispatcher's board calls, with the volunteers the
 * bench inserted. Calls run one at a time, so each figure is one request's own latency.
 */
export async function measureRanking(
	url: string,
	driver: BenchUser,
	buildings: BuildingPoint[],
	volunteers: number,
	calls: number
): Promise<RankingResult> {
	// One request of each type, in different corners of the community.
	const requests: RequestView[] = [];
	for (const [i, type] of FIRST_SERVICES.entries()) {
		const building = buildings[Math.floor(((i + 0.5) * buildings.length) / FIRST_SERVICES.length)]!;
		const created = await expectStatus<RequestView>(201, 'POST', `${url}/api/requests`, {
			cookie: driver.cookie,
			body: { type, buildingId: building.id, description: '基准测试：排序候选人' }
		});
		requests.push(created.body);
	}
	const probe = await timedRequest(`GET`, `${url}/api/requests/${requests[0]!.id}/candidates?limit=8`, { cookie: driver.cookie });
	if (probe.status === 404)
		return { skipped: true, reason: 'GET /api/requests/:id/candidates answers 404 in this build (the ranking endpoint is not merged yet)' };
	if (probe.status !== 200) throw new Error(`candidates answered ${probe.status}: ${JSON.stringify(probe.body).slice(0, 300)}`);

	// Each ranking call is followed by a floor call, so a noisy neighbour hurts both alike.
	const candidates: number[] = [];
	const floor: number[] = [];
	for (let i = 0; i < calls + WARM_UP; i++) {
		const request = requests[i % requests.length]!; // one per request type
		const ranked = await expectStatus(200, 'GET', `${url}/api/requests/${request.id}/candidates?limit=8`, { cookie: driver.cookie });
		const bare = await expectStatus(200, 'GET', `${url}/api/session`, { cookie: driver.cookie });
		if (i < WARM_UP) continue;
		candidates.push(ranked.returnedAt - ranked.sentAt);
		floor.push(bare.returnedAt - bare.sentAt);
	}
	const a = summarize(candidates);
	const b = summarize(floor);
	return { skipped: false, volunteers, calls, candidates: a, floor: b, addedP50: a.p50 - b.p50, requestIds: requests.map((r) => r.id) };
}

/**
 * The same ranking as the endpoint, called as the app calls it but from this process on a
 * pool and a candidate roster of its own: what the search and ranking cost without HTTP,
 * cookies and JSON. Each call is paired with the database search and a bare round trip, so a
 * noisy neighbour hurts all three alike.
 */
export async function measureRankingInProcess(db: Kysely<Database>, requestIds: string[], calls: number): Promise<InProcessRanking> {
	if (requestIds.length === 0) throw new Error('no requests to rank');
	const roster = startCandidateRoster(db, createLogger('silent'), { tailMs: 250, refreshMs: 3_600_000, reloadMs: 3_600_000 });
	try {
		await roster.sync();
		const now = () => new Date();
		const publisher = { publish() {} };
		const fromRoster = { db, now, publisher, roster };
		const fromDatabase = { db, now, publisher };
		for (const id of requestIds) {
			if (!roster.rank(id, 8, new Date()))
				throw new Error(`the roster does not know request ${id}: the bench would time the database fallback`);
		}
		const actor = await countyActor(db);
		const search: number[] = [];
		const databaseSearch: number[] = [];
		const roundTrip: number[] = [];
		const time = async (work: () => Promise<unknown>, into: number[] | null) => {
			const started = performance.now();
			await work();
			into?.push(performance.now() - started);
		};
		for (let i = 0; i < calls + WARM_UP; i++) {
			const warm = i >= WARM_UP;
			const id = requestIds[i % requestIds.length]!;
			await time(() => listCandidates(fromRoster, actor, id, { limit: 8 }), warm ? search : null);
			await time(() => listCandidates(fromDatabase, actor, id, { limit: 8 }), warm ? databaseSearch : null);
			await time(() => sql`select 1`.execute(db), warm ? roundTrip : null);
		}
		return { search: summarize(search), databaseSearch: summarize(databaseSearch), roundTrip: summarize(roundTrip) };
	} finally {
		roster.stop();
	}
}
